"""Times as the API shows them: ISO-8601 in UTC."""

from __future__ import annotations

from datetime import UTC, datetime


def iso(epoch: int | None) -> str | None:
    if not epoch:
        return None
    return datetime.fromtimestamp(epoch, UTC).isoformat().replace("+00:00", "Z")


def notification(view: dict) -> dict:
    return {**view, "send_at": iso(view["send_at"]), "created_at": iso(view["created_at"]),
            "reminded_at": iso(view["reminded_at"])}


def inbox_item(view: dict) -> dict:
    return {**view, "created_at": iso(view["created_at"]), "read_at": iso(view["read_at"]),
            "acknowledged_at": iso(view["acknowledged_at"])}
