"""After the event, a host attaches its recording (a video uploaded through the resumable
pipeline); EVENT_RECORDED is announced and bootstrap's handler posts it as news to the same
audience. This module never imports news."""

from __future__ import annotations

from ..errors import ApiError, Conflict, Invalid, NotFound
from ..events import EVENT_RECORDED
from ..i18n import t
from ..store import Condition, ConditionFailed
from ..videos import service as videos
from . import events
from .keys import event_key


def attach(store, user: dict, event_id: str, video_id: str, now: int, bus) -> dict:
    """Attach the recording once; the news item follows through the bus."""
    event = events.hosted(store, user, event_id)
    if event.get("recording"):
        raise Conflict("recording_already")
    try:
        videos.visible(store, user, video_id)
    except NotFound:
        raise Invalid("video_not_found", fields={"video_id": [t("video_not_found")]}) from None
    try:
        store.update(*event_key(event_id), set={"recording": {"video_id": video_id,
                                                               "news_id": None}},
                     condition=Condition.present(sequence=event["sequence"]))
    except ConditionFailed:
        raise Conflict() from None
    event = events.get(store, event_id)
    try:
        bus.publish(EVENT_RECORDED, event=event, video_id=video_id, host=user)
    except ApiError:  # news refused it (a video already used, a host who may not publish)
        store.update(*event_key(event_id), set={"recording": None})
        raise
    return events.get(store, event_id)


def posted(store, event_id: str, video_id: str, news_id: str) -> None:
    """The news item the recording became (bootstrap's handler calls this)."""
    store.update(*event_key(event_id), set={"recording": {"video_id": video_id,
                                                           "news_id": news_id}})


TITLE = {"en": "Recording: {title}", "zh-CN": "录像：{title}"}


def news_body(event: dict, video_id: str) -> dict:
    """What the news item says: "Recording: <title>" in each language the event has."""
    title = {lang: TITLE[lang].format(title=text)[:120]
             for lang, text in event["title"].items() if text}
    text = {lang: body for lang, body in (event.get("description") or {}).items() if body}
    return {"title": title, "text": text, "video_id": video_id, "audience": event["audience"],
            "publish_at": None, "must_acknowledge": False, "pinned": False}
