"""Who may do what with supplies: another's request is not found, the queue, transitions,
stock, movements, the pick list and the export are HR's (403 for anyone else)."""

import pytest

from tests.api.supplies_helpers import ADMIN, COLLEAGUE, EDITOR, EMPLOYEE, GUARD, HR, stocked

HR_ONLY = [
    ("get", "/api/supplies/queue?site=Wuhan", None),
    ("get", "/api/supplies/stock?site=Wuhan", None),
    ("get", "/api/supplies/movements?site=Wuhan", None),
    ("get", "/api/supplies/movements.csv?site=Wuhan&from=2026-01-01&to=2026-12-31", None),
    ("get", "/api/supplies/picklist?site=Wuhan", None),
    ("post", "/api/supplies/movements",
     {"site": "Wuhan", "item": "masks", "kind": "received", "qty": 5, "reason": "Mine now"}),
    ("put", "/api/supplies/stock/Wuhan/masks/threshold", {"low_at": 100}),
    ("post", "/api/supplies/requests/approve", {"ids": ["x"]}),
    ("post", "/api/supplies/items", {"id": "caviar", "name": {"en": "Caviar", "zh-CN": "鱼子酱"},
                                     "unit": {"en": "tin", "zh-CN": "罐"}, "limit_per_week": 9}),
    ("put", "/api/supplies/items/masks", {"name": {"en": "Masks", "zh-CN": "口罩"},
                                          "unit": {"en": "box", "zh-CN": "盒"},
                                          "limit_per_week": 99}),
]


@pytest.fixture
def supplies(app, clock):
    return stocked(app, clock)


@pytest.mark.parametrize("email", [EMPLOYEE, EDITOR, GUARD, "health@example.com"])
@pytest.mark.parametrize("method, path, body", HR_ONLY, ids=[f"{m} {p}" for m, p, _ in HR_ONLY])
def test_only_hr_and_admins_reach_the_supplies_tools(supplies, email, method, path, body):
    answer = getattr(supplies.phone(email), method)(path, **({"json": body} if body else {}))
    assert answer.status_code == 403, answer.get_json()
    assert supplies.level("Wuhan", "masks")["qty"] == 20
    assert supplies.available(EMPLOYEE, "masks")["limit_per_week"] == 2


@pytest.mark.parametrize("email", [HR, ADMIN])
def test_hr_and_admins_see_the_queue(supplies, email):
    supplies.request(EMPLOYEE)
    answer = supplies.phone(email).get("/api/supplies/queue?site=Wuhan")
    assert answer.status_code == 200 and len(answer.get_json()["items"]) == 1


def test_someone_elses_request_is_not_found(supplies):
    request = supplies.request(EMPLOYEE, [("masks", 1)])
    colleague = supplies.phone(COLLEAGUE)
    assert colleague.get(f"/api/supplies/requests/{request['id']}").status_code == 404
    assert colleague.post(f"/api/supplies/requests/{request['id']}/cancel").status_code == 404
    assert colleague.get("/api/supplies/requests/mine").get_json()["items"] == []
    assert supplies.phone(HR).get(f"/api/supplies/requests/{request['id']}").status_code == 200
    assert supplies.phone(EMPLOYEE).get(
        f"/api/supplies/requests/{request['id']}").get_json()["state"] == "requested"


def test_an_employee_cannot_move_even_their_own_request_on(supplies):
    request = supplies.request(EMPLOYEE, [("masks", 1)])
    for to in ("approved", "rejected", "delivered"):
        answer = supplies.move(request["id"], to, email=EMPLOYEE,
                               **({"reason": "Self-service"} if to == "rejected" else {}))
        assert answer.status_code == 403
        assert answer.get_json()["error"]["message"] == (
            "Only HR can move a request on, and only its requester can cancel it.")
    assert supplies.phone(EMPLOYEE).post(
        f"/api/supplies/requests/{request['id']}/transitions",
        json={"to": "cancelled"}).status_code == 422  # cancel has its own endpoint


def test_hr_cannot_cancel_for_someone_it_rejects_instead(supplies):
    request = supplies.request(EMPLOYEE, [("masks", 1)])
    answer = supplies.phone(HR).post(f"/api/supplies/requests/{request['id']}/cancel")
    assert answer.status_code == 403
    assert supplies.moved(request["id"], "rejected", reason="Duplicate")["state"] == "rejected"


def test_signed_out_is_401(supplies):
    assert supplies.app.test_client().get("/api/supplies/items").status_code == 401
