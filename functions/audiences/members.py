"""The people of an audience, a page of the directory at a time (from its own indexes)."""

from __future__ import annotations

from ..directory.service import FIELDS as PROFILE_FIELDS
from ..store import InvalidCursor
from ..store.port import encode_cursor, read_cursor
from .sizes import units


def members(store, audience: dict, cursor: str | None, limit: int) -> tuple[list[dict], str | None]:
    """Up to `limit` profiles of the audience (fewer for a department: filtered from its unit)."""
    kind = audience["kind"]
    if kind == "company":
        return _company(store, cursor, limit)
    index, pk = ("gsi2", f"SITE#{audience['site']}") if kind == "site" else (
        "gsi1", f"UNIT#{audience['unit']}")
    page = store.query(pk, index=index, limit=limit, cursor=cursor)
    people = page.items
    if kind == "department":
        people = [p for p in people if p["department"] == audience["department"]]
    return [_profile(p) for p in people], page.cursor


def _company(store, cursor: str | None, limit: int):
    """The units one after another; the cursor names the unit and its own cursor."""
    names = units(store)
    state = _decode(cursor) if cursor else {"unit": names[0] if names else None, "inner": None}
    if state["unit"] is None:
        return [], None
    if state["unit"] not in names:
        raise InvalidCursor("the units have changed")
    page = store.query(f"UNIT#{state['unit']}", index="gsi1", limit=limit, cursor=state["inner"])
    following = names.index(state["unit"]) + 1
    if page.cursor:
        nxt = {"unit": state["unit"], "inner": page.cursor}
    elif following < len(names):
        nxt = {"unit": names[following], "inner": None}
    else:
        nxt = None
    return [_profile(p) for p in page.items], encode_cursor(nxt) if nxt else None


def _profile(item: dict) -> dict:
    return {k: item.get(k) for k in PROFILE_FIELDS}


def _decode(cursor: str) -> dict:
    state = read_cursor(cursor)
    if (not isinstance(state.get("unit"), str)
            or not isinstance(state.get("inner"), str | None)):
        raise InvalidCursor("not a cursor we made")
    return state
