"""Health pass shapes at the edge: what people send, and what the API answers."""

from marshmallow import Schema, ValidationError, fields, validate, validates

from ..directory.schemas import ID
from ..paging import page_schema
from .audit import ACTIONS
from .rules import CONDITIONS, MAX_DAYS, SYMPTOMS

COLOURS = ("green", "yellow", "red")


class StrictBoolean(fields.Boolean):
    """true or false only: "no", 0 or 1 are not answers to a health question."""

    def _deserialize(self, value, attr, data, **kwargs):
        if type(value) is not bool:
            raise self.make_error("invalid", input=value)
        return value


def day_field() -> fields.Date:
    return fields.Date(format="%Y-%m-%d", metadata={"description": "company date, default today"})


DAYS = validate.Range(1, MAX_DAYS)


class DeclarationSchema(Schema):
    temperature_c = fields.Float(required=True, validate=validate.Range(
        30, 45, error="Give a body temperature between 30 and 45 °C."))
    symptoms = fields.List(fields.String(validate=validate.OneOf(SYMPTOMS)), required=True,
                           validate=validate.Length(max=len(SYMPTOMS)))
    close_contact = StrictBoolean(required=True)
    visited_high_risk_area = StrictBoolean(required=True)

    @validates("symptoms")
    def no_repeats(self, value, **kwargs):
        if len(set(value)) != len(value):
            raise ValidationError("Name each symptom once.")


class DeclaredSchema(Schema):
    date = fields.String()
    status = fields.String(metadata={"enum": COLOURS})
    valid_until = fields.Integer(metadata={"description": "epoch seconds: the colour lasts "
                                                          "until then"})
    source = fields.String(metadata={"enum": ("declaration", "override")})
    outcome = fields.String(metadata={"description": "this declaration's own colour"})
    reasons = fields.List(fields.String())
    rules_version = fields.Integer()


class HealthStatusSchema(Schema):
    date = fields.String()
    declared_today = fields.Boolean()
    status = fields.String(allow_none=True)
    valid_until = fields.Integer(allow_none=True)
    source = fields.String(allow_none=True)
    message = fields.String()


class DeclarationRecordSchema(Schema):
    date = fields.String()
    temperature_c = fields.Float()
    symptoms = fields.List(fields.String())
    close_contact = fields.Boolean()
    visited_high_risk_area = fields.Boolean()
    outcome = fields.String()
    reasons = fields.List(fields.String())
    until = fields.Integer()
    rules_version = fields.Integer()
    declared_at = fields.Integer()
    id = fields.String(metadata={"description": "the declaration's key (DECL#day#time#rev)"})
    corrects = fields.String(allow_none=True, metadata={
        "description": "id of the declaration this one corrects (made within 10 minutes of "
                       "it); both holds still count"})


class DeclarationListSchema(Schema):
    employee_id = fields.String()
    items = fields.List(fields.Nested(DeclarationRecordSchema))


class SymptomSchema(Schema):
    code = fields.String()
    labels = fields.Dict(keys=fields.String(), values=fields.String())


class SymptomListSchema(Schema):
    symptoms = fields.List(fields.Nested(SymptomSchema))


class RuleSchema(Schema):
    when = fields.String(required=True, validate=validate.OneOf(CONDITIONS))
    status = fields.String(required=True, validate=validate.OneOf(("yellow", "red")))
    days = fields.Integer(required=True, strict=True, validate=DAYS)


class RulesInSchema(Schema):
    fever_threshold_c = fields.Float(required=True, validate=validate.Range(35, 42))
    rules = fields.List(fields.Nested(RuleSchema), required=True,
                        validate=validate.Length(max=30))


class RulesSchema(Schema):
    version = fields.Integer()
    fever_threshold_c = fields.Float()
    rules = fields.List(fields.Nested(RuleSchema))
    updated_by = fields.String(allow_none=True)
    updated_at = fields.Integer(allow_none=True)


class RulesQuerySchema(Schema):
    version = fields.Integer(validate=validate.Range(0, 10**6))


class OverrideSchema(Schema):
    employee_id = fields.String(required=True, validate=ID)
    status = fields.String(required=True, validate=validate.OneOf(COLOURS))
    reason = fields.String(required=True, validate=validate.Length(min=3, max=500))
    days = fields.Integer(load_default=1, strict=True, validate=DAYS)


class OverriddenSchema(Schema):
    employee_id = fields.String()
    status = fields.String()
    reason = fields.String()
    by = fields.String()
    at = fields.Integer()
    until = fields.Integer()


class DayQuerySchema(Schema):
    date = day_field()


class AuditQuerySchema(DayQuerySchema):
    person = fields.String(validate=ID, metadata={"description": "entries about this person, "
                                                                "all days kept"})
    kind = fields.String(validate=validate.OneOf(ACTIONS),
                         metadata={"description": "entries of this kind, all days kept"})
    cursor = fields.String(validate=validate.Length(max=2000))
    limit = fields.Integer(load_default=50, validate=validate.Range(1, 200))


class AuditEntrySchema(Schema):
    at = fields.Integer()
    actor_id = fields.String()
    actor_name = fields.String()
    action = fields.String()
    subject_id = fields.String(allow_none=True)
    detail = fields.Dict()


AuditPageSchema = page_schema(AuditEntrySchema, "AuditPageSchema",
                              date=fields.String(allow_none=True))


class CountsSchema(Schema):
    site = fields.String()
    unit = fields.String()
    green = fields.Integer()
    yellow = fields.Integer()
    red = fields.Integer()
    total = fields.Integer()


class HealthSummarySchema(Schema):
    date = fields.String()
    rows = fields.List(fields.Nested(CountsSchema))
    totals = fields.Dict(keys=fields.String(), values=fields.Integer())
