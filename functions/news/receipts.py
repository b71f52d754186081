"""Watching and acknowledging, once per person; and the reach an item's editors see."""

from __future__ import annotations

from ..audiences import keys as audiences
from ..audiences import members, sizes
from ..errors import Conflict, NotFound
from ..store import Condition, ConditionFailed, Put, Update
from ..videos import service as videos
from .service import COUNTERS, get, managed, mine, news_key, receipt_key

COMPLETE_AT = 0.9  # watched this share of the video: a completion


def reachable(store, person: dict, news_id: str, now: int) -> tuple[dict, dict]:
    """The item and its video if the person's feed shows it now; 404 otherwise."""
    item = get(store, news_id)
    if item is None or item["publish_at"] > now or not audiences.reaches(item["audience"],
                                                                         person):
        raise NotFound("news_not_found")
    video = videos.get(store, item["video_id"])
    if video is None or video["status"] != "ready":
        raise NotFound("news_not_found")
    return item, video


def progress(store, person: dict, news_id: str, position_s: float,
             duration_s: float | None, now: int) -> dict:
    """A view the first time; a completion once the person has watched 90 %."""
    item, video = reachable(store, person, news_id, now)
    receipt = _mark(store, item, person, "viewed", now)
    duration = video.get("duration_s") or duration_s
    if duration and position_s >= COMPLETE_AT * duration:
        receipt = _mark(store, item, person, "completed", now)
    return mine(receipt)


def acknowledge(store, person: dict, news_id: str, now: int) -> dict:
    item, _ = reachable(store, person, news_id, now)
    if not item["must_acknowledge"]:
        raise Conflict("ack_not_required")
    return mine(_mark(store, item, person, "acknowledged", now))


def _mark(store, item: dict, person: dict, flag: str, now: int) -> dict:
    """Set one flag on the person's receipt, once; the item's counter moves with it. A repeat
    costs one read: players may report progress as often as they like."""
    pk, sk = receipt_key(item["id"], person["id"])
    counter = Update(*news_key(item["id"]), add={COUNTERS[flag]: 1},
                     condition=Condition.present())
    for _ in range(2):  # a second look if a parallel request of the same person wrote first
        current = store.get(pk, sk)
        if current and current.get(flag):
            return current
        if current is None:
            marked = {"pk": pk, "sk": sk, "employee_id": person["id"],
                      **{f: False for f in COUNTERS}, flag: True, f"{flag}_at": now}
            write = Put(marked, condition=Condition.not_exists())
        else:
            marked = {**current, flag: True, f"{flag}_at": now}
            write = Update(pk, sk, set={flag: True, f"{flag}_at": now},
                           condition=Condition.present(**{flag: False}))
        try:
            store.transact([write, counter])
            return marked
        except ConditionFailed:
            continue
    if get(store, item["id"]) is None:  # withdrawn meanwhile
        raise NotFound("news_not_found")
    return store.get(pk, sk) or {}


def reach(store, user: dict, news_id: str, now: int) -> dict:
    item = managed(store, user, news_id)
    size = sizes.size(store, item["audience"])  # exact: kept by the directory import
    return {"news_id": news_id, "audience": item["audience"],
            "must_acknowledge": item["must_acknowledge"], "audience_size": size,
            "audience_size_complete": True, "audience_counted_at": now,
            "viewed": item.get("views", 0), "completed": item.get("completions", 0),
            "acknowledged": item.get("acks", 0),
            "not_acknowledged": max(0, size - item.get("acks", 0))
            if item["must_acknowledge"] else None}


def unacknowledged(store, user: dict, news_id: str, cursor: str | None, limit: int):
    """People of the audience without an acknowledgement, a page of the directory at a time
    (a page may hold fewer than `limit`; the end is a null cursor)."""
    item = managed(store, user, news_id)
    if not item["must_acknowledge"]:
        raise Conflict("ack_not_required")
    people, cursor = members.members(store, item["audience"], cursor, limit)
    receipts = store.get_many([receipt_key(news_id, p["id"]) for p in people]) if people else []
    acked = {r["employee_id"] for r in receipts if r.get("acknowledged")}
    return [p for p in people if p["id"] not in acked], cursor
