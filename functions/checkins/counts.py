"""HR's live view: read from counters only (the check-in item and its G# rows), so its store
requests stay the same however many people have answered."""

from __future__ import annotations

from .keys import ANSWERS, GROUP, checkin_key

SMALLEST_GROUP = 5  # fewer people than this: the row's counts are not shown (integrity rule)


def _counts(row: dict, size: int) -> dict:
    counts = {a: max(0, row.get(a, 0)) for a in ANSWERS}
    counts["no_answer"] = max(0, size - sum(counts.values()))
    return counts


def _kind(group: dict) -> tuple[str, str]:
    """("site" | "unit", name), from the sort key (a row an answer made has nothing else)."""
    kind, _, name = group["sk"][len(GROUP):].partition("#")
    return kind.lower(), name


def _row(group: dict) -> dict:
    size = group.get("size", 0)
    kind, name = _kind(group)
    row = {kind: name, "size": size}
    if size < SMALLEST_GROUP:
        return row | dict.fromkeys((*ANSWERS, "no_answer"))
    return row | _counts(group, size)


def totals(checkin: dict) -> dict:
    """The whole audience's counts (always shown, whatever its size)."""
    return {**_counts(checkin, checkin["audience_size"]),
            "audience_size": checkin["audience_size"]}


def live(store, checkin: dict) -> dict:
    """Totals, and rows per site and per unit (one query of the counter rows)."""
    groups = list(store.iter_query(checkin_key(checkin["id"])[0], prefix=GROUP))
    return {"counts": totals(checkin),
            "by_site": [_row(g) for g in groups if _kind(g)[0] == "site"],
            "by_unit": [_row(g) for g in groups if _kind(g)[0] == "unit"]}
