"""Videos: a resumable upload straight to storage, then processing into MP4 renditions.

status: uploading -> processing -> ready | failed (with a reason). The original is kept until
someone deletes the video, so nothing is lost when processing fails.
"""

from __future__ import annotations

import logging
import math
from dataclasses import asdict

from ulid import ULID

from .. import permissions
from ..errors import Conflict, Invalid, NotFound
from ..events import VIDEO_SETTLED
from ..i18n import t
from ..media.port import MediaNotFound, UploadRejected
from ..store import Condition, ConditionFailed
from ..transcode.port import RENDITIONS, Job, Outcome
from .sweep import INDEX_FIELDS, processing_index, uploading_index

log = logging.getLogger(__name__)
PART_SIZE = 8 * 1024 * 1024  # S3 needs >= 5 MiB; 8 MiB is a minute or two on a slow 3G link
PART_URL_S = 2 * 3600  # a part URL's life; GET .../uploads/<id> hands out fresh ones
PLAY_URL_S = 6 * 3600
MAX_DURATION_S = 600
TYPES = {"video/mp4": "mp4", "video/quicktime": "mov", "video/webm": "webm"}
SK = "VIDEO"
# Who may start uploads here: news publishers. A story's video is started by POST /api/stories
# instead (anyone, smaller limits), which calls create_upload with permission=None.
UPLOAD_PERMISSION = "news.publish"


def video_key(video_id: str) -> tuple[str, str]:
    return f"VIDEO#{video_id}", SK


def get(store, video_id: str) -> dict | None:
    return store.get(*video_key(video_id)) if isinstance(video_id, str) else None


def visible(store, user: dict, video_id: str) -> dict:
    """The video if the person may see it (permissions.may_see_video); 404 otherwise (no hints)."""
    video = get(store, video_id)
    if video is None or not permissions.may_see_video(user, video):
        raise NotFound("video_not_found")
    return video


# -- uploading --------------------------------------------------------------------------------

def create_upload(store, media, user: dict, filename: str, content_type: str, size: int,
                  now: int, max_bytes: int, *, permission: str | None = UPLOAD_PERMISSION,
                  max_duration_s: float = MAX_DURATION_S, story_id: str = "") -> dict:
    """Start a multipart upload of the original and hand out a URL for every part.

    permission None: the caller has decided (a story: any employee); max_duration_s is kept on
    the video and applied when it is processed; story_id ties it to a story (never to news)."""
    if permission is not None:
        permissions.require(user, permission)
    extension = TYPES.get(content_type.split(";", 1)[0].strip().lower())
    if extension is None:
        raise Invalid("video_type_not_allowed", fields={"content_type": ["Use MP4, MOV or WebM."]})
    if size > max_bytes:
        max_mb = max_bytes // (1024 * 1024)
        raise Invalid("video_too_large", max_mb=max_mb,
                      fields={"size": [t("video_too_large", max_mb=max_mb)]})
    video_id = str(ULID())
    original = f"uploads/{video_id}/original.{extension}"
    try:
        upload_id = media.start_multipart(original, content_type)
    except UploadRejected as exc:  # parameters the media port refuses (odd codecs= text)
        raise Invalid("video_type_not_allowed", fields={"content_type": [str(exc)]}) from exc
    item = {"pk": video_key(video_id)[0], "sk": SK, "video_id": video_id, "owner_id": user["id"],
            "filename": filename, "content_type": content_type, "size": size,
            "part_size": PART_SIZE, "part_count": max(1, math.ceil(size / PART_SIZE)),
            "upload_id": upload_id, "original_key": original, "status": "uploading",
            "news_id": "", "story_id": story_id, "max_duration_s": max_duration_s,
            "created_at": now, "updated_at": now,
            "gsi1pk": f"VIDEOS#{user['id']}", "gsi1sk": video_id,
            **uploading_index(video_id, now)}
    store.put(item, condition=Condition.not_exists())
    return upload_view(media, item, [])


def _part_size(video: dict, number: int) -> int:
    if number < video["part_count"]:
        return video["part_size"]
    return video["size"] - video["part_size"] * (video["part_count"] - 1)


def _stored(media, video: dict) -> list[dict]:
    """Parts in storage that have the size we expect (a wrong one is sent again)."""
    stored = media.list_parts(video["original_key"], video["upload_id"])
    return [p for p in stored if p["part_number"] <= video["part_count"]
            and p["size"] == _part_size(video, p["part_number"])]


