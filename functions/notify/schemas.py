"""Notification, subscription and inbox shapes (marshmallow, at the edge)."""

from marshmallow import Schema, ValidationError, fields, validate, validates, validates_schema

from ..audiences.schemas import TargetSchema
from ..paging import page_schema
from .subscriptions import TOPICS

LANGUAGES = ("en", "zh-CN")
B64URL = validate.Regexp(r"^[A-Za-z0-9_-]+={0,2}$")
HHMM = validate.Regexp(r"^([01]\d|2[0-3]):[0-5]\d$")


def _texts(max_length: int):
    return fields.Dict(keys=fields.String(validate=validate.OneOf(LANGUAGES)),
                       values=fields.String(validate=validate.Length(1, max_length)),
                       required=True, validate=validate.Length(min=1),
                       metadata={"description": "By language: en and/or zh-CN."})


class KeysSchema(Schema):
    p256dh = fields.String(required=True, validate=[validate.Length(80, 100), B64URL])
    auth = fields.String(required=True, validate=[validate.Length(16, 32), B64URL])


class SubscriptionSchema(Schema):
    """The browser's PushSubscription.toJSON()."""

    endpoint = fields.String(required=True, validate=validate.Length(1, 1024))
    expirationTime = fields.Integer(allow_none=True, load_default=None)  # noqa: N815
    keys = fields.Nested(KeysSchema, required=True)


class SubscribedSchema(Schema):
    id = fields.String()


class PublicKeySchema(Schema):
    public_key = fields.String(metadata={"description": "VAPID, base64url, uncompressed P-256."})


class QuietHoursSchema(Schema):
    start = fields.String(required=True, validate=HHMM)
    end = fields.String(required=True, validate=HHMM)


class PushPreferencesSchema(Schema):
    muted_topics = fields.List(fields.String(validate=validate.OneOf(TOPICS)), required=True,
                               validate=validate.Length(max=len(TOPICS)))
    quiet_hours = fields.Nested(QuietHoursSchema, allow_none=True, load_default=None)


class ComposeSchema(Schema):
    title = _texts(80)
    body = _texts(400)
    link = fields.String(required=True, validate=validate.Length(1, 200))
    audience = fields.Nested(TargetSchema, required=True)
    send_at = fields.AwareDateTime(allow_none=True, load_default=None, default_timezone=None)
    urgency = fields.String(load_default="normal", validate=validate.OneOf(("normal", "high")))
    ttl_s = fields.Integer(load_default=3600, strict=True,
                           validate=validate.Range(60, 2419200))
    must_acknowledge = fields.Boolean(load_default=False)
    topic = fields.String(load_default="hr", validate=validate.OneOf(TOPICS))
    escalate_after_s = fields.Integer(load_default=3600, strict=True,
                                      validate=validate.Range(300, 7 * 86400), metadata={
        "description": "Must-acknowledge: a reminder this long after sending, then an email "
                       "as long again later."})

    @validates("link")
    def an_app_path(self, value, **kwargs):
        if not value.startswith("/") or value.startswith("//") or "\\" in value:
            raise ValidationError("An app path starting with /, never a URL.")

    @validates_schema
    def same_languages(self, data, **kwargs):
        if set(data.get("title") or ()) != set(data.get("body") or ()):
            raise ValidationError("Give the title and the body in the same languages.", "body")


class PreviewSchema(Schema):
    audience = fields.Nested(TargetSchema, required=True)


class SizeSchema(Schema):
    size = fields.Integer()


class SenderSchema(Schema):
    id = fields.String(allow_none=True)
    name = fields.String()


class StatsSchema(Schema):
    audience = fields.Integer()
    sent = fields.Integer()
    failed = fields.Integer()
    pruned = fields.Integer()
    inbox = fields.Integer()
    received = fields.Integer()
    opened = fields.Integer()
    acknowledged = fields.Integer()


class NotificationSchema(Schema):
    id = fields.String()
    title = fields.Dict(keys=fields.String(), values=fields.String())
    body = fields.Dict(keys=fields.String(), values=fields.String())
    link = fields.String()
    audience = fields.Nested(TargetSchema)
    urgency = fields.String()
    ttl_s = fields.Integer()
    must_acknowledge = fields.Boolean()
    topic = fields.String()
    escalate_after_s = fields.Integer()
    send_at = fields.String(allow_none=True)
    created_at = fields.String()
    state = fields.String(metadata={"description": "scheduled, sending or sent"})
    author = fields.Nested(SenderSchema)
    stats = fields.Nested(StatsSchema)
    reminded_at = fields.String(allow_none=True)


class CursorQuerySchema(Schema):
    cursor = fields.String(validate=validate.Length(max=2000))


NotificationPageSchema = page_schema(NotificationSchema, "NotificationPageSchema")


class UnacknowledgedPersonSchema(Schema):
    id = fields.String()
    name = fields.String()
    business_unit = fields.String()
    site = fields.String()


UnacknowledgedPageSchema = page_schema(UnacknowledgedPersonSchema, "UnacknowledgedPageSchema")


class RemindedSchema(Schema):
    reminded = fields.Integer()


class InboxItemSchema(Schema):
    id = fields.String()
    title = fields.String()
    body = fields.String()
    lang = fields.String()
    link = fields.String()
    urgency = fields.String()
    must_acknowledge = fields.Boolean()
    topic = fields.String()
    created_at = fields.String()
    read_at = fields.String(allow_none=True)
    acknowledged_at = fields.String(allow_none=True)


InboxPageSchema = page_schema(InboxItemSchema, "InboxPageSchema", unread=fields.Integer())


class EventSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(("received", "opened")))
