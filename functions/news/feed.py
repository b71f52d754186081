"""A person's news feed: one query per audience partition they belong to, merged by time.

Fan-out on read: an item is stored once, under its audience's key (gsi1 FEED#<key>, sorted by
publish time). A page costs the same whatever the data: 4 partition queries and one get_many
(videos and the person's receipts), plus the pinned items on the first page.
"""

from __future__ import annotations

import re

from ..audiences import keys as audiences
from ..days import day_of, start_of
from ..store import InvalidCursor
from ..store.port import encode_cursor, read_cursor
from ..videos import service as videos
from .service import PIN_MAX, PIN_PK, feed_pk, receipt_key, view

LOWEST = "0000000000"
_SORT_KEY = re.compile(r"^\d{10}(#[0-9A-Z]{26}|\$)$")
EDITION_MAX = 10  # today's items of the person's unit shown on top; older ones follow in time


def _upto(now: int) -> str:
    """Above every sort key published by now ("$" sorts after "#"): scheduled items stay out."""
    return f"{now:010d}$"


def page(store, media, person: dict, now: int, tz: str, limit: int,
         cursor: str | None) -> dict:
    """Pinned and today's edition of the person's unit on the first page; then every item
    that reaches them, newest first, `limit` at a time."""
    first = cursor is None
    state = _decode(cursor, now) if cursor else {"b": _upto(now), "u": None}
    parts = {}
    for kind, key in audiences.of_person(person).items():
        bound = min(state["b"], state["u"]) if kind == "unit" and state["u"] else state["b"]
        extra = EDITION_MAX if first and kind == "unit" else 0
        parts[kind] = _partition(store, key, bound, limit + 1 + extra)
    today = day_of(now, tz)
    start = start_of(today, tz)
    edition: list[dict] = []
    if first:
        items, more, oldest = parts["unit"]
        for item in items[:EDITION_MAX]:
            if item["publish_at"] < start:
                break
            edition.append(item)
        parts["unit"] = (items[len(edition):], more, oldest)
        state["u"] = edition[-1]["gsi1sk"] if edition else None
    shown, next_before = _merge(parts, limit)
    pinned = _pinned(store, person, now) if first else []
    edition = [i for i in edition if not i["pinned"]]
    views = _views(store, media, person, [*pinned, *edition, *shown])
    return {"pinned": [views[i["id"]] for i in pinned if i["id"] in views],
            "edition": {"unit": person["business_unit"], "day": today.isoformat(),
                        "items": [views[i["id"]] for i in edition if i["id"] in views]}
            if first else None,
            "items": [views[i["id"]] for i in shown if i["id"] in views],
            "cursor": encode_cursor({"b": next_before, "u": state["u"]}) if next_before else None}


def _partition(store, key: str, before: str, fetch: int) -> tuple[list[dict], bool, str | None]:
    """Up to `fetch` items below `before` (exclusive), newest first; more?; oldest fetched."""
    result = store.query(feed_pk(key), index="gsi1", between=(LOWEST, before), reverse=True,
                         limit=fetch + 1)  # one more: the item at `before` itself comes back
    items = [i for i in result.items if i["gsi1sk"] < before]
    more = result.cursor is not None or len(items) > fetch
    items = items[:fetch]
    return items, more, items[-1]["gsi1sk"] if items else None


def _merge(parts: dict, limit: int) -> tuple[list[dict], str | None]:
    """The newest `limit` items over all partitions, and where the next page starts.

    Below the oldest item fetched from a partition that has more, that partition is unknown:
    nothing older than that horizon is shown on this page."""
    fetched = sorted((i for items, _, _ in parts.values() for i in items),
                     key=lambda i: i["gsi1sk"], reverse=True)
    horizon = max((oldest for _, more, oldest in parts.values() if more and oldest),
                  default=None)
    considered, shown = 0, []
    for item in fetched:
        if len(shown) == limit or (horizon is not None and item["gsi1sk"] < horizon):
            break
        considered += 1
        if not item["pinned"]:  # pinned items are on top of the first page instead
            shown.append(item)
    more = horizon is not None or considered < len(fetched)
    return shown, fetched[considered - 1]["gsi1sk"] if more and considered else None


def _pinned(store, person: dict, now: int) -> list[dict]:
    pins = store.query(PIN_PK, reverse=True, limit=PIN_MAX).items
    return [p for p in pins
            if p["publish_at"] <= now and audiences.reaches(p["audience"], person)]


def _views(store, media, person: dict, items: list[dict]) -> dict[str, dict]:
    """Each item as shown, with its video and the person's receipt: one get_many (<= 100)."""
    if not items:
        return {}
    keys = {videos.video_key(i["video_id"]) for i in items}
    keys |= {receipt_key(i["id"], person["id"]) for i in items}
    found = store.get_many(sorted(keys))
    by_key = {(f["pk"], f["sk"]): f for f in found}
    shown = {}
    for item in items:
        video = by_key.get(videos.video_key(item["video_id"]))
        if video is None or video["status"] != "ready":
            continue  # a pinned item whose video is still processing
        shown[item["id"]] = view(media, item, video,
                                 by_key.get(receipt_key(item["id"], person["id"])))
    return shown


def _decode(cursor: str, now: int) -> dict:
    """The cursor's position, never above now: whatever a cursor says (one we made an hour
    ago, or one forged), an item scheduled for later stays out of the feed."""
    state = read_cursor(cursor)
    if (not _SORT_KEY.match(str(state.get("b")))
            or not (state.get("u") is None or _SORT_KEY.match(str(state["u"])))):
        raise InvalidCursor("not a feed cursor")
    ceiling = _upto(now)
    return {"b": min(state["b"], ceiling), "u": state["u"] and min(state["u"], ceiling)}
