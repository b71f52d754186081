"""Declarations, the status they give, officers' overrides, and HR's counts (colour only)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date

from ..days import day_of, end_of
from ..directory.service import get_employee
from ..errors import Conflict, NotFound
from ..events import HEALTH_STATUS_CHANGED
from ..store import Condition, ConditionFailed, Put, Update
from . import audit, rules
from .revocation import revoke_credentials

KEEP_S = 21 * 86400  # a declaration is personal health data: gone after 21 days
COUNTER_KEEP_S = 366 * 86400  # counts name no one
CORRECTION_S = 10 * 60  # a declaration this soon after the previous one corrects it (a typo)
ANSWERS = ("temperature_c", "symptoms", "close_contact", "visited_high_risk_area")
OVERRIDE = "OVERRIDE"


@dataclass(frozen=True)
class Status:
    """A person's colour now, until when, and what decided it (declaration or override)."""

    status: str
    valid_until: int
    source: str


def health_pk(employee_id: str) -> str:
    return f"HEALTH#{employee_id}"


def declaration_sk(day: date, declared_at: int, rev: str) -> str:
    """Every declaration is its own item, in time order within the day."""
    return f"DECL#{day.isoformat()}#{declared_at:010d}#{rev}"


def count_key(employee_id: str, day: str) -> tuple[str, str]:
    """The colour a person is counted at in HR's counters for one day (one per person)."""
    return health_pk(employee_id), f"COUNTED#{day}"


def hold_index(employee_id: str, status: str, until: int) -> dict:
    """gsi2 attributes of a yellow or red hold (query HHOLD with sk >= now for active holds)."""
    if status == "green":
        return {}
    return {"gsi2pk": "HHOLD", "gsi2sk": f"{until:010d}#{employee_id}"}


def _recent(store, employee_id: str) -> list[dict]:
    """The person's unexpired declarations, newest first (21 days, bounded by design)."""
    return list(store.iter_query(health_pk(employee_id), prefix="DECL#", reverse=True))


def _combine(declarations: list[dict], override: dict | None, now: int, today: str):
    """Today's declaration is required; then an override wins, else the most severe hold."""
    if not any(d["date"] == today for d in declarations):
        return None
    if override and override["until"] > now:
        return Status(override["status"], override["until"], "override")
    active = [d for d in declarations if d["until"] > now]
    best = max(active, key=lambda d: (rules.SEVERITY[d["outcome"]], d["until"]))
    return Status(best["outcome"], best["until"], "declaration")


def status_of(store, employee_id: str, now: int, tz) -> Status | None:
    """The person's status now, or None without a declaration today (so: no pass)."""
    return _combine(_recent(store, employee_id), store.get(health_pk(employee_id), OVERRIDE),
                    now, day_of(now, tz).isoformat())


def _counter(day: str, site: str, unit: str, add: dict, now: int) -> Update:
    # The unit separator keeps ("a#b", "c") and ("a", "b#c") apart.
    return Update(f"HSUM#{day}", f"{site}\x1f{unit}", add=add,
                  set={"site": site, "unit": unit, "expires_at": now + COUNTER_KEEP_S})


def _recount(before: dict | None, after: dict, now: int) -> list[Update]:
    """Counter changes when the person's counted colour for a day goes from before to after."""
    day = after["date"]
    if before is None:
        return [_counter(day, after["site"], after["unit"], {after["counted"]: 1}, now)]
    old, new = (before["site"], before["unit"]), (after["site"], after["unit"])
    if old == new and before["counted"] == after["counted"]:
        return []
    if old == new:
        return [_counter(day, *new, {after["counted"]: 1, before["counted"]: -1}, now)]
    return [_counter(day, *old, {before["counted"]: -1}, now),
            _counter(day, *new, {after["counted"]: 1}, now)]


def _same(item: dict | None) -> Condition:
    """Write only over exactly what we read (nothing, or that revision)."""
    return Condition.present(rev=item["rev"]) if item else Condition.not_exists()


def _corrected(history: list[dict], day: str, now: int) -> str | None:
    """The sk of today's latest declaration if it is recent enough for this one to correct it."""
    today = [d for d in history if d["date"] == day]
    if today and now - today[0]["declared_at"] <= CORRECTION_S:
        return today[0]["sk"]
    return None


