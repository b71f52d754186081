"""How a check-in is shown: to safety operators (with its live counts) and to the people it
reaches (with their own answer)."""

from __future__ import annotations

from . import counts
from .answers import shown
from .service import audience_name


def _common(checkin: dict) -> dict:
    return {"id": checkin["id"], "question": checkin["question"], "drill": checkin["drill"],
            "note": checkin["note"], "state": checkin["state"],
            "started_at": checkin["started_at"], "started_by": checkin["started_by"]["name"]}


def operator(store, checkin: dict, *, live: bool = True) -> dict:
    """HR's view; live: with the rows per site and unit (one query), else totals only."""
    rows = counts.live(store, checkin) if live else {
        "counts": counts.totals(checkin), "by_site": [], "by_unit": []}
    return {**_common(checkin), "audience": checkin["audience"],
            "audience_name": audience_name(checkin["audience"]),
            "closed_at": checkin.get("closed_at"),
            "reminded_at": checkin.get("reminded_at") or None, **rows}


def mine(checkin: dict, answer: dict | None) -> dict:
    """A check-in as the person it reaches sees it: the question and their own answer."""
    return {**_common(checkin), "my_answer": shown(answer)}
