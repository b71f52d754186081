"""The catalogue: what can be asked for, in both languages, with a picture and a weekly limit."""

from __future__ import annotations

from .. import permissions
from ..errors import Conflict, NotFound
from ..store import Condition, ConditionFailed
from .keys import CATALOGUE_PK, item_key, stock_pk, week_of, week_pk

FIELDS = ("id", "name", "unit", "picture", "limit_per_week", "active")
MAX_ITEMS = 200  # one partition, read whole: a catalogue of medical supplies stays small


def _shown(item: dict) -> dict:
    return {field: item.get(field) for field in FIELDS}


def all_items(store) -> list[dict]:
    """Every catalogue item (active or not), by id."""
    return [_shown(i) for i in store.query(CATALOGUE_PK, limit=MAX_ITEMS).items]


def by_id(store) -> dict[str, dict]:
    return {item["id"]: item for item in all_items(store)}


def get(store, item_id: str) -> dict:
    item = store.get(*item_key(item_id))
    if item is None:
        raise NotFound("supply_item_not_found")
    return _shown(item)


def create(store, user: dict, body: dict) -> dict:
    """A new catalogue item (manage); its id is chosen by HR and never changes."""
    permissions.require(user, "supplies.manage")
    try:
        store.put({"pk": CATALOGUE_PK, "sk": body["id"], **_shown(body)},
                  condition=Condition.not_exists())
    except ConditionFailed:
        raise Conflict("supply_item_exists", id=body["id"]) from None
    return _shown(body)


def replace(store, user: dict, item_id: str, body: dict) -> dict:
    """Change an item's names, unit, picture, limit or whether it is offered."""
    permissions.require(user, "supplies.manage")
    item = {**_shown(body), "id": item_id}
    try:
        store.put({"pk": CATALOGUE_PK, "sk": item_id, **item}, condition=Condition.present())
    except ConditionFailed:
        raise NotFound("supply_item_not_found") from None
    return item


def for_person(store, user: dict, now: int) -> list[dict]:
    """Active items with what is free at the person's site and what they may still ask for
    this ISO week: three partition reads, whatever the size of the company."""
    stock = {s["sk"]: s["qty"] for s in store.query(stock_pk(user["site"]), limit=MAX_ITEMS).items}
    used = {c["sk"]: c.get("n", 0) for c in store.query(week_pk(user["id"], week_of(now)),
                                                        limit=MAX_ITEMS).items}
    return [{**item, "available": stock.get(item["id"], 0),
             "allowance": max(0, item["limit_per_week"] - used.get(item["id"], 0))}
            for item in all_items(store) if item["active"]]
