"""Answers: one RSVP#<person> item per person and event, and the event's counters, moved
together in one transaction conditioned on the previous answer (so a replay or a race never
counts anyone twice). A capacity is held by conditioning the event's update on the `going`
count it was read with (compare-and-set; a lost race reads again)."""

from __future__ import annotations

from ..errors import Conflict
from ..store import Condition, ConditionFailed, Put, Update
from . import events
from .keys import event_key, going_pk, rsvp_key

TRIES = 5


class EventFull(Conflict):
    code = "event_full"


def answer(store, user: dict, event_id: str, answer: str, now: int) -> dict:
    """Set the person's answer; the counts move by one at most, whatever the retries."""
    for _ in range(TRIES):
        event = events.readable(store, user, event_id)
        if event["state"] != "scheduled" or event["ends_at"] <= now:
            raise Conflict("event_closed")
        before = store.get(*rsvp_key(event_id, user["id"]))
        previous = before["answer"] if before else None
        if previous == answer:
            return event
        try:
            store.transact(_ops(event, user, previous, answer, now))
        except ConditionFailed:
            continue
        return events.get(store, event_id)
    raise Conflict()


def _ops(event: dict, user: dict, previous: str | None, answer: str, now: int) -> list:
    held = {"state": "scheduled"}
    if answer == "going" and event.get("capacity") is not None:
        if event["going"] >= event["capacity"]:
            raise EventFull("event_full", capacity=event["capacity"])
        held["going"] = event["going"]
    item = {"pk": rsvp_key(event["id"], user["id"])[0], "sk": rsvp_key(event["id"], user["id"])[1],
            "answer": answer, "id": user["id"], "name": user["name"],
            "business_unit": user.get("business_unit"), "site": user.get("site"), "at": now}
    if answer == "going":
        item |= {"gsi1pk": going_pk(event["id"]), "gsi1sk": f"{user['name']}#{user['id']}"}
    add = {answer: 1} | ({previous: -1} if previous else {})
    return [Put(item, condition=Condition.not_exists() if previous is None
                else Condition.present(answer=previous)),
            Update(*event_key(event["id"]), add=add, condition=Condition.present(**held))]


def mine(store, user: dict, event_id: str) -> dict | None:
    return store.get(*rsvp_key(event_id, user["id"]))


def going_page(store, user: dict, event_id: str, cursor: str | None, limit: int):
    """Who is going, by name (hosts only)."""
    events.hosted(store, user, event_id)
    page = store.query(going_pk(event_id), index="gsi1", limit=limit, cursor=cursor)
    return [{k: i.get(k) for k in ("id", "name", "business_unit", "site")}
            for i in page.items], page.cursor
