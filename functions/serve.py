"""The embedded server's entry point (`make run`: waitress-serve functions.serve:app): the app,
and the background duties that Lambda schedules on AWS."""

from functools import partial

from .background import every
from .live_events.reminders import run as events_due
from .notify.delivery import due as notify_due
from .workers import sweep_videos
from .wsgi import app

SWEEP_EVERY_S = 600
NOTIFY_EVERY_S = 60

adapters = app.extensions["together"]
if adapters.worker is not None:
    # A video this process was transcoding when it last stopped is picked up again now (nothing
    # else transcodes here), and stuck ones every few minutes.
    adapters.worker.submit(partial(sweep_videos, adapters, everything=True))
    every(SWEEP_EVERY_S, partial(adapters.worker.submit, sweep_videos, adapters))
    # Scheduled notifications and must-acknowledge follow-ups (on AWS: workers.on_schedule).
    every(NOTIFY_EVERY_S, partial(adapters.worker.submit, notify_due, adapters))
    # Live events' reminders, a day and 15 minutes before (on AWS: workers.on_schedule too).
    every(NOTIFY_EVERY_S, partial(adapters.worker.submit, events_due, adapters))

__all__ = ["app"]
