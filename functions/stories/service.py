"""Workday stories: a short video with a caption, on the shared video pipeline.

A story is one STORY#<id> item. Its status follows its video until the video settles
(events.VIDEO_SETTLED): uploading -> quarantine (ready, waiting for a moderator) or failed;
then released | rejected (moderation.py); a released story may be hidden and restored.
Feeds are pointer items per scope (feed.py); reactions and views are reactions.py.
"""

from __future__ import annotations

from ulid import ULID

from .. import permissions, ratelimit
from ..errors import Forbidden, Invalid, NotFound
from ..i18n import t
from ..moderation import queue
from ..store import Condition, ConditionFailed, Delete, Update
from ..videos import service as videos
from . import settings
from .keys import (
    CAPABILITY,
    FEATURED_PK,
    SK,
    author_pk,
    created_sort,
    feed_pk,
    feed_scopes,
    quarantine_pk,
    released_sort,
    story_key,
)

MAX_BYTES = 100 * 1024 * 1024  # news allows 500 MB; a minute from a phone is far less
CAPTION_MAX = 280
RATE_LIMIT, RATE_WINDOW_S = 10, 86400  # stories per person per day
REACTIONS = ("keep_going", "thank_you", "heart")


def get(store, story_id: str) -> dict | None:
    return store.get(*story_key(story_id))


def may_moderate(user: dict, story: dict) -> bool:
    return permissions.may_moderate_story(user, story["author"]["business_unit"])


def may_see(user: dict, story: dict) -> bool:
    """Released stories: everyone. Any other status: its author and its moderators."""
    return (story["status"] == "released" or story["author_id"] == user["id"]
            or may_moderate(user, story))


def visible(store, user: dict, story_id: str) -> dict:
    """The story if the person may see it; 404 otherwise (no hint that it exists)."""
    story = get(store, story_id)
    if story is None or not may_see(user, story):
        raise NotFound("story_not_found")
    return story


def _invalid(field: str, key: str, **params) -> Invalid:
    return Invalid(key, fields={field: [t(key, **params)]}, **params)


def create(store, media, user: dict, body: dict, now: int) -> tuple[dict, dict]:
    """A story in status uploading, and its video's upload (the same as POST /api/videos/
    uploads answers): the phone sends the parts and completes it on the videos endpoints."""
    chosen = settings.read(store)
    known = {tag["id"] for tag in chosen["tags"]}
    unknown = [tag for tag in body["tags"] if tag not in known]
    if unknown:
        raise _invalid("tags", "story_tag_unknown", tag=unknown[0])
    caption = body["caption"]  # stored as written: markup is text, escaped where it is shown
    if len(caption) > CAPTION_MAX:
        raise _invalid("caption", "story_caption_length", max=CAPTION_MAX)
    ratelimit.hit(store, f"stories:{user['id']}", limit=RATE_LIMIT, window_s=RATE_WINDOW_S,
                  now=now)
    story_id = str(ULID())
    upload = videos.create_upload(store, media, user, body["filename"], body["content_type"],
                                  body["size"], now, MAX_BYTES, permission=None,
                                  max_duration_s=chosen["max_seconds"] + settings.SLACK_S,
                                  story_id=story_id)
    story = {"id": story_id, "caption": caption, "caption_lang": body["caption_lang"],
             "tags": list(dict.fromkeys(body["tags"])), "author_id": user["id"],
             "author": {"id": user["id"], "name": user["name"],
                        "business_unit": user.get("business_unit") or "",
                        "site": user.get("site") or ""},
             "video_id": upload["video_id"], "max_seconds": chosen["max_seconds"],
             "status": "uploading", "reason": None, "video_reason": None,
             "created_at": now, "released_at": None, "views": 0, "reports": 0,
             **{f"r_{kind}": 0 for kind in REACTIONS}}
    story |= {"pk": story_key(story_id)[0], "sk": SK, "gsi2pk": author_pk(user["id"]),
              "gsi2sk": created_sort(story)}
    store.put(story, condition=Condition.not_exists())
    return story, upload


def video_settled(store, video: dict) -> None:
    """A story's video settled (events.VIDEO_SETTLED): ready -> quarantine, waiting for a
    moderator; failed -> failed, with the video's reason for its author."""
    if not video.get("story_id"):
        return
    story = get(store, video["story_id"])
    if story is None or story["status"] not in ("uploading", "failed"):
        return  # deleted meanwhile, or settled already (a repeated event)
    # "failed": its author had the video processed again (POST /api/videos/<id>/retry)
    ops = []
    if video["status"] == "ready":
        sets = {"status": "quarantine", "video_reason": None,
                "gsi1pk": quarantine_pk(story["author"]["business_unit"]),
                "gsi1sk": created_sort(story)}
        ops.append(queue.enter(CAPABILITY, "held", story["id"], created_sort(story)))
    else:
        sets = {"status": "failed", "video_reason": video.get("reason") or "internal"}
    try:
        store.transact([Update(*story_key(story["id"]), set=sets,
                               condition=Condition.present(status=story["status"])), *ops])
    except ConditionFailed:
        return


def mine(store, user: dict, cursor: str | None, limit: int):
    """My stories in every status, newest first."""
    page = store.query(author_pk(user["id"]), index="gsi2", reverse=True, limit=limit,
                       cursor=cursor)
    return page.items, page.cursor


def unlisted_ops(story: dict) -> list:
    """Take the story out of every feed, queue and the featured list (absent ones: no-ops)."""
    ops = []
    if story.get("released_at"):
        ops += [Delete(feed_pk(scope), released_sort(story)) for scope in feed_scopes(story)]
    ops += [queue.leave(CAPABILITY, q, created_sort(story)) for q in queue.QUEUES]
    ops.append(Delete(FEATURED_PK, story["id"]))
    return ops


def delete(store, media, user: dict, story_id: str) -> None:
    """The author deletes their story at any time: the story, its traces and its video's
    files (local or S3). Anyone else is refused."""
    story = visible(store, user, story_id)
    if story["author_id"] != user["id"]:
        raise Forbidden("story_delete_forbidden")
    try:
        store.transact([Delete(*story_key(story_id), condition=Condition.present(
            status=story["status"])), *unlisted_ops(story)])
    except ConditionFailed:
        raise NotFound("story_not_found") from None
    for item in store.iter_query(story_key(story_id)[0]):  # reactions, views, reports
        store.delete(item["pk"], item["sk"])
    videos.purge(store, media, story["video_id"])
