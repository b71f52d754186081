"""Audiences: the keys a news item is stored under and a person reads (fan-out on read).

A person's keys come from their profile: the company, their unit, their department (within
the unit) and their site. Members of an audience come from the directory's own indexes (gsi1
by unit, gsi2 by site); the company has no such index, so its units and sites are found by
walking unit -> its people's sites -> their people's units, and remembered in a registry.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from ..directory.service import FIELDS as PROFILE_FIELDS
from ..store import InvalidCursor
from ..store.port import Put, encode_cursor, read_cursor

KINDS = ("company", "unit", "department", "site")
SEP = "\x1f"  # between unit and department: names may hold any printable character
REGISTRY = "AUDIENCES"  # one partition: sk UNIT#<unit>, SITE#<site>, COUNT#<audience key>
PAGE = 500
MAX_WALK_READS = 1_000_000  # about 500,000 people: a company count stops there (and says so)
COUNT_FRESH_S = 600
_learned: WeakKeyDictionary = WeakKeyDictionary()  # store -> registry entries written here


def key(audience: dict) -> str:
    kind = audience["kind"]
    if kind == "company":
        return "ALL"
    if kind == "unit":
        return f"UNIT#{audience['unit']}"
    if kind == "department":
        return f"DEPT#{audience['unit']}{SEP}{audience['department']}"
    return f"SITE#{audience['site']}"


def of_person(person: dict) -> dict[str, str]:
    """Every audience key that reaches the person, by kind."""
    unit = person["business_unit"]
    return {"company": key({"kind": "company"}), "unit": key({"kind": "unit", "unit": unit}),
            "department": key({"kind": "department", "unit": unit,
                               "department": person["department"]}),
            "site": key({"kind": "site", "site": person["site"]})}


def reaches(audience: dict, person: dict) -> bool:
    return key(audience) in of_person(person).values()


def unit_of(audience: dict) -> str | None:
    """The business unit an audience lies inside (None: company-wide or a whole site)."""
    return audience.get("unit") if audience["kind"] in ("unit", "department") else None


# -- the registry of units and sites ----------------------------------------------------------

def learn(store, person: dict) -> None:
    """Remember the person's unit and site (once per process; a repeat is harmless)."""
    _remember(store, {f"UNIT#{person['business_unit']}", f"SITE#{person['site']}"})


def _remember(store, entries: set[str]) -> None:
    known = _learned.setdefault(store, set())
    new = sorted(entries - known)
    for start in range(0, len(new), 25):
        store.transact([Put({"pk": REGISTRY, "sk": e}) for e in new[start:start + 25]])
    known.update(new)


def _registered(store, prefix: str) -> list[str]:
    names, cursor = [], None
    while True:
        page = store.query(REGISTRY, prefix=prefix, limit=PAGE, cursor=cursor)
        names += [item["sk"][len(prefix):] for item in page.items]
        cursor = page.cursor
        if cursor is None:
            return names


def _walk(store, pk: str, index: str):
    """Every profile of one directory partition, a page at a time (bounded by the caller)."""
    cursor = None
    while True:
        page = store.query(pk, index=index, limit=PAGE, cursor=cursor)
        yield from page.items
        cursor = page.cursor
        if cursor is None:
            return


def discover(store) -> tuple[set[str], bool]:
    """Every employee id reachable from the registered units and sites, and whether the walk
    ended (it stops after MAX_WALK_READS profiles). Registers the units and sites it finds.
    Costs one read of each unit's and each site's people: about two reads per person."""
    units, sites = set(_registered(store, "UNIT#")), set(_registered(store, "SITE#"))
    todo = [("gsi1", f"UNIT#{u}") for u in sorted(units)] + [
        ("gsi2", f"SITE#{s}") for s in sorted(sites)]
    people: set[str] = set()
    walked, reads = set(), 0
    while todo and reads < MAX_WALK_READS:
        index, pk = todo.pop()
        if pk in walked:
            continue
        walked.add(pk)
        for profile in _walk(store, pk, index):
            reads += 1
            people.add(profile["id"])
            if profile["business_unit"] not in units:
                units.add(profile["business_unit"])
                todo.append(("gsi1", f"UNIT#{profile['business_unit']}"))
            if profile["site"] not in sites:
                sites.add(profile["site"])
                todo.append(("gsi2", f"SITE#{profile['site']}"))
    _remember(store, {f"UNIT#{u}" for u in units} | {f"SITE#{s}" for s in sites})
    return people, not todo


def size(store, audience: dict, now: int) -> dict:
    """How many people the audience holds, counted at most every COUNT_FRESH_S seconds."""
    cached = store.get(REGISTRY, f"COUNT#{key(audience)}")
    if cached and now - cached["counted_at"] < COUNT_FRESH_S:
        return {k: cached[k] for k in ("size", "counted_at", "complete")}
    if audience["kind"] == "company":
        people, complete = discover(store)
        count = len(people)
    else:
        count, cursor, complete = 0, None, True
        while True:
            people, cursor = members(store, audience, cursor, PAGE)
            count += len(people)
            if cursor is None:
                break
    result = {"size": count, "counted_at": now, "complete": complete}
    store.put({"pk": REGISTRY, "sk": f"COUNT#{key(audience)}", **result})
    return result


# -- members, a page at a time ----------------------------------------------------------------

def members(store, audience: dict, cursor: str | None, limit: int) -> tuple[list[dict], str | None]:
    """Up to `limit` profiles of the audience (fewer for a department: filtered from its unit)."""
    kind = audience["kind"]
    if kind == "company":
        return _company_members(store, cursor, limit)
    index, pk = ("gsi2", f"SITE#{audience['site']}") if kind == "site" else (
        "gsi1", f"UNIT#{audience['unit']}")
    page = store.query(pk, index=index, limit=limit, cursor=cursor)
    people = page.items
    if kind == "department":
        people = [p for p in people if p["department"] == audience["department"]]
    return [_profile(p) for p in people], page.cursor


def _company_members(store, cursor: str | None, limit: int):
    """The registered units one after another; the cursor names the unit and its own cursor."""
    units = sorted(_registered(store, "UNIT#"))
    state = _decode(cursor) if cursor else {"unit": units[0] if units else None, "inner": None}
    if state["unit"] is None:
        return [], None
    if state["unit"] not in units:
        raise InvalidCursor("the units have changed")
    page = store.query(f"UNIT#{state['unit']}", index="gsi1", limit=limit, cursor=state["inner"])
    following = units.index(state["unit"]) + 1
    if page.cursor:
        nxt = {"unit": state["unit"], "inner": page.cursor}
    elif following < len(units):
        nxt = {"unit": units[following], "inner": None}
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
