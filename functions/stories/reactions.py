"""Reactions (keep going, thank you, heart) and views: once per person, counted on the story
in the same transaction (pressed twice, or replayed from the phone's outbox: one)."""

from __future__ import annotations

from ..errors import Conflict
from ..store import Condition, ConditionFailed, Delete, Put, Update
from .keys import reaction_sk, story_key, view_sk
from .service import REACTIONS, get, visible


def counted(store, person: dict, story_id: str) -> dict:
    story = get(store, story_id) or {}
    pk = story_key(story_id)[0]
    mine = {(r["pk"], r["sk"]) for r in store.get_many(
        [(pk, reaction_sk(person["id"], kind)) for kind in REACTIONS])}
    return {"reactions": {kind: story.get(f"r_{kind}", 0) for kind in REACTIONS},
            "mine": {kind: (pk, reaction_sk(person["id"], kind)) in mine for kind in REACTIONS}}


def _released(store, person: dict, story_id: str) -> dict:
    story = visible(store, person, story_id)
    if story["status"] != "released":
        raise Conflict("story_not_released")
    return story


def react(store, person: dict, story_id: str, kind: str, now: int) -> dict:
    _released(store, person, story_id)
    pk = story_key(story_id)[0]
    try:
        store.transact([Put({"pk": pk, "sk": reaction_sk(person["id"], kind),
                             "employee_id": person["id"], "at": now},
                            condition=Condition.not_exists()),
                        Update(pk, story_key(story_id)[1], add={f"r_{kind}": 1},
                               condition=Condition.present(status="released"))])
    except ConditionFailed:
        pass  # reacted already (or hidden meanwhile: the count stays as it was)
    return counted(store, person, story_id)


def unreact(store, person: dict, story_id: str, kind: str) -> dict:
    visible(store, person, story_id)
    pk = story_key(story_id)[0]
    try:
        store.transact([Delete(pk, reaction_sk(person["id"], kind),
                               condition=Condition.present()),
                        Update(pk, story_key(story_id)[1], add={f"r_{kind}": -1},
                               condition=Condition.present())])
    except ConditionFailed:
        pass  # had not reacted so
    return counted(store, person, story_id)


def viewed(store, person: dict, story_id: str, now: int) -> None:
    """A person watched the story: counted once per person (its author's own views: never)."""
    story = _released(store, person, story_id)
    if story["author_id"] == person["id"]:
        return
    pk = story_key(story_id)[0]
    try:
        store.transact([Put({"pk": pk, "sk": view_sk(person["id"]), "at": now},
                            condition=Condition.not_exists()),
                        Update(pk, story_key(story_id)[1], add={"views": 1},
                               condition=Condition.present())])
    except ConditionFailed:
        pass  # seen before
