"""The one shape of a page in the API: {items, cursor}, cursor null on the last page."""

from marshmallow import Schema, fields


def page_schema(item: type[Schema], name: str, **before) -> type[Schema]:
    """A response schema `name` of `item`s and the next page's cursor (fields in `before`
    come first: what the whole page is about, such as its date)."""
    return Schema.from_dict({
        **before,
        "items": fields.List(fields.Nested(item)),
        "cursor": fields.String(allow_none=True, metadata={
            "description": "Give it back as ?cursor= for the next page; null: no more."}),
    }, name=name)
