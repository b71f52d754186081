"""The audience shape every capability accepts and shows (marshmallow, at the edge)."""

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from ..directory.schemas import NAME, ROLES
from .keys import KINDS, NEEDS, PEOPLE_MAX, TARGET_KINDS


class AudienceSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    unit = fields.String(validate=NAME)
    department = fields.String(validate=NAME)
    site = fields.String(validate=NAME)

    @validates_schema
    def fields_for_kind(self, data, **kwargs):
        given = set(data) - {"kind"}
        needs = NEEDS.get(data.get("kind"), frozenset())
        errors = {f: ["Missing data for required field."] for f in needs - given}
        errors |= {f: [f"Not used for a {data.get('kind')} audience."] for f in given - needs}
        if errors:
            raise ValidationError(errors)


class TargetSchema(AudienceSchema):
    """The audiences a notification may have: the news kinds, a role, or listed people."""

    kind = fields.String(required=True, validate=validate.OneOf(TARGET_KINDS))
    role = fields.String(validate=validate.OneOf(ROLES))
    people = fields.List(fields.String(validate=validate.Length(1, 40)),
                         validate=validate.Length(1, PEOPLE_MAX),
                         metadata={"description": "Employee ids, at most 500."})


class SizedSchema(Schema):
    name = fields.String()
    size = fields.Integer(metadata={"description": "Exact: kept by the directory import."})


class UnitOptionSchema(SizedSchema):
    departments = fields.List(fields.Nested(SizedSchema))


class NamesSchema(Schema):
    units = fields.List(fields.String(), metadata={"description": "Every business unit, by name."})
    sites = fields.List(fields.String(), metadata={"description": "Every site, by name."})


class OptionsSchema(Schema):
    company = fields.Integer(allow_none=True, metadata={"description": "News managers only."})
    units = fields.List(fields.Nested(UnitOptionSchema))
    sites = fields.List(fields.Nested(SizedSchema), metadata={"description": "News managers only."})
