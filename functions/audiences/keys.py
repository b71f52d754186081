"""Audience kinds and their keys: what an item is stored under and what a person reads.

A person's keys come from their profile: the company, their unit, their department (within
the unit) and their site. An item for an audience is stored once, under its key; a person's
reads fan out over their keys (news feeds do; notes, check-ins and events will).
"""

from __future__ import annotations

KINDS = ("company", "unit", "department", "site")
# The fields each kind names besides "kind" (the schema checks them; see schemas.py).
NEEDS = {"company": frozenset(), "unit": frozenset({"unit"}),
         "department": frozenset({"unit", "department"}), "site": frozenset({"site"})}
SEP = "\x1f"  # between unit and department: names may hold any printable character


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
