"""Builds the adapters for one configuration and subscribes the event handlers (cosmicpython's
bootstrap): create_app and the Lambda workers both start here, so both react alike."""

from __future__ import annotations

import time

from . import events
from .config import Config
from .live_events import recording
from .news import service as news
from .notify import hooks as notify
from .stories import service as stories
from .wiring import Adapters


def bootstrap(config: Config, *, clock=time.time) -> Adapters:
    """The adapters (lazy: nothing connects yet) with every subscription in place."""
    a = Adapters(config, clock=clock)
    subscribe(a)
    return a


def subscribe(a: Adapters) -> None:
    """Who reacts to what. Handlers read the adapters when called: clients stay lazy."""
    a.events.subscribe(events.VIDEO_SETTLED,
                       lambda video: news.video_settled(a.store, video, a.events))
    a.events.subscribe(events.VIDEO_SETTLED, lambda video: stories.video_settled(a.store, video))
    a.events.subscribe(events.NEWS_PUBLISHED, lambda item: notify.news_published(a, item))
    a.events.subscribe(events.HEALTH_STATUS_CHANGED,
                       lambda employee_id: notify.health_changed(a, employee_id))
    a.events.subscribe(events.NOTE_PUBLISHED, lambda note: notify.note_published(a, note))
    a.events.subscribe(events.NOTE_HIDDEN,
                       lambda note, reason: notify.note_hidden(a, note, reason))
    a.events.subscribe(events.STORY_RELEASED, lambda story: notify.story_released(a, story))
    a.events.subscribe(events.STORY_REJECTED, lambda story: notify.story_rejected(a, story))
    a.events.subscribe(events.EVENT_REMINDER, lambda event, stage, people:
                       notify.event_reminder(a, event, stage, people))
    a.events.subscribe(events.EVENT_CHANGED, lambda event, change, people:
                       notify.event_changed(a, event, change, people))
    a.events.subscribe(events.EVENT_RECORDED, lambda event, video_id, host:
                       recording_to_news(a, event, video_id, host))


def recording_to_news(a: Adapters, event: dict, video_id: str, host: dict) -> None:
    """A live event's recording becomes a news item to the event's audience (as its host)."""
    item = news.publish(a.store, host, recording.news_body(event, video_id), int(a.clock()),
                        a.events)
    recording.posted(a.store, event["id"], video_id, item["id"])
