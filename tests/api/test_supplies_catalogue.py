"""The catalogue: names in both languages, a picture, a weekly limit; HR keeps it; the demo."""

from pathlib import Path

import pytest

from tests.api.supplies_helpers import EMPLOYEE, HR, stocked

PWA = Path(__file__).resolve().parents[2] / "pwa"
GOGGLES = {"id": "goggles", "name": {"en": "Safety goggles", "zh-CN": "护目镜"},
           "unit": {"en": "pair", "zh-CN": "副"}, "picture": None, "limit_per_week": 1}


@pytest.fixture
def supplies(app, clock):
    return stocked(app, clock)


def test_everyone_sees_the_active_items_with_their_pictures(supplies):
    items = supplies.phone(EMPLOYEE).get("/api/supplies/items").get_json()["items"]
    assert [i["id"] for i in items] == ["gloves", "masks", "sanitiser", "test-kits",
                                        "thermometers", "vitamin-c"]
    for item in items:
        assert (PWA / item["picture"].lstrip("/")).read_text().startswith("<svg")
        assert item["unit"]["en"] and item["unit"]["zh-CN"]
    gloves = next(i for i in items if i["id"] == "gloves")
    assert gloves["available"] == 0  # none received in Wuhan


def test_hr_adds_and_changes_an_item(supplies):
    hr = supplies.phone(HR)
    created = hr.post("/api/supplies/items", json=GOGGLES)
    assert created.status_code == 201 and created.get_json() == {**GOGGLES, "active": True}
    assert hr.post("/api/supplies/items", json=GOGGLES).status_code == 409
    changed = hr.put("/api/supplies/items/masks", json={
        "name": {"en": "FFP2 masks", "zh-CN": "FFP2口罩"}, "unit": {"en": "box of 5",
                                                                  "zh-CN": "盒（5只）"},
        "picture": "/icons/supplies/masks.svg", "limit_per_week": 3, "active": True})
    assert changed.status_code == 200
    masks = supplies.available(EMPLOYEE, "masks")
    assert (masks["name"]["en"], masks["allowance"]) == ("FFP2 masks", 3)
    hr.put("/api/supplies/items/goggles", json={**{k: v for k, v in GOGGLES.items()
                                                   if k != "id"}, "active": False})
    ids = [i["id"] for i in supplies.phone(EMPLOYEE).get("/api/supplies/items").get_json()[
        "items"]]
    assert "goggles" not in ids
    assert supplies.ask(EMPLOYEE, [("goggles", 1)]).status_code == 422
    assert hr.put("/api/supplies/items/nothing", json={
        k: v for k, v in GOGGLES.items() if k != "id"}).status_code == 404


@pytest.mark.parametrize("change, field", [
    ({"name": {"en": "Only English"}}, "name"),
    ({"picture": "javascript:alert(1)"}, "picture"),
    ({"picture": "/icons/supplies/../../sw.js"}, "picture"),
    ({"limit_per_week": 0}, "limit_per_week"),
    ({"id": "Has Spaces"}, "id"),
])
def test_bad_items_are_refused_by_field(supplies, change, field):
    answer = supplies.phone(HR).post("/api/supplies/items", json={**GOGGLES, **change})
    assert answer.status_code == 422 and field in answer.get_json()["error"]["fields"]


def test_the_demo_has_a_catalogue_stock_and_requests_once(app, client, auth):
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0 and "Stocked the demo supplies" in result.output
    again = app.test_cli_runner().invoke(args=["seed-demo"])
    assert "Stocked the demo supplies" not in again.output

    auth.sign_in("employee@example.com")
    items = client.get("/api/supplies/items").get_json()["items"]
    assert len(items) == 6 and all(i["available"] > 0 for i in items)
    mine = client.get("/api/supplies/requests/mine").get_json()["items"]
    assert sorted(r["state"] for r in mine) == ["dispatched", "requested"]
    dispatched = next(r for r in mine if r["state"] == "dispatched")
    assert dispatched["tracking"] and dispatched["delivery"] == {"kind": "home", "city": "Wuhan"}
    auth.sign_out()

    auth.sign_in("hr@example.com")
    states = {state: len(client.get(f"/api/supplies/queue?site=Wuhan&state={state}")
                         .get_json()["items"])
              for state in ("requested", "approved", "dispatched", "delivered", "rejected")}
    assert states == {"requested": 1, "approved": 1, "dispatched": 1, "delivered": 1,
                      "rejected": 1}
    for site in ("Wuhan", "Hangzhou", "Singapore"):
        rows = client.get(f"/api/supplies/stock?site={site}").get_json()["items"]
        assert all(r["qty"] > 0 for r in rows)
