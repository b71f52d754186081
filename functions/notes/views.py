"""How notes are shown: to readers (never an anonymous note's author), to the big screen, and
to moderators (who wrote it, reports, why it was held)."""

from __future__ import annotations

from .keys import cheer_key, note_key


def view(note: dict, viewer: dict | None, cheered: bool = False) -> dict:
    """A note as a reader sees it: an anonymous note never carries its author's id. viewer
    None is the big screen (no "mine", no "cheered")."""
    shown = {"id": note["id"], "text": note["text"],
             "author": None if note["anonymous"] else {"id": note["author_id"],
                                                       "name": note["author_name"]},
             "anonymous": note["anonymous"], "audience": note["audience"],
             "campaign": note.get("campaign"), "created_at": note["created_at"],
             "cheers": note.get("cheers", 0), "status": note["status"]}
    if viewer is not None:
        shown |= {"cheered": cheered, "mine": note["author_id"] == viewer["id"]}
        if shown["mine"] and note["status"] != "published":
            shown["reason"] = note.get("reason")
    return shown


def moderator_view(note: dict, viewer: dict) -> dict:
    """A note with what only moderators see: its author even when anonymous, reports, why."""
    return {**view(note, viewer), "author": {"id": note["author_id"],
                                             "name": note["author_name"]},
            "reports": note.get("reports", 0), "held_for": note.get("held_for") or [],
            "reason": note.get("reason")}


def shown(store, viewer: dict, notes: list[dict]) -> list[dict]:
    """Notes as the viewer sees them, with "cheered by me" (one get_many, <= 100 notes)."""
    if not notes:
        return []
    cheers = {c["pk"] for c in store.get_many([cheer_key(n["id"], viewer["id"])
                                               for n in notes])}
    return [view(n, viewer, note_key(n["id"])[0] in cheers) for n in notes]