def upload_view(media, video: dict, stored: list[dict]) -> dict:
    """Where an upload stands: the parts done, and fresh URLs for the rest."""
    done = sorted(p["part_number"] for p in stored)
    missing = [] if video["status"] != "uploading" else [
        n for n in range(1, video["part_count"] + 1) if n not in set(done)]
    return {"video_id": video["video_id"], "status": video["status"], "size": video["size"],
            "part_size": video["part_size"], "part_count": video["part_count"],
            "parts_done": done, "url_expires_in": PART_URL_S,
            "parts": [{"part_number": n, "size": _part_size(video, n),
                       "url": media.presign_part(video["original_key"], video["upload_id"], n,
                                                 size=_part_size(video, n),
                                                 expires_in=PART_URL_S)} for n in missing]}


def resume_upload(store, media, user: dict, video_id: str) -> dict:
    video = _owned(store, user, video_id)
    if video["status"] != "uploading":
        return upload_view(media, video, [])
    try:
        return upload_view(media, video, _stored(media, video))
    except MediaNotFound:  # completed meanwhile (the item says so in a moment) or aborted
        raise Conflict("upload_gone") from None


def complete_upload(store, media, user: dict, video_id: str, now: int) -> tuple[dict, bool]:
    """Join the parts; (video, True) if processing should start now (False: it had already)."""
    video = _owned(store, user, video_id)
    if video["status"] != "uploading":
        return video, False
    try:
        stored = _stored(media, video)
        missing = sorted(set(range(1, video["part_count"] + 1))
                         - {p["part_number"] for p in stored})
        if missing:
            raise Conflict("upload_incomplete", fields={"missing_parts": missing})
        media.complete_multipart(video["original_key"], video["upload_id"],
                                 [{"part_number": p["part_number"], "etag": p["etag"]}
                                  for p in sorted(stored, key=lambda p: p["part_number"])])
    except MediaNotFound:
        if media.head(video["original_key"]) is None:  # aborted: the parts are gone
            raise Conflict("upload_gone") from None
        # else a retry after our own complete_multipart succeeded: carry on
    except UploadRejected as exc:
        raise Conflict("upload_incomplete", fields={"missing_parts": []}) from exc
    try:
        video = store.update(*video_key(video_id), set={"status": "processing", "step": "queued",
                                                         "updated_at": now,
                                                         **processing_index(video_id, now)},
                             condition=Condition.present(status="uploading"))
    except ConditionFailed:  # S3's event reached the worker first (AWS): it has claimed it
        current = get(store, video_id)  # (or the video was deleted, or swept as abandoned)
        if current is None:
            raise NotFound("video_not_found") from None
        return current, False
    return video, True


def _owned(store, user: dict, video_id: str) -> dict:
    video = get(store, video_id)
    if video is None or video["owner_id"] != user["id"]:
        raise NotFound("video_not_found")
    return video


# -- processing -------------------------------------------------------------------------------

def _claim(store, video_id: str, now: int) -> dict | None:
    """Move the video to step "transcoding" once, whoever asks first (events come twice)."""
    for expected in ({"status": "processing", "step": "queued"}, {"status": "uploading"}):
        # "uploading": S3's event arrived before the API recorded the completed upload.
        try:
            return store.update(*video_key(video_id), set={
                "status": "processing", "step": "transcoding", "updated_at": now,
                **processing_index(video_id, now)}, condition=Condition.present(**expected))
        except ConditionFailed:
            continue
    return None


def process(store, media, transcoder, events, video_id: str, now: int) -> dict | None:
    """Transcode an uploaded original; the video settles now (ffmpeg) or on the job's event."""
    video = _claim(store, video_id, now)
    if video is None:
        log.info("video %s is not waiting to be processed; nothing to do", video_id)
        return get(store, video_id)
    job = Job(video_id, video["original_key"], f"videos/{video_id}/", max_duration(video),
              attempt=video.get("retries", 0) + 1)
    try:
        outcome = transcoder.submit(job)
    except Exception as exc:  # recorded on the video (and logged with its trace), not swallowed
        log.exception("processing video %s failed", video_id)
        outcome = Outcome.failed(video_id, "internal", repr(exc))
    if outcome is None:  # the job runs elsewhere; its completion event calls finish()
        try:
            return store.update(*video_key(video_id), set={"step": "submitted"},
                                condition=Condition.present(status="processing"))
        except ConditionFailed:  # deleted, or the job ended already
            return get(store, video_id)
    return finish(store, media, events, outcome, now)


def max_duration(video: dict | None) -> float:
    """The longest this video may be: its own limit (a story's), else news's."""
    return (video or {}).get("max_duration_s") or MAX_DURATION_S


