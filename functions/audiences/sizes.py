"""Exact audience sizes: one counter per audience key, moved by the directory import in the
same transaction as the profile it counts (so a size never drifts from the directory)."""

from __future__ import annotations

from .. import permissions
from ..store import Update
from .keys import SEP, key, memberships

PK = "AUDIENCES"  # one partition: sk SIZE#<audience key>, attribute "people"
PREFIX = "SIZE#"


def _counter(audience_key: str, by: int) -> Update:
    return Update(PK, f"{PREFIX}{audience_key}", add={"people": by})


def changes(before: dict | None, after: dict | None) -> list[Update]:
    """Counter updates for a profile that changes from before to after (None: absent): four
    down and four up at most, and one per role gained or lost, in the profile's transaction."""
    old = set(memberships(before, permissions.roles(before))) if before else set()
    new = set(memberships(after, permissions.roles(after))) if after else set()
    return ([_counter(k, -1) for k in sorted(old - new)]
            + [_counter(k, 1) for k in sorted(new - old)])


def size(store, audience: dict) -> int:
    """How many people the audience holds now (one get; people: a get_many per 100)."""
    if audience["kind"] == "people":  # the profiles that exist (directory.service's keys)
        ids = sorted(set(audience["people"]))
        return sum(len(store.get_many([(f"EMP#{i}", "PROFILE") for i in ids[n:n + 100]]))
                   for n in range(0, len(ids), 100))
    counter = store.get(PK, f"{PREFIX}{key(audience)}")
    return counter["people"] if counter else 0


def counted(store, kind: str) -> dict[str, int]:
    """Every unit (or site) with at least one person, and how many, in sort-key order."""
    prefix = f"{PREFIX}{key({'kind': kind, kind: ''})}"
    return {c["sk"][len(prefix):]: c["people"] for c in store.iter_query(PK, prefix=prefix)
            if c["people"] > 0}


def units(store) -> list[str]:
    """Every business unit with at least one person, in sort-key order."""
    return list(counted(store, "unit"))


def options(store) -> dict:
    """Every unit with its departments, and every site, each with its exact size (one query)."""
    units: dict[str, dict] = {}
    sites: list[dict] = []
    company = 0
    for counter in store.iter_query(PK, prefix=PREFIX):
        name, people = counter["sk"][len(PREFIX):], counter["people"]
        if people <= 0:
            continue
        kind, _, rest = name.partition("#")
        if name == "ALL":
            company = people
        elif kind == "UNIT":
            units.setdefault(rest, {"departments": []})["size"] = people
        elif kind == "DEPT":
            unit, _, department = rest.partition(SEP)
            units.setdefault(unit, {"departments": []})["departments"].append(
                {"name": department, "size": people})
        elif kind == "SITE":
            sites.append({"name": rest, "size": people})
    return {"company": company, "sites": sites,
            "units": [{"name": n, "size": u.get("size", 0), "departments": u["departments"]}
                      for n, u in units.items()]}
