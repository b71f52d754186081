"""The karaoke running order: one song per person going, reordered by the host only."""

import pytest

from tests.api.events_helpers import EDITOR, EMPLOYEE, RETAIL_PERSON, Events

THIRD = "staff0009@example.com"


@pytest.fixture
def events(app, clock):
    return Events(app, clock)


def _sign_up(events, email, event_id, song):
    return events.phone(email).post(f"/api/events/{event_id}/slots", json={"song": song})


def test_one_slot_per_person_going(events):
    event = events.create(EDITOR)
    assert _sign_up(events, EMPLOYEE, event["id"], "月亮代表我的心").status_code == 409
    events.rsvp(EMPLOYEE, event["id"], "going")
    slot = _sign_up(events, EMPLOYEE, event["id"], "月亮代表我的心")
    assert slot.status_code == 201 and slot.get_json()["person"]["name"] == "Li Na 李娜"
    again = _sign_up(events, EMPLOYEE, event["id"], "Let it be")
    assert again.status_code == 409 and again.get_json()["error"]["message"]


def test_the_host_reorders_and_nobody_else_may(events):
    event = events.create(EDITOR)
    ids = []
    for email, song in ((EMPLOYEE, "Song A"), (RETAIL_PERSON, "Song B"), (THIRD, "Song C")):
        events.rsvp(email, event["id"], "going")
        ids.append(_sign_up(events, email, event["id"], song).get_json()["id"])
    path = f"/api/events/{event['id']}/slots"
    new_order = [ids[2], ids[0], ids[1]]
    assert events.phone(EMPLOYEE).put(f"{path}/order", json={"ids": new_order}).status_code == 403
    answer = events.phone(EDITOR).put(f"{path}/order", json={"ids": new_order})
    assert [s["song"] for s in answer.get_json()["items"]] == ["Song C", "Song A", "Song B"]
    shown = events.phone(EMPLOYEE).get(path).get_json()["items"]
    assert [s["id"] for s in shown] == new_order
    missing = events.phone(EDITOR).put(f"{path}/order", json={"ids": ids[:2]})
    assert missing.status_code == 422 and "ids" in missing.get_json()["error"]["fields"]


def test_a_slot_is_removed_by_its_singer_or_a_host_only(events):
    event = events.create(EDITOR)
    events.rsvp(EMPLOYEE, event["id"], "going")
    slot = _sign_up(events, EMPLOYEE, event["id"], "Song A").get_json()
    path = f"/api/events/{event['id']}/slots/{slot['id']}"
    assert events.phone(RETAIL_PERSON).delete(path).status_code == 403
    assert events.phone(EMPLOYEE).delete(path).status_code == 204
    assert events.phone(EMPLOYEE).get(f"/api/events/{event['id']}/slots").get_json()[
        "items"] == []
