"""Requests: an employee asks for items within their weekly limits; stock is reserved at once.

One transaction holds the request, and per line: the stock's conditional decrement (qty >= n),
the person's weekly counter's capped increment (n <= limit - asked) and the movement. Any
condition false and nothing is written: a race for the last units can only refuse, never
oversell, on either store adapter.
"""

from __future__ import annotations

from ulid import ULID

from .. import permissions
from ..errors import Busy, Conflict, Invalid, NotFound
from ..events import SUPPLY_REQUEST_CHANGED
from ..i18n import language, t
from ..store import Condition, ConditionFailed, Put, Update
from . import catalogue, stock
from .keys import (
    WEEK_TTL_S,
    created_sort,
    mine_pk,
    queue_pk,
    request_key,
    stock_key,
    week_key,
    week_of,
    week_pk,
)

MAX_LINES = 8  # 1 + 3 operations a line: the store's transactions take 25 at most
ATTEMPTS = 3  # a transaction refused, yet nothing was short when looked at: a race; try again


class OutOfStock(Conflict):
    code = "out_of_stock"


def name_of(item: dict) -> str:
    return item["name"].get(language()) or item["name"]["en"]


def _lines_invalid(key: str, **params) -> Invalid:
    return Invalid(key, fields={"lines": [t(key, **params)]}, **params)


def _check_lines(items: dict, lines: list[dict]) -> None:
    ids = [line["item"] for line in lines]
    if len(set(ids)) != len(ids):
        raise _lines_invalid("supply_line_twice")
    for line in lines:
        item = items.get(line["item"])
        if item is None or not item["active"]:
            raise _lines_invalid("supply_item_unknown", item=line["item"])


def _short(store, user: dict, items: dict, lines: list[dict], week: str) -> None:
    """Raise for the first line over its weekly limit (422), else out of stock (409)."""
    used = {c["sk"]: c.get("n", 0) for c in store.query(week_pk(user["id"], week)).items}
    for line in lines:
        item = items[line["item"]]
        allowance = max(0, item["limit_per_week"] - used.get(item["id"], 0))
        if line["qty"] > allowance:
            raise _lines_invalid("supply_over_limit", item=name_of(item), allowance=allowance)
    for line in lines:
        have = (store.get(*stock_key(user["site"], line["item"])) or {}).get("qty", 0)
        if line["qty"] > have:
            item = name_of(items[line["item"]])
            raise OutOfStock("supply_out_of_stock", fields={"lines": [t(
                "supply_out_of_stock", item=item, have=have)]}, item=item, have=have)


def _requester(user: dict) -> dict:
    return {k: user.get(k) for k in ("id", "name", "business_unit", "department", "site")}


def create(store, bus, user: dict, body: dict, now: int) -> dict:
    """A request in state requested, its stock reserved at the person's site, all or nothing."""
    items = catalogue.by_id(store)
    lines, site, week = body["lines"], user["site"], week_of(now)
    _check_lines(items, lines)
    _short(store, user, items, lines, week)
    delivery = dict(body["delivery"])
    address = delivery.pop("address", None)
    if address:
        delivery["city"] = address["city"]
    request = {"id": str(ULID()), "state": "requested", "site": site,
               "lines": [{"item": line["item"], "qty": line["qty"]} for line in lines],
               "delivery": delivery, "note": body["note"], "tracking": None, "reason": None,
               "requester": _requester(user), "requester_id": user["id"], "week": week,
               "history": [{"state": "requested", "at": now, "by": user["name"]}],
               "created_at": now}
    item = {**request, "pk": request_key(request["id"])[0], "sk": request_key(request["id"])[1],
            "gsi1pk": mine_pk(user["id"]), "gsi1sk": created_sort(request),
            "gsi2pk": queue_pk(site, "requested"), "gsi2sk": created_sort(request),
            **({"address": address} if address else {})}
    ops = [Put(item, condition=Condition.not_exists())]
    for line in lines:
        n, limit = line["qty"], items[line["item"]]["limit_per_week"]
        ops += [stock.take(site, line["item"], n),
                Update(*week_key(user["id"], week, line["item"]), add={"n": n},
                       set={"expires_at": now + WEEK_TTL_S},
                       condition=Condition.bounds(at_most={"n": limit - n})),
                stock.movement(site, line["item"], "reserved", -n, "request", user, now,
                               request["id"])]
    _reserve(store, user, items, lines, week, ops)
    for line in lines:
        stock.check_low(store, bus, site, line["item"])
    bus.publish(SUPPLY_REQUEST_CHANGED, request=item)
    return item


def _reserve(store, user, items, lines, week, ops) -> None:
    for _ in range(ATTEMPTS):
        try:
            store.transact(ops)
            return
        except ConditionFailed:
            _short(store, user, items, lines, week)  # says which line, in words
    raise Busy("supply_busy")


def get(store, request_id: str) -> dict | None:
    return store.get(*request_key(request_id))


def visible(store, user: dict, request_id: str) -> dict:
    """The request, for its requester and supplies managers; 404 for anyone else."""
    request = get(store, request_id)
    if request is None or not (request["requester_id"] == user["id"]
                               or permissions.has(user, "supplies.manage")):
        raise NotFound("supply_request_not_found")
    return request


def mine(store, user: dict, cursor: str | None, limit: int):
    """My requests, newest first."""
    page = store.query(mine_pk(user["id"]), index="gsi1", reverse=True, cursor=cursor,
                       limit=limit)
    return page.items, page.cursor
