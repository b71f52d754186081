"""Videos a crash left half-processed, and uploads left unfinished. A worker killed
mid-transcode leaves its video "processing" for ever; the sweep puts it back in the queue once,
and fails it the second time with a reason the uploader sees (and /retry accepts). An upload
still "uploading" a day after it started is aborted and its video fails ("abandoned"). AWS runs
it on a schedule; the embedded server at start-up (where anything still processing was cut off)
and then every few minutes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from ..store import Condition, ConditionFailed
from ..transcode.port import Outcome

log = logging.getLogger(__name__)
PK = "VPROC"  # gsi2: videos processing, by when they last moved
STUCK_S = 2 * 3600  # ffmpeg or MediaConvert take minutes for our longest clip; hours is stuck
REQUEUES = 1  # then the video fails, and its uploader may retry
UPLOADING_PK = "VUPL"  # gsi2: videos uploading, by when the upload started
ABANDONED_S = 24 * 3600  # 500 MB at 3G speed is an hour or two; a day is left behind


def processing_index(video_id: str, now: int) -> dict:
    """The fields that list a processing video for the sweep (set with its status)."""
    return {"gsi2pk": PK, "gsi2sk": f"{now:010d}#{video_id}"}


def uploading_index(video_id: str, now: int) -> dict:
    """The fields that list an uploading video for the sweep (completing replaces them)."""
    return {"gsi2pk": UPLOADING_PK, "gsi2sk": f"{now:010d}#{video_id}"}


INDEX_FIELDS = ("gsi2pk", "gsi2sk")  # removed when the video settles


def sweep(store, now: int, *, older_than: int, requeue: Callable[[str], None],
          fail: Callable[[Outcome], None]) -> dict:
    """Every video processing since before `older_than`: requeued, or failed; the counts."""
    done = {"requeued": 0, "failed": 0}
    for item in list(store.iter_query(PK, index="gsi2", between=("0", f"{older_than:010d}~"))):
        if item.get("status") != "processing":
            continue
        if item.get("requeued", 0) < REQUEUES:
            if _back_in_queue(store, item, now):
                requeue(item["video_id"])
                done["requeued"] += 1
        else:
            fail(Outcome.failed(item["video_id"], "internal",
                                "processing stopped twice without finishing"))
            done["failed"] += 1
    if any(done.values()):
        log.warning("video sweep: %s", done)
    return done


def _back_in_queue(store, item: dict, now: int) -> bool:
    try:
        store.update(item["pk"], item["sk"], set={
            "step": "queued", "updated_at": now, **processing_index(item["video_id"], now)},
            add={"requeued": 1},
            condition=Condition.present(status="processing", gsi2sk=item["gsi2sk"]))
    except ConditionFailed:  # it moved meanwhile: not stuck after all
        return False
    return True


def abandon_uploads(store, media, now: int) -> int:
    """Every upload started over ABANDONED_S ago and never completed: its parts dropped, its
    video failed with reason "abandoned"; how many. (S3 also drops them after 2 days.)"""
    count = 0
    older_than = now - ABANDONED_S
    for item in list(store.iter_query(UPLOADING_PK, index="gsi2",
                                      between=("0", f"{older_than:010d}~"))):
        try:
            store.update(item["pk"], item["sk"], set={
                "status": "failed", "reason": "abandoned", "detail": "never completed",
                "updated_at": now}, remove=INDEX_FIELDS,
                condition=Condition.present(status="uploading"))
        except ConditionFailed:  # completed (or deleted) meanwhile
            continue
        media.abort_multipart(item["original_key"], item["upload_id"])
        # Completed in storage just before the update above: no video will ever use it.
        media.delete(item["original_key"])
        count += 1
    if count:
        log.warning("video sweep: %d abandoned uploads aborted", count)
    return count
