"""Finding a colleague to write to: by the start of any word of their name, either script."""

from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from ..wiring import store
from . import search

blp = Blueprint("people", __name__, url_prefix="/api/people",
                description="Find a colleague by name (no email, no roles).")


class SearchQuerySchema(Schema):
    q = fields.String(required=True, validate=validate.Length(1, 40))


class FoundPersonSchema(Schema):
    id = fields.String()
    name = fields.String()
    business_unit = fields.String()
    department = fields.String()
    site = fields.String()


class FoundPeopleSchema(Schema):
    items = fields.List(fields.Nested(FoundPersonSchema))


@blp.route("/search", methods=["GET"])
@blp.arguments(SearchQuerySchema, location="query")
@blp.response(200, FoundPeopleSchema)
def find(args):
    """At most 10 people, by the prefix of any word of the name ("zhou", "周")."""
    return {"items": search.search(store(), args["q"])}
