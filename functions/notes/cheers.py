"""Cheers: once per person per note (pressed twice, or replayed from the outbox: one)."""

from __future__ import annotations

from ..errors import NotFound
from ..store import Condition, ConditionFailed, Delete, Put, Update
from .keys import cheer_key, note_key
from .service import get, readable


def _counted(store, person: dict, note_id: str) -> dict:
    note = get(store, note_id)
    if note is None:
        raise NotFound("note_not_found")
    return {"cheers": note.get("cheers", 0),
            "cheered": store.get(*cheer_key(note_id, person["id"])) is not None}


def cheer(store, person: dict, note_id: str, now: int) -> dict:
    """One cheer from this person, counted on the note in the same transaction."""
    readable(store, person, note_id)
    pk, sk = cheer_key(note_id, person["id"])
    try:
        store.transact([Put({"pk": pk, "sk": sk, "employee_id": person["id"], "at": now},
                            condition=Condition.not_exists()),
                        Update(*note_key(note_id), add={"cheers": 1},
                               condition=Condition.present(status="published"))])
    except ConditionFailed:
        pass  # cheered already (or hidden meanwhile: then the count stays as it was)
    return _counted(store, person, note_id)


def uncheer(store, person: dict, note_id: str) -> dict:
    readable(store, person, note_id)
    try:
        store.transact([Delete(*cheer_key(note_id, person["id"]), condition=Condition.present()),
                        Update(*note_key(note_id), add={"cheers": -1},
                               condition=Condition.present())])
    except ConditionFailed:
        pass  # not cheered
    return _counted(store, person, note_id)
