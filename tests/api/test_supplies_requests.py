"""Asking for supplies: stock reserved at once, all lines or none, weekly limits per person,
out of stock named in words, a request sent twice from the outbox stored once, and a race for
the last units that never oversells."""

import threading

import pytest

from functions.directory.service import get_employee
from functions.events import Bus
from functions.supplies import requests
from functions.supplies.keys import week_of
from tests.api.supplies_helpers import COLLEAGUE, EDITOR, EMPLOYEE, HR, stocked


@pytest.fixture
def supplies(app, clock):
    return stocked(app, clock)


def test_a_request_reserves_stock_and_uses_my_allowance(supplies):
    before = supplies.available(EMPLOYEE, "masks")
    assert (before["available"], before["allowance"], before["limit_per_week"]) == (20, 2, 2)
    assert before["name"] == {"en": "Surgical masks", "zh-CN": "医用口罩"}
    assert before["picture"] == "/icons/supplies/masks.svg"

    request = supplies.request(EMPLOYEE, [("masks", 2), ("sanitiser", 1)],
                               delivery={"kind": "desk", "desk": "3F-12"}, note="Thanks!")
    assert request["state"] == "requested" and request["site"] == "Wuhan"
    assert [(line["item"]["id"], line["qty"]) for line in request["lines"]] == [
        ("masks", 2), ("sanitiser", 1)]
    assert request["delivery"] == {"kind": "desk", "desk": "3F-12"}
    assert request["requester"]["name"] == "Li Na 李娜"
    assert [h["state"] for h in request["history"]] == ["requested"]

    after = supplies.available(EMPLOYEE, "masks")
    assert (after["available"], after["allowance"]) == (18, 0)
    assert (supplies.level("Wuhan", "masks")["qty"], supplies.level("Wuhan", "masks")[
        "reserved"]) == (18, 2)
    assert supplies.available(COLLEAGUE, "masks")["allowance"] == 2  # limits are per person


def test_over_my_weekly_limit_is_refused_naming_the_item_in_my_language(supplies):
    supplies.request(EMPLOYEE, [("masks", 1)])
    refused = supplies.ask(EMPLOYEE, [("masks", 2)])
    assert refused.status_code == 422
    assert refused.get_json()["error"]["fields"]["lines"] == [
        "You can ask for 1 more of Surgical masks this week."]
    chinese = supplies.ask(COLLEAGUE, [("thermometers", 2)])  # 孙杰 reads Chinese
    assert chinese.get_json()["error"]["fields"]["lines"] == ["本周你还可以申请 1 份电子体温计。"]
    assert supplies.level("Wuhan", "thermometers")["qty"] == 5


def test_the_allowance_comes_back_in_the_next_iso_week(supplies, clock):
    supplies.request(EMPLOYEE, [("masks", 2)])
    assert supplies.available(EMPLOYEE, "masks")["allowance"] == 0
    week = week_of(int(clock()))
    while week_of(int(clock())) == week:
        clock.advance(86400)
    assert supplies.available(EMPLOYEE, "masks")["allowance"] == 2
    supplies.request(EMPLOYEE, [("masks", 2)])


def test_out_of_stock_is_409_in_words_and_reserves_nothing(supplies):
    refused = supplies.ask(EMPLOYEE, [("masks", 1), ("vitamin-c", 1), ("test-kits", 1)],
                           note="")
    assert refused.status_code == 201  # 3 vitamin C left
    for email in (COLLEAGUE, "staff0013@example.com"):
        supplies.request(email, [("vitamin-c", 1)])
    refused = supplies.ask("staff0015@example.com", [("masks", 1), ("vitamin-c", 1)])
    error = refused.get_json()["error"]
    assert refused.status_code == 409 and error["code"] == "out_of_stock"
    assert error["message"] == "你所在地点的维生素C片已无足够库存：剩余 0。"
    assert supplies.level("Wuhan", "masks")["qty"] == 19  # the masks line was not reserved
    assert supplies.available("staff0015@example.com", "masks")["allowance"] == 2


def test_nothing_is_stocked_at_a_site_that_never_received_any(supplies):
    refused = supplies.ask(HR, [("masks", 1)])  # Maya works in Singapore
    assert refused.status_code == 409
    assert "Surgical masks is out of stock" in refused.get_json()["error"]["message"]


