"""Moderation queues (held, reported, hidden) per capability: one pointer per item in a queue.

A capability writes these ops in the same transaction as the change of its own item, so a
queue never disagrees with the items; HR reads a queue a page at a time, newest first.
"""

from __future__ import annotations

from ..store import Delete, Put

QUEUES = ("held", "reported", "hidden")


def pk(capability: str, queue: str) -> str:
    return f"MODQ#{capability}#{queue}"


def enter(capability: str, queue: str, subject_id: str, sort: str) -> Put:
    """Put the item in a queue (again is harmless: the same key)."""
    return Put({"pk": pk(capability, queue), "sk": sort, "subject_id": subject_id})


def leave(capability: str, queue: str, sort: str) -> Delete:
    return Delete(pk(capability, queue), sort)


def page(store, capability: str, queue: str, cursor: str | None, limit: int):
    """Subject ids in a queue, newest first, and the next page's cursor."""
    result = store.query(pk(capability, queue), reverse=True, limit=limit, cursor=cursor)
    return [i["subject_id"] for i in result.items], result.cursor
