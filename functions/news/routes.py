"""News endpoints: the feed, publishing, watching and acknowledging, reach."""

from flask import current_app
from flask_smorest import Blueprint

from ..api import may_refuse
from ..auth.sessions import current_user
from ..wiring import adapters, now
from . import breakdown, feed, receipts, service
from .schemas import (
    BreakdownSchema,
    FeedSchema,
    ManagedNewsSchema,
    ManagedPageSchema,
    ManageQuerySchema,
    MineSchema,
    NewsSchema,
    PageQuerySchema,
    PeoplePageSchema,
    PeopleQuerySchema,
    PinSchema,
    ProgressSchema,
    PublishSchema,
    ReachSchema,
)

blp = Blueprint("news", __name__, url_prefix="/api/news",
                description="Daily video news by company, unit, department and site.")


def _video(store, item):
    from ..videos.service import get

    return get(store, item["video_id"])


@blp.route("", methods=["GET"])
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, FeedSchema)
def get_feed(args):
    """What reaches me, newest first: pinned and today's edition of my unit on the first page."""
    a = adapters()
    return feed.page(a.store, a.media, current_user(), now(),
                     current_app.config["TOGETHER"].timezone, args["limit"], args.get("cursor"))


@blp.route("", methods=["POST"])
@may_refuse(403)
@blp.arguments(PublishSchema)
@blp.response(201, ManagedNewsSchema)
def publish(args):
    """Publish now or at a time (editors: to their units; HR and admins: anywhere)."""
    a = adapters()
    item = service.publish(a.store, current_user(), args, now(), a.events)
    return service.manage_view(a.media, item, _video(a.store, item), now())


@blp.route("/manage", methods=["GET"])
@may_refuse(403)
@blp.arguments(ManageQuerySchema, location="query")
@blp.response(200, ManagedPageSchema)
def manage(args):
    """Items of a unit I edit (or company-wide and site items), scheduled ones included."""
    a = adapters()
    pairs, cursor = service.manage_list(a.store, current_user(), args.get("unit"),
                                        args.get("cursor"), args["limit"])
    return {"items": [service.manage_view(a.media, i, v, now()) for i, v in pairs],
            "cursor": cursor}


@blp.route("/<news_id>", methods=["GET"])
@blp.response(200, NewsSchema)
def get_item(news_id):
    """One item of my feed."""
    a = adapters()
    user = current_user()
    item, video = receipts.reachable(a.store, user, news_id, now())
    receipt = a.store.get(*service.receipt_key(news_id, user["id"]))
    return service.view(a.media, item, video, receipt)


@blp.route("/<news_id>", methods=["PATCH"])
@may_refuse(403, 409)
@blp.arguments(PinSchema)
@blp.response(200, ManagedNewsSchema)
def pin(args, news_id):
    """Pin or unpin a leader's message (HR and admins)."""
    a = adapters()
    item = service.set_pinned(a.store, current_user(), news_id, args["pinned"])
    return service.manage_view(a.media, item, _video(a.store, item), now())


@blp.route("/<news_id>", methods=["DELETE"])
@may_refuse(403, 409)
@blp.response(204)
def delete(news_id):
    """Withdraw an item (its editors, HR, admins)."""
    service.delete(adapters().store, current_user(), news_id)


@blp.route("/<news_id>/progress", methods=["POST"])
@blp.arguments(ProgressSchema)
@blp.response(200, MineSchema)
def progress(args, news_id):
    """Where I am in the video: a view once, a completion once past 90 % (safe to repeat)."""
    return receipts.progress(adapters().store, current_user(), news_id, args["position_s"],
                            args.get("duration_s"), now())


@blp.route("/<news_id>/acknowledge", methods=["POST"])
@blp.response(200, MineSchema)
def acknowledge(news_id):
    """I have read and understood a must-acknowledge item (safe to repeat)."""
    return receipts.acknowledge(adapters().store, current_user(), news_id, now())


@blp.route("/<news_id>/reach", methods=["GET"])
@may_refuse(403)
@blp.response(200, ReachSchema)
def reach(news_id):
    """Audience size, views, completions, acknowledgements (the item's editors, HR, admins)."""
    return receipts.reach(adapters().store, current_user(), news_id, now())


@blp.route("/<news_id>/reach/breakdown", methods=["GET"])
@may_refuse(403)
@blp.response(200, BreakdownSchema)
def reach_breakdown(news_id):
    """Audience size, views, completions and acknowledgements by unit and by site."""
    return breakdown.breakdown(adapters().store, current_user(), news_id)


@blp.route("/<news_id>/reach/unacknowledged", methods=["GET"])
@may_refuse(403, 409)
@blp.arguments(PeopleQuerySchema, location="query")
@blp.response(200, PeoplePageSchema)
def unacknowledged(args, news_id):
    """Who has not acknowledged yet, a page of the audience at a time."""
    people, cursor = receipts.unacknowledged(adapters().store, current_user(), news_id,
                                            args.get("cursor"), args["limit"])
    return {"items": people, "cursor": cursor}
