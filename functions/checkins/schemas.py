"""Check-in shapes at the edge (docs: /work contract, docs/checkins.md)."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from ..audiences.keys import KINDS
from ..audiences.schemas import TargetSchema
from ..paging import page_schema
from ..schema_fields import Instant
from .keys import ANSWERS
from .people import CASE_STATES

LANGUAGES = ("en", "zh-CN")
CHANNELS = ("app", "notification", "inbox")
NOTE = validate.Length(max=200)


class CheckinAudienceSchema(TargetSchema):
    """Who the check-in asks: the company, a unit, a department, a site, or listed people."""

    kind = fields.String(required=True, validate=validate.OneOf((*KINDS, "people")))


class CheckinStartSchema(Schema):
    question = fields.Dict(keys=fields.String(validate=validate.OneOf(LANGUAGES)),
                           values=fields.String(validate=validate.Length(1, 120)),
                           required=True, validate=validate.Length(min=1),
                           metadata={"description": "By language: en and/or zh-CN."})
    audience = fields.Nested(CheckinAudienceSchema, required=True)
    drill = fields.Boolean(required=True)
    note = fields.String(load_default="", validate=NOTE)
    remind_after_s = fields.Integer(load_default=900, validate=validate.Range(300, 86400))
    email_after_s = fields.Integer(load_default=3600, validate=validate.Range(600, 172800))

    @validates_schema
    def email_after_reminder(self, data, **kwargs):
        if data.get("email_after_s", 3600) <= data.get("remind_after_s", 900):
            raise ValidationError("Send the email after the reminder.", "email_after_s")


class CheckinAnswerSchema(Schema):
    answer = fields.String(required=True, validate=validate.OneOf(ANSWERS))
    note = fields.String(load_default="", validate=NOTE, metadata={
        "description": "Only with need_help."})
    channel = fields.String(load_default="app", validate=validate.OneOf(CHANNELS))


class CheckinLinkAnswerSchema(Schema):
    answer = fields.String(required=True, validate=validate.OneOf(ANSWERS))
    note = fields.String(load_default="", validate=NOTE)


class MyCheckinAnswerSchema(Schema):
    id = fields.String()
    answer = fields.String()
    note = fields.String()
    at = Instant()
    channel = fields.String(metadata={"description": "app, inbox, notification or email."})


class CheckinCommonSchema(Schema):
    id = fields.String()
    question = fields.Dict(keys=fields.String(), values=fields.String())
    drill = fields.Boolean()
    note = fields.String()
    state = fields.String()
    started_at = Instant()
    started_by = fields.String(metadata={"description": "The operator's name."})


class MyCheckinSchema(CheckinCommonSchema):
    my_answer = fields.Nested(MyCheckinAnswerSchema, allow_none=True)


class OpenCheckinsSchema(Schema):
    items = fields.List(fields.Nested(MyCheckinSchema))


class CheckinCountsSchema(Schema):
    safe = fields.Integer()
    need_help = fields.Integer()
    not_affected = fields.Integer()
    no_answer = fields.Integer()
    audience_size = fields.Integer()


def _row(name: str) -> type[Schema]:
    counted = {a: fields.Integer(allow_none=True, metadata={
        "description": "null: a group of fewer than 5 people."}) for a in (*ANSWERS, "no_answer")}
    return Schema.from_dict({name: fields.String(), "size": fields.Integer(), **counted},
                            name=f"Checkin{name.title()}RowSchema")


class CheckinSchema(CheckinCommonSchema):
    audience = fields.Dict()
    audience_name = fields.String()
    closed_at = Instant(allow_none=True)
    reminded_at = Instant(allow_none=True)
    counts = fields.Nested(CheckinCountsSchema)
    by_site = fields.List(fields.Nested(_row("site")))
    by_unit = fields.List(fields.Nested(_row("unit")))


class CheckinListQuerySchema(Schema):
    state = fields.String(load_default="open", validate=validate.OneOf(("open", "closed")))
    cursor = fields.String(validate=validate.Length(max=2000))
    limit = fields.Integer(load_default=20, validate=validate.Range(1, 50))


CheckinPageSchema = page_schema(CheckinSchema, "CheckinPageSchema")


class CheckinPeopleQuerySchema(Schema):
    answer = fields.String(required=True, validate=validate.OneOf((*ANSWERS, "no_answer")))
    cursor = fields.String(validate=validate.Length(max=2000))
    limit = fields.Integer(load_default=50, validate=validate.Range(1, 200))


class CheckinCaseNoteSchema(Schema):
    by = fields.String()
    at = Instant()
    text = fields.String()


class CheckinCaseSchema(Schema):
    status = fields.String()
    notes = fields.List(fields.Nested(CheckinCaseNoteSchema))


class CheckinCaseChangeSchema(Schema):
    status = fields.String(required=True, validate=validate.OneOf(CASE_STATES))
    note = fields.String(load_default="", validate=validate.Length(max=500))


class CheckinPersonSchema(Schema):
    id = fields.String()
    name = fields.String()
    business_unit = fields.String()
    site = fields.String()
    email = fields.String()
    phone = fields.String()


class CheckinPersonAnswerSchema(Schema):
    person = fields.Nested(CheckinPersonSchema)
    answer = fields.String(allow_none=True)
    note = fields.String()
    at = Instant(allow_none=True)
    case = fields.Nested(CheckinCaseSchema, allow_none=True)


PeoplePageSchema = page_schema(CheckinPersonAnswerSchema, "CheckinPeoplePageSchema")


class CheckinRemindedSchema(Schema):
    reminded = fields.Integer()


class CheckinLinkSchema(Schema):
    question = fields.Dict(keys=fields.String(), values=fields.String())
    drill = fields.Boolean()
    note = fields.String()
    name = fields.String(metadata={"description": "The person's first name."})


class CheckinLinkAnsweredSchema(Schema):
    answer = fields.String()
    at = Instant()
