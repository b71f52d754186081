"""Builds the adapters for one configuration and subscribes the event handlers (cosmicpython's
bootstrap): create_app and the Lambda workers both start here, so both react alike."""

from __future__ import annotations

import time

from . import events
from .config import Config
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
    a.events.subscribe(events.CHECKIN_STARTED, lambda checkin: notify.checkin_started(a, checkin))
    a.events.subscribe(events.CHECKIN_REMINDER,
                       lambda checkin, people: notify.checkin_reminder(a, checkin, people))
