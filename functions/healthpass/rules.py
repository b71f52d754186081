"""Status rules as versioned data: which answers make a declaration yellow or red, and how long."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Conflict, NotFound
from ..store import Condition, ConditionFailed, Put
from . import audit

SYMPTOMS = ("cough", "sore_throat", "shortness_of_breath", "fatigue", "muscle_aches",
            "headache", "loss_of_taste_or_smell", "runny_nose", "chills", "diarrhoea")
CONDITIONS = ("fever", "any_symptom", "close_contact", "visited_high_risk_area",
              *(f"symptom:{code}" for code in SYMPTOMS))
SEVERITY = {"green": 0, "yellow": 1, "red": 2}
MAX_DAYS = 21  # declarations are kept 21 days, so no outcome can outlast them
PK = "HEALTH#RULES"
CURRENT = "CURRENT"

# Version 0 is built in and never stored; the first PUT makes version 1. A visit to a
# high-risk area counts like a symptom (yellow, 7 days): exposure is possible, not known.
DEFAULT = {"version": 0, "fever_threshold_c": 37.3, "rules": [
    {"when": "fever", "status": "yellow", "days": 7},
    {"when": "any_symptom", "status": "yellow", "days": 7},
    {"when": "close_contact", "status": "red", "days": 14},
    {"when": "visited_high_risk_area", "status": "yellow", "days": 7},
], "updated_by": None, "updated_at": None}
FIELDS = tuple(DEFAULT)


@dataclass(frozen=True)
class Outcome:
    """What one declaration decides: a colour for `days` company days, and why."""

    status: str
    days: int
    reasons: tuple[str, ...]


def _holds(when: str, declaration: dict, threshold: float) -> bool:
    if when == "fever":
        return declaration["temperature_c"] >= threshold
    if when == "any_symptom":
        return bool(declaration["symptoms"])
    if when.startswith("symptom:"):
        return when.removeprefix("symptom:") in declaration["symptoms"]
    return bool(declaration[when])


def decide(rules: dict, declaration: dict) -> Outcome:
    """The most severe matching rule wins; among equals, the longest."""
    status, days, reasons = "green", 1, []
    for rule in rules["rules"]:
        if _holds(rule["when"], declaration, rules["fever_threshold_c"]):
            reasons.append(rule["when"])
            if (SEVERITY[rule["status"]], rule["days"]) > (SEVERITY[status],
                                                            days if status != "green" else 0):
                status, days = rule["status"], rule["days"]
    return Outcome(status, days, tuple(reasons))


def _public(item: dict) -> dict:
    return {k: item.get(k) for k in FIELDS}


def current(store) -> dict:
    item = store.get(PK, CURRENT)
    return _public(item) if item else dict(DEFAULT)


def version(store, number: int) -> dict:
    if number == 0:
        return dict(DEFAULT)
    item = store.get(PK, f"V#{number:06d}")
    if item is None:
        raise NotFound("rules_version_not_found")
    return _public(item)


def replace(store, actor: dict, body: dict, now: int, tz) -> dict:
    """Store body as the next version, the audit entry with it; 409 if someone was quicker."""
    before = current(store)
    number = before["version"] + 1
    doc = {"version": number, "fever_threshold_c": body["fever_threshold_c"],
           "rules": body["rules"], "updated_by": actor["id"], "updated_at": now}
    guard = (Condition.present(version=before["version"]) if before["version"]
             else Condition.not_exists())
    try:
        store.transact([
            Put({"pk": PK, "sk": f"V#{number:06d}", **doc}, condition=Condition.not_exists()),
            Put({"pk": PK, "sk": CURRENT, **doc}, condition=guard),
            audit.entry(actor, "rules_changed", now, tz,
                        detail={"version": number, "previous_version": before["version"]}),
        ])
    except ConditionFailed:
        raise Conflict() from None
    return doc
