"""Reminders a day and 15 minutes before an event, to those going, once each: a due-list
partition (EVENTDUE) the existing schedule reads (workers.on_schedule, serve.py `every`).

A pointer is taken by deleting it (conditionally): two schedule runs never both send it."""

from __future__ import annotations

from ..events import EVENT_REMINDER
from ..store import Condition, ConditionFailed, Delete, Put
from .keys import DUE_PK, due_sk, event_key, going_pk

STAGES = {"day": 86400, "15m": 900}  # stage: seconds before the start
KEEP_S = 7 * 86400  # a pointer the schedule never reached expires after the event


def schedule_ops(event: dict, now: int) -> list:
    """The event's reminders still ahead of now."""
    return [Put({"pk": DUE_PK, "sk": due_sk(at, event["id"], stage), "event_id": event["id"],
                 "stage": stage, "starts_at": event["starts_at"],
                 "expires_at": event["starts_at"] + KEEP_S})
            for stage, before in STAGES.items() if (at := event["starts_at"] - before) > now]


def unschedule_ops(event: dict) -> list:
    return [Delete(DUE_PK, due_sk(event["starts_at"] - before, event["id"], stage))
            for stage, before in STAGES.items()]


def moved_ops(before: dict, after: dict, now: int) -> list:
    """An edit's reminders: the old ones out, the new ones in (a cancelled event has none;
    an unchanged start keeps its pointers: one transaction touches an item once)."""
    new = schedule_ops(after, now) if after["state"] == "scheduled" else []
    kept = {op.item["sk"] for op in new}
    return [op for op in unschedule_ops(before) if op.sk not in kept] + new


def going(store, event_id: str) -> list[str]:
    """The ids of those going (one partition, bounded by the capacity or the audience)."""
    return [i["sk"][len("RSVP#"):] for i in store.iter_query(going_pk(event_id), index="gsi1")]


def due(store, bus, now: int) -> dict:
    """Send the reminders whose time has come (an event already over gets none)."""
    sent = 0
    for pointer in list(store.iter_query(DUE_PK, between=("0", f"{now:010d}$"))):
        try:
            store.delete(DUE_PK, pointer["sk"], condition=Condition.present())
        except ConditionFailed:
            continue  # another run took it
        event = store.get(*event_key(pointer["event_id"]))
        if (event is None or event["state"] != "scheduled" or event["ends_at"] <= now
                or event["starts_at"] != pointer["starts_at"]):
            continue
        people = going(store, event["id"])
        if people:
            bus.publish(EVENT_REMINDER, event=event, stage=pointer["stage"], people=people)
            sent += 1
    return {"reminded": sent}


def run(a) -> dict:
    """The schedule's round on the adapters (workers.on_schedule, serve.py `every`)."""
    return due(a.store, a.events, int(a.clock()))
