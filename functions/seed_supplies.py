"""Demo medical supplies for `make run`: a catalogue of six items with bundled pictures, stock at
each demo site (received by HR, as movements), and requests in several states; once."""

from __future__ import annotations

from .directory.service import get_employee
from .events import Bus
from .supplies import catalogue, requests, stock, transitions

MARKER = ("SEED#demo-supplies", "#")
HR = "E0003"
SITES = ("Wuhan", "Hangzhou", "Singapore")
ITEMS = [
    ("masks", "Surgical masks", "医用口罩", "box of 10", "盒（10只）", 2),
    ("thermometers", "Digital thermometer", "电子体温计", "one", "支", 1),
    ("sanitiser", "Hand sanitiser", "免洗洗手液", "bottle, 500 ml", "瓶（500毫升）", 2),
    ("gloves", "Disposable gloves", "一次性手套", "box of 50", "盒（50只）", 1),
    ("test-kits", "Rapid antigen test", "抗原快速检测试剂", "kit of 5", "盒（5人份）", 2),
    ("vitamin-c", "Vitamin C tablets", "维生素C片", "bottle of 60", "瓶（60片）", 1),
]
# received per site: Wuhan, at the outbreak's centre, gets the most masks and tests
STOCK = {"Wuhan": {"masks": 400, "thermometers": 40, "sanitiser": 120, "gloves": 60,
                   "test-kits": 200, "vitamin-c": 12},
         "Hangzhou": {"masks": 150, "thermometers": 20, "sanitiser": 60, "gloves": 40,
                      "test-kits": 60, "vitamin-c": 30},
         "Singapore": {"masks": 100, "thermometers": 15, "sanitiser": 40, "gloves": 30,
                       "test-kits": 40, "vitamin-c": 25}}
HOME = {"name": "Li Na", "line1": "Building 3, Unit 2, Room 501", "line2": "Hongshan District",
        "city": "Wuhan", "postcode": "430070", "phone": "+86 27 5555 0101"}
# (requester, lines, delivery, steps after requested: (state, tracking or reason))
REQUESTS = [
    ("E0001", [("masks", 2), ("sanitiser", 1)], {"kind": "home", "address": HOME},
     [("approved", ""), ("packed", ""), ("dispatched", "SF Express SF1402 3378 9921")]),
    ("E0001", [("test-kits", 1)], {"kind": "pickup"}, []),
    ("E0009", [("thermometers", 1)], {"kind": "desk", "desk": "3F-12"}, [("approved", "")]),
    ("E0013", [("vitamin-c", 1)], {"kind": "pickup"},
     [("rejected", "Vitamin C is kept for colleagues in quarantine this week.")]),
    ("E0022", [("gloves", 1), ("masks", 1)], {"kind": "desk", "desk": "2F-08"},
     [("approved", ""), ("packed", ""), ("dispatched", "Building B courier, round 2"),
      ("delivered", "")]),
]


def seed_demo_supplies(app, now: int) -> bool:
    """Write the demo supplies once per data directory; True if it did."""
    store = app.extensions["together"].store
    if store.get(*MARKER):
        return False
    quiet = Bus()  # demo history: nobody is notified of it
    hr = get_employee(store, HR)
    for item_id, en, zh, unit_en, unit_zh, limit in ITEMS:
        catalogue.create(store, hr, {"id": item_id, "name": {"en": en, "zh-CN": zh},
                                     "unit": {"en": unit_en, "zh-CN": unit_zh},
                                     "picture": f"/icons/supplies/{item_id}.svg",
                                     "limit_per_week": limit, "active": True})
    for site, levels in STOCK.items():
        for item_id, qty in levels.items():
            stock.record(store, quiet, hr, {"site": site, "item": item_id, "kind": "received",
                                            "qty": qty, "reason": "Delivery from the Red Cross"
                                                                  " warehouse"}, now - 7200)
    for offset, (person, lines, delivery, steps) in enumerate(REQUESTS):
        at = now - 3600 + offset * 300
        request = requests.create(store, quiet, get_employee(store, person), {
            "lines": [{"item": item, "qty": qty} for item, qty in lines],
            "delivery": delivery, "note": ""}, at)
        for n, (state, words) in enumerate(steps, start=1):
            transitions.move(store, quiet, hr, request["id"], state, at + n * 60,
                             tracking=words if state == "dispatched" else "",
                             reason=words if state == "rejected" else "")
    store.put({"pk": MARKER[0], "sk": MARKER[1]})
    return True
