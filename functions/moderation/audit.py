"""The moderation audit log: who did what to which item, when, with the state before and after."""

from __future__ import annotations

import secrets

from ..store import Put

KEEP_S = 366 * 86400


def entry(actor: dict, capability: str, subject_id: str, action: str, before: dict | None,
          after: dict | None, now: int) -> Put:
    """One audit item, to be written in the same transaction as the change it records."""
    return Put({"pk": f"MODAUDIT#{capability}#{subject_id}",
                "sk": f"{now:010d}#{secrets.token_hex(4)}", "actor_id": actor["id"],
                "actor_name": actor["name"], "action": action, "at": now,
                "before": before, "after": after,
                "gsi1pk": "MODAUDIT", "gsi1sk": f"{now:010d}#{capability}#{subject_id}",
                "expires_at": now + KEEP_S})


def of_subject(store, capability: str, subject_id: str) -> list[dict]:
    """Every action on one item, oldest first (one partition, a few entries)."""
    return list(store.iter_query(f"MODAUDIT#{capability}#{subject_id}"))
