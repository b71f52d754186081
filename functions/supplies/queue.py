"""HR's queue per site and state (oldest first) and the pick list of approved requests."""

from __future__ import annotations

from .. import permissions
from . import catalogue, views
from .keys import queue_pk

PICKLIST_MAX = 500  # approved and not yet packed at one site: a day's work, read whole


def page(store, user: dict, site: str, state: str, cursor: str | None, limit: int):
    """A site's requests in one state, oldest first (the one waiting longest on top)."""
    permissions.require(user, "supplies.manage")
    result = store.query(queue_pk(site, state), index="gsi2", cursor=cursor, limit=limit)
    return views.shown(store, user, result.items), result.cursor


def picklist(store, user: dict, site: str, now: int) -> dict:
    """What to take off the shelves for a site's approved requests, and for whom."""
    permissions.require(user, "supplies.manage")
    approved = store.query(queue_pk(site, "approved"), index="gsi2", limit=PICKLIST_MAX).items
    items = catalogue.by_id(store)
    totals: dict[str, int] = {}
    for request in approved:
        for line in request["lines"]:
            totals[line["item"]] = totals.get(line["item"], 0) + line["qty"]
    shown = views.shown(store, user, approved)
    return {"site": site, "generated_at": now,
            "lines": [{"item": views.item_or_gone(items, item_id), "qty": qty}
                      for item_id, qty in sorted(totals.items())],
            "requests": [{k: r[k] for k in ("id", "requester", "delivery", "lines")}
                         for r in shown]}
