"""Story shapes at the edge: what an author sends, what watchers and moderators get."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from ..notes.schemas import Instant
from ..paging import page_schema
from ..videos.schemas import PRINTABLE, RenditionSchema, UploadSchema
from .service import CAPTION_MAX, REACTIONS

LANGUAGES = ("en", "zh-CN")
TAG_ID = validate.Regexp(r"^[a-z0-9_]{1,32}$", error="Use a-z, 0-9 and _ (at most 32).")
FILTER = [validate.Length(1, 100), PRINTABLE]


class StoryCreateSchema(Schema):
    caption = fields.String(load_default="", metadata={
        "description": f"0..{CAPTION_MAX} characters, stored as written (markup is text)."})
    caption_lang = fields.String(load_default="en", validate=validate.OneOf(LANGUAGES))
    tags = fields.List(fields.String(validate=TAG_ID), load_default=list,
                       validate=validate.Length(max=3),
                       metadata={"description": "Ids from GET /api/stories/settings."})
    filename = fields.String(required=True, validate=[validate.Length(1, 200), PRINTABLE])
    content_type = fields.String(required=True, validate=[validate.Length(1, 200), PRINTABLE])
    size = fields.Integer(required=True, strict=True, validate=validate.Range(min=1))


class StoryAuthorSchema(Schema):
    id = fields.String()
    name = fields.String()
    business_unit = fields.String()
    site = fields.String()


class StoryVideoSchema(Schema):
    id = fields.String()
    status = fields.String()
    duration_s = fields.Float(allow_none=True)
    poster = fields.String(allow_none=True, metadata={"description": "A JPEG's URL."})
    renditions = fields.List(fields.Nested(RenditionSchema))


class StoryReactionsSchema(Schema):
    reactions = fields.Dict(keys=fields.String(), values=fields.Integer(), metadata={
        "description": "keep_going, thank_you, heart: how many people."})
    mine = fields.Dict(keys=fields.String(), values=fields.Boolean())


class StorySchema(StoryReactionsSchema):
    id = fields.String()
    caption = fields.String()
    caption_lang = fields.String()
    tags = fields.List(fields.String())
    author = fields.Nested(StoryAuthorSchema)
    status = fields.String(metadata={"description": "uploading, processing, quarantine, "
                                                    "released, rejected, failed or hidden"})
    reason = fields.String(allow_none=True, metadata={
        "description": "rejected, or why the video failed: not_video, too_long, damaged, "
                       "internal, abandoned"})
    reason_message = fields.String(allow_none=True, metadata={
        "description": "In words: the moderator's own, or why the video failed."})
    video = fields.Nested(StoryVideoSchema, allow_none=True)
    created_at = Instant()
    released_at = Instant(allow_none=True)
    featured = fields.Boolean()
    views = fields.Integer(metadata={"description": "Only for its author and moderators."})
    reports = fields.Integer(metadata={"description": "Only in HR's moderation queues."})
    report_reasons = fields.List(fields.String(), metadata={
        "description": "Only in HR's moderation queues: the latest reports' reasons."})


class StoryCreatedSchema(Schema):
    story = fields.Nested(StorySchema)
    upload = fields.Nested(UploadSchema)


class StoryPageQuerySchema(Schema):
    cursor = fields.String(validate=validate.Length(max=2000))
    limit = fields.Integer(load_default=20, validate=validate.Range(1, 100))


class StoryFeedQuerySchema(StoryPageQuerySchema):
    unit = fields.String(validate=FILTER)
    site = fields.String(validate=FILTER)
    tag = fields.String(validate=TAG_ID)


class StoryReactionSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(REACTIONS))


class StoryRejectSchema(Schema):
    reason = fields.String(required=True, validate=validate.Length(1, 300))


class StoryReasonSchema(Schema):
    reason = fields.String(load_default="", validate=validate.Length(max=300))


class StoryTagSchema(Schema):
    id = fields.String(required=True, validate=TAG_ID)
    label = fields.Dict(keys=fields.String(validate=validate.OneOf(LANGUAGES)),
                        values=fields.String(validate=validate.Length(1, 60)), required=True)

    @validates_schema
    def both_languages(self, data, **kwargs):
        if set(data.get("label", {})) != set(LANGUAGES):
            raise ValidationError({"label": ["Give the label in en and zh-CN."]})


class StorySettingsSchema(Schema):
    max_seconds = fields.Integer(required=True, strict=True, validate=validate.Range(10, 180))
    tags = fields.List(fields.Nested(StoryTagSchema), required=True,
                       validate=validate.Length(max=20))

    @validates_schema
    def unique_tags(self, data, **kwargs):
        ids = [t["id"] for t in data.get("tags", [])]
        if len(ids) != len(set(ids)):
            raise ValidationError({"tags": ["Each tag once."]})


class StoryFeaturedSchema(Schema):
    items = fields.List(fields.Nested(StorySchema))


StoryPageSchema = page_schema(StorySchema, "StoryPageSchema")


class StoryModerationQuerySchema(StoryPageQuerySchema):
    state = fields.String(load_default="reported",
                          validate=validate.OneOf(("reported", "hidden")))
