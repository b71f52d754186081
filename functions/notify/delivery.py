"""Where delivery runs: embedded, batches go to the in-process worker pool; on AWS each batch
is its own asynchronous Lambda invocation (tasks.py, Zappa's @task). The schedule sends what
was scheduled and follows up must-acknowledge notifications (reminder, then email)."""

from __future__ import annotations

from ..store import Condition, ConditionFailed
from . import escalation
from .fanout import run, sender
from .service import DUE_PK, ESCALATE_PK, get, release


def start(a, notification_id: str, round_: str = "send") -> None:
    """Begin a round (the first send, or a reminder) from its first batch."""
    if a.worker is None:
        from .tasks import deliver_batch
        deliver_batch(notification_id, None, round_)
    else:
        a.worker.submit(local_batch, a, notification_id, None, round_)


def local_batch(a, notification_id: str, cursor: str | None, round_: str) -> None:
    run(a.store, sender(a), notification_id, cursor, round_,
        hand_on=lambda following: a.worker.submit(local_batch, a, notification_id, following,
                                                  round_))


def due(a) -> dict:
    """The schedule's round: scheduled sends whose time has come, then follow-ups."""
    now = int(a.clock())
    started = 0
    for pointer in list(a.store.iter_query(DUE_PK, between=("0", f"{now:010d}$"))):
        try:  # one schedule run takes each: the pointer goes first
            a.store.delete(DUE_PK, pointer["sk"], condition=Condition.present())
        except ConditionFailed:
            continue
        item = get(a.store, pointer["notification_id"])
        if item is None:
            continue
        release(a.store, item, now)
        start(a, item["id"])
        started += 1
    followed = 0
    for pointer in list(a.store.iter_query(ESCALATE_PK, between=("0", f"{now:010d}$"))):
        try:
            a.store.delete(ESCALATE_PK, pointer["sk"], condition=Condition.present())
        except ConditionFailed:
            continue
        item = get(a.store, pointer["notification_id"])
        if item is not None:
            escalation.follow_up(a, item, pointer["stage"], now,
                                 lambda nid, round_: start(a, nid, round_))
            followed += 1
    return {"started": started, "followed_up": followed}
