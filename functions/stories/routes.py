"""Story endpoints: post (with its video's upload), feeds, mine, reactions, views, delete."""

from flask_smorest import Blueprint

from ..api import may_refuse
from ..auth.sessions import current_user
from ..errors import NotFound
from ..wiring import adapters, now
from . import feed, reactions, service, settings, views
from .schemas import (
    StoryCreatedSchema,
    StoryCreateSchema,
    StoryFeaturedSchema,
    StoryFeedQuerySchema,
    StoryPageQuerySchema,
    StoryPageSchema,
    StoryReactionSchema,
    StoryReactionsSchema,
    StorySchema,
    StorySettingsSchema,
)

blp = Blueprint("stories", __name__, url_prefix="/api/stories",
                description="Workday stories: short videos by anyone, released by moderators.")


def _page(stories, cursor):
    a = adapters()
    return {"items": views.shown(a.store, a.media, current_user(), stories), "cursor": cursor}


@blp.route("", methods=["POST"])
@may_refuse(429)
@blp.arguments(StoryCreateSchema)
@blp.response(201, StoryCreatedSchema)
def create(args):
    """Post a story: send its video's parts to the upload's URLs, then complete it at
    POST /api/videos/uploads/<video_id>/complete. It waits in quarantine for a moderator."""
    a, user = adapters(), current_user()
    story, upload = service.create(a.store, a.media, user, args, now())
    return {"story": views.one(a.store, a.media, user, story), "upload": upload}


@blp.route("", methods=["GET"])
@blp.arguments(StoryFeedQuerySchema, location="query")
@blp.response(200, StoryPageSchema)
def stories_feed(args):
    """Released stories, newest first; ?unit=, ?site= or ?tag= narrow it."""
    return _page(*feed.page(adapters().store, args, args.get("cursor"), args["limit"]))


@blp.route("/mine", methods=["GET"])
@blp.arguments(StoryPageQuerySchema, location="query")
@blp.response(200, StoryPageSchema)
def mine(args):
    """My stories in every status (rejected ones with the moderator's reason)."""
    return _page(*service.mine(adapters().store, current_user(), args.get("cursor"),
                               args["limit"]))


@blp.route("/settings", methods=["GET"])
@blp.response(200, StorySettingsSchema)
def read_settings():
    """The recording limit and the topic tags to choose from."""
    return settings.read(adapters().store)


@blp.route("/settings", methods=["PUT"])
@may_refuse(403)
@blp.arguments(StorySettingsSchema)
@blp.response(200, StorySettingsSchema)
def write_settings(args):
    """HR changes the recording limit and the tags."""
    return settings.write(adapters().store, current_user(), args, now())


@blp.route("/featured", methods=["GET"])
@blp.response(200, StoryFeaturedSchema)
def featured():
    """The stories HR features on Home (at most 3)."""
    a = adapters()
    return {"items": views.shown(a.store, a.media, current_user(), feed.featured(a.store))}


@blp.route("/<story_id>", methods=["GET"])
@blp.response(200, StorySchema)
def get_story(story_id):
    """One story (404 while in quarantine, except for its author and moderators)."""
    a, user = adapters(), current_user()
    return views.one(a.store, a.media, user, service.visible(a.store, user, story_id))


@blp.route("/<story_id>", methods=["DELETE"])
@may_refuse(403)
@blp.response(204)
def delete(story_id):
    """Its author deletes a story, and its video's files, at any time."""
    a = adapters()
    service.delete(a.store, a.media, current_user(), story_id)


@blp.route("/<story_id>/views", methods=["POST"])
@may_refuse(409)
@blp.response(204)
def viewed(story_id):
    """I watched it: counted once per person, shown to its author."""
    reactions.viewed(adapters().store, current_user(), story_id, now())


@blp.route("/<story_id>/reactions", methods=["POST"])
@may_refuse(409)
@blp.arguments(StoryReactionSchema)
@blp.response(200, StoryReactionsSchema)
def react(args, story_id):
    """React: once per person and kind, however often pressed."""
    return reactions.react(adapters().store, current_user(), story_id, args["kind"], now())


@blp.route("/<story_id>/reactions/<kind>", methods=["DELETE"])
@blp.response(200, StoryReactionsSchema)
def unreact(story_id, kind):
    """Take my reaction of this kind back."""
    if kind not in service.REACTIONS:
        raise NotFound("story_reaction_unknown")
    return reactions.unreact(adapters().store, current_user(), story_id, kind)
