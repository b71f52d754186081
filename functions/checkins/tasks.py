"""HR's reminder as its own asynchronous Lambda invocation (Zappa's @task: off Lambda it runs
in place), so the request that asks for it does not read the whole audience."""

from __future__ import annotations

from functools import cache

from zappa.asynchronous import task


@cache
def _adapters():
    """The warm container's adapters, with the event handlers (the reminder is announced)."""
    from ..bootstrap import bootstrap
    from ..config import Config

    return bootstrap(Config.from_env())


@task
def remind(checkin_id: str) -> None:
    from .waves import remind_by_id

    remind_by_id(_adapters(), checkin_id)
