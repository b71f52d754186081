"""HR moves a request on: only from the right state (every wrong one refused in words), the
requester hears each step, rejecting returns the stock, HR hears of low stock once a crossing."""

import threading

import pytest

from functions.directory.service import get_employee
from functions.errors import Conflict
from functions.supplies import transitions
from functions.supplies.transitions import FLOW, STATES
from tests.api.supplies_helpers import COLLEAGUE, EMPLOYEE, HR, stocked
from tests.api.test_architecture import MODULES, imports

# the steps that lead to each state from requested
PATH = {"requested": [], "approved": ["approved"], "packed": ["approved", "packed"],
        "dispatched": ["approved", "packed", "dispatched"],
        "delivered": ["approved", "packed", "dispatched", "delivered"],
        "rejected": ["rejected"], "cancelled": []}
TARGETS = ("approved", "packed", "dispatched", "delivered", "rejected")
WRONG = [(state, to) for state in STATES for to in TARGETS if to not in FLOW[state]]


@pytest.fixture
def supplies(app, clock):
    return stocked(app, clock)


def _in_state(supplies, state: str) -> dict:
    request = supplies.request(EMPLOYEE, [("masks", 1)])
    if state == "cancelled":
        supplies.phone(EMPLOYEE).post(f"/api/supplies/requests/{request['id']}/cancel")
    for step in PATH[state]:
        request = supplies.moved(request["id"], step, **(
            {"reason": "Not this week"} if step == "rejected" else {}))
    return request


def test_an_employee_in_wuhan_follows_masks_from_request_to_delivery(supplies):
    phone = supplies.phone(EMPLOYEE)
    sent = phone.post("/api/supplies/requests", json={
        "lines": [{"item": "masks", "qty": 2}], "delivery": {"kind": "pickup"}},
        headers={"Idempotency-Key": "offline-masks-1"})
    phone.post("/api/supplies/requests", json={
        "lines": [{"item": "masks", "qty": 2}], "delivery": {"kind": "pickup"}},
        headers={"Idempotency-Key": "offline-masks-1"})  # the outbox tried again
    request_id = sent.get_json()["id"]
    queue = supplies.phone(HR).get("/api/supplies/queue?site=Wuhan").get_json()["items"]
    assert [r["id"] for r in queue] == [request_id]  # it arrived once

    supplies.moved(request_id, "approved")
    supplies.moved(request_id, "packed")
    supplies.moved(request_id, "dispatched", tracking="SF Express SF1402 3378")
    seen = phone.get(f"/api/supplies/requests/{request_id}").get_json()
    assert seen["state"] == "dispatched" and seen["tracking"] == "SF Express SF1402 3378"
    assert [h["state"] for h in seen["history"]] == ["requested", "approved", "packed",
                                                     "dispatched"]
    assert seen["history"][-1]["by"] == "Maya Fernandes"
    inbox = supplies.inbox(EMPLOYEE)
    assert [i["title"] for i in inbox][:3] == ["Your supplies are on their way",
                                               "Your supplies are packed",
                                               "Your supplies request was approved"]
    assert inbox[0]["body"] == "SF Express SF1402 3378"
    assert inbox[0]["link"] == f"/supplies/requests/{request_id}"
    level = supplies.level("Wuhan", "masks")
    assert (level["qty"], level["reserved"]) == (18, 0)  # left the site
    supplies.moved(request_id, "delivered")
    assert supplies.inbox(EMPLOYEE)[0]["title"] == "Your supplies were delivered"


@pytest.mark.parametrize("state, to", WRONG, ids=[f"{s}-to-{t}" for s, t in WRONG])
def test_every_wrong_transition_is_refused_in_words(supplies, state, to):
    request = _in_state(supplies, state)
    body = {"reason": "Because"} if to == "rejected" else {}
    answer = supplies.move(request["id"], to, **body)
    assert answer.status_code == 409, answer.get_json()
    message = answer.get_json()["error"]["message"]
    assert message.startswith("This request is ")
    if state == to:
        assert message == f"This request is already {to}."
    after = supplies.phone(HR).get(f"/api/supplies/requests/{request['id']}").get_json()
    assert after["state"] == state  # nothing moved


def test_a_wrong_transition_is_said_in_chinese_too(supplies):
    request = _in_state(supplies, "requested")
    answer = supplies.move(request["id"], "dispatched", email="admin@example.com")
    assert answer.get_json()["error"]["message"] == (
        "This request is waiting for approval, so it cannot be dispatched now.")
    supplies.phone(HR).patch("/api/me", json={"language": "zh-CN"})
    answer = supplies.move(request["id"], "delivered")
    assert answer.get_json()["error"]["message"] == "这个申请现在是“待批准”，不能改为“已送达”。"


def test_rejecting_returns_the_stock_and_tells_the_requester_why(supplies):
    request = _in_state(supplies, "approved")
    assert supplies.move(request["id"], "rejected").status_code == 422  # a reason is needed
    rejected = supplies.moved(request["id"], "rejected", reason="Masks go to the wards first")
    assert rejected["state"] == "rejected" and rejected["reason"] == "Masks go to the wards first"
    level = supplies.level("Wuhan", "masks")
    assert (level["qty"], level["reserved"]) == (20, 0)
    assert supplies.inbox(EMPLOYEE)[0]["body"] == "Masks go to the wards first"
    moves = supplies.phone(HR).get("/api/supplies/movements?site=Wuhan").get_json()["items"]
    assert (moves[0]["kind"], moves[0]["qty"], moves[0]["reason"], moves[0]["by"]["name"]) == (
        "returned", 1, "Masks go to the wards first", "Maya Fernandes")
    assert supplies.available(EMPLOYEE, "masks")["allowance"] == 2


