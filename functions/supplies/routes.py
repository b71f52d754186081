"""Supplies for everyone: the catalogue with what I may ask for, my requests, cancel mine."""

from flask_smorest import Blueprint

from ..api import may_refuse
from ..auth.sessions import current_user
from ..wiring import adapters, now
from . import catalogue, requests, transitions, views
from .schemas import (
    ItemChangeSchema,
    ItemCreateSchema,
    ItemSchema,
    MyItemsSchema,
    PageQuerySchema,
    RequestCreateSchema,
    RequestPageSchema,
    RequestSchema,
)

blp = Blueprint("supplies", __name__, url_prefix="/api/supplies",
                description="Medical supplies: the catalogue, stock per site, requests.")


@blp.route("/items", methods=["GET"])
@blp.response(200, MyItemsSchema)
def items():
    """The catalogue, with the free units at my site and my allowance this ISO week (UTC)."""
    return {"items": catalogue.for_person(adapters().store, current_user(), now())}


@blp.route("/items", methods=["POST"])
@may_refuse(403)
@blp.arguments(ItemCreateSchema)
@blp.response(201, ItemSchema)
def create_item(args):
    """HR adds an item to the catalogue."""
    return catalogue.create(adapters().store, current_user(), args)


@blp.route("/items/<item_id>", methods=["PUT"])
@may_refuse(403)
@blp.arguments(ItemChangeSchema)
@blp.response(200, ItemSchema)
def change_item(args, item_id):
    """HR changes an item's names, unit, picture, weekly limit or whether it is offered."""
    return catalogue.replace(adapters().store, current_user(), item_id, args)


@blp.route("/requests", methods=["POST"])
@may_refuse(409, 503)
@blp.arguments(RequestCreateSchema)
@blp.response(201, RequestSchema)
def create_request(args):
    """Ask for items: reserved at my site at once, all lines or none; over my weekly limit
    422 on lines, not enough stock 409 out_of_stock, both naming the item."""
    a, user = adapters(), current_user()
    return views.one(a.store, user, requests.create(a.store, a.events, user, args, now()))


@blp.route("/requests/mine", methods=["GET"])
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, RequestPageSchema)
def mine(args):
    """My requests, newest first."""
    a, user = adapters(), current_user()
    found, cursor = requests.mine(a.store, user, args.get("cursor"), args["limit"])
    return {"items": views.shown(a.store, user, found), "cursor": cursor}


@blp.route("/requests/<request_id>", methods=["GET"])
@blp.response(200, RequestSchema)
def get_request(request_id):
    """One request: its requester and supplies managers (404 for anyone else)."""
    a, user = adapters(), current_user()
    return views.one(a.store, user, requests.visible(a.store, user, request_id))


@blp.route("/requests/<request_id>/cancel", methods=["POST"])
@may_refuse(403, 409)
@blp.response(200, RequestSchema)
def cancel(request_id):
    """Its requester cancels while it waits for approval; the stock returns."""
    a, user = adapters(), current_user()
    changed = transitions.move(a.store, a.events, user, request_id, "cancelled", now())
    return views.one(a.store, user, changed)
