"""Phones of several people asking for supplies and HR handling them; a catalogue with stock."""

import itertools

from functions.directory.service import get_employee
from functions.events import Bus
from functions.seed_supplies import ITEMS
from functions.supplies import catalogue, stock
from tests.api.conftest import Auth

EMPLOYEE, COLLEAGUE, HR = "employee@example.com", "staff0009@example.com", "hr@example.com"
ADMIN, GUARD, EDITOR = "admin@example.com", "guard@example.com", "editor@example.com"
HOME = {"name": "Li Na", "line1": "Building 3, Room 501", "line2": "", "city": "Wuhan",
        "postcode": "430070", "phone": "+86 27 5555 0101"}


class Supplies:
    """What the phones do, each signed in once; the catalogue of the demo, stocked as asked."""

    def __init__(self, app, clock):
        self.app, self.clock = app, clock
        self.adapters = app.extensions["together"]
        self.store = self.adapters.store
        self._phones, self._addresses = {}, itertools.count(1)

    def phone(self, email: str):
        if email not in self._phones:
            client = self.app.test_client()
            client.environ_base["REMOTE_ADDR"] = f"10.0.3.{next(self._addresses)}"
            Auth(client).sign_in(email)
            self._phones[email] = client
        return self._phones[email]

    def stock_up(self, levels: dict[str, dict[str, int]]) -> None:
        """The demo catalogue, and stock received at the given sites (the low mark at 0, so
        only tests about the alert hear one)."""
        hr = get_employee(self.store, "E0003")
        if not catalogue.all_items(self.store):
            for item_id, en, zh, unit_en, unit_zh, limit in ITEMS:
                catalogue.create(self.store, hr, {
                    "id": item_id, "name": {"en": en, "zh-CN": zh},
                    "unit": {"en": unit_en, "zh-CN": unit_zh},
                    "picture": f"/icons/supplies/{item_id}.svg", "limit_per_week": limit,
                    "active": True})
        for site, items in levels.items():
            for item_id, qty in items.items():
                stock.ensure(self.store, site, item_id)
                stock.set_threshold(self.store, Bus(), hr, site, item_id, 0)
                stock.record(self.store, Bus(), hr, {"site": site, "item": item_id,
                                                     "kind": "received", "qty": qty,
                                                     "reason": "Delivery"}, int(self.clock()))

    def ask(self, email: str = EMPLOYEE, lines=(("masks", 1),), delivery=None, **kwargs):
        body = {"lines": [{"item": item, "qty": qty} for item, qty in lines],
                "delivery": delivery or {"kind": "pickup"}, **kwargs}
        return self.phone(email).post("/api/supplies/requests", json=body)

    def request(self, email: str = EMPLOYEE, lines=(("masks", 1),), **kwargs) -> dict:
        answer = self.ask(email, lines, **kwargs)
        assert answer.status_code == 201, answer.get_json()
        return answer.get_json()

    def move(self, request_id: str, to: str, email: str = HR, **body):
        return self.phone(email).post(f"/api/supplies/requests/{request_id}/transitions",
                                      json={"to": to, **body})

    def moved(self, request_id: str, to: str, **body) -> dict:
        answer = self.move(request_id, to, **body)
        assert answer.status_code == 200, answer.get_json()
        return answer.get_json()

    def level(self, site: str, item_id: str) -> dict:
        rows = self.phone(HR).get(f"/api/supplies/stock?site={site}").get_json()["items"]
        return next(r for r in rows if r["item"]["id"] == item_id)

    def available(self, email: str, item_id: str) -> dict:
        items = self.phone(email).get("/api/supplies/items").get_json()["items"]
        return next(i for i in items if i["id"] == item_id)

    def inbox(self, email: str) -> list[dict]:
        return self.phone(email).get("/api/inbox").get_json()["items"]


def stocked(app, clock) -> Supplies:
    """Wuhan stocked with a little of five items (Hangzhou and Singapore with nothing)."""
    kit = Supplies(app, clock)
    kit.stock_up({"Wuhan": {"masks": 20, "sanitiser": 10, "thermometers": 5, "test-kits": 10,
                            "vitamin-c": 3}})
    return kit
