"""Notes for me: one query per audience key the person belongs to, merged by time.

A note is stored once under its audience's key (gsi1 NOTES#<key>, only while published), so
a note to a region of 10,000 people is one item. A page costs the same whatever the data: one
query per key (company, unit, department, site, the person's own: 5) and one get_many (the
person's cheers of the page's notes)."""

from __future__ import annotations

import re

from ..store import InvalidCursor
from ..store.port import encode_cursor, read_cursor
from .keys import LOWEST, feed_pk, reader_keys
from .views import shown

_SORT_KEY = re.compile(r"^\d{10}#[0-9A-Z]{26}$")
TOP = f"{'9' * 10}$"  # above every sort key


def page(store, person: dict, limit: int, cursor: str | None) -> tuple[list[dict], str | None]:
    """The newest `limit` notes that reach the person below the cursor, and the next cursor."""
    before = _decode(cursor) if cursor else TOP
    parts = [_partition(store, key, before, limit) for key in reader_keys(person)]
    notes, next_before = _merge(parts, limit)
    return shown(store, person, notes), (encode_cursor({"b": next_before})
                                         if next_before else None)


def _partition(store, key: str, before: str, fetch: int) -> tuple[list[dict], bool]:
    """Up to `fetch` notes below `before` (exclusive), newest first; and whether there are more."""
    result = store.query(feed_pk(key), index="gsi1", between=(LOWEST, before), reverse=True,
                         limit=fetch + 1)  # one more: the note at `before` itself comes back
    items = [i for i in result.items if i["gsi1sk"] < before]
    return items[:fetch], result.cursor is not None or len(items) > fetch


def _merge(parts: list, limit: int) -> tuple[list[dict], str | None]:
    """The newest `limit` over all partitions, and where the next page starts.

    Below the oldest note fetched from a partition that has more, that partition is unknown:
    nothing older than that horizon is shown on this page."""
    fetched = sorted((i for items, _ in parts for i in items), key=lambda i: i["gsi1sk"],
                     reverse=True)
    horizon = max((items[-1]["gsi1sk"] for items, more in parts if more and items),
                  default=None)
    shown = []
    for item in fetched:
        if len(shown) == limit or (horizon is not None and item["gsi1sk"] < horizon):
            break
        shown.append(item)
    more = horizon is not None or len(shown) < len(fetched)
    return shown, shown[-1]["gsi1sk"] if more and shown else None


def _decode(cursor: str) -> str:
    before = read_cursor(cursor).get("b")
    if not isinstance(before, str) or not _SORT_KEY.match(before):
        raise InvalidCursor("not a notes cursor")
    return before
