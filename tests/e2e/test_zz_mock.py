"""TEMPORARY: the supplies screens against a mocked API, to look at them (not committed)."""
import json
import pytest
from playwright.sync_api import Page, Route, expect
from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.e2e

ITEM = lambda i, en, zh, unit, uz, avail, allow: {"id": i, "name": {"en": en, "zh-CN": zh}, "unit": {"en": unit, "zh-CN": uz},
  "picture": None, "limit_per_week": 2, "active": True, "available": avail, "allowance": allow}
ITEMS = [ITEM("masks", "Surgical masks", "医用口罩", "box of 10", "盒（10只）", 40, 2),
         ITEM("thermometer", "Thermometer", "体温计", "one", "支", 3, 1),
         ITEM("sanitiser", "Hand sanitiser", "免洗洗手液", "bottle of 500 ml", "瓶（500毫升）", 0, 2),
         ITEM("gloves", "Gloves", "手套", "pair", "双", 12, 0)]
HIST = [{"state": "requested", "at": "2026-12-01T09:00:00Z", "by": "Mei Chen"},
        {"state": "approved", "at": "2026-12-01T10:00:00Z", "by": "Harriet HR"},
        {"state": "packed", "at": "2026-12-01T11:00:00Z", "by": "Harriet HR"},
        {"state": "dispatched", "at": "2026-12-01T12:00:00Z", "by": "Harriet HR"}]
REQ = {"id": "r1", "state": "dispatched", "site": "Wuhan", "lines": [{"item": ITEMS[0], "qty": 2}, {"item": ITEMS[1], "qty": 1}],
       "delivery": {"kind": "home", "city": "Wuhan", "address": {"name": "Mei Chen", "line1": "12 Jiefang Road", "line2": "", "city": "Wuhan", "postcode": "430000", "phone": "+86 138 0000 0000"}},
       "note": "", "tracking": "SF Express SF1234567890", "reason": None,
       "requester": {"id": "e1", "name": "Mei Chen", "business_unit": "Retail", "department": "Operations", "site": "Wuhan"},
       "history": HIST, "created_at": "2026-12-01T09:00:00Z"}
REQ2 = {**REQ, "id": "r2", "state": "requested", "history": HIST[:1], "tracking": None, "delivery": {"kind": "desk", "desk": "3F-12"}}
REQ3 = {**REQ, "id": "r3", "state": "rejected", "history": HIST[:1] + [{"state": "rejected", "at": "2026-12-01T10:00:00Z", "by": "HR"}], "reason": "Only for people in Wuhan", "tracking": None, "delivery": {"kind": "pickup"}}
STOCK = {"items": [{"item": i, "qty": q, "reserved": r, "low_at": 20, "low": q <= 20} for i, q, r in zip(ITEMS, [40, 3, 0, 12], [5, 1, 0, 0])]}
MOVES = {"items": [{"id": "m1", "site": "Wuhan", "item": "masks", "kind": "received", "qty": 100, "reason": "Delivery from Shanghai", "by": {"id": "x", "name": "Harriet HR"}, "at": "2026-12-01T08:00:00Z", "request": None},
                   {"id": "m2", "site": "Wuhan", "item": "masks", "kind": "dispatched", "qty": -2, "reason": "", "by": {"id": "x", "name": "Harriet HR"}, "at": "2026-12-01T12:00:00Z", "request": "r1"}], "cursor": None}
PICK = {"site": "Wuhan", "generated_at": "2026-12-01T12:00:00Z", "lines": [{"item": ITEMS[0], "qty": 6}, {"item": ITEMS[1], "qty": 2}],
        "requests": [{"id": r["id"], "requester": r["requester"], "delivery": d, "lines": r["lines"]} for r, d in [(REQ, REQ["delivery"]), (REQ2, {"kind": "desk", "desk": "3F-12"}), (REQ3, {"kind": "pickup"})]]}


def fake(route: Route):
    url = route.request.url
    if "/api/me" in url and "supplies" not in url:
        profile = route.fetch().json()
        return route.fulfill(json={**profile, "permissions": sorted(set(profile["permissions"]) | {"supplies.manage"})})
    path = url.split("/api/supplies/")[1].split("?")[0]
    body = {"items": {"items": ITEMS}, "requests/mine": {"items": [REQ, REQ2, REQ3], "cursor": None},
            "requests/r1": REQ, "queue": {"items": [REQ2, {**REQ2, "id": "r4", "requester": {**REQ["requester"], "name": "Li Wei"}}, {**REQ, "id": "r5", "state": "requested", "history": HIST[:1]}], "cursor": None},
            "stock": STOCK, "movements": MOVES, "picklist": PICK}.get(path)
    if route.request.method == "POST" and path == "requests":
        return route.fulfill(status=422, json={"error": {"status": 422, "code": "invalid", "message": "Check the items.", "fields": {"lines": {"0": {"qty": ["You may ask for 1 more Surgical masks this week."]}}}}})
    return route.fulfill(json=body) if body is not None else route.fulfill(status=404, json={"error": {"status": 404, "code": "not_found", "message": "nope", "fields": {}}})


@pytest.mark.parametrize("lang,email", [("en", "employee@example.com"), ("zh", "staff0009@example.com")])
def test_look(page: Page, accounts, lang, email):
    accounts.sign_in(page.context, email)
    page.context.route("**/api/supplies/**", fake)
    page.context.route("**/api/me", fake)
    for path, name in [("/more", "more"), ("/supplies", "catalogue"), ("/supplies/requests", "mine"), ("/supplies/requests/r1", "detail"),
                       ("/tools/supplies?site=Wuhan", "queue"), ("/tools/supplies/stock?site=Wuhan", "stock"),
                       ("/tools/supplies/movements?site=Wuhan", "moves"), ("/tools/supplies/picklist?site=Wuhan", "pick")]:
        page.goto(path)
        expect(page.locator("main h1")).to_be_visible()
        page.wait_for_timeout(800)
        screenshot(page, f"mock-{name}-{lang}")
        page.screenshot(path=f"/tmp/supmock/{name}-{lang}-full.png", full_page=True)
    page.goto("/supplies")
    page.wait_for_timeout(800)
    page.locator("[data-item=masks] button").last.click()
    page.get_by_label("Your desk").or_(page.get_by_label("你的工位")).fill("3F-12")
    page.locator("form.supply-form button[type=submit]").click()
    page.wait_for_timeout(1500)
    page.screenshot(path=f"/tmp/supmock/refused-{lang}-full.png", full_page=True)
    page.locator("input[value=home]").check(force=True)
    page.screenshot(path=f"/tmp/supmock/home-{lang}-full.png", full_page=True)
    page.emulate_media(media="print")
    page.goto("/tools/supplies/picklist?site=Wuhan")
    page.wait_for_timeout(800)
    page.screenshot(path=f"/tmp/supmock/print-{lang}-full.png", full_page=True)
