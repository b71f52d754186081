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
    sk = f"{at:010d}#{secrets.token_hex(6)}"
    index = {"gsi2pk": f"HAUDIT#K#{action}", "gsi2sk": sk}  # by kind, then time
    if subject:
        index.update(gsi1pk=f"HAUDIT#P#{subject}", gsi1sk=sk)  # by the person it concerns
    return Put({"pk": f"HAUDIT#{day}", "sk": sk, "at": at,
                "actor_id": actor["id"], "actor_name": actor["name"], "action": action,
                "subject_id": subject, "detail": detail or {}, "expires_at": at + KEEP_S,
                **index})


def record(store, actor: dict, action: str, at: int, tz, **kwargs) -> None:
    store.put(entry(actor, action, at, tz, **kwargs).item)


FIELDS = ("at", "actor_id", "actor_name", "action", "subject_id", "detail")


def _page(page):
    return [{k: item.get(k) for k in FIELDS} for item in page.items], page.cursor


def list_day(store, day: date, *, limit: int, cursor: str | None):
    """One company day's entries, newest first, a page at a time."""
    return _page(store.query(f"HAUDIT#{day.isoformat()}", reverse=True, limit=limit,
                             cursor=cursor))


def list_person(store, subject: str, *, limit: int, cursor: str | None):
    """Every entry about one person (all days kept), newest first."""
    return _page(store.query(f"HAUDIT#P#{subject}", index="gsi1", reverse=True, limit=limit,
                             cursor=cursor))


def list_kind(store, action: str, *, limit: int, cursor: str | None):
    """Every entry of one kind (all days kept), newest first."""
    return _page(store.query(f"HAUDIT#K#{action}", index="gsi2", reverse=True, limit=limit,
                             cursor=cursor))
