"""The company's day: dates and day boundaries in the configured time zone (zoneinfo)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ..wiring import adapters


def zone() -> ZoneInfo:
    return ZoneInfo(adapters().config.timezone)


def day_of(ts: int, tz: ZoneInfo) -> date:
    """The company date at epoch second ts."""
    return datetime.fromtimestamp(ts, tz).date()


def start_of(day: date, tz: ZoneInfo) -> int:
    """Epoch seconds of the company day's first moment."""
    return int(datetime.combine(day, time(0), tz).timestamp())


def end_of(day: date, tz: ZoneInfo, *, days: int = 1) -> int:
    """Epoch seconds when `days` company days starting with `day` are over."""
    return start_of(day + timedelta(days=days), tz)
