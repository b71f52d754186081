"""Tips and posters endpoints: the library, search, tip of the day, publishing."""

from flask_smorest import Blueprint

from ..api import may_refuse
from ..auth.sessions import current_user
from ..wiring import adapters, now
from . import service
from .schemas import (
    TipFileStartedSchema,
    TipFileStartSchema,
    TipPageSchema,
    TipSchema,
    TipsQuerySchema,
    TipWriteSchema,
)

blp = Blueprint("tips", __name__, url_prefix="/api/tips",
                description="Posters and short guides: working from home, time, health, family.")


@blp.route("", methods=["GET"])
@blp.arguments(TipsQuerySchema, location="query")
@blp.response(200, TipPageSchema)
def listing(args):
    """Tips, newest first; q searches titles and bodies in English and Chinese."""
    a = adapters()
    items, cursor = service.page(a.store, a.media, args.get("q"), args.get("tag"),
                                 args["limit"], args.get("cursor"))
    return {"items": items, "cursor": cursor}


@blp.route("/today", methods=["GET"])
@may_refuse(404)
@blp.response(200, TipSchema)
def today():
    """The tip of the day: the same for everyone on a UTC day (404 while there are none)."""
    a = adapters()
    return service.view(a.media, service.today(a.store, now()))


@blp.route("/<tip_id>", methods=["GET"])
@blp.response(200, TipSchema)
def one(tip_id):
    """One tip."""
    a = adapters()
    return service.view(a.media, service.readable(a.store, tip_id))


@blp.route("", methods=["POST"])
@may_refuse(403)
@blp.arguments(TipWriteSchema)
@blp.response(201, TipSchema)
def publish(args):
    """Publish a tip (tips.publish)."""
    a = adapters()
    return service.view(a.media, service.publish(a.store, a.media, current_user(), args, now()))


@blp.route("/<tip_id>", methods=["PUT"])
@may_refuse(403)
@blp.arguments(TipWriteSchema)
@blp.response(200, TipSchema)
def edit(args, tip_id):
    """Change a tip (tips.publish); without file_id it keeps its file."""
    a = adapters()
    return service.view(a.media, service.edit(a.store, a.media, current_user(), tip_id, args))


@blp.route("/<tip_id>", methods=["DELETE"])
@may_refuse(403)
@blp.response(204)
def withdraw(tip_id):
    """Withdraw a tip (tips.publish)."""
    service.withdraw(adapters().store, current_user(), tip_id)


@blp.route("/files", methods=["POST"])
@may_refuse(403)
@blp.arguments(TipFileStartSchema)
@blp.response(201, TipFileStartedSchema)
def start_file(args):
    """A presigned upload for a tip's image or PDF (at most 10 MB)."""
    a = adapters()
    return service.start_file(a.store, a.media, current_user(), args, now())
