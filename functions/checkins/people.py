"""Who answered what, for safety operators only: the lists by answer (need help first in the
app), the people who have not answered, and the cases of those who need help."""

from __future__ import annotations

from ..audiences import members
from ..errors import Conflict, NotFound
from ..store import Condition, ConditionFailed
from .keys import KEEP_AFTER_CLOSE_S, answered_pk, case_key, latest_key
from .service import managed

CASE_STATES = ("open", "contacted", "resolved")
NOTES_MAX = 50  # a case's notes; more is a conversation, not a status


def _person(p: dict) -> dict:
    return {k: p.get(k) or "" for k in ("id", "name", "business_unit", "site", "email",
                                        "phone")}


def _cases(store, checkin_id: str, ids: list[str]) -> dict:
    found = store.get_many([case_key(checkin_id, i) for i in ids]) if ids else []
    return {c["sk"][2:]: case_view(c) for c in found}


def case_view(case: dict) -> dict:
    return {"status": case["status"], "notes": case.get("notes", [])}


def page(store, user: dict, checkin_id: str, answer: str, cursor: str | None, limit: int):
    """A page of people with this answer (newest first), or who have not answered."""
    checkin = managed(store, user, checkin_id)
    if answer == "no_answer":
        return _silent_page(store, checkin, cursor, limit)
    found = store.query(answered_pk(checkin_id, answer), index="gsi1", reverse=True,
                        limit=limit, cursor=cursor)
    cases = _cases(store, checkin_id, [a["employee_id"] for a in found.items])
    return [{"person": _person(a["person"]), "answer": a["answer"], "note": a["note"],
             "at": a["at"], "case": cases.get(a["employee_id"])}
            for a in found.items], found.cursor


def _silent_page(store, checkin: dict, cursor: str | None, limit: int):
    """One page of the audience, without those who answered (a page may hold fewer)."""
    people, following = members.members(store, checkin["audience"], cursor, limit)
    answered = set()
    for n in range(0, len(people), 100):
        answered |= {a["employee_id"] for a in store.get_many(
            [latest_key(checkin["id"], p["id"]) for p in people[n:n + 100]])}
    return [{"person": _person(p), "answer": None, "note": "", "at": None, "case": None}
            for p in people if p["id"] not in answered], following


def set_case(store, user: dict, checkin_id: str, employee_id: str, body: dict,
             now: int) -> dict:
    """Move a case (open, contacted, resolved) and add the operator's note."""
    checkin = managed(store, user, checkin_id)
    if store.get(*latest_key(checkin_id, employee_id)) is None:
        raise NotFound("checkin_case_no_answer")
    key = case_key(checkin_id, employee_id)
    for _ in range(3):
        case = store.get(*key)
        notes = list(case.get("notes", [])) if case else []
        if body.get("note"):
            notes = (notes + [{"by": user["name"], "at": now, "text": body["note"]}])[-NOTES_MAX:]
        item = {"pk": key[0], "sk": key[1], "status": body["status"], "notes": notes,
                "updated_at": now, "rev": (case or {}).get("rev", 0) + 1}
        if checkin["state"] == "closed":
            item["expires_at"] = checkin["closed_at"] + KEEP_AFTER_CLOSE_S
        try:
            store.put(item, condition=Condition.present(rev=case["rev"]) if case
                      else Condition.not_exists())
            return case_view(item)
        except ConditionFailed:
            continue  # another operator wrote meanwhile: add to theirs
    raise Conflict()
