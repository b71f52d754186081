"""Reach by unit and by site: the audience read a page at a time with its receipts, so every
group's size and counts are exact (for HR's and editors' reach screen, read on demand)."""

from __future__ import annotations

from collections import defaultdict

from ..audiences import members
from .service import managed, receipt_key

PAGE = 100
FLAGS = ("viewed", "completed", "acknowledged")


def breakdown(store, user: dict, news_id: str) -> dict:
    """{"units": [...], "sites": [...]}, each {name, size, viewed, completed, acknowledged}."""
    item = managed(store, user, news_id)
    groups = {"units": defaultdict(lambda: dict.fromkeys(("size", *FLAGS), 0)),
              "sites": defaultdict(lambda: dict.fromkeys(("size", *FLAGS), 0))}
    cursor = None
    while True:
        people, cursor = members.members(store, item["audience"], cursor, PAGE)
        receipts = {r["employee_id"]: r for r in store.get_many(
            [receipt_key(news_id, p["id"]) for p in people])} if people else {}
        for person in people:
            receipt = receipts.get(person["id"], {})
            for kind, name in (("units", person["business_unit"]), ("sites", person["site"])):
                counts = groups[kind][name]
                counts["size"] += 1
                for flag in FLAGS:
                    counts[flag] += bool(receipt.get(flag))
        if not cursor:
            break
    return {kind: [{"name": name, **counts} for name, counts in sorted(found.items())]
            for kind, found in groups.items()}
