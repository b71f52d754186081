"""The blocked-words list at the edge."""

from marshmallow import Schema, fields, validate

LANGUAGES = ("en", "zh-CN")


class WordSchema(Schema):
    word = fields.String(required=True, validate=validate.Length(1, 40))
    lang = fields.String(required=True, validate=validate.OneOf(LANGUAGES))


class WordsSchema(Schema):
    words = fields.List(fields.Nested(WordSchema), required=True,
                        validate=validate.Length(1, 500))


class WordListSchema(Schema):
    """The list as saved (empty until HR writes one)."""

    words = fields.List(fields.Nested(WordSchema))