def declare(store, user: dict, answers: dict, now: int, tz, events=None) -> dict:
    """Record a declaration (every one is kept), count the person once, revoke old passes.

    A later declaration never lifts a hold an earlier one started, even the same day: every
    declaration's hold counts and the most severe wins. One made within CORRECTION_S of the
    previous is marked as correcting it, so a health officer sees the typo and its fix.
    """
    day = day_of(now, tz)
    rules_doc = rules.current(store)
    outcome = rules.decide(rules_doc, answers)
    history = _recent(store, user["id"])
    # The revision sorts after any declaration made the same second (an outbox replaying two
    # at once): the newest is always last in the key order, and first when read newest first.
    same_second = sum(1 for d in history if d.get("declared_at") == now)
    rev = f"{same_second:04x}{secrets.token_hex(6)}"
    until = end_of(day, tz, days=outcome.days)
    item = {"pk": health_pk(user["id"]), "sk": declaration_sk(day, now, rev),
            "employee_id": user["id"], "date": day.isoformat(),
            **{k: answers[k] for k in ANSWERS}, "outcome": outcome.status,
            "reasons": list(outcome.reasons), "until": until,
            "rules_version": rules_doc["version"], "declared_at": now,
            "site": user["site"], "unit": user["business_unit"], "rev": rev,
            "corrects": _corrected(history, day.isoformat(), now), "expires_at": now + KEEP_S,
            "gsi1pk": f"HDECL#{day.isoformat()}", "gsi1sk": f"{user['id']}#{now:010d}",
            **hold_index(user["id"], outcome.status, until)}
    status = _combine([item, *history], store.get(health_pk(user["id"]), OVERRIDE), now,
                      item["date"])
    before = store.get(*count_key(user["id"], item["date"]))
    counted = {"pk": health_pk(user["id"]), "sk": count_key(user["id"], item["date"])[1],
               "date": item["date"], "site": item["site"], "unit": item["unit"],
               "counted": status.status, "rev": rev, "expires_at": now + KEEP_S}
    try:
        store.transact([Put(item, condition=Condition.not_exists()),
                        Put(counted, condition=_same(before)),
                        *_recount(before, counted, now)])
    except ConditionFailed:
        raise Conflict() from None  # the same person declared twice at once: retry
    revoke_credentials(store, user["id"])
    if events is not None and before is not None and before["counted"] != status.status:
        events.publish(HEALTH_STATUS_CHANGED, employee_id=user["id"])
    return {"date": item["date"], "status": status.status, "valid_until": status.valid_until,
            "source": status.source, "outcome": outcome.status,
            "reasons": item["reasons"], "rules_version": item["rules_version"]}


def own_status(store, user: dict, now: int, tz) -> dict:
    day = day_of(now, tz).isoformat()
    status = status_of(store, user["id"], now, tz)
    if status is None:
        return {"date": day, "declared_today": False, "status": None, "valid_until": None,
                "source": None}
    return {"date": day, "declared_today": True, "status": status.status,
            "valid_until": status.valid_until, "source": status.source}


DECLARATION_FIELDS = ("date", *ANSWERS, "outcome", "reasons", "until", "rules_version",
                      "declared_at", "corrects")


def declarations(store, reader: dict, employee_id: str, now: int, tz) -> list[dict]:
    """A person's declarations, newest first; reading someone else's is audited first."""
    if get_employee(store, employee_id) is None:
        raise NotFound("employee_not_found")
    if reader["id"] != employee_id:
        audit.record(store, reader, "declaration_read", now, tz, subject=employee_id)
    return [{"id": d["sk"], **{k: d.get(k) for k in DECLARATION_FIELDS}}
            for d in _recent(store, employee_id)]


def override(store, officer: dict, body: dict, now: int, tz, events=None) -> dict:
    """Set one person's colour for some days, with a reason; counts and passes follow."""
    employee_id = body["employee_id"]
    if get_employee(store, employee_id) is None:
        raise NotFound("employee_not_found")
    day = day_of(now, tz)
    until = end_of(day, tz, days=body["days"])
    item = {"pk": health_pk(employee_id), "sk": OVERRIDE, "employee_id": employee_id,
            "status": body["status"], "reason": body["reason"], "by": officer["id"], "at": now,
            "until": until, "expires_at": until, **hold_index(employee_id, body["status"], until)}
    ops = [Put(item), audit.entry(officer, "override", now, tz, subject=employee_id,
                                  detail={"status": body["status"], "reason": body["reason"],
                                          "until": until})]
    today = store.get(*count_key(employee_id, day.isoformat()))
    if today and today["counted"] != body["status"]:
        after = {**today, "counted": body["status"]}
        ops += [Update(today["pk"], today["sk"], condition=_same(today),
                       set={"counted": body["status"], "rev": secrets.token_hex(8)}),
                *_recount(today, after, now)]
    try:
        store.transact(ops)
    except ConditionFailed:
        raise Conflict() from None
    revoke_credentials(store, employee_id)
    if events is not None:
        events.publish(HEALTH_STATUS_CHANGED, employee_id=employee_id)
    return {k: item[k] for k in ("employee_id", "status", "reason", "by", "at", "until")}


def summary(store, day: date) -> dict:
    """Counts per site and unit for one company day (no names, no answers)."""
    rows = [{"site": r["site"], "unit": r["unit"], **{c: r.get(c, 0) for c in rules.SEVERITY}}
            for r in store.iter_query(f"HSUM#{day.isoformat()}")]
    for row in rows:
        row["total"] = sum(row[c] for c in rules.SEVERITY)
    rows.sort(key=lambda r: (r["site"].casefold(), r["unit"].casefold()))
    totals = {c: sum(r[c] for r in rows) for c in (*rules.SEVERITY, "total")}
    return {"date": day.isoformat(), "rows": rows, "totals": totals}
