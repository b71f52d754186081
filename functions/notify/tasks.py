"""Each batch of a delivery as its own asynchronous Lambda invocation (Zappa's @task: off
Lambda it runs in place, synchronously). Used where adapters have no local worker (AWS)."""

from __future__ import annotations

from functools import cache

from zappa.asynchronous import task


@cache
def _adapters():
    """The warm container's adapters for batches (lazily connected). No event handlers: a
    batch announces nothing, and bootstrap imports this module's callers."""
    from ..config import Config
    from ..wiring import Adapters

    return Adapters(Config.from_env())


@task
def deliver_batch(notification_id: str, cursor: str | None, round_: str) -> None:
    from .fanout import run, sender

    a = _adapters()
    run(a.store, sender(a), notification_id, cursor, round_,
        hand_on=lambda following: deliver_batch(notification_id, following, round_))
