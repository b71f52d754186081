"""Notes shapes at the edge: what a writer sends, what readers, moderators and screens get."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from ..audiences.keys import KINDS, NEEDS
from ..audiences.schemas import AudienceSchema
from ..directory.schemas import NAME
from ..paging import page_schema
from ..schema_fields import Instant

LANGUAGES = ("en", "zh-CN")
NOTE_KINDS = (*KINDS, "person")
NOTE_NEEDS = {**NEEDS, "person": frozenset({"person"})}


class NoteAudienceSchema(AudienceSchema):
    """The audiences a note may have: a person, or one of the news kinds."""

    kind = fields.String(required=True, validate=validate.OneOf(NOTE_KINDS))
    person = fields.String(validate=validate.Length(1, 40), metadata={
        "description": "An employee id (person audiences)."})

    @validates_schema
    def fields_for_kind(self, data, **kwargs):
        given = set(data) - {"kind"}
        needs = NOTE_NEEDS.get(data.get("kind"), frozenset())
        errors = {f: ["Missing data for required field."] for f in needs - given}
        errors |= {f: [f"Not used for a {data.get('kind')} audience."] for f in given - needs}
        if errors:
            raise ValidationError(errors)


class ShownAudienceSchema(Schema):
    kind = fields.String()
    unit = fields.String()
    department = fields.String()
    site = fields.String()
    person = fields.String()
    label = fields.String(metadata={"description": "A name to show (a person's name)."})


class WritersSchema(AudienceSchema):
    """Who may write to a campaign: any audience kind but a person (default: company)."""


def _texts(max_length: int, required: bool = False):
    return fields.Dict(keys=fields.String(validate=validate.OneOf(LANGUAGES)),
                       values=fields.String(validate=validate.Length(1, max_length)),
                       required=required, validate=validate.Length(min=1) if required else None,
                       metadata={"description": "By language: en and/or zh-CN."})


class WriteSchema(Schema):
    text = fields.String(required=True, validate=validate.Length(max=5000), metadata={
        "description": "1..500 characters once trimmed; plain text, stored as written."})
    audience = fields.Nested(NoteAudienceSchema, load_default=None, allow_none=True)
    anonymous = fields.Boolean(load_default=False)
    campaign_id = fields.String(load_default=None, allow_none=True,
                                validate=validate.Length(1, 40))


class NotesQuerySchema(Schema):
    cursor = fields.String(validate=validate.Length(max=2000))
    limit = fields.Integer(load_default=20, validate=validate.Range(1, 50))


class WallQuerySchema(NotesQuerySchema):
    sort = fields.String(load_default="new", validate=validate.OneOf(("new", "top")))


class ScreenQuerySchema(Schema):
    after = fields.String(validate=validate.Length(max=2000), metadata={
        "description": "The cursor of the previous page."})
    limit = fields.Integer(load_default=20, validate=validate.Range(1, 50))


class NoteAuthorSchema(Schema):
    id = fields.String()
    name = fields.String()


class CampaignRefSchema(Schema):
    id = fields.String()
    title = fields.Dict(keys=fields.String(), values=fields.String())


class ScreenNoteSchema(Schema):
    """A note as the big screen shows it (no "mine", no "cheered")."""

    id = fields.String()
    text = fields.String()
    author = fields.Nested(NoteAuthorSchema, allow_none=True, metadata={
        "description": "null when anonymous: readers never get the author's id."})
    anonymous = fields.Boolean()
    audience = fields.Nested(ShownAudienceSchema)
    campaign = fields.Nested(CampaignRefSchema, allow_none=True)
    created_at = Instant()
    cheers = fields.Integer()
    status = fields.String(metadata={"description": "published, held or hidden"})


class NoteSchema(ScreenNoteSchema):
    cheered = fields.Boolean(metadata={"description": "By me."})
    mine = fields.Boolean(metadata={"description": "I wrote it (I may delete it)."})
    reason = fields.String(allow_none=True, metadata={
        "description": "My own held or hidden note: what HR told me."})


class ModeratedNoteSchema(NoteSchema):
    reports = fields.Integer()
    held_for = fields.List(fields.String())


NotePageSchema = page_schema(NoteSchema, "NotePageSchema")
ModeratedPageSchema = page_schema(ModeratedNoteSchema, "ModeratedPageSchema")


class CheersSchema(Schema):
    cheers = fields.Integer()
    cheered = fields.Boolean()


class ReportSchema(Schema):
    reason = fields.String(load_default="", validate=validate.Length(max=300))
    about = fields.String(load_default="note", validate=validate.OneOf(("note", "author")))


class CampaignSchema(Schema):
    id = fields.String(dump_only=True)
    title = _texts(120, required=True)
    intro = _texts(2000)
    audience = fields.Nested(AudienceSchema, required=True)
    writers = fields.Nested(WritersSchema)
    opens_at = Instant(allow_none=True)
    closes_at = Instant(allow_none=True)
    state = fields.String(dump_only=True, metadata={"description": "upcoming, open or closed"})
    notes = fields.Integer(dump_only=True, metadata={"description": "Published notes."})
    paused = fields.Boolean(dump_only=True, metadata={"description": "Its big screens wait."})
    may_write = fields.Boolean(dump_only=True, metadata={"description": "For me, now."})


class ShownCampaignSchema(CampaignSchema):
    audience = fields.Nested(ShownAudienceSchema)
    writers = fields.Nested(ShownAudienceSchema)


CampaignPageSchema = page_schema(ShownCampaignSchema, "CampaignPageSchema")


class CampaignChangeSchema(Schema):
    closes_at = Instant(allow_none=True)
    state = fields.String(validate=validate.OneOf(("open", "closed")))


class ScreenCampaignSchema(Schema):
    id = fields.String()
    title = fields.Dict(keys=fields.String(), values=fields.String())
    intro = fields.Dict(keys=fields.String(), values=fields.String())


ScreenSchema = page_schema(ScreenNoteSchema, "ScreenSchema",
                           campaign=fields.Nested(ScreenCampaignSchema),
                           paused=fields.Boolean())


class DisplaySchema(Schema):
    id = fields.String(dump_only=True)
    name = fields.String(required=True, validate=NAME)
    url = fields.String(dump_only=True, metadata={"description": "Only when created."})
    created_at = Instant(dump_only=True)
    revoked = fields.Boolean(dump_only=True)


DisplayPageSchema = page_schema(DisplaySchema, "DisplayPageSchema")


class ModerationQuerySchema(NotesQuerySchema):
    state = fields.String(load_default="held",
                          validate=validate.OneOf(("held", "reported", "hidden")))


class ModerateSchema(Schema):
    action = fields.String(required=True,
                           validate=validate.OneOf(("approve", "hide", "restore")))
    reason = fields.String(load_default="", validate=validate.Length(max=300))
