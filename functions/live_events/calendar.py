"""The calendar file of an event (RFC 5545, built with the icalendar package): a stable UID
so an edit updates the entry people saved, SEQUENCE moving on with each edit, UTC instants
(calendars show them in the person's own time zone) and STATUS:CANCELLED once cancelled."""

from __future__ import annotations

from datetime import UTC, datetime

from icalendar import Calendar
from icalendar import Event as VEvent

PRODID = "-//Together//Live events//EN"


def uid(event: dict) -> str:
    return f"{event['id']}@together"


def _text(texts: dict, lang: str) -> str:
    return texts.get(lang) or texts.get("en") or texts.get("zh-CN") or ""


def _utc(epoch: int) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


def ics(event: dict, lang: str) -> bytes:
    """One VEVENT in the person's language."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    entry = VEvent()
    entry.add("uid", uid(event))
    entry.add("sequence", event["sequence"])
    entry.add("dtstamp", _utc(event["updated_at"]))
    entry.add("dtstart", _utc(event["starts_at"]))
    entry.add("dtend", _utc(event["ends_at"]))
    entry.add("summary", _text(event["title"], lang))
    description = _text(event.get("description") or {}, lang)
    entry.add("description", f"{description}\n\n{event['join_url']}".strip())
    entry.add("url", event["join_url"])
    entry.add("status", "CANCELLED" if event["state"] == "cancelled" else "CONFIRMED")
    cal.add_component(entry)
    return cal.to_ical()


def filename(event: dict) -> str:
    return f"event-{event['id']}.ics"
