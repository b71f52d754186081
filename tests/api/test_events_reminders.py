"""Reminders a day and 15 minutes before, to those going only, once each; edits and
cancellations reach everyone who answered."""

import pytest

from functions.live_events import reminders
from tests.api.events_helpers import DAY, EDITOR, EMPLOYEE, HOUR, RETAIL_PERSON, Events, iso

MAYBE = "staff0009@example.com"  # E0009: Retail, Wuhan


@pytest.fixture
def events(app, clock):
    return Events(app, clock)


def _run(events):
    return reminders.run(events.adapters)["reminded"]


def test_reminders_go_to_those_going_once_each(events, clock):
    event = events.create(EDITOR)  # starts in two days
    events.rsvp(EMPLOYEE, event["id"], "going")
    events.rsvp(MAYBE, event["id"], "maybe")
    assert _run(events) == 0
    clock.advance(DAY + 60)
    assert _run(events) == 1 and _run(events) == 0
    assert events.inbox_titles(EMPLOYEE) == ["Tomorrow: Karaoke night"]
    clock.advance(DAY - 15 * 60)
    assert _run(events) == 1 and _run(events) == 0
    assert events.inbox_titles(EMPLOYEE)[0] == "In 15 minutes: Karaoke night"
    assert len(events.inbox_titles(EMPLOYEE)) == 2
    assert events.inbox_titles(MAYBE) == []


def test_a_moved_event_is_reminded_at_its_new_time_and_answers_hear_of_changes(events, clock):
    event = events.create(EDITOR)
    events.rsvp(EMPLOYEE, event["id"], "going")
    events.rsvp(RETAIL_PERSON, event["id"], "not_going")
    start = int(clock()) + 2 * DAY + 2 * HOUR  # two hours later
    later = events.body(starts_at=iso(start), ends_at=iso(start + HOUR))
    assert events.phone(EDITOR).put(f"/api/events/{event['id']}", json=later).status_code == 200
    assert "Event changed: Karaoke night" in events.inbox_titles(EMPLOYEE)
    assert "Event changed: Karaoke night" in events.inbox_titles(RETAIL_PERSON)
    clock.advance(DAY + 60)
    assert _run(events) == 0  # the old time's reminder is gone
    clock.advance(2 * HOUR)
    assert _run(events) == 1
    events.phone(EDITOR).post(f"/api/events/{event['id']}/cancel")
    assert events.inbox_titles(RETAIL_PERSON)[0] == "Event cancelled: Karaoke night"
    clock.advance(DAY)
    assert _run(events) == 0  # nothing for a cancelled event
