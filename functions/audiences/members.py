"""The people of an audience, a page of the directory at a time (from its own indexes)."""

from __future__ import annotations

from .. import permissions
from ..directory.service import FIELDS as PROFILE_FIELDS
from ..store import InvalidCursor
from ..store.port import encode_cursor, read_cursor
from .sizes import units


def members(store, audience: dict, cursor: str | None, limit: int) -> tuple[list[dict], str | None]:
    """Up to `limit` profiles of the audience (fewer for a department: filtered from its unit)."""
    kind = audience["kind"]
    if kind == "company":
        return _company(store, cursor, limit)
    if kind == "role":  # the company's units, filtered: a page may hold fewer than `limit`
        people, cursor = _company(store, cursor, limit)
        return [p for p in people if audience["role"] in permissions.roles(p)], cursor
    if kind == "people":
        return _listed(store, sorted(set(audience["people"])), cursor, limit)
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


def _listed(store, ids: list[str], cursor: str | None, limit: int):
    """Listed people, in id order; the cursor holds the offset."""
    from ..directory.service import employee_key
    start = _offset(cursor) if cursor else 0
    chunk = ids[start:start + min(limit, 100)]
    found = store.get_many([employee_key(i) for i in chunk]) if chunk else []
    following = start + len(chunk)
    return (sorted((_profile(p) for p in found), key=lambda p: p["id"]),
            encode_cursor({"offset": following}) if following < len(ids) else None)


def _offset(cursor: str) -> int:
    offset = read_cursor(cursor).get("offset")
    if not isinstance(offset, int) or offset < 0:
        raise InvalidCursor("not a cursor we made")
    return offset


def _profile(item: dict) -> dict:
    return {k: item.get(k) for k in PROFILE_FIELDS}


def _decode(cursor: str) -> dict:
    state = read_cursor(cursor)
    if (not isinstance(state.get("unit"), str)
            or not isinstance(state.get("inner"), str | None)):
        raise InvalidCursor("not a cursor we made")
    return state
