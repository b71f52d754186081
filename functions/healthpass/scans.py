"""Guards' scan log: each scan written once (by its id), counted per site and day for HR."""

from __future__ import annotations

from datetime import date

from ..days import day_of
from ..errors import Conflict
from ..store import Condition, ConditionFailed, Put, Update
from .reasons import REASONS

KEEP_S = 21 * 86400  # who came in when is personal: kept as long as declarations
COUNTER_KEEP_S = 366 * 86400
LATEST = 20
FIELDS = ("id", "site", "date", "scanned_at", "result", "employee_id", "guard_id")


def _scan_pk(site: str, day: str) -> str:
    return f"HSCAN#{site}\x1f{day}"


def record(store, guard: dict, body: dict, tz) -> dict:
    """Write the scan unless this guard already sent this id; the answer is the same either way."""
    day = day_of(body["scanned_at"], tz).isoformat()
    scan = {"id": body["id"], "site": body["site"], "date": day,
            "scanned_at": body["scanned_at"], "result": body["result"],
            "employee_id": body.get("employee_id"), "guard_id": guard["id"]}
    expires = body["scanned_at"] + KEEP_S
    marker = {"pk": f"HSCANID#{guard['id']}#{body['id']}", "sk": "#", **scan,
              "expires_at": expires}
    try:
        store.transact([
            Put(marker, condition=Condition.not_exists()),
            Put({"pk": _scan_pk(body["site"], day),
                 "sk": f"{body['scanned_at']:010d}#{guard['id']}#{body['id']}", **scan,
                 "expires_at": expires}),
            Update(f"HSCANSUM#{body['site']}\x1f{day}", "#", add={body["result"]: 1},
                   set={"site": body["site"], "date": day,
                        "expires_at": body["scanned_at"] + COUNTER_KEEP_S}),
        ])
    except ConditionFailed:
        first = store.get(marker["pk"], "#")
        if first is None:  # expired between the two calls: let the client retry
            raise Conflict() from None
        return {k: first.get(k) for k in FIELDS}
    return scan


def summary(store, site: str, day: date) -> dict:
    """Counts by result and the latest entries for one site and company day."""
    key = day.isoformat()
    counter = store.get(f"HSCANSUM#{site}\x1f{key}", "#") or {}
    counts = {reason: counter.get(reason, 0) for reason in REASONS}
    latest = store.query(_scan_pk(site, key), reverse=True, limit=LATEST).items
    return {"site": site, "date": key, "counts": counts, "total": sum(counts.values()),
            "latest": [{k: item.get(k) for k in FIELDS} for item in latest]}