def finish(store, media, events, outcome: Outcome, now: int) -> dict | None:
    """Record how processing ended (once: a repeated completion event changes nothing), and
    announce it (events.VIDEO_SETTLED) to whoever uses the video."""
    if outcome.ok and (outcome.duration_s or 0) > max_duration(get(store, outcome.video_id)):
        for key in outcome.keys():  # MediaConvert learns the length only by transcoding
            media.delete(key)
        outcome = Outcome.failed(outcome.video_id, "too_long", f"{outcome.duration_s} s")
    if outcome.ok:
        top = outcome.renditions[RENDITIONS[0].name]
        fields = {"status": "ready", "duration_s": outcome.duration_s, "width": top.width,
                  "height": top.height, "poster": asdict(outcome.poster) if outcome.poster
                  else None, "renditions": [{"name": name, **asdict(o)}
                                            for name, o in outcome.renditions.items()]}
    else:
        log.warning("video %s failed: %s (%s)", outcome.video_id, outcome.reason, outcome.detail)
        fields = {"status": "failed", "reason": outcome.reason, "detail": outcome.detail[:1000]}
    try:
        video = store.update(*video_key(outcome.video_id), set={**fields, "updated_at": now},
                             remove=("step", *INDEX_FIELDS),
                             condition=Condition.present(status="processing"))
    except ConditionFailed:
        current = get(store, outcome.video_id)
        if current is None:  # deleted while it was processed: drop what the job wrote
            for key in outcome.keys():
                media.delete(key)
        return current
    events.publish(VIDEO_SETTLED, video=video)
    return video


def retry(store, user: dict, video_id: str, now: int) -> dict:
    """Queue a video that failed on our side for another go (its original is still there)."""
    video = visible(store, user, video_id)
    if video["status"] != "failed" or video.get("reason") != "internal":
        raise Conflict("video_retry_not_possible")
    try:
        return store.update(*video_key(video_id), set={"status": "processing", "step": "queued",
                                                        "updated_at": now,
                                                        **processing_index(video_id, now)},
                            add={"retries": 1}, remove=("reason", "detail", "requeued"),
                            condition=Condition.present(status="failed"))
    except ConditionFailed:
        raise Conflict() from None


# -- reading and deleting ---------------------------------------------------------------------

def playback(media, video: dict) -> dict:
    """What a player needs: renditions to pick by connection, the poster, length and size."""
    view = {"video_id": video["video_id"], "status": video["status"],
            "duration_s": video.get("duration_s"), "width": video.get("width"),
            "height": video.get("height"), "poster": None, "renditions": []}
    if video["status"] == "ready":
        poster = video.get("poster")
        if poster:
            view["poster"] = {"url": media.download_url(poster["key"], expires_in=PLAY_URL_S),
                              "width": poster["width"], "height": poster["height"]}
        view["renditions"] = [{"name": r["name"], "width": r["width"], "height": r["height"],
                               "url": media.download_url(r["key"], expires_in=PLAY_URL_S)}
                              for r in video.get("renditions", [])]
    return view


def describe(media, video: dict) -> dict:
    """The whole video as its owner sees it."""
    reason = video.get("reason") if video["status"] == "failed" else None
    return {**playback(media, video), "filename": video["filename"],
            "content_type": video["content_type"], "size": video["size"],
            "created_at": video["created_at"], "news_id": video.get("news_id") or None,
            "reason": reason, "reason_message": t(f"video_failed_{reason}") if reason else None}


def list_mine(store, media, user: dict, limit: int, cursor: str | None):
    page = store.query(f"VIDEOS#{user['id']}", index="gsi1", reverse=True, limit=limit,
                       cursor=cursor)
    return [describe(media, v) for v in page.items], page.cursor


def delete(store, media, user: dict, video_id: str) -> None:
    """Remove a video and every file of it, unless a news item or a story shows it."""
    video = visible(store, user, video_id)
    if video.get("story_id"):  # set when the upload starts, never changed: no race
        raise Conflict("video_in_story")
    try:
        # First the item: a job that ends later finds nothing and removes its own outputs.
        store.delete(*video_key(video_id), condition=Condition.present(news_id=""))
    except ConditionFailed:
        raise Conflict("video_in_use") from None
    remove_files(media, video)


def purge(store, media, video_id: str) -> None:
    """Remove a story's video and its files (the story has decided: its author deleted it, or
    a moderator rejected it); nothing if it is gone already."""
    video = get(store, video_id)
    if video is None:
        return
    store.delete(*video_key(video_id))  # first the item: a job ending later drops its outputs
    remove_files(media, video)


def remove_files(media, video: dict) -> None:
    if video["status"] == "uploading":
        media.abort_multipart(video["original_key"], video["upload_id"])
    keys = [video["original_key"], *(r["key"] for r in video.get("renditions", [])),
            *([video["poster"]["key"]] if video.get("poster") else [])]
    for key in keys:
        media.delete(key)
