"""The health console's shapes: counts that may hide small groups, holds, rule previews."""

from marshmallow import Schema, fields

from .schemas import day_field

COUNT = {"allow_none": True, "metadata": {"description": "null: fewer than 5"}}


class GroupCountsSchema(Schema):
    name = fields.String()
    people = fields.Integer(**COUNT)
    hidden = fields.Boolean(metadata={"description": "fewer than 5 people: no colour shown"})
    green = fields.Integer(**COUNT)
    yellow = fields.Integer(**COUNT)
    red = fields.Integer(**COUNT)
    none = fields.Integer(**COUNT)


class TodaySchema(Schema):
    date = fields.String()
    sites = fields.List(fields.Nested(GroupCountsSchema))
    units = fields.List(fields.Nested(GroupCountsSchema))
    totals = fields.Nested(GroupCountsSchema)


class TodayQuerySchema(Schema):
    date = day_field()


class HoldSchema(Schema):
    employee_id = fields.String()
    name = fields.String()
    unit = fields.String(allow_none=True)
    site = fields.String(allow_none=True)
    status = fields.String(metadata={"enum": ("yellow", "red")})
    source = fields.String(metadata={"enum": ("declaration", "override")})
    since = fields.Integer()
    until = fields.Integer()
    reasons = fields.List(fields.String())
    override_reason = fields.String(allow_none=True)


class HoldListSchema(Schema):
    items = fields.List(fields.Nested(HoldSchema))


class ColourCountsSchema(Schema):
    green = fields.Integer(**COUNT)
    yellow = fields.Integer(**COUNT)
    red = fields.Integer(**COUNT)


class RulesPreviewSchema(Schema):
    date = fields.String()
    declarations = fields.Integer()
    current = fields.Nested(ColourCountsSchema)
    edited = fields.Nested(ColourCountsSchema)
    on_hold = fields.Integer(**COUNT)
    changed = fields.Integer(**COUNT)
