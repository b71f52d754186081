"""Where supplies items live in the store (docs/supplies.md and docs/data-model.md list them)."""

from __future__ import annotations

from datetime import UTC, datetime

CATALOGUE_PK = "SUPPLYCAT"  # sk: item id; the whole catalogue is one small partition
REQUEST_SK = "#"
WEEK_TTL_S = 21 * 86400  # a week's counters outlive their week; then they expire


def item_key(item_id: str) -> tuple[str, str]:
    return CATALOGUE_PK, item_id


def stock_key(site: str, item_id: str) -> tuple[str, str]:
    """A site's stock of one item: qty (free to request), reserved, low_at, low."""
    return f"SUPPLYSTOCK#{site}", item_id


def stock_pk(site: str) -> str:
    return f"SUPPLYSTOCK#{site}"


def movements_pk(site: str) -> str:
    """A site's movements, sorted by time (newest first when read in reverse)."""
    return f"SUPPLYMOVES#{site}"


def movement_sk(at: int, movement_id: str) -> str:
    return f"{at:010d}#{movement_id}"


def week_of(now: int) -> str:
    """The ISO week (UTC) limits count in: "2026-W49"."""
    year, week, _ = datetime.fromtimestamp(now, UTC).isocalendar()
    return f"{year}-W{week:02d}"


def week_key(person_id: str, week: str, item_id: str) -> tuple[str, str]:
    """How many of an item a person asked for in a week (n), held against the weekly limit."""
    return f"SUPPLYWEEK#{person_id}#{week}", item_id


def week_pk(person_id: str, week: str) -> str:
    return f"SUPPLYWEEK#{person_id}#{week}"


def request_key(request_id: str) -> tuple[str, str]:
    return f"SUPPLYREQ#{request_id}", REQUEST_SK


def mine_pk(person_id: str) -> str:
    """gsi1: one person's requests, by creation."""
    return f"SUPPLYMINE#{person_id}"


def queue_pk(site: str, state: str) -> str:
    """gsi2: a site's requests in one state, oldest first (HR's queue, the pick list)."""
    return f"SUPPLYQ#{site}#{state}"


def created_sort(request: dict) -> str:
    return f"{request['created_at']:010d}#{request['id']}"
