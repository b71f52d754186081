"""How a story is shown: its video to play, its counts, and what only some people see."""

from __future__ import annotations

from ..i18n import t
from ..videos import service as videos
from .keys import reaction_sk, story_key
from .service import REACTIONS, may_moderate


def _reason(story: dict) -> tuple[str | None, str | None]:
    """A stable code and words for people: a moderator's rejection (their words, as written),
    or why the video failed (in the reader's language)."""
    if story["status"] == "rejected":
        return "rejected", story.get("reason")
    reason = story.get("video_reason")
    if story["status"] != "failed" or not reason:
        return None, None
    if reason == "too_long":  # the story's own limit, not news's ten minutes
        return reason, t("story_failed_too_long", seconds=story.get("max_seconds"))
    return reason, t(f"video_failed_{reason}")


def _video(media, story: dict, video: dict | None) -> dict | None:
    if video is None:
        return None
    played = videos.playback(media, video)
    return {"id": video["video_id"], "status": video["status"],
            "duration_s": played["duration_s"],
            "poster": played["poster"]["url"] if played["poster"] else None,
            "renditions": played["renditions"]}


def _status(story: dict, video: dict | None) -> str:
    if (story["status"] in ("uploading", "failed") and video is not None
            and video["status"] == "processing"):  # a failed one: being processed again
        return "processing"
    return story["status"]


def shown(store, media, user: dict, stories: list[dict]) -> list[dict]:
    """Stories as this person sees them (one read for the videos, one for their reactions)."""
    if not stories:
        return []
    found = {v["video_id"]: v for v in store.get_many(
        [videos.video_key(s["video_id"]) for s in stories])}
    mine = {(r["pk"], r["sk"]) for r in store.get_many(
        [(story_key(s["id"])[0], reaction_sk(user["id"], kind))
         for s in stories for kind in REACTIONS])}
    return [view(media, user, s, found.get(s["video_id"]), {
        kind: (story_key(s["id"])[0], reaction_sk(user["id"], kind)) in mine
        for kind in REACTIONS}) for s in stories]


def one(store, media, user: dict, story: dict) -> dict:
    return shown(store, media, user, [story])[0]


def view(media, user: dict, story: dict, video: dict | None, mine: dict) -> dict:
    status = _status(story, video)
    reason, words = _reason(story)
    shown = {"id": story["id"], "caption": story["caption"],
             "caption_lang": story["caption_lang"], "tags": story["tags"],
             "author": story["author"], "status": status,
             "reason": reason, "reason_message": words,
             "video": _video(media, story, video),
             "created_at": story["created_at"], "released_at": story.get("released_at"),
             "reactions": {kind: story.get(f"r_{kind}", 0) for kind in REACTIONS},
             "mine": mine, "featured": bool(story.get("featured"))}
    if story["author_id"] == user["id"] or may_moderate(user, story):
        shown["views"] = story.get("views", 0)
    if "report_reasons" in story:  # HR's reported and hidden queues
        shown |= {"reports": story.get("reports", 0), "report_reasons": story["report_reasons"]}
    return shown
