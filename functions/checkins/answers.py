"""Answering: the latest answer counts, the history is kept, and each person is counted once
whatever the channel (app, inbox, notification action, email link).

One store transaction puts the new latest answer on the condition that the previous latest is
still the one read, adds its history item and moves the counters (total, site, unit) from the
old answer to the new. Two channels racing: one transaction wins, the other reads again and
applies on top of it, so counters never count a person twice."""

from __future__ import annotations

from ulid import ULID

from ..errors import Conflict, Forbidden, NotFound
from ..store import Check, Condition, ConditionFailed, Delete, Put, Update
from .keys import (
    answered_pk,
    checkin_key,
    group_sk,
    history_key,
    latest_key,
)
from .service import get, reaches

ATTEMPTS = 5  # a person answering from five channels at the very same moment
UNDO_S = 60
PERSON = ("id", "name", "business_unit", "site", "email", "phone")


def latest(store, checkin_id: str, employee_id: str) -> dict | None:
    return store.get(*latest_key(checkin_id, employee_id))


def shown(answer: dict | None) -> dict | None:
    """My answer as the phone shows it."""
    if answer is None:
        return None
    return {k: answer[k] for k in ("id", "answer", "note", "at", "channel")}


def _counted(answer: dict | None) -> list[tuple[tuple[str, str], str]]:
    """The counters an answer moves: (item key, attribute) for the total, its site, its unit."""
    if answer is None:
        return []
    pk = checkin_key(answer["checkin_id"])[0]
    person = answer["person"]
    return [(checkin_key(answer["checkin_id"]), answer["answer"]),
            ((pk, group_sk("site", person["site"])), answer["answer"]),
            ((pk, group_sk("unit", person["business_unit"])), answer["answer"])]


def counter_ops(before: dict | None, after: dict | None) -> list:
    """Counter updates moving a person from one answer to another (None: no answer); the
    check-in item is always among them, on the condition that it is still open."""
    deltas: dict[tuple[str, str], dict[str, int]] = {}
    for sign, answer in ((-1, before), (1, after)):
        for item, attr in _counted(answer):
            moved = deltas.setdefault(item, {})
            moved[attr] = moved.get(attr, 0) + sign
    chk = checkin_key((after or before)["checkin_id"])
    is_open = Condition.present(state="open")
    ops = [Update(*chk, add={a: n for a, n in deltas.pop(chk, {}).items() if n},
                  condition=is_open)]
    if not ops[0].add:
        ops = [Check(*chk, is_open)]
    ops += [Update(*item, add={a: n for a, n in moved.items() if n})
            for item, moved in deltas.items() if any(moved.values())]
    return ops


def _item(checkin_id: str, person: dict, body: dict, channel: str, now: int,
          prev: dict | None) -> dict:
    answer = {"id": str(ULID()), "checkin_id": checkin_id, "employee_id": person["id"],
              "answer": body["answer"],
              "note": body.get("note", "") if body["answer"] == "need_help" else "",
              "at": now, "channel": channel,
              "person": {k: person.get(k) or "" for k in PERSON},
              "prev": shown(prev) | {"person": prev["person"]} if prev else None}
    return answer


def _latest_put(answer: dict, prev: dict | None) -> Put:
    pk, sk = latest_key(answer["checkin_id"], answer["employee_id"])
    condition = (Condition.present(id=prev["id"]) if prev else Condition.not_exists())
    return Put({"pk": pk, "sk": sk, **answer, "gsi1pk": answered_pk(answer["checkin_id"],
                                                                    answer["answer"]),
                "gsi1sk": f"{answer['at']:010d}#{answer['employee_id']}"}, condition)


def record(store, checkin_id: str, person: dict, body: dict, channel: str, now: int) -> dict:
    """Count the person's answer (replacing their previous one); returns the new latest.
    Conflict if the check-in is closed."""
    for _ in range(ATTEMPTS):
        prev = latest(store, checkin_id, person["id"])
        answer = _item(checkin_id, person, body, channel, now, prev)
        history = history_key(checkin_id, person["id"], now, answer["id"])
        try:
            store.transact([_latest_put(answer, prev),
                            Put({"pk": history[0], "sk": history[1], **answer,
                                 "prev": None}),
                            *counter_ops(prev, answer)])
            return answer
        except ConditionFailed:
            checkin = get(store, checkin_id)
            if checkin is None or checkin["state"] != "open":
                raise Conflict("checkin_closed") from None
    raise Conflict("checkin_answer_busy")


def answer(store, user: dict, checkin_id: str, body: dict, now: int) -> dict:
    """My answer from the app, the inbox or the notification's action button."""
    checkin = get(store, checkin_id)
    if checkin is None:
        raise NotFound("checkin_not_found")
    if not reaches(checkin, user):
        raise Forbidden("checkin_not_for_you")
    if checkin["state"] != "open":
        raise Conflict("checkin_closed")
    return record(store, checkin_id, user, body, body["channel"], now)


def undo(store, user: dict, checkin_id: str, answer_id: str, now: int) -> dict | None:
    """Take back my latest answer within UNDO_S: my previous answer counts again (or none)."""
    current = latest(store, checkin_id, user["id"])
    if current is None or current["id"] != answer_id:
        raise NotFound("checkin_answer_not_found")
    if now - current["at"] > UNDO_S:
        raise Conflict("checkin_undo_too_late")
    prev = current.get("prev")
    restored = None
    if prev:
        restored = {**prev, "checkin_id": checkin_id, "employee_id": user["id"], "prev": None}
    pk, sk = latest_key(checkin_id, user["id"])
    ops = [*counter_ops(current, restored),
           Update(*history_key(checkin_id, user["id"], current["at"], current["id"]),
                  set={"undone_at": now}, condition=Condition.present())]
    if restored:
        ops.append(Put({"pk": pk, "sk": sk, **restored,
                        "gsi1pk": answered_pk(checkin_id, restored["answer"]),
                        "gsi1sk": f"{restored['at']:010d}#{user['id']}"},
                       Condition.present(id=current["id"])))
    else:
        ops.append(Delete(pk, sk, Condition.present(id=current["id"])))
    try:
        store.transact(ops)
    except ConditionFailed:
        checkin = get(store, checkin_id)
        if checkin is None or checkin["state"] != "open":
            raise Conflict("checkin_closed") from None
        raise Conflict("checkin_answer_changed") from None
    return restored
