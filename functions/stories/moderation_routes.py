"""Moderating stories: the quarantine queue, release and reject; reports, hide and restore;
featuring on Home."""

from flask_smorest import Blueprint

from ..api import may_refuse
from ..auth.sessions import current_user
from ..wiring import adapters, now
from . import feed, moderation, views
from .schemas import (
    StoryModerationQuerySchema,
    StoryPageQuerySchema,
    StoryPageSchema,
    StoryReasonSchema,
    StoryRejectSchema,
    StorySchema,
)

blp = Blueprint("stories_moderation", __name__, url_prefix="/api/stories",
                description="Stories in quarantine, reported and hidden (moderators).")


def _one(story):
    a = adapters()
    return views.one(a.store, a.media, current_user(), story)


def _page(stories, cursor):
    a = adapters()
    return {"items": views.shown(a.store, a.media, current_user(), stories), "cursor": cursor}


@blp.route("/queue", methods=["GET"])
@may_refuse(403)
@blp.arguments(StoryPageQuerySchema, location="query")
@blp.response(200, StoryPageSchema)
def quarantine(args):
    """Stories waiting for me to release or reject them, oldest first."""
    return _page(*moderation.quarantine_page(adapters().store, current_user(),
                                             args.get("cursor"), args["limit"]))


@blp.route("/moderation", methods=["GET"])
@may_refuse(403)
@blp.arguments(StoryModerationQuerySchema, location="query")
@blp.response(200, StoryPageSchema)
def reported(args):
    """HR: reported (or ?state=hidden) stories, newest first."""
    return _page(*moderation.queue_page(adapters().store, current_user(), args["state"],
                                        args.get("cursor"), args["limit"]))


@blp.route("/<story_id>/release", methods=["POST"])
@may_refuse(403, 409)
@blp.response(200, StorySchema)
def release(story_id):
    """Release a story from quarantine into the feeds; its author is told."""
    a = adapters()
    return _one(moderation.release(a.store, current_user(), story_id, now(), a.events))


@blp.route("/<story_id>/reject", methods=["POST"])
@may_refuse(403, 409)
@blp.arguments(StoryRejectSchema)
@blp.response(200, StorySchema)
def reject(args, story_id):
    """Reject a story in quarantine: its author reads why; its video's files are removed."""
    a = adapters()
    return _one(moderation.reject(a.store, a.media, current_user(), story_id, args["reason"],
                                  now(), a.events))


@blp.route("/<story_id>/reports", methods=["POST"])
@may_refuse(409)
@blp.arguments(StoryReasonSchema)
@blp.response(202)
def report(args, story_id):
    """Report a released story to HR (once per person)."""
    moderation.report(adapters().store, current_user(), story_id, args["reason"], now())


@blp.route("/<story_id>/hide", methods=["POST"])
@may_refuse(403, 409)
@blp.arguments(StoryReasonSchema)
@blp.response(200, StorySchema)
def hide(args, story_id):
    """HR hides a released story from every feed."""
    return _one(moderation.hide(adapters().store, current_user(), story_id, args["reason"],
                                now()))


@blp.route("/<story_id>/restore", methods=["POST"])
@may_refuse(403, 409)
@blp.response(200, StorySchema)
def restore(story_id):
    """HR puts a hidden story back in the feeds."""
    return _one(moderation.restore(adapters().store, current_user(), story_id, now()))


@blp.route("/<story_id>/feature", methods=["POST"])
@may_refuse(403, 409)
@blp.response(204)
def feature(story_id):
    """HR features a released story on Home (at most 3 at a time)."""
    feed.feature(adapters().store, current_user(), story_id, now())


@blp.route("/<story_id>/feature", methods=["DELETE"])
@may_refuse(403)
@blp.response(204)
def unfeature(story_id):
    """HR takes a story off Home."""
    feed.unfeature(adapters().store, current_user(), story_id)
