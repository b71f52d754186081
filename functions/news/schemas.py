"""News shapes: what an editor publishes, what a feed shows, what reach reports."""

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from ..audiences.schemas import AudienceSchema
from ..directory.schemas import NAME
from ..paging import page_schema
from ..videos.schemas import PlaybackSchema

LANGUAGES = ("en", "zh-CN")


def _texts(max_length: int, description: str):
    return fields.Dict(keys=fields.String(validate=validate.OneOf(LANGUAGES)),
                       values=fields.String(validate=validate.Length(1, max_length)),
                       metadata={"description": description})


class PublishSchema(Schema):
    title = _texts(120, "By language: en and/or zh-CN.")
    text = _texts(5000, "By language: en and/or zh-CN.")
    video_id = fields.String(required=True, validate=validate.Length(1, 40))
    audience = fields.Nested(AudienceSchema, required=True)
    publish_at = fields.Integer(strict=True, allow_none=True, load_default=None,
                                metadata={"description": "Epoch seconds; empty: now."})
    must_acknowledge = fields.Boolean(load_default=False)
    pinned = fields.Boolean(load_default=False, metadata={"description": "HR and admins."})

    @validates_schema
    def has_a_title(self, data, **kwargs):
        if not data.get("title"):
            raise ValidationError("Give a title in English or Chinese.", "title")


class PinSchema(Schema):
    pinned = fields.Boolean(required=True)


class ProgressSchema(Schema):
    position_s = fields.Float(required=True, validate=validate.Range(min=0, max=86400),
                              allow_nan=False)
    duration_s = fields.Float(validate=validate.Range(min=0, min_inclusive=False, max=86400),
                              allow_nan=False, metadata={"description": "The player's length; "
                                                         "the server's own is used if known."})


class PageQuerySchema(Schema):
    cursor = fields.String(validate=validate.Length(max=2000))
    limit = fields.Integer(load_default=20, validate=validate.Range(1, 25))


class ManageQuerySchema(PageQuerySchema):
    unit = fields.String(validate=NAME, metadata={
        "description": "A unit you edit; empty (HR, admins): company-wide and site items."})


class PeopleQuerySchema(PageQuerySchema):
    limit = fields.Integer(load_default=50, validate=validate.Range(1, 100))


class AuthorSchema(Schema):
    id = fields.String()
    name = fields.String()


class MineSchema(Schema):
    viewed = fields.Boolean()
    completed = fields.Boolean()
    acknowledged = fields.Boolean()


class NewsSchema(Schema):
    id = fields.String()
    title = fields.Dict(keys=fields.String(), values=fields.String())
    text = fields.Dict(keys=fields.String(), values=fields.String())
    audience = fields.Nested(AudienceSchema)
    publish_at = fields.Integer()
    pinned = fields.Boolean()
    must_acknowledge = fields.Boolean()
    author = fields.Nested(AuthorSchema)
    video = fields.Nested(PlaybackSchema, allow_none=True)
    me = fields.Nested(MineSchema)


class ManagedNewsSchema(NewsSchema):
    state = fields.String(metadata={"description": "published, scheduled, waiting_for_video "
                                                   "or blocked (the video failed)"})
    video_reason = fields.String(allow_none=True)
    video_reason_message = fields.String(allow_none=True)
    views = fields.Integer()
    completions = fields.Integer()
    acks = fields.Integer()


class EditionSchema(Schema):
    unit = fields.String()
    day = fields.String()
    items = fields.List(fields.Nested(NewsSchema))


FeedSchema = page_schema(
    NewsSchema, "FeedSchema", pinned=fields.List(fields.Nested(NewsSchema)),
    edition=fields.Nested(EditionSchema, allow_none=True,
                          metadata={"description": "First page only."}))


ManagedPageSchema = page_schema(ManagedNewsSchema, "ManagedPageSchema")


class ReachSchema(Schema):
    news_id = fields.String()
    audience = fields.Nested(AudienceSchema)
    must_acknowledge = fields.Boolean()
    audience_size = fields.Integer(metadata={"description": "Exact: kept by the directory "
                                                            "import."})
    audience_size_complete = fields.Boolean(metadata={"description": "Always true now."})
    audience_counted_at = fields.Integer(metadata={"description": "When the size was read "
                                                                  "(epoch seconds)."})
    viewed = fields.Integer()
    completed = fields.Integer()
    acknowledged = fields.Integer()
    not_acknowledged = fields.Integer(allow_none=True)


class GroupReachSchema(Schema):
    name = fields.String()
    size = fields.Integer()
    viewed = fields.Integer()
    completed = fields.Integer()
    acknowledged = fields.Integer()


class BreakdownSchema(Schema):
    units = fields.List(fields.Nested(GroupReachSchema))
    sites = fields.List(fields.Nested(GroupReachSchema))


class PersonSchema(Schema):
    id = fields.String()
    name = fields.String()
    business_unit = fields.String()
    department = fields.String()
    site = fields.String()
    photo_url = fields.String(allow_none=True)


PeoplePageSchema = page_schema(PersonSchema, "PeoplePageSchema")
