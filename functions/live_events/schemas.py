"""Live events shapes at the edge: what a host sends, what people see."""

from __future__ import annotations

from urllib.parse import urlsplit

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from ..audiences.schemas import AudienceSchema
from ..paging import page_schema
from ..schema_fields import Instant
from .events import ANSWERS, HOSTS_MAX, MAX_DURATION_S

LANGUAGES = ("en", "zh-CN")
KINDS = ("karaoke", "town_hall", "qa", "other")
LINK_WORDS = "Give an https:// link to the meeting (DingTalk, Teams, Zoom or any https address)."


def https_link(value: str) -> str:
    """Only an https URL with a host: javascript:, data:, http: and relative links are refused."""
    try:
        parts = urlsplit(value)
    except ValueError:
        raise ValidationError(LINK_WORDS) from None
    if (parts.scheme.lower() != "https" or not parts.hostname or not value.isprintable()
            or any(c.isspace() for c in value) or not value.lower().startswith("https://")):
        raise ValidationError(LINK_WORDS)
    return value


def _texts(max_length: int, minimum: int = 0):
    return fields.Dict(keys=fields.String(validate=validate.OneOf(LANGUAGES)),
                       values=fields.String(validate=validate.Length(minimum, max_length)),
                       metadata={"description": "By language: en and/or zh-CN."})


class LiveEventWriteSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    title = _texts(120, 1)
    description = _texts(2000)
    host_ids = fields.List(fields.String(validate=validate.Length(1, 40)),
                           validate=validate.Length(0, HOSTS_MAX), metadata={
                               "description": "Employee ids of the hosts; empty: you."})
    starts_at = Instant(required=True)
    ends_at = Instant(required=True)
    join_url = fields.String(required=True, validate=[validate.Length(1, 2000), https_link])
    audience = fields.Nested(AudienceSchema, required=True)
    capacity = fields.Integer(strict=True, allow_none=True, load_default=None,
                              validate=validate.Range(1, 100_000))

    @validates_schema
    def sensible(self, data, **kwargs):
        if not any((data.get("title") or {}).values()):
            raise ValidationError("Give a title in English or Chinese.", "title")
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts is not None and ends is not None and not 0 < ends - starts <= MAX_DURATION_S:
            raise ValidationError("End after the start, at most 12 hours later.", "ends_at")


class EventRsvpSchema(Schema):
    answer = fields.String(required=True, validate=validate.OneOf(ANSWERS))


class LiveEventsQuerySchema(Schema):
    when = fields.String(load_default="upcoming", validate=validate.OneOf(("upcoming", "past")))
    cursor = fields.String(validate=validate.Length(max=2000))
    limit = fields.Integer(load_default=20, validate=validate.Range(1, 50))


class GoingQuerySchema(Schema):
    cursor = fields.String(validate=validate.Length(max=2000))
    limit = fields.Integer(load_default=50, validate=validate.Range(1, 100))


class EventPersonSchema(Schema):
    id = fields.String()
    name = fields.String()


class RsvpCountsSchema(Schema):
    going = fields.Integer()
    maybe = fields.Integer()
    not_going = fields.Integer()


class EventRecordingSchema(Schema):
    video_id = fields.String()
    news_id = fields.String(allow_none=True)


class EventAudienceSchema(Schema):
    kind = fields.String()
    unit = fields.String()
    department = fields.String()
    site = fields.String()


class LiveEventSchema(Schema):
    id = fields.String()
    kind = fields.String()
    title = fields.Dict(keys=fields.String(), values=fields.String())
    description = fields.Dict(keys=fields.String(), values=fields.String())
    hosts = fields.List(fields.Nested(EventPersonSchema))
    starts_at = Instant()
    ends_at = Instant()
    join_url = fields.String()
    audience = fields.Nested(EventAudienceSchema)
    audience_name = fields.String()
    capacity = fields.Integer(allow_none=True)
    state = fields.String(metadata={"description": "scheduled | cancelled"})
    on_now = fields.Boolean(metadata={"description": "By the server's clock."})
    counts = fields.Nested(RsvpCountsSchema)
    my_rsvp = fields.String(allow_none=True)
    recording = fields.Nested(EventRecordingSchema, allow_none=True)
    updated_at = Instant()
    sequence = fields.Integer(metadata={"description": "The calendar file's SEQUENCE."})


LiveEventPageSchema = page_schema(LiveEventSchema, "LiveEventPage")


class LiveEventListSchema(Schema):
    items = fields.List(fields.Nested(LiveEventSchema))


class EventGoingSchema(Schema):
    id = fields.String()
    name = fields.String()
    business_unit = fields.String(allow_none=True)
    site = fields.String(allow_none=True)


EventGoingPageSchema = page_schema(EventGoingSchema, "EventGoingPage")


class SongSlotWriteSchema(Schema):
    song = fields.String(required=True, validate=validate.Length(1, 120))


class SongSlotSchema(Schema):
    id = fields.String()
    person = fields.Nested(EventPersonSchema)
    song = fields.String()
    position = fields.Integer()


class SongSlotListSchema(Schema):
    items = fields.List(fields.Nested(SongSlotSchema))


class SongSlotOrderSchema(Schema):
    ids = fields.List(fields.String(validate=validate.Length(1, 40)), required=True,
                      validate=validate.Length(1, 100))


class EventRecordingWriteSchema(Schema):
    video_id = fields.String(required=True, validate=validate.Length(1, 40))
