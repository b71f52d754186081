"""Lambda event entry points, each calling a service on adapters built by functions.bootstrap.

On AWS (infra/zappa_settings.json `events`):
- `on_media_uploaded`: S3 ObjectCreated:CompleteMultipartUpload under uploads/ -> process it.
- `on_transcode_event`: EventBridge "MediaConvert Job State Change" (COMPLETE, ERROR, CANCELED),
  delivered by the stack's rule through an SQS queue -> record how the job ended.
- `on_schedule`: every 15 minutes -> requeue or fail videos a crash left processing, abort
  uploads left unfinished for a day; send the notifications whose time has come and follow up
  must-acknowledge ones (functions/notify/delivery.py `due`); live events' reminders
  (functions/live_events/reminders.py `due`).
Embedded, POST /api/videos/uploads/<id>/complete hands the same work to a LocalWorker thread
(functions/background.py). The workers build their own adapters from the environment through
`functions.bootstrap`, as create_app does: they never import the Flask app.
"""

from __future__ import annotations

import json
import logging
import re
from functools import cache
from urllib.parse import unquote_plus

from .bootstrap import bootstrap
from .config import Config
from .live_events import reminders as event_reminders
from .notify import delivery as notify
from .videos import service as videos
from .videos import sweep

log = logging.getLogger(__name__)
UPLOAD_KEY = re.compile(r"^uploads/([0-9A-HJKMNP-TV-Z]{26})/original\.(?:mp4|mov|webm)$")


@cache
def adapters():
    """The warm container's adapters, built from its environment once (lazily connected)."""
    return bootstrap(Config.from_env())


def process_video(a, video_id: str) -> dict | None:
    """Start processing one uploaded video (safe to call twice: one caller wins)."""
    return videos.process(a.store, a.media, a.transcode, a.events, video_id, int(a.clock()))


def on_media_uploaded(event: dict, context=None) -> dict:
    """S3 ObjectCreated records: each original under uploads/ starts processing."""
    a, started = adapters(), []
    for record in event.get("Records", []):
        key = unquote_plus(record.get("s3", {}).get("object", {}).get("key", ""))
        match = UPLOAD_KEY.match(key)
        if match is None:  # the rule's prefix filter should make this impossible
            log.warning("ignoring an object that is not a video upload: %r", key)
            continue
        video = process_video(a, match.group(1))
        started.append({"video_id": match.group(1), "status": video and video["status"]})
    return {"videos": started}


def sweep_videos(a, *, everything: bool = False) -> dict:
    """Requeue (once) or fail the videos a crash left processing; `everything`: all of them,
    not only those stuck for STUCK_S (the embedded server at start-up: nothing else runs).
    Then abort the uploads left unfinished for ABANDONED_S (a restart does not end uploads)."""
    now = int(a.clock())
    older_than = now if everything else now - sweep.STUCK_S
    requeue = ((lambda video_id: a.worker.submit(process_video, a, video_id)) if a.worker
               else (lambda video_id: process_video(a, video_id)))
    done = sweep.sweep(a.store, now, older_than=older_than, requeue=requeue,
                       fail=lambda outcome: videos.finish(a.store, a.media, a.events, outcome,
                                                          now))
    return {**done, "abandoned": sweep.abandon_uploads(a.store, a.media, now)}


def on_schedule(event: dict, context=None) -> dict:
    """The scheduled sweep (infra/zappa_settings.json: every 15 minutes)."""
    a = adapters()
    return {"videos": sweep_videos(a), "notifications": notify.due(a),
            "events": event_reminders.run(a)}


def on_transcode_event(event: dict, context=None) -> dict:
    """MediaConvert state changes, raw or in SQS records: settle the videos they finish."""
    a, settled = adapters(), []
    for change in _eventbridge_events(event):
        outcome = a.transcode.outcome_of(change)
        if outcome is None:
            continue
        video = videos.finish(a.store, a.media, a.events, outcome, int(a.clock()))
        settled.append({"video_id": outcome.video_id, "status": video and video["status"]})
    return {"videos": settled}


def _eventbridge_events(event: dict):
    if "Records" not in event:
        yield event
        return
    for record in event["Records"]:
        body = record.get("body") if "body" in record else record.get("Sns", {}).get("Message")
        try:
            yield json.loads(body)
        except (TypeError, ValueError):
            log.warning("ignoring a record that is not an EventBridge event: %r", record)
