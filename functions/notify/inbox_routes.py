"""Everyone's side: push subscriptions, preferences, the inbox, receipts from the phone."""

from flask_smorest import Blueprint

from ..api import may_refuse, storeless
from ..auth.sessions import current_user
from ..wiring import adapters, now
from . import inbox, subscriptions, views
from .schemas import (
    CursorQuerySchema,
    EventSchema,
    InboxPageSchema,
    PublicKeySchema,
    PushPreferencesSchema,
    SubscribedSchema,
    SubscriptionSchema,
)

push_blp = Blueprint("push", __name__, url_prefix="/api/push",
                     description="Web Push subscriptions (several devices per person).")
inbox_blp = Blueprint("inbox", __name__, url_prefix="/api",
                      description="Every notification that reaches me, read or not.")
PAGE = 20


@push_blp.route("/key", methods=["GET"])
@storeless
@push_blp.response(200, PublicKeySchema)
def key():
    """The VAPID public key for PushManager.subscribe()."""
    return {"public_key": adapters().push.public_key()}


@push_blp.route("/subscriptions", methods=["POST"])
@push_blp.arguments(SubscriptionSchema)
@push_blp.response(201, SubscribedSchema)
def subscribe(args):
    """Keep this device (the same endpoint again: an update)."""
    a = adapters()
    return {"id": subscriptions.subscribe(a.store, a.push, current_user(), args, now())}


@push_blp.route("/subscriptions/<device_id>", methods=["DELETE"])
@push_blp.response(204)
def unsubscribe(device_id):
    """Forget one of my devices."""
    subscriptions.unsubscribe(adapters().store, current_user(), device_id)


@push_blp.route("/preferences", methods=["GET"])
@push_blp.response(200, PushPreferencesSchema)
def preferences():
    """Muted topics and quiet hours (urgent messages ignore both)."""
    return subscriptions.preferences(adapters().store, current_user()["id"])


@push_blp.route("/preferences", methods=["PUT"])
@push_blp.arguments(PushPreferencesSchema)
@push_blp.response(200, PushPreferencesSchema)
def set_preferences(args):
    return subscriptions.set_preferences(adapters().store, current_user()["id"], args)


@inbox_blp.route("/inbox", methods=["GET"])
@inbox_blp.arguments(CursorQuerySchema, location="query")
@inbox_blp.response(200, InboxPageSchema)
def get_inbox(args):
    """My notifications, newest first, and how many are unread."""
    found = inbox.page(adapters().store, current_user(), now(), args.get("cursor"), PAGE)
    return {**found, "items": [views.inbox_item(i) for i in found["items"]]}


@inbox_blp.route("/inbox/<notification_id>/read", methods=["POST"])
@inbox_blp.response(204)
def read(notification_id):
    inbox.mark(adapters().store, current_user(), notification_id, "read", now())


@inbox_blp.route("/inbox/<notification_id>/acknowledge", methods=["POST"])
@may_refuse(409)
@inbox_blp.response(204)
def acknowledge(notification_id):
    """I have read and understood it (also marks it read)."""
    inbox.mark(adapters().store, current_user(), notification_id, "acknowledged", now())


@inbox_blp.route("/notifications/<notification_id>/events", methods=["POST"])
@inbox_blp.arguments(EventSchema)
@inbox_blp.response(204)
def event(args, notification_id):
    """The service worker's receipt: received (push shown) or opened (notification tapped)."""
    inbox.mark(adapters().store, current_user(), notification_id, args["kind"], now())
