"""Tips shapes at the edge: what HR and editors publish, what everyone reads."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from ..paging import page_schema
from ..schema_fields import Instant
from .service import FILE_MAX, FILE_TYPES

LANGUAGES = ("en", "zh-CN")
KINDS = ("poster", "guide")
TAG = validate.Regexp(r"^[a-z0-9][a-z0-9-]{0,29}$", error="Use a short tag: a-z, 0-9 and -.")


def _texts(max_length: int, minimum: int = 0):
    return fields.Dict(keys=fields.String(validate=validate.OneOf(LANGUAGES)),
                       values=fields.String(validate=validate.Length(minimum, max_length)),
                       metadata={"description": "By language: en and/or zh-CN."})


class TipWriteSchema(Schema):
    title = _texts(120, 1)
    body = _texts(4000)
    tags = fields.List(fields.String(validate=TAG), load_default=list,
                       validate=validate.Length(0, 8))
    kind = fields.String(load_default="guide", validate=validate.OneOf(KINDS))
    file_id = fields.String(allow_none=True, load_default=None,
                            validate=validate.Length(1, 40), metadata={
                                "description": "From POST /api/tips/files, once uploaded."})

    @validates_schema
    def has_a_title(self, data, **kwargs):
        if not any((data.get("title") or {}).values()):
            raise ValidationError("Give a title in English or Chinese.", "title")


class TipFileStartSchema(Schema):
    filename = fields.String(required=True, validate=validate.Length(1, 200))
    content_type = fields.String(required=True, validate=validate.OneOf(
        tuple(FILE_TYPES), error="Choose a PNG, JPEG or WebP image, or a PDF."))
    size = fields.Integer(strict=True, required=True, validate=validate.Range(
        1, FILE_MAX, error="The file is too large: at most 10 MB."))
    width = fields.Integer(strict=True, allow_none=True, validate=validate.Range(1, 20000))
    height = fields.Integer(strict=True, allow_none=True, validate=validate.Range(1, 20000))


class TipUploadSchema(Schema):
    url = fields.String()
    fields_ = fields.Dict(data_key="fields", attribute="fields")


class TipFileStartedSchema(Schema):
    file_id = fields.String()
    upload = fields.Nested(TipUploadSchema)


class TipFileSchema(Schema):
    url = fields.String()
    content_type = fields.String()
    size = fields.Integer()
    width = fields.Integer(allow_none=True)
    height = fields.Integer(allow_none=True)


class TipAuthorSchema(Schema):
    id = fields.String()
    name = fields.String()


class TipSchema(Schema):
    id = fields.String()
    title = fields.Dict(keys=fields.String(), values=fields.String())
    body = fields.Dict(keys=fields.String(), values=fields.String())
    tags = fields.List(fields.String())
    kind = fields.String()
    file = fields.Nested(TipFileSchema, allow_none=True)
    published_at = Instant()
    author = fields.Nested(TipAuthorSchema)


TipPageSchema = page_schema(TipSchema, "TipPage")


class TipsQuerySchema(Schema):
    q = fields.String(validate=validate.Length(max=100))
    tag = fields.String(validate=TAG)
    cursor = fields.String(validate=validate.Length(max=2000))
    limit = fields.Integer(load_default=20, validate=validate.Range(1, 50))
