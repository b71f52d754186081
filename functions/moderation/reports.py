"""Reports of an item or of its author: once per person per item, counted on the item."""

from __future__ import annotations

from ..store import Condition, ConditionFailed, Put, Update
from . import queue

ABOUT = ("note", "author")


def report(store, capability: str, subject: tuple[str, str], subject_id: str, sort: str,
           person: dict, reason: str, about: str, now: int) -> bool:
    """Record a report (False if this person had reported the item already): the report, the
    item's `reports` counter and the item's place in the "reported" queue, in one transaction."""
    marker = {"pk": subject[0], "sk": f"REPORT#{person['id']}", "reporter_id": person["id"],
              "reason": reason, "about": about, "at": now}
    try:
        store.transact([Put(marker, condition=Condition.not_exists()),
                        Update(*subject, add={"reports": 1}, condition=Condition.present()),
                        queue.enter(capability, "reported", subject_id, sort)])
    except ConditionFailed:
        return False
    return True


def of_subject(store, subject_pk: str, limit: int = 50) -> list[dict]:
    """The latest reports of an item (their reasons), for HR."""
    return store.query(subject_pk, prefix="REPORT#", limit=limit).items
