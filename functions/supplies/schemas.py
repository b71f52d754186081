"""Supplies shapes at the edge (docs/supplies.md; /work's contract with the phone)."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from ..paging import page_schema
from ..schema_fields import Instant
from ..videos.schemas import PRINTABLE
from .requests import MAX_LINES
from .transitions import STATES

LANGUAGES = ("en", "zh-CN")
ITEM_ID = validate.Regexp(r"^[a-z0-9_-]{1,40}$", error="Use a-z, 0-9, _ and - (at most 40).")
SITE = [validate.Length(1, 100), PRINTABLE]
PICTURE = validate.Regexp(r"^(/icons/supplies/[a-z0-9_-]{1,40}\.svg|https://\S{1,500})$",
                          error="A bundled picture (/icons/supplies/<name>.svg) or an https URL.")


class TextsSchema(Schema):
    en = fields.String(required=True, validate=[validate.Length(1, 80), PRINTABLE])
    zh_cn = fields.String(required=True, data_key="zh-CN",
                          validate=[validate.Length(1, 80), PRINTABLE])


class _Texts(fields.Nested):
    """{"en", "zh-CN"} in and out (stored under the same keys)."""

    def __init__(self, **kwargs):
        super().__init__(TextsSchema, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        loaded = super()._deserialize(value, attr, data, **kwargs)
        return {"en": loaded["en"], "zh-CN": loaded["zh_cn"]}

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else {"en": value["en"], "zh-CN": value["zh-CN"]}


class ItemChangeSchema(Schema):
    name = _Texts(required=True)
    unit = _Texts(required=True)
    picture = fields.String(load_default=None, allow_none=True, validate=PICTURE)
    limit_per_week = fields.Integer(required=True, strict=True, validate=validate.Range(1, 100))
    active = fields.Boolean(load_default=True)


class ItemCreateSchema(ItemChangeSchema):
    id = fields.String(required=True, validate=ITEM_ID)


class ItemSchema(Schema):
    id = fields.String()
    name = _Texts()
    unit = _Texts()
    picture = fields.String(allow_none=True)
    limit_per_week = fields.Integer()
    active = fields.Boolean()


class MyItemSchema(ItemSchema):
    available = fields.Integer(metadata={"description": "Free units at my site."})
    allowance = fields.Integer(metadata={"description": "What I may still ask for this ISO "
                                                        "week (UTC)."})


class MyItemsSchema(Schema):
    items = fields.List(fields.Nested(MyItemSchema))


class SiteQuerySchema(Schema):
    site = fields.String(required=True, validate=SITE)


class StockRowSchema(Schema):
    item = fields.Nested(ItemSchema)
    qty = fields.Integer(metadata={"description": "Free to request."})
    reserved = fields.Integer(metadata={"description": "Promised, not yet dispatched."})
    low_at = fields.Integer()
    low = fields.Boolean()


class StockSchema(Schema):
    site = fields.String()
    items = fields.List(fields.Nested(StockRowSchema))


class ThresholdSchema(Schema):
    low_at = fields.Integer(required=True, strict=True, validate=validate.Range(0, 100000))


class MovementCreateSchema(Schema):
    site = fields.String(required=True, validate=SITE)
    item = fields.String(required=True, validate=ITEM_ID)
    kind = fields.String(required=True, validate=validate.OneOf(("received", "adjusted")))
    qty = fields.Integer(required=True, strict=True, validate=validate.Range(-100000, 100000))
    reason = fields.String(required=True, validate=[validate.Length(1, 200), PRINTABLE])

    @validates_schema
    def signed(self, data, **kwargs):
        if data.get("kind") == "received" and data.get("qty", 1) <= 0:
            raise ValidationError({"qty": ["Received stock is more than 0."]})
        if data.get("qty") == 0:
            raise ValidationError({"qty": ["An adjustment changes the stock: not 0."]})


class PersonRefSchema(Schema):
    id = fields.String()
    name = fields.String()


class MovementSchema(Schema):
    id = fields.String()
    site = fields.String()
    item = fields.String()
    kind = fields.String(metadata={"description": "received, adjusted, reserved, returned, "
                                                  "dispatched"})
    qty = fields.Integer(metadata={"description": "The change to the free units (dispatched: "
                                                  "to the reserved ones, leaving the site)."})
    reason = fields.String()
    by = fields.Nested(PersonRefSchema)
    at = Instant()
    request = fields.String(allow_none=True)


class PageQuerySchema(Schema):
    cursor = fields.String(validate=validate.Length(max=2000))
    limit = fields.Integer(load_default=20, validate=validate.Range(1, 100))


class MovementsQuerySchema(PageQuerySchema, SiteQuerySchema):
    pass


class ExportQuerySchema(SiteQuerySchema):
    from_ = fields.Date(required=True, data_key="from")
    to = fields.Date(required=True)

    @validates_schema
    def ordered(self, data, **kwargs):
        if "from_" in data and "to" in data and data["from_"] > data["to"]:
            raise ValidationError({"to": ["On or after from."]})
        if "from_" in data and "to" in data and (data["to"] - data["from_"]).days > 366:
            raise ValidationError({"to": ["At most a year at a time."]})


class LineSchema(Schema):
    item = fields.String(required=True, validate=ITEM_ID)
    qty = fields.Integer(required=True, strict=True, validate=validate.Range(1, 100))


class AddressSchema(Schema):
    name = fields.String(required=True, validate=[validate.Length(1, 100), PRINTABLE])
    line1 = fields.String(required=True, validate=[validate.Length(1, 200), PRINTABLE])
    line2 = fields.String(load_default="", validate=[validate.Length(0, 200)])
    city = fields.String(required=True, validate=[validate.Length(1, 100), PRINTABLE])
    postcode = fields.String(load_default="", validate=[validate.Length(0, 20)])
    phone = fields.String(required=True, validate=[validate.Length(3, 30), PRINTABLE])


class DeliverySchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(("desk", "pickup", "home")))
    desk = fields.String(validate=[validate.Length(1, 40), PRINTABLE])
    address = fields.Nested(AddressSchema)

    @validates_schema
    def by_kind(self, data, **kwargs):
        kind = data.get("kind")
        if kind == "desk" and not data.get("desk"):
            raise ValidationError({"desk": ["Say which desk."]})
        if kind == "home" and not data.get("address"):
            raise ValidationError({"address": ["A home delivery needs the address."]})
        if kind != "desk" and "desk" in data:
            raise ValidationError({"desk": ["Only for a delivery to a desk."]})
        if kind != "home" and "address" in data:
            raise ValidationError({"address": ["Only for a delivery home."]})


class RequestCreateSchema(Schema):
    lines = fields.List(fields.Nested(LineSchema), required=True,
                        validate=validate.Length(1, MAX_LINES))
    delivery = fields.Nested(DeliverySchema, required=True)
    note = fields.String(load_default="", validate=validate.Length(0, 200))


class ShownAddressSchema(AddressSchema):
    pass


class ShownDeliverySchema(Schema):
    kind = fields.String()
    desk = fields.String()
    city = fields.String(metadata={"description": "A home delivery's city (everyone who sees "
                                                  "the request)."})
    address = fields.Nested(ShownAddressSchema, metadata={
        "description": "Only for supplies.manage, and only until the request ends."})


class RequestLineSchema(Schema):
    item = fields.Nested(ItemSchema)
    qty = fields.Integer()


class RequesterSchema(Schema):
    id = fields.String()
    name = fields.String()
    business_unit = fields.String()
    department = fields.String()
    site = fields.String()


class HistorySchema(Schema):
    state = fields.String()
    at = Instant()
    by = fields.String()


class RequestSchema(Schema):
    id = fields.String()
    state = fields.String(metadata={"description": ", ".join(STATES)})
    site = fields.String()
    lines = fields.List(fields.Nested(RequestLineSchema))
    delivery = fields.Nested(ShownDeliverySchema)
    note = fields.String()
    tracking = fields.String(allow_none=True)
    reason = fields.String(allow_none=True)
    requester = fields.Nested(RequesterSchema)
    history = fields.List(fields.Nested(HistorySchema))
    created_at = Instant()


RequestPageSchema = page_schema(RequestSchema, "SupplyRequestPageSchema")
MovementPageSchema = page_schema(MovementSchema, "SupplyMovementPageSchema")


class QueueQuerySchema(PageQuerySchema, SiteQuerySchema):
    state = fields.String(load_default="requested", validate=validate.OneOf(STATES))


class TransitionSchema(Schema):
    to = fields.String(required=True, validate=validate.OneOf(
        ("approved", "packed", "dispatched", "delivered", "rejected")))
    tracking = fields.String(load_default="", validate=[validate.Length(0, 200)])
    reason = fields.String(load_default="", validate=validate.Length(0, 300))

    @validates_schema
    def by_target(self, data, **kwargs):
        if data.get("to") == "rejected" and not data.get("reason", "").strip():
            raise ValidationError({"reason": ["Say why (the employee reads it)."]})
        if data.get("to") != "rejected" and data.get("reason"):
            raise ValidationError({"reason": ["Only when rejecting."]})
        if data.get("to") != "dispatched" and data.get("tracking"):
            raise ValidationError({"tracking": ["Only when dispatching."]})


class ApproveManySchema(Schema):
    ids = fields.List(fields.String(validate=validate.Length(1, 40)), required=True,
                      validate=validate.Length(1, 100))


class RefusedSchema(Schema):
    id = fields.String()
    message = fields.String()


class ApprovedSchema(Schema):
    approved = fields.List(fields.String())
    refused = fields.List(fields.Nested(RefusedSchema))


class PicklistRequestSchema(Schema):
    id = fields.String()
    requester = fields.Nested(RequesterSchema)
    delivery = fields.Nested(ShownDeliverySchema)
    lines = fields.List(fields.Nested(RequestLineSchema))


class PicklistSchema(Schema):
    site = fields.String()
    generated_at = Instant()
    lines = fields.List(fields.Nested(RequestLineSchema))
    requests = fields.List(fields.Nested(PicklistRequestSchema))
