"""Notification endpoints for those who send them: compose, preview, list, stats, remind."""

from flask_smorest import Blueprint

from .. import permissions
from ..api import may_refuse
from ..audiences import sizes
from ..auth.sessions import current_user
from ..errors import Forbidden
from ..wiring import adapters, now
from . import delivery, service, views
from .schemas import (
    ComposeSchema,
    CursorQuerySchema,
    NotificationPageSchema,
    NotificationSchema,
    PreviewSchema,
    RemindedSchema,
    SizeSchema,
    UnacknowledgedPageSchema,
)

blp = Blueprint("notifications", __name__, url_prefix="/api/notifications",
                description="Push notifications and the inbox: what HR and editors send.")
PAGE = 20


@blp.route("", methods=["POST"])
@may_refuse(403)
@blp.arguments(ComposeSchema)
@blp.response(201, NotificationSchema)
def compose(args):
    """Send now or at send_at (HR and admins anywhere; editors to their units)."""
    a = adapters()
    if args["send_at"] is not None:
        args["send_at"] = int(args["send_at"].timestamp())
    item = service.compose(a.store, current_user(), args, now(),
                           lambda nid: delivery.start(a, nid))
    return views.notification(service.views(a.store, [item])[0])


@blp.route("/preview", methods=["POST"])
@may_refuse(403)
@blp.arguments(PreviewSchema)
@blp.response(200, SizeSchema)
def preview(args):
    """How many people the audience holds now (exact)."""
    user = permissions.require(current_user(), "notify.send")
    if not permissions.may_notify(user, args["audience"]):
        raise Forbidden("notify_audience_forbidden")
    return {"size": sizes.size(adapters().store, args["audience"])}


@blp.route("", methods=["GET"])
@may_refuse(403)
@blp.arguments(CursorQuerySchema, location="query")
@blp.response(200, NotificationPageSchema)
def listing(args):
    """Newest first, those I may see."""
    store = adapters().store
    items, cursor = service.listing(store, current_user(), args.get("cursor"), PAGE)
    return {"items": [views.notification(v) for v in service.views(store, items)],
            "cursor": cursor}


@blp.route("/<notification_id>", methods=["GET"])
@may_refuse(403)
@blp.response(200, NotificationSchema)
def one(notification_id):
    """One notification with its counts."""
    store = adapters().store
    item = service.managed(store, current_user(), notification_id)
    return views.notification(service.views(store, [item])[0])


@blp.route("/<notification_id>/remind", methods=["POST"])
@may_refuse(403, 409, 429)
@blp.response(202, RemindedSchema)
def remind(notification_id):
    """Push again to those who have not acknowledged (at most every 5 minutes)."""
    a, at = adapters(), now()
    count = service.remind(a.store, current_user(), notification_id, at,
                           lambda nid: delivery.start(a, nid, f"r{at}"))
    return {"reminded": count}


@blp.route("/<notification_id>/unacknowledged", methods=["GET"])
@may_refuse(403, 409)
@blp.arguments(CursorQuerySchema, location="query")
@blp.response(200, UnacknowledgedPageSchema)
def unacknowledged(args, notification_id):
    """Who has not acknowledged yet, a page of the audience at a time."""
    people, cursor = service.unacknowledged(adapters().store, current_user(), notification_id,
                                            args.get("cursor"), 100)
    return {"items": [{k: p[k] for k in ("id", "name", "business_unit", "site")}
                      for p in people], "cursor": cursor}