@pytest.mark.parametrize("body, field", [
    ({"lines": [], "delivery": {"kind": "pickup"}}, "lines"),
    ({"lines": [{"item": "masks", "qty": 0}], "delivery": {"kind": "pickup"}}, "lines"),
    ({"lines": [{"item": "masks", "qty": 1}], "delivery": {"kind": "desk"}}, "delivery"),
    ({"lines": [{"item": "masks", "qty": 1}], "delivery": {"kind": "home"}}, "delivery"),
    ({"lines": [{"item": "masks", "qty": 1}], "delivery": {"kind": "drone"}}, "delivery"),
    ({"lines": [{"item": "masks", "qty": 1}], "delivery": {"kind": "pickup"}, "urgent": True},
     "urgent"),
    ({"lines": [{"item": "masks", "qty": 1}], "delivery": {"kind": "pickup"}, "note": "x" * 201},
     "note"),
])
def test_bad_requests_are_refused_by_field(supplies, body, field):
    answer = supplies.phone(EMPLOYEE).post("/api/supplies/requests", json=body)
    assert answer.status_code == 422 and field in answer.get_json()["error"]["fields"]


def test_an_item_twice_or_not_offered_is_refused(supplies):
    twice = supplies.ask(EMPLOYEE, [("masks", 1), ("masks", 1)])
    assert twice.status_code == 422 and twice.get_json()["error"]["fields"]["lines"] == [
        "Ask for each item once, on one line."]
    unknown = supplies.ask(EMPLOYEE, [("caviar", 1)])
    assert unknown.status_code == 422 and "caviar" in unknown.get_json()["error"]["message"]


def test_a_request_sent_twice_from_the_outbox_is_stored_once(supplies):
    phone = supplies.phone(EMPLOYEE)
    body = {"lines": [{"item": "masks", "qty": 2}], "delivery": {"kind": "pickup"}}
    headers = {"Idempotency-Key": "outbox-supplies-0001"}
    first = phone.post("/api/supplies/requests", json=body, headers=headers)
    again = phone.post("/api/supplies/requests", json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert first.get_json()["id"] == again.get_json()["id"]
    mine = phone.get("/api/supplies/requests/mine").get_json()
    assert [r["id"] for r in mine["items"]] == [first.get_json()["id"]]
    assert supplies.level("Wuhan", "masks")["qty"] == 18


def test_my_requests_newest_first_a_page_at_a_time(supplies, clock):
    made = []
    for item in ("masks", "sanitiser", "test-kits"):
        made.append(supplies.request(EMPLOYEE, [(item, 1)])["id"])
        clock.advance(60)
    phone = supplies.phone(EMPLOYEE)
    first = phone.get("/api/supplies/requests/mine?limit=2").get_json()
    rest = phone.get(f"/api/supplies/requests/mine?limit=2&cursor={first['cursor']}").get_json()
    assert [r["id"] for r in first["items"] + rest["items"]] == made[::-1]
    assert rest["cursor"] is None
    assert supplies.phone(EDITOR).get("/api/supplies/requests/mine").get_json()["items"] == []


def test_cancelling_while_requested_returns_the_stock_and_my_allowance(supplies):
    request = supplies.request(EMPLOYEE, [("masks", 2)])
    answer = supplies.phone(EMPLOYEE).post(f"/api/supplies/requests/{request['id']}/cancel")
    assert answer.status_code == 200 and answer.get_json()["state"] == "cancelled"
    assert (supplies.level("Wuhan", "masks")["qty"], supplies.level("Wuhan", "masks")[
        "reserved"]) == (20, 0)
    assert supplies.available(EMPLOYEE, "masks")["allowance"] == 2
    moves = supplies.phone(HR).get("/api/supplies/movements?site=Wuhan").get_json()["items"]
    assert [(m["kind"], m["qty"], m["by"]["name"]) for m in moves[:2]] == [
        ("returned", 2, "Li Na 李娜"), ("reserved", -2, "Li Na 李娜")]
    again = supplies.phone(EMPLOYEE).post(f"/api/supplies/requests/{request['id']}/cancel")
    assert again.status_code == 409
    assert again.get_json()["error"]["message"] == "This request is already cancelled."


def test_many_people_racing_for_the_last_units_never_oversell(app, clock):
    """Real threads on the real SQLite adapter: 30 people at once for 10 units."""
    kit = stocked(app, clock)
    kit.stock_up({"Hangzhou": {"masks": 10}})
    store = app.extensions["together"].store
    people = [get_employee(store, f"E{n:04d}") for n in range(1, 61)]
    hangzhou = [p for p in people if p["site"] == "Hangzhou"][:15]
    assert len(hangzhou) == 15
    outcomes, gate = [], threading.Barrier(30)

    def ask(person):
        gate.wait()
        try:
            requests.create(store, Bus(), person, {"lines": [{"item": "masks", "qty": 1}],
                                                   "delivery": {"kind": "pickup"}, "note": ""},
                            int(clock()))
            outcomes.append("granted")
        except requests.OutOfStock:
            outcomes.append("out of stock")

    threads = [threading.Thread(target=ask, args=(p,)) for p in hangzhou * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(outcomes).count("granted") == 10
    assert outcomes.count("out of stock") == 20
    level = kit.level("Hangzhou", "masks")
    assert (level["qty"], level["reserved"]) == (0, 10)
