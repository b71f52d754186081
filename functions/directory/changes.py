"""Who changed whose roles or email: the directory's audit trail, shown to admins."""

from __future__ import annotations

import secrets

from ..store import Put

PK = "DIRAUDIT"
KEEP_S = 366 * 86400
WATCHED = ("roles", "email")  # the fields that give power or take over a sign-in


def entry(actor: dict | None, before: dict | None, after: dict, at: int) -> Put | None:
    """The audit item for a profile write, to go in its transaction; None if nothing watched
    changed."""
    old = {f: before[f] for f in WATCHED} if before else None
    new = {f: after[f] for f in WATCHED}
    if old == new:
        return None
    return Put({"pk": PK, "sk": f"{at:010d}#{secrets.token_hex(6)}", "at": at,
                "actor_id": actor["id"] if actor else None,
                "actor_name": actor["name"] if actor else None,
                "subject_id": after["id"], "subject_name": after["name"],
                "before": old, "after": new, "expires_at": at + KEEP_S})


def list_changes(store, *, limit: int, cursor: str | None):
    """Newest first, a page at a time."""
    page = store.query(PK, reverse=True, limit=limit, cursor=cursor)
    fields = ("at", "actor_id", "actor_name", "subject_id", "subject_name", "before", "after")
    return [{k: item.get(k) for k in fields} for item in page.items], page.cursor
