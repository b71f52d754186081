"""The company's day: dates and day boundaries in the configured time zone (zoneinfo).

Every capability that says "today" (the health declaration, the news edition, check-ins)
counts days here, so they all turn over at the same moment."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo


def zone(tz: ZoneInfo | str) -> ZoneInfo:
    """The time zone itself, from its IANA name (config.timezone) or as it is."""
    return tz if isinstance(tz, ZoneInfo) else ZoneInfo(tz)


def day_of(ts: int, tz: ZoneInfo | str) -> date:
    """The company date at epoch second ts."""
    return datetime.fromtimestamp(ts, zone(tz)).date()


def start_of(day: date, tz: ZoneInfo | str) -> int:
    """Epoch seconds of the company day's first moment."""
    return int(datetime.combine(day, time(0), zone(tz)).timestamp())


def end_of(day: date, tz: ZoneInfo | str, *, days: int = 1) -> int:
    """Epoch seconds when `days` company days starting with `day` are over."""
    return start_of(day + timedelta(days=days), tz)
