"""Audience kinds and their keys: what an item is stored under and what a person reads.

A person's keys come from their profile: the company, their unit, their department (within
the unit) and their site. An item for an audience is stored once, under its key; a person's
reads fan out over their keys (news feeds do; notes, check-ins and events will).
"""

from __future__ import annotations

KINDS = ("company", "unit", "department", "site")
# Kinds only notifications take (news feeds read the four above): everyone with a role, and
# an explicit list of people (at most PEOPLE_MAX; each person's inbox has its own key).
TARGET_KINDS = (*KINDS, "role", "people")
PEOPLE_MAX = 500
# The fields each kind names besides "kind" (the schema checks them; see schemas.py).
NEEDS = {"company": frozenset(), "unit": frozenset({"unit"}),
         "department": frozenset({"unit", "department"}), "site": frozenset({"site"}),
         "role": frozenset({"role"}), "people": frozenset({"people"})}
SEP = "\x1f"  # between unit and department: names may hold any printable character


def key(audience: dict) -> str:
    """The one key an item for the audience is stored under (people: one key per person)."""
    kind = audience["kind"]
    if kind == "role":
        return f"ROLE#{audience['role']}"
    if kind == "people":
        raise ValueError("a people audience has a key per person: person_key()")
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


def person_key(employee_id: str) -> str:
    return f"PERSON#{employee_id}"


def memberships(person: dict, roles=()) -> list[str]:
    """Every key that reaches the person, the role kind's too (sizes count these); roles come
    from functions.permissions.roles, the one reader of a person's roles."""
    return [*of_person(person).values(),
            *(key({"kind": "role", "role": r}) for r in sorted(set(roles)))]


def inbox_keys(person: dict, roles=()) -> list[str]:
    """The partitions a person's inbox reads: their memberships and their own key."""
    return [*memberships(person, roles), person_key(person["id"])]


def reaches(audience: dict, person: dict, roles=()) -> bool:
    if audience["kind"] == "people":
        return person["id"] in audience["people"]
    return key(audience) in memberships(person, roles)


def unit_of(audience: dict) -> str | None:
    """The business unit an audience lies inside (None: company-wide or a whole site)."""
    return audience.get("unit") if audience["kind"] in ("unit", "department") else None
