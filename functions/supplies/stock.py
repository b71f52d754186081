"""Stock per site, changed only by movements (each with who and why), and the low alert.

A stock item holds `qty` (on the shelf and free to request) and `reserved` (promised to
requests not yet dispatched). Every change is one transaction: the counter's conditional
update and the movement that explains it, so the two never disagree and qty never goes below 0.
"""

from __future__ import annotations

from ulid import ULID

from .. import permissions
from ..errors import Conflict, Invalid
from ..events import SUPPLY_LOW
from ..i18n import t
from ..store import Condition, ConditionFailed, Put, Update
from . import catalogue
from .keys import item_key, movement_sk, movements_pk, stock_key, stock_pk

DEFAULT_LOW_AT = 10
MAX_SITE_ITEMS = 200


def movement(site: str, item_id: str, kind: str, qty: int, reason: str, by: dict, now: int,
             request_id: str | None = None) -> Put:
    """The Put of one movement: kind received, adjusted, reserved, returned or dispatched; qty
    the change to the free stock (dispatched: to the reserved units, leaving the site)."""
    movement_id = str(ULID())
    return Put({"pk": movements_pk(site), "sk": movement_sk(now, movement_id), "id": movement_id,
                "site": site, "item": item_id, "kind": kind, "qty": qty, "reason": reason,
                "by": {"id": by["id"], "name": by["name"]}, "at": now, "request": request_id},
               condition=Condition.not_exists())


def ensure(store, site: str, item_id: str) -> None:
    """A site's stock item exists (empty, and already counted as low) before it is moved."""
    try:
        store.put({"pk": stock_key(site, item_id)[0], "sk": item_id, "site": site,
                   "item": item_id, "qty": 0, "reserved": 0, "low_at": DEFAULT_LOW_AT,
                   "low": True}, condition=Condition.not_exists())
    except ConditionFailed:
        pass  # there already


def take(site: str, item_id: str, qty: int) -> Update:
    """Free units become reserved, only if at least qty are free (never below 0)."""
    return Update(*stock_key(site, item_id), add={"qty": -qty, "reserved": qty},
                  condition=Condition.bounds(at_least={"qty": qty}))


def record(store, bus, user: dict, body: dict, now: int) -> dict:
    """HR received stock, or corrected it (an adjustment never takes it below 0)."""
    permissions.require(user, "supplies.manage")
    site, item_id, qty, kind = body["site"], body["item"], body["qty"], body["kind"]
    if store.get(*item_key(item_id)) is None:
        raise Invalid("supply_item_not_found", fields={"item": [t("supply_item_not_found")]})
    ensure(store, site, item_id)
    condition = Condition.bounds(at_least={"qty": -qty}) if qty < 0 else Condition.present()
    put = movement(site, item_id, kind, qty, body["reason"], user, now)
    try:
        store.transact([Update(*stock_key(site, item_id), add={"qty": qty},
                               condition=condition), put])
    except ConditionFailed:
        have = (store.get(*stock_key(site, item_id)) or {}).get("qty", 0)
        raise Conflict("supply_below_zero", fields={"qty": [t("supply_below_zero", have=have)]},
                       have=have) from None
    check_low(store, bus, site, item_id)
    return put.item


def check_low(store, bus, site: str, item_id: str) -> None:
    """Announce SUPPLY_LOW when the free stock falls to low_at or below: once per crossing (the
    flag's conditional write lets one writer through), re-armed when it rises above again."""
    stock = store.get(*stock_key(site, item_id))
    if stock is None:
        return
    low = stock["qty"] <= stock["low_at"]
    if low == bool(stock.get("low")):
        return
    try:
        store.update(*stock_key(site, item_id), set={"low": low},
                     condition=Condition.present(low=not low))
    except ConditionFailed:
        return  # another writer saw the same crossing first
    if low and bus is not None:
        bus.publish(SUPPLY_LOW, site=site, item=catalogue.get(store, item_id),
                    qty=stock["qty"])


def set_threshold(store, bus, user: dict, site: str, item_id: str, low_at: int) -> dict:
    permissions.require(user, "supplies.manage")
    catalogue.get(store, item_id)
    ensure(store, site, item_id)
    store.update(*stock_key(site, item_id), set={"low_at": low_at})
    check_low(store, bus, site, item_id)
    return levels(store, user, site)


def levels(store, user: dict, site: str) -> dict:
    """Every catalogue item's stock at a site (an item never stocked there shows 0)."""
    permissions.require(user, "supplies.manage")
    stocked = {s["sk"]: s for s in store.query(stock_pk(site), limit=MAX_SITE_ITEMS).items}
    rows = []
    for item in catalogue.all_items(store):
        s = stocked.get(item["id"], {"qty": 0, "reserved": 0, "low_at": DEFAULT_LOW_AT})
        rows.append({"item": item, "qty": s["qty"], "reserved": s["reserved"],
                     "low_at": s["low_at"], "low": s["qty"] <= s["low_at"]})
    return {"site": site, "items": rows}


def page(store, user: dict, site: str, cursor: str | None, limit: int):
    """A site's movements, newest first."""
    permissions.require(user, "supplies.manage")
    result = store.query(movements_pk(site), reverse=True, cursor=cursor, limit=limit)
    return [_public(m) for m in result.items], result.cursor


def between(store, user: dict, site: str, start: int, end: int):
    """A site's movements from start to end (epoch seconds, both included), oldest first."""
    permissions.require(user, "supplies.manage")
    bounds = (movement_sk(start, ""), movement_sk(end, "\U0010ffff"))
    return (_public(m) for m in store.iter_query(movements_pk(site), between=bounds))


def _public(m: dict) -> dict:
    return {k: m.get(k) for k in ("id", "site", "item", "kind", "qty", "reason", "by", "at",
                                  "request")}
