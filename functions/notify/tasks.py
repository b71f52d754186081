"""Each batch of a delivery as its own asynchronous Lambda invocation (Zappa's @task: off
Lambda it runs in place, synchronously). Imported only where adapters have no local worker."""

from __future__ import annotations

from zappa.asynchronous import task


@task
def deliver_batch(notification_id: str, cursor: str | None, round_: str) -> None:
    from ..workers import adapters
    from .delivery import sender
    from .fanout import run

    a = adapters()
    run(a.store, sender(a), notification_id, cursor, round_,
        hand_on=lambda following: deliver_batch(notification_id, following, round_))
