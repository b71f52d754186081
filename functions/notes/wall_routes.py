"""The big screen's one endpoint: a campaign's wall by its display link, no sign-in."""

from flask_smorest import Blueprint

from ..api import public
from ..wiring import adapters
from . import displays
from .schemas import ScreenQuerySchema, ScreenSchema

blp = Blueprint("walls", __name__, url_prefix="/api/walls",
                description="A campaign's wall on a lobby screen, by its display link.")


@blp.route("/<token>", methods=["GET"])
@public
@blp.arguments(ScreenQuerySchema, location="query")
@blp.response(200, ScreenSchema)
def screen(args, token):
    """The wall, newest first, read-only (paused: the screen stops advancing)."""
    return displays.screen(adapters().store, token, args.get("after"), args["limit"])
