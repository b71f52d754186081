"""A home address is for HR handling the request: the requester sees the kind and the city,
and the store forgets the address once the request ends."""

import pytest

from functions.supplies.keys import request_key
from tests.api.supplies_helpers import EMPLOYEE, HOME, HR, stocked


@pytest.fixture
def supplies(app, clock):
    return stocked(app, clock)


def _home_request(supplies) -> dict:
    return supplies.request(EMPLOYEE, [("test-kits", 2)],
                            delivery={"kind": "home", "address": HOME}, note="In lockdown")


def test_only_hr_reads_the_address(supplies):
    request = _home_request(supplies)
    assert request["delivery"] == {"kind": "home", "city": "Wuhan"}  # the requester's answer
    mine = supplies.phone(EMPLOYEE).get(f"/api/supplies/requests/{request['id']}").get_json()
    assert mine["delivery"] == {"kind": "home", "city": "Wuhan"}
    handled = supplies.phone(HR).get(f"/api/supplies/requests/{request['id']}").get_json()
    assert handled["delivery"]["address"] == HOME
    queue = supplies.phone(HR).get("/api/supplies/queue?site=Wuhan").get_json()["items"]
    assert queue[0]["delivery"]["address"]["line1"] == "Building 3, Room 501"


def test_the_address_is_deleted_from_the_store_when_delivered(supplies):
    request = _home_request(supplies)
    for step in ("approved", "packed"):
        supplies.moved(request["id"], step)
    dispatched = supplies.moved(request["id"], "dispatched", tracking="EMS 1180")
    assert dispatched["delivery"]["address"] == HOME  # HR still needs it on the road
    delivered = supplies.moved(request["id"], "delivered")
    assert delivered["delivery"] == {"kind": "home", "city": "Wuhan"}
    stored = supplies.store.get(*request_key(request["id"]))
    assert "address" not in stored
    assert "Building 3" not in repr(stored) and "5555" not in repr(stored)


@pytest.mark.parametrize("end", ["rejected", "cancelled"])
def test_a_request_that_ends_otherwise_forgets_the_address_too(supplies, end):
    request = _home_request(supplies)
    if end == "cancelled":
        supplies.phone(EMPLOYEE).post(f"/api/supplies/requests/{request['id']}/cancel")
    else:
        supplies.moved(request["id"], "rejected", reason="Kits go to Hangzhou first")
    assert "address" not in supplies.store.get(*request_key(request["id"]))


def test_an_address_needs_its_fields_and_only_home_takes_one(supplies):
    phone = supplies.phone(EMPLOYEE)
    missing = phone.post("/api/supplies/requests", json={
        "lines": [{"item": "masks", "qty": 1}],
        "delivery": {"kind": "home", "address": {"name": "Li Na"}}})
    assert missing.status_code == 422
    assert {"line1", "city", "phone"} <= set(
        missing.get_json()["error"]["fields"]["delivery"]["address"])
    stray = phone.post("/api/supplies/requests", json={
        "lines": [{"item": "masks", "qty": 1}], "delivery": {"kind": "pickup", "address": HOME}})
    assert stray.status_code == 422
