"""A person's inbox: every notification that reaches them, newest first, fan-out on read over
their audience keys; read / acknowledged / received / opened once per person."""

from __future__ import annotations

import re

from .. import permissions
from ..audiences import keys as audiences
from ..errors import Conflict, NotFound
from ..store import Condition, ConditionFailed, InvalidCursor, Put, Update
from ..store.port import encode_cursor, read_cursor
from .service import get, inbox_pk, marker_key, shard_key

LOWEST = "0000000000"
UNREAD_WINDOW_S = 30 * 86400  # the unread count covers the last 30 days
UNREAD_MAX = 99  # per partition read for the count; the phone shows 99+
_SORT_KEY = re.compile(r"^\d{10}#[0-9A-Z]{26}$")
FLAGS = {"read": "read_at", "acknowledged": "acknowledged_at", "received": "received_at",
         "opened": "opened_at"}
COUNTED = {"acknowledged": "acknowledged", "received": "received", "opened": "opened"}


def lang_of(item: dict, person: dict) -> str:
    """The person's language if the notification has it, else the other one."""
    wanted = person.get("language") or "en"
    if wanted in item["title"]:
        return wanted
    return next(iter(item["title"]))


def _partitions(store, person: dict, before: str, fetch: int) -> list[dict]:
    found = []
    for audience_key in audiences.inbox_keys(person, permissions.roles(person)):
        page = store.query(inbox_pk(audience_key), index="gsi1", between=(LOWEST, before),
                           reverse=True, limit=fetch + 1)
        found += [i for i in page.items if i["gsi1sk"] < before]
    return sorted(found, key=lambda i: i["gsi1sk"], reverse=True)


def page(store, person: dict, now: int, cursor: str | None, limit: int) -> dict:
    before = _decode(cursor) if cursor else f"{now:010d}$"
    items = _partitions(store, person, before, limit)
    shown, more = items[:limit], len(items) > limit
    markers = _markers(store, person, shown)
    return {"items": [_view(i, person, markers.get(i["id"])) for i in shown],
            "unread": unread(store, person, now),
            "cursor": encode_cursor({"b": shown[-1]["gsi1sk"]}) if more else None}


def unread(store, person: dict, now: int) -> int:
    since = f"{now - UNREAD_WINDOW_S:010d}"
    recent = []
    for audience_key in audiences.inbox_keys(person, permissions.roles(person)):
        recent += store.query(inbox_pk(audience_key), index="gsi1",
                              between=(since, f"{now:010d}$"), reverse=True,
                              limit=UNREAD_MAX).items
    markers = {}
    ids = sorted({i["id"] for i in recent})
    for n in range(0, len(ids), 100):
        markers |= {m["notification_id"]: m for m in store.get_many(
            [marker_key(i, person["id"]) for i in ids[n:n + 100]])}
    return sum(1 for i in ids if not (markers.get(i) or {}).get("read_at"))


def _markers(store, person: dict, items: list[dict]) -> dict:
    if not items:
        return {}
    return {m["notification_id"]: m for m in store.get_many(
        [marker_key(i["id"], person["id"]) for i in items])}


def _view(item: dict, person: dict, marker: dict | None) -> dict:
    lang = lang_of(item, person)
    marker = marker or {}
    return {"id": item["id"], "title": item["title"][lang],
            "body": item["body"].get(lang) or next(iter(item["body"].values()), ""),
            "lang": lang, "link": item["link"], "urgency": item["urgency"],
            "must_acknowledge": item["must_acknowledge"], "topic": item["topic"],
            "created_at": item["created_at"], "read_at": marker.get("read_at") or None,
            "acknowledged_at": marker.get("acknowledged_at") or None}


def reachable(store, person: dict, notification_id: str) -> dict:
    """The notification if it is in the person's inbox; 404 otherwise (never whose it is)."""
    item = get(store, notification_id)
    if item is None or item["state"] == "scheduled" \
            or not audiences.reaches(item["audience"], person, permissions.roles(person)):
        raise NotFound()
    return item


def mark(store, person: dict, notification_id: str, kind: str, now: int) -> None:
    """Set one flag once (acknowledged also marks read); counted once per person and kind."""
    item = reachable(store, person, notification_id)
    if kind == "acknowledged" and not item["must_acknowledge"]:
        raise Conflict("ack_not_required")
    flags = [kind, "read"] if kind == "acknowledged" else [kind]
    for flag in flags:
        _set_once(store, item, person, flag, now)


def _set_once(store, item: dict, person: dict, flag: str, now: int) -> None:
    pk, sk = marker_key(item["id"], person["id"])
    attr = FLAGS[flag]
    for _ in range(2):
        current = store.get(pk, sk)
        if current and current.get(attr):
            return
        if current is None:
            write = Put({"pk": pk, "sk": sk, "notification_id": item["id"],
                         "employee_id": person["id"], **dict.fromkeys(FLAGS.values(), 0),
                         attr: now,
                         "expires_at": item["expires_at"]}, condition=Condition.not_exists())
        else:
            write = Update(pk, sk, set={attr: now}, condition=Condition.present(**{attr: 0}))
        ops = [write]
        if flag in COUNTED:
            # Its shard is made by the first receipt that moves it, and goes with the notification.
            ops.append(Update(*shard_key(item["id"], person["id"]), add={COUNTED[flag]: 1},
                              set={"expires_at": item["expires_at"]}))
        try:
            store.transact(ops)
            return
        except ConditionFailed:
            continue


def _decode(cursor: str) -> str:
    before = read_cursor(cursor).get("b")
    if not isinstance(before, str) or not _SORT_KEY.match(before):
        raise InvalidCursor("not an inbox cursor")
    return before