def test_hr_approves_in_bulk_and_hears_why_some_could_not_be(supplies):
    waiting = [supplies.request(email, [("masks", 1)])["id"] for email in (EMPLOYEE, COLLEAGUE)]
    done = _in_state(supplies, "packed")["id"]
    answer = supplies.phone(HR).post("/api/supplies/requests/approve",
                                     json={"ids": [*waiting, done, "01NOSUCHREQUEST"]})
    assert answer.status_code == 200
    result = answer.get_json()
    assert result["approved"] == waiting
    assert result["refused"] == [
        {"id": done, "message": "This request is packed, so it cannot be approved now."},
        {"id": "01NOSUCHREQUEST", "message": "We could not find that request."}]
    queue = supplies.phone(HR).get("/api/supplies/queue?site=Wuhan&state=approved").get_json()
    assert [r["id"] for r in queue["items"]] == waiting  # oldest first


def test_the_pick_list_sums_the_approved_requests(supplies):
    for email, lines in ((EMPLOYEE, [("masks", 2), ("sanitiser", 1)]),
                         (COLLEAGUE, [("masks", 1)])):
        supplies.moved(supplies.request(email, lines)["id"], "approved")
    supplies.request("staff0013@example.com", [("masks", 1)])  # not approved yet
    picklist = supplies.phone(HR).get("/api/supplies/picklist?site=Wuhan").get_json()
    assert picklist["site"] == "Wuhan"
    assert [(line["item"]["id"], line["qty"]) for line in picklist["lines"]] == [
        ("masks", 3), ("sanitiser", 1)]
    assert [r["requester"]["name"] for r in picklist["requests"]] == ["Li Na 李娜", "孙杰"]


def test_hr_hears_once_when_stock_falls_to_its_low_mark(supplies):
    hr = supplies.phone(HR)
    assert hr.put("/api/supplies/stock/Wuhan/thermometers/threshold",
                  json={"low_at": 3}).status_code == 200
    for email in (EMPLOYEE, COLLEAGUE):
        supplies.request(email, [("thermometers", 1)])
    assert [i["title"] for i in supplies.inbox(HR)] == ["Supplies running low"]
    assert supplies.inbox(HR)[0]["body"] == "Wuhan: Digital thermometer — 3"
    assert supplies.level("Wuhan", "thermometers")["low"] is True
    supplies.request("staff0013@example.com", [("thermometers", 1)])
    assert len(supplies.inbox(HR)) == 1  # still low: not told again
    assert supplies.inbox("admin@example.com") == []  # HR's role, not admins
    hr.post("/api/supplies/movements", json={"site": "Wuhan", "item": "thermometers",
                                             "kind": "received", "qty": 10, "reason": "Restock"})
    assert supplies.level("Wuhan", "thermometers")["low"] is False
    supplies.request("staff0015@example.com", [("thermometers", 1)])
    assert len(supplies.inbox(HR)) == 1  # 11 left: above the mark
    hr.post("/api/supplies/movements", json={"site": "Wuhan", "item": "thermometers",
                                             "kind": "adjusted", "qty": -9, "reason": "Broken"})
    assert len(supplies.inbox(HR)) == 2  # a second crossing


def test_an_adjustment_never_takes_stock_below_zero(supplies):
    hr = supplies.phone(HR)
    answer = hr.post("/api/supplies/movements", json={
        "site": "Wuhan", "item": "vitamin-c", "kind": "adjusted", "qty": -4, "reason": "Count"})
    assert answer.status_code == 409
    assert answer.get_json()["error"]["fields"]["qty"] == [
        "Only 3 are in stock: an adjustment cannot take it below 0."]
    received = hr.post("/api/supplies/movements", json={
        "site": "Wuhan", "item": "vitamin-c", "kind": "received", "qty": 0, "reason": "Count"})
    assert received.status_code == 422
    unknown = hr.post("/api/supplies/movements", json={
        "site": "Wuhan", "item": "caviar", "kind": "received", "qty": 5, "reason": "Gift"})
    assert unknown.status_code == 422 and "item" in unknown.get_json()["error"]["fields"]
    assert supplies.level("Wuhan", "vitamin-c")["qty"] == 3


def test_two_people_pressing_dispatch_at_once_move_it_once(supplies):
    """Real threads on SQLite: the request's update holds only from the state it read."""
    request = _in_state(supplies, "packed")
    people = [get_employee(supplies.store, "E0003"), get_employee(supplies.store, "E0006")]
    outcomes, gate = [], threading.Barrier(6)

    def press(person):
        gate.wait()
        try:
            transitions.move(supplies.store, supplies.adapters.events, person, request["id"],
                             "dispatched", int(supplies.clock()), tracking="Courier")
            outcomes.append("moved")
        except Conflict:
            outcomes.append("refused")

    threads = [threading.Thread(target=press, args=(p,)) for p in people * 3]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(outcomes) == ["moved"] + ["refused"] * 5
    level = supplies.level("Wuhan", "masks")
    assert (level["qty"], level["reserved"]) == (19, 0)  # the unit left once
    moves = supplies.phone(HR).get("/api/supplies/movements?site=Wuhan").get_json()["items"]
    assert [m["kind"] for m in moves].count("dispatched") == 1


def test_the_supplies_service_never_imports_notify():
    supplies_modules = [m for m in MODULES if m.startswith("functions.supplies")]
    assert len(supplies_modules) > 5
    for module in supplies_modules:
        assert not {i for i in imports(module) if i.startswith("functions.notify")}, module
