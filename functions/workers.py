"""Lambda event entry points, each calling a service; and their embedded stand-in (LocalWorker).

On AWS (infra/zappa_settings.json `events`):
- `on_media_uploaded`: S3 ObjectCreated:CompleteMultipartUpload under uploads/ -> process it.
- `on_transcode_event`: EventBridge "MediaConvert Job State Change" (COMPLETE, ERROR, CANCELED),
  delivered by the stack's rule through an SQS queue -> record how the job ended.
Embedded, POST /api/videos/uploads/<id>/complete hands the same work to a LocalWorker thread.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from concurrent.futures import Future, ThreadPoolExecutor, wait
from urllib.parse import unquote_plus

from .videos import service as videos

log = logging.getLogger(__name__)
UPLOAD_KEY = re.compile(r"^uploads/([0-9A-HJKMNP-TV-Z]{26})/original\.(?:mp4|mov|webm)$")


def adapters():
    """The warm container's adapters: those of the app Zappa's handler has loaded."""
    from .wsgi import app

    return app.extensions["together"]


def process_video(a, video_id: str) -> dict | None:
    """Start processing one uploaded video (safe to call twice: one caller wins)."""
    return videos.process(a.store, a.media, a.transcode, video_id, int(a.clock()))


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


def on_transcode_event(event: dict, context=None) -> dict:
    """MediaConvert state changes, raw or in SQS records: settle the videos they finish."""
    a, settled = adapters(), []
    for change in _eventbridge_events(event):
        outcome = a.transcode.outcome_of(change)
        if outcome is None:
            continue
        video = videos.finish(a.store, a.media, outcome, int(a.clock()))
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


class LocalWorker:
    """Background work in this process, a few jobs at a time, so a request answers at once.

    zappa's @task would run synchronously off Lambda: /complete would then wait for ffmpeg.
    """

    def __init__(self, threads: int = 2):
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="together-worker")
        self._lock = threading.Lock()
        self._pending: set[Future] = set()

    def submit(self, fn, *args) -> Future:
        future = self._pool.submit(self._run, fn, *args)
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(self._forget)
        return future

    def join(self, timeout: float) -> bool:
        """Wait until every job submitted so far has ended; False if time ran out (tests)."""
        with self._lock:
            pending = set(self._pending)
        return not wait(pending, timeout=timeout).not_done

    def _forget(self, future: Future) -> None:
        with self._lock:
            self._pending.discard(future)

    @staticmethod
    def _run(fn, *args):
        try:
            return fn(*args)
        except Exception:
            log.exception("background job %s failed", getattr(fn, "__name__", fn))
            raise
