"""A campaign's wall: its published notes, newest first or most cheered.

Each published note of a campaign has a pointer in WALL#<campaign id> (sk: the note's sort
key). Newest: one query and one get_many a page. Most cheered ranks the newest TOP_WINDOW
notes (one query and up to 5 get_many), so it stays bounded however long a campaign runs."""

from __future__ import annotations

from ..store import InvalidCursor
from ..store.port import encode_cursor, read_cursor
from .keys import note_key, wall_pk

TOP_WINDOW = 500


def _notes(store, pointers: list[dict]) -> list[dict]:
    """The published notes the pointers name, in the pointers' order."""
    found = {}
    for start in range(0, len(pointers), 100):
        for note in store.get_many([note_key(p["note_id"]) for p in pointers[start:start + 100]]):
            found[note["id"]] = note
    return [found[p["note_id"]] for p in pointers
            if p["note_id"] in found and found[p["note_id"]]["status"] == "published"]


def page(store, campaign_id: str, sort: str, cursor: str | None,
         limit: int) -> tuple[list[dict], str | None]:
    if sort == "top":
        return _top(store, campaign_id, cursor, limit)
    result = store.query(wall_pk(campaign_id), reverse=True, limit=limit, cursor=cursor)
    return _notes(store, result.items), result.cursor


def _top(store, campaign_id: str, cursor: str | None, limit: int):
    start = read_cursor(cursor).get("o") if cursor else 0
    if not isinstance(start, int) or not 0 <= start <= TOP_WINDOW:
        raise InvalidCursor("not a wall cursor")
    pointers = store.query(wall_pk(campaign_id), reverse=True, limit=TOP_WINDOW).items
    ranked = sorted(_notes(store, pointers), key=lambda n: n.get("cheers", 0), reverse=True)
    shown = ranked[start:start + limit]
    more = start + limit < len(ranked)
    return shown, encode_cursor({"o": start + limit}) if more else None
