"""Live events: who sees them, answering once per person, capacity, and who may host."""

import pytest

from tests.api.events_helpers import (
    CLOUD_PERSON,
    COMPANY,
    EDITOR,
    EMPLOYEE,
    HR,
    RETAIL_PERSON,
    Events,
    iso,
)


@pytest.fixture
def events(app, clock):
    return Events(app, clock)


def test_an_event_reaches_its_audience_only_and_is_404_to_others(events):
    event = events.create(EDITOR)
    upcoming = events.phone(EMPLOYEE).get("/api/events").get_json()["items"]
    assert [e["id"] for e in upcoming] == [event["id"]]
    assert upcoming[0]["starts_at"].endswith("Z") and upcoming[0]["audience_name"] == "Retail"
    assert events.phone(CLOUD_PERSON).get("/api/events").get_json()["items"] == []
    answer = events.phone(CLOUD_PERSON).get(f"/api/events/{event['id']}")
    assert answer.status_code == 404
    assert events.rsvp(CLOUD_PERSON, event["id"], "going").status_code == 404


def test_answering_twice_replayed_or_changed_counts_each_person_once(events):
    event = events.create(EDITOR)
    first = events.rsvp(EMPLOYEE, event["id"], "going", headers={"Idempotency-Key": "k-rsvp-1"})
    assert first.status_code == 200 and first.get_json()["counts"]["going"] == 1
    replay = events.rsvp(EMPLOYEE, event["id"], "going", headers={"Idempotency-Key": "k-rsvp-1"})
    again = events.rsvp(EMPLOYEE, event["id"], "going")
    assert replay.get_json()["counts"]["going"] == again.get_json()["counts"]["going"] == 1
    changed = events.rsvp(EMPLOYEE, event["id"], "maybe").get_json()
    assert changed["counts"] == {"going": 0, "maybe": 1, "not_going": 0}
    assert changed["my_rsvp"] == "maybe"
    events.rsvp(RETAIL_PERSON, event["id"], "going")
    assert events.get(EDITOR, event["id"])["counts"] == {"going": 1, "maybe": 1, "not_going": 0}


def test_a_full_event_refuses_going_in_words_but_takes_maybe(events):
    event = events.create(EDITOR, capacity=1)
    assert events.rsvp(EMPLOYEE, event["id"], "going").status_code == 200
    full = events.rsvp(RETAIL_PERSON, event["id"], "going")
    assert full.status_code == 409 and full.get_json()["error"]["code"] == "event_full"
    assert "full" in full.get_json()["error"]["message"]
    assert events.rsvp(RETAIL_PERSON, event["id"], "maybe").status_code == 200
    events.rsvp(EMPLOYEE, event["id"], "not_going")  # a place frees up
    assert events.rsvp(RETAIL_PERSON, event["id"], "going").get_json()["counts"]["going"] == 1


def test_hosts_see_who_is_going_and_others_are_refused(events):
    event = events.create(EDITOR)
    events.rsvp(EMPLOYEE, event["id"], "going")
    events.rsvp(RETAIL_PERSON, event["id"], "not_going")
    going = events.phone(EDITOR).get(f"/api/events/{event['id']}/going").get_json()
    assert [p["name"] for p in going["items"]] == ["Li Na 李娜"]
    assert events.phone(EMPLOYEE).get(f"/api/events/{event['id']}/going").status_code == 403


def test_a_non_host_cannot_edit_or_cancel(events):
    event = events.create(EDITOR)
    body = events.body(title={"en": "Mine now"})
    assert events.phone(EMPLOYEE).put(f"/api/events/{event['id']}", json=body).status_code == 403
    assert events.phone(EMPLOYEE).post(f"/api/events/{event['id']}/cancel").status_code == 403
    assert events.phone(EMPLOYEE).post("/api/events", json=events.body()).status_code == 403


def test_an_editor_hosts_only_inside_their_units(events):
    assert events.phone(EDITOR).post("/api/events", json=events.body(
        audience=COMPANY)).status_code == 403
    company = events.create(HR, audience=COMPANY)
    answer = events.phone(EDITOR).put(f"/api/events/{company['id']}", json=events.body())
    assert answer.status_code == 403


def test_a_cancelled_event_takes_no_answers(events):
    event = events.create(EDITOR)
    cancelled = events.phone(EDITOR).post(f"/api/events/{event['id']}/cancel").get_json()
    assert cancelled["state"] == "cancelled" and cancelled["sequence"] == 1
    assert events.rsvp(EMPLOYEE, event["id"], "going").status_code == 409


def test_on_now_follows_the_clock(events, clock):
    event = events.create(HR, audience=COMPANY)
    assert events.phone(EMPLOYEE).get("/api/events/now").get_json()["items"] == []
    clock.advance(2 * 86400 + 60)
    items = events.phone(EMPLOYEE).get("/api/events/now").get_json()["items"]
    assert [e["id"] for e in items] == [event["id"]] and items[0]["on_now"] is True
    clock.advance(3 * 3600)
    assert events.phone(EMPLOYEE).get("/api/events/now").get_json()["items"] == []
    past = events.phone(EMPLOYEE).get("/api/events?when=past").get_json()["items"]
    assert [e["id"] for e in past] == [event["id"]]


def test_upcoming_pages_soonest_first_over_every_key(events, clock):
    made, now = [], int(clock())
    for n, audience in enumerate([COMPANY, {"kind": "site", "site": "Wuhan"},
                                  {"kind": "unit", "unit": "Retail"}, COMPANY]):
        start = now + (5 - n) * 86400
        made.append(events.create(HR, audience=audience, starts_at=iso(start),
                                  ends_at=iso(start + 3600))["id"])
    seen, cursor = [], None
    while True:
        page = events.phone(EMPLOYEE).get("/api/events", query_string={
            "limit": 2, **({"cursor": cursor} if cursor else {})}).get_json()
        seen += [e["id"] for e in page["items"]]
        cursor = page["cursor"]
        if not cursor:
            break
    assert seen == list(reversed(made))


def test_a_named_host_edits_their_event_but_not_its_audience(events):
    event = events.create(HR, audience=COMPANY, host_ids=["E0001"])
    assert [h["name"] for h in event["hosts"]] == ["Li Na 李娜"]
    body = events.body(audience=COMPANY, title={"en": "Karaoke night, moved"})
    edited = events.phone(EMPLOYEE).put(f"/api/events/{event['id']}", json=body)
    assert edited.status_code == 200 and edited.get_json()["sequence"] == 1
    moved = events.phone(EMPLOYEE).put(f"/api/events/{event['id']}", json=events.body())
    assert moved.status_code == 403  # to Retail: a choice only events.host gives


def test_hosting_lists_what_i_created_whatever_its_audience(events):
    retail = events.create(HR)  # HR is in Cloud: Retail's events do not reach her
    assert events.phone(HR).get("/api/events").get_json()["items"] == []
    hosting = events.phone(HR).get("/api/events/hosting").get_json()["items"]
    assert [e["id"] for e in hosting] == [retail["id"]]
    assert events.phone(EDITOR).get("/api/events/hosting").get_json()["items"] == []
