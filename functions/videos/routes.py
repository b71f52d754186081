"""Video endpoints: resumable uploads straight to storage, status, playback, delete."""

from flask_smorest import Blueprint

from .. import permissions
from ..api import may_refuse
from ..auth.sessions import current_user
from ..ratelimit import hit
from ..wiring import adapters, now
from ..workers import process_video
from . import service
from .schemas import (
    UploadRequestSchema,
    UploadSchema,
    VideoListQuerySchema,
    VideoPageSchema,
    VideoSchema,
)

UPLOADS_PER_HOUR = 30
blp = Blueprint("videos", __name__, url_prefix="/api/videos",
                description="Video uploads (multipart, resumable) and their processing.")


def _process_later(video_id: str, *, storage_event_follows: bool) -> None:
    """Embedded: a worker thread here. AWS: S3's event starts it, else this request does (a
    MediaConvert job is submitted in a fraction of a second; the job itself runs there)."""
    a = adapters()
    if a.worker is not None:
        a.worker.submit(process_video, a, video_id)
    elif not storage_event_follows:
        process_video(a, video_id)


@blp.route("/uploads", methods=["POST"])
@may_refuse(403, 429)
@blp.arguments(UploadRequestSchema)
@blp.response(201, UploadSchema)
def start_upload(args):
    """Start an upload: PUT each part to its URL (any order, several at once), then complete."""
    a = adapters()
    user = permissions.require(current_user(), service.UPLOAD_PERMISSION)  # before the limit
    # Each upload reserves storage until it completes or S3's lifecycle rule drops it.
    hit(a.store, f"video-upload:{user['id']}", limit=UPLOADS_PER_HOUR, window_s=3600, now=now())
    return service.create_upload(a.store, a.media, user, args["filename"],
                                 args["content_type"], args["size"], now(),
                                 a.config.upload_max_bytes)


@blp.route("/uploads/<video_id>", methods=["GET"])
@may_refuse(409)
@blp.response(200, UploadSchema)
def resume_upload(video_id):
    """Resume after a reload: the parts already stored, and fresh URLs for the others."""
    a = adapters()
    return service.resume_upload(a.store, a.media, current_user(), video_id)


@blp.route("/uploads/<video_id>/complete", methods=["POST"])
@blp.response(202, VideoSchema)
def complete_upload(video_id):
    """Join the parts; processing starts (409 names any missing parts)."""
    a = adapters()
    video, start = service.complete_upload(a.store, a.media, current_user(), video_id, now())
    if start:
        _process_later(video_id, storage_event_follows=True)
    return service.describe(a.media, video)


@blp.route("", methods=["GET"])
@blp.arguments(VideoListQuerySchema, location="query")
@blp.response(200, VideoPageSchema)
def list_videos(args):
    """The signed-in person's videos, newest first."""
    a = adapters()
    items, cursor = service.list_mine(a.store, a.media, current_user(), args["limit"],
                                      args.get("cursor"))
    return {"items": items, "cursor": cursor}


@blp.route("/<video_id>", methods=["GET"])
@blp.response(200, VideoSchema)
def get_video(video_id):
    """One video: status, why it failed, or its renditions and poster when ready."""
    a = adapters()
    return service.describe(a.media, service.visible(a.store, current_user(), video_id))


@blp.route("/<video_id>/retry", methods=["POST"])
@blp.response(202, VideoSchema)
def retry_video(video_id):
    """Process again a video that failed on our side (reason "internal")."""
    a = adapters()
    video = service.retry(a.store, current_user(), video_id, now())
    _process_later(video_id, storage_event_follows=False)
    return service.describe(a.media, video)


@blp.route("/<video_id>", methods=["DELETE"])
@may_refuse(409)
@blp.response(204)
def delete_video(video_id):
    """Delete the video and its files (409 while a news item shows it)."""
    a = adapters()
    service.delete(a.store, a.media, current_user(), video_id)
