"""A request as its viewer may see it: lines with their catalogue items, the home address only
for supplies managers (and only while the store still holds it)."""

from __future__ import annotations

from .. import permissions
from . import catalogue

FIELDS = ("id", "state", "site", "note", "tracking", "reason", "requester", "history",
          "created_at")


def item_or_gone(items: dict, item_id: str) -> dict:
    """The catalogue item, or a stand-in for one removed since the request."""
    return items.get(item_id) or {"id": item_id, "name": {"en": item_id, "zh-CN": item_id},
                                  "unit": {"en": "", "zh-CN": ""}, "picture": None,
                                  "limit_per_week": 0, "active": False}


def shown(store, user: dict, requests: list[dict]) -> list[dict]:
    """Each request for this viewer (one catalogue read for the whole list)."""
    items = catalogue.by_id(store)
    manages = permissions.has(user, "supplies.manage")
    return [_one(items, manages, r) for r in requests]


def one(store, user: dict, request: dict) -> dict:
    return shown(store, user, [request])[0]


def _one(items: dict, manages: bool, request: dict) -> dict:
    delivery = dict(request["delivery"])
    if manages and request.get("address"):
        delivery["address"] = request["address"]
    return {**{k: request.get(k) for k in FIELDS}, "delivery": delivery,
            "lines": [{"item": item_or_gone(items, line["item"]), "qty": line["qty"]}
                      for line in request["lines"]]}
