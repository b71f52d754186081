"""A small synchronous in-process event bus: capabilities announce, others subscribe.

A capability never imports another's service to call it back: it publishes an event here and
whoever cares subscribes in `functions.bootstrap`. Handlers run in the publisher's thread, in
the order they subscribed; an exception in one reaches the publisher (nothing is swallowed).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

# The events, with what each carries (keyword arguments of publish and of every handler).
VIDEO_SETTLED = "video.settled"  # video: dict, the video item after processing ended
NEWS_PUBLISHED = "news.published"  # item: dict, a news item that enters its audience's feeds
HEALTH_STATUS_CHANGED = "health.status_changed"  # employee_id: str (nothing about the health)
NOTE_PUBLISHED = "note.published"  # note: dict, a note that enters its audience's feeds
NOTE_HIDDEN = "note.hidden"  # note: dict, reason: str; HR hid a note (its author is told why)
STORY_RELEASED = "story.released"  # story: dict; a moderator released it (its author is told)
STORY_REJECTED = "story.rejected"  # story: dict, with the moderator's reason (author told)
# A live event's reminder is due: event: dict, stage: "day" | "15m", people: ids going
EVENT_REMINDER = "live_event.reminder"
# A live event was edited or cancelled: event: dict, change: "updated" | "cancelled",
# people: the ids of everyone who answered
EVENT_CHANGED = "live_event.changed"
# A host attached a recording: event: dict, video_id: str, host: dict (who attached it)
EVENT_RECORDED = "live_event.recorded"
NAMES = frozenset({VIDEO_SETTLED, NEWS_PUBLISHED, HEALTH_STATUS_CHANGED, NOTE_PUBLISHED,
                   NOTE_HIDDEN, STORY_RELEASED, STORY_REJECTED, EVENT_REMINDER, EVENT_CHANGED,
                   EVENT_RECORDED})


class Bus:
    """Event name -> handlers; publish calls each handler with the event's payload."""

    def __init__(self):
        self._handlers: dict[str, list[Callable]] = defaultdict(list)

    def subscribe(self, name: str, handler: Callable) -> None:
        if name not in NAMES:
            raise ValueError(f"unknown event {name!r}: add it to functions/events.py")
        self._handlers[name].append(handler)

    def publish(self, name: str, **payload) -> None:
        if name not in NAMES:
            raise ValueError(f"unknown event {name!r}")
        for handler in self._handlers.get(name, ()):
            handler(**payload)

    def handlers(self, name: str) -> list[Callable]:
        """The handlers subscribed to name, in order (for tests and docs)."""
        return list(self._handlers.get(name, ()))
