"""The karaoke running order: one SLOT#<person> item per person and event (the key makes it
one each), ordered by `position`; the host reorders by rewriting positions."""

from __future__ import annotations

from ulid import ULID

from .. import permissions
from ..errors import Conflict, Forbidden, Invalid, NotFound
from ..i18n import t
from ..store import Condition, ConditionFailed, Update
from . import events
from .keys import event_key, rsvp_key, slot_key

SLOTS_MAX = 100
BATCH = 25


def _all(store, event_id: str) -> list[dict]:
    """The event's slots in running order (one partition prefix, at most SLOTS_MAX)."""
    found = store.iter_query(event_key(event_id)[0], prefix="SLOT#")
    return sorted(found, key=lambda s: (s["position"], s["id"]))


def view(slot: dict) -> dict:
    return {"id": slot["id"], "person": {"id": slot["person_id"], "name": slot["name"]},
            "song": slot["song"], "position": slot["position"]}


def listing(store, user: dict, event_id: str) -> list[dict]:
    events.readable(store, user, event_id)
    return [view(s) for s in _all(store, event_id)]


def add(store, user: dict, event_id: str, song: str, now: int) -> dict:
    """Sign up for a song: those going, once each, while the event has not ended."""
    event = events.readable(store, user, event_id)
    if event["kind"] != "karaoke" or event["state"] != "scheduled" or event["ends_at"] <= now:
        raise Conflict("slot_not_open")
    answer = store.get(*rsvp_key(event_id, user["id"]))
    if not answer or answer["answer"] != "going":
        raise Conflict("slot_going_only")
    if store.get(*slot_key(event_id, user["id"])):
        raise Conflict("slot_one_each")
    seq = store.update(*event_key(event_id), add={"slot_seq": 1},
                       condition=Condition.present())["slot_seq"]
    if seq > SLOTS_MAX:
        raise Conflict("slots_full", max=SLOTS_MAX)
    pk, sk = slot_key(event_id, user["id"])
    slot = {"pk": pk, "sk": sk, "id": str(ULID()), "person_id": user["id"],
            "name": user["name"], "song": song, "position": int(seq), "created_at": now}
    try:
        store.put(slot, condition=Condition.not_exists())
    except ConditionFailed:
        raise Conflict("slot_one_each") from None
    return view(slot)


def delete(store, user: dict, event_id: str, slot_id: str) -> None:
    """Its person or a host takes a slot off the running order."""
    event = events.readable(store, user, event_id)
    slot = next((s for s in _all(store, event_id) if s["id"] == slot_id), None)
    if slot is None:
        raise NotFound("slot_not_found")
    if slot["person_id"] != user["id"] and not permissions.may_host_event(user, event):
        raise Forbidden("slot_not_yours")
    store.delete(slot["pk"], slot["sk"])


def reorder(store, user: dict, event_id: str, ids: list[str]) -> list[dict]:
    """The host's new running order: every slot id, each once."""
    events.hosted(store, user, event_id)
    slots = {s["id"]: s for s in _all(store, event_id)}
    if len(ids) != len(set(ids)) or set(ids) != set(slots):
        raise Invalid("slot_order_mismatch", fields={"ids": [t("slot_order_mismatch")]})
    ops = [Update(slots[i]["pk"], slots[i]["sk"], set={"position": n},
                  condition=Condition.present()) for n, i in enumerate(ids, start=1)]
    try:
        for start in range(0, len(ops), BATCH):
            store.transact(ops[start:start + BATCH])
    except ConditionFailed:
        raise Conflict() from None  # a slot was taken off meanwhile
    return [view(s) for s in _all(store, event_id)]


