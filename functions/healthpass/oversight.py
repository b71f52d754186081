"""The health officer's console: today's counts per site and unit, who is on hold, rule previews.

Counts hide small groups: a site or unit of fewer than 5 people shows no colour at all, and for
readers who may not see names (HR), a count of 1 to 4 shows as "fewer than 5" too.
"""

from __future__ import annotations

from datetime import date

from ..audiences.sizes import counted
from ..directory.service import employee_key
from . import rules, service

SMALL = 5  # groups and counts below this are not shown to people who may not see names
CELLS = (*rules.SEVERITY, "none")
MAX_HOLDS = 500  # people on hold listed at once (a crisis larger than this needs paging)


def _suppress(row: dict, exact: bool) -> dict:
    """The row as a reader may see it: None stands for "fewer than 5"."""
    if row["people"] < SMALL:
        return {**row, "people": None, "hidden": True, **dict.fromkeys(CELLS)}
    cells = {c: row[c] for c in CELLS}
    if not exact:
        cells = {c: None if 0 < n < SMALL else n for c, n in cells.items()}
        # One hidden cell could be worked out from the size: hide the next smallest too.
        while list(cells.values()).count(None) == 1:
            shown = [c for c, n in cells.items() if n]
            cells[min(shown, key=lambda c: cells[c])] = None
    return {**row, **cells, "hidden": False}


def _row(name: str, people: int, colours: dict) -> dict:
    declared = sum(colours.values())
    return {"name": name, "people": people, **colours, "none": max(0, people - declared)}


def today(store, day: date, *, exact: bool) -> dict:
    """Green, yellow, red and no declaration per site and per unit (exact audience sizes)."""
    counts = service.summary(store, day)["rows"]
    groups = {}
    for kind, field in (("site", "site"), ("unit", "unit")):
        sizes = counted(store, kind)
        names = sorted({*sizes, *(r[field] for r in counts)}, key=str.casefold)
        groups[kind] = [_suppress(_row(name, sizes.get(name, 0), {
            c: sum(r[c] for r in counts if r[field] == name) for c in rules.SEVERITY}), exact)
            for name in names]
    total = _row("", sum(counted(store, "unit").values()),
                 {c: sum(r[c] for r in counts) for c in rules.SEVERITY})
    return {"date": day.isoformat(), "sites": groups["site"], "units": groups["unit"],
            "totals": _suppress(total, exact)}


def _hold(declarations: list[dict], override: dict | None, now: int) -> dict | None:
    """The person's hold now: an override decides (green clears), else the worst declaration."""
    if override and override["until"] > now:
        if override["status"] == "green":
            return None
        return {"status": override["status"], "until": override["until"], "source": "override",
                "since": override["at"], "reasons": [], "override_reason": override["reason"]}
    active = [d for d in declarations if d["until"] > now and d["outcome"] != "green"]
    if not active:
        return None
    worst = max(active, key=lambda d: (rules.SEVERITY[d["outcome"]], d["until"]))
    reasons = sorted({r for d in active for r in d["reasons"]})
    return {"status": worst["outcome"], "until": worst["until"], "source": "declaration",
            "since": min(d["declared_at"] for d in active), "reasons": reasons,
            "override_reason": None}


def _person_hold(store, employee_id: str, now: int, tz) -> dict | None:
    """service.status_of decides the colour when the person declared today (as their pass
    does); without a declaration today, their unexpired declarations and override do."""
    pk = service.health_pk(employee_id)
    hold = _hold(store.query(pk, prefix="DECL#", limit=50).items,
                 store.get(pk, service.OVERRIDE), now)
    status = service.status_of(store, employee_id, now, tz)
    if status is None or hold is None:
        return hold
    if status.status == "green":
        return None
    return {**hold, "status": status.status, "until": status.valid_until,
            "source": status.source}


def holds(store, now: int, tz) -> list[dict]:
    """Everyone yellow or red now, the most severe first, then the longest held."""
    ids = []
    for item in store.iter_query("HHOLD", index="gsi2", between=(f"{now:010d}", "9999999999~")):
        if item["employee_id"] not in ids:
            ids.append(item["employee_id"])
        if len(ids) == MAX_HOLDS:
            break
    people = {}
    for start in range(0, len(ids), 100):
        for profile in store.get_many([employee_key(i) for i in ids[start:start + 100]]):
            people[profile["id"]] = profile
    answer = []
    for employee_id in ids:
        hold = _person_hold(store, employee_id, now, tz)
        if hold:
            person = people.get(employee_id, {})
            answer.append({"employee_id": employee_id, "name": person.get("name", employee_id),
                           "unit": person.get("business_unit"), "site": person.get("site"),
                           **hold})
    answer.sort(key=lambda h: (-rules.SEVERITY[h["status"]], h["since"]))
    return answer


def preview(store, edited: dict, day: date, *, exact: bool) -> dict:
    """How today's declarations put people on hold under the rules in force and under
    `edited`. Every declaration of the day counts, the most severe per person wins (as holds
    do: a later, milder answer never erases an earlier one)."""
    worst: dict[str, tuple[str, str]] = {}  # person -> (colour now, colour under edited)
    for item in store.iter_query(f"HDECL#{day.isoformat()}", index="gsi1"):
        was, will = worst.get(item["employee_id"], ("green", "green"))
        worst[item["employee_id"]] = (_severest(was, item["outcome"]),
                                      _severest(will, rules.decide(edited, item).status))
    now_counts = dict.fromkeys(rules.SEVERITY, 0)
    new_counts = dict.fromkeys(rules.SEVERITY, 0)
    changed = 0
    for was, will in worst.values():
        now_counts[was] += 1
        new_counts[will] += 1
        changed += was != will
    size = len(worst)
    shown = {"current": now_counts, "edited": new_counts}
    if not exact:
        shown = {k: {c: None if 0 < n < SMALL else n for c, n in v.items()}
                 for k, v in shown.items()}
    held = new_counts["yellow"] + new_counts["red"]
    return {"date": day.isoformat(), "declarations": size, **shown,
            "on_hold": held if exact or not 0 < held < SMALL else None,
            "changed": changed if exact or not 0 < changed < SMALL else None}


def _severest(a: str, b: str) -> str:
    return max(a, b, key=rules.SEVERITY.__getitem__)
