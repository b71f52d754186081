"""Audience endpoints: whom a publisher may choose, with each audience's exact size."""

from flask_smorest import Blueprint

from .. import permissions
from ..api import may_refuse
from ..auth.sessions import current_user
from ..wiring import adapters
from . import sizes
from .schemas import NamesSchema, OptionsSchema

blp = Blueprint("audiences", __name__, url_prefix="/api/audiences",
                description="The directory's units, departments and sites, as audiences.")


@blp.route("/options", methods=["GET"])
@may_refuse(403)
@blp.response(200, OptionsSchema)
def options():
    """Units (with departments) and sites to publish to, and how many people each holds:
    news managers see them all, editors only their own units."""
    user = permissions.require(current_user(), "news.publish")
    found = sizes.options(adapters().store)
    if permissions.has(user, "news.manage"):
        return found
    units = [u for u in found["units"] if permissions.may_publish_to_unit(user, u["name"])]
    return {"company": None, "sites": [], "units": units}


@blp.route("/names", methods=["GET"])
@blp.response(200, NamesSchema)
def names():
    """Every unit and site by name, for anyone to address a note to (no sizes: a small group's
    size says who is in it)."""
    found = sizes.options(adapters().store)
    return {"units": [u["name"] for u in found["units"]],
            "sites": [s["name"] for s in found["sites"]]}
