"""HR's reminder as its own asynchronous Lambda invocation (Zappa's @task: off Lambda it runs
in place), so the request that asks for it does not read the whole audience."""

from __future__ import annotations

from functools import cache

from zappa.asynchronous import task

from .waves import remind_by_id


@cache
def _adapters():
    """The warm container's adapters, with the event handlers (the reminder is announced)."""
    from ..bootstrap import bootstrap
    from ..config import Config

    return bootstrap(Config.from_env())


@task
def remind(checkin_id: str) -> None:
    remind_by_id(_adapters(), checkin_id)


def start_reminder(a, checkin_id: str) -> None:
    """Run the reminder wave in the background: the worker pool embedded, a @task on AWS."""
    if a.worker is None:
        remind(checkin_id)
    else:
        a.worker.submit(remind_by_id, a, checkin_id)
