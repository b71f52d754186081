"""The calendar file, read back by a real iCalendar library."""

from datetime import UTC, datetime

import icalendar
import pytest

from tests.api.events_helpers import EDITOR, EMPLOYEE, HOUR, Events, iso


@pytest.fixture
def events(app, clock):
    return Events(app, clock)


def _vevent(events, email, event_id):
    answer = events.phone(email).get(f"/api/events/{event_id}/calendar.ics")
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in answer.headers["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(answer.data)
    (vevent,) = calendar.walk("VEVENT")
    return vevent


def _day(clock, days: int, hour: int, minute: int = 0) -> datetime:
    """A day from now at a given UTC time."""
    day = datetime.fromtimestamp((int(clock()) // 86400 + days) * 86400, UTC)
    return day.replace(hour=hour, minute=minute)


def test_the_file_holds_the_utc_instants_and_a_stable_uid(events, clock):
    start = _day(clock, 10, 12)
    event = events.create(EDITOR, starts_at=iso(start.timestamp()),
                          ends_at=iso(start.timestamp() + 2 * HOUR))
    vevent = _vevent(events, EMPLOYEE, event["id"])
    assert vevent.decoded("dtstart") == start
    assert vevent.decoded("dtend") == start.replace(hour=14)
    assert str(vevent["uid"]) == f"{event['id']}@together"
    assert str(vevent["summary"]) == "Karaoke night"  # Li Na reads English
    assert str(vevent["url"]) == "https://meeting.dingtalk.com/j/abc123"
    assert int(vevent["sequence"]) == 0


def test_an_edit_keeps_the_uid_and_moves_the_sequence_and_cancel_says_so(events, clock):
    event = events.create(EDITOR)
    moved = _day(clock, 20, 9, 30)
    body = events.body(starts_at=iso(moved.timestamp()), ends_at=iso(moved.timestamp() + HOUR))
    assert events.phone(EDITOR).put(f"/api/events/{event['id']}", json=body).status_code == 200
    vevent = _vevent(events, EMPLOYEE, event["id"])
    assert str(vevent["uid"]) == f"{event['id']}@together"
    assert int(vevent["sequence"]) == 1 and vevent.decoded("dtstart") == moved
    events.phone(EDITOR).post(f"/api/events/{event['id']}/cancel")
    vevent = _vevent(events, EMPLOYEE, event["id"])
    assert str(vevent["status"]) == "CANCELLED" and int(vevent["sequence"]) == 2


def test_the_summary_is_in_the_persons_language(events):
    event = events.create(EDITOR)
    vevent = _vevent(events, EDITOR, event["id"])  # Chen Hao reads Chinese
    assert str(vevent["summary"]) == "卡拉OK之夜"
