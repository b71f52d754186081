"""The health audit log: every rules change, override and read of someone else's declaration."""

from __future__ import annotations

import secrets
from datetime import date

from ..days import day_of
from ..store import Put

KEEP_S = 366 * 86400
ACTIONS = ("rules_changed", "override", "declaration_read", "printed_pass_issued")


def entry(actor: dict, action: str, at: int, tz, *, subject: str | None = None,
          detail: dict | None = None) -> Put:
    """The audit item as a store operation, to go in the same transaction as the change."""
    day = day_of(at, tz).isoformat()
    return Put({"pk": f"HAUDIT#{day}", "sk": f"{at:010d}#{secrets.token_hex(6)}", "at": at,
                "actor_id": actor["id"], "actor_name": actor["name"], "action": action,
                "subject_id": subject, "detail": detail or {}, "expires_at": at + KEEP_S})


def record(store, actor: dict, action: str, at: int, tz, **kwargs) -> None:
    store.put(entry(actor, action, at, tz, **kwargs).item)


def list_day(store, day: date, *, limit: int, cursor: str | None):
    """One company day's entries, newest first, a page at a time."""
    page = store.query(f"HAUDIT#{day.isoformat()}", reverse=True, limit=limit, cursor=cursor)
    fields = ("at", "actor_id", "actor_name", "action", "subject_id", "detail")
    return [{k: item.get(k) for k in fields} for item in page.items], page.cursor
