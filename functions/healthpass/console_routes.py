"""The health officer's console: today's counts, people on hold, a preview of edited rules."""

from flask_smorest import Blueprint

from .. import permissions
from ..api import may_refuse
from ..auth.sessions import require_permission
from ..days import day_of
from ..wiring import now, store, zone
from . import oversight
from .console_schemas import HoldListSchema, RulesPreviewSchema, TodayQuerySchema, TodaySchema
from .schemas import RulesInSchema

blp = Blueprint("health_console", __name__, url_prefix="/api/health",
                description="The health officer's console (HR sees the counts).")


@blp.route("/today", methods=["GET"])
@may_refuse(403)
@blp.arguments(TodayQuerySchema, location="query")
@blp.response(200, TodaySchema)
def today(args):
    """Green, yellow, red and no declaration per site and unit; small groups hidden."""
    user = require_permission("health.summary")
    return oversight.today(store(), args.get("date") or day_of(now(), zone()),
                           exact=permissions.has(user, "health.oversee"))


@blp.route("/holds", methods=["GET"])
@may_refuse(403)
@blp.response(200, HoldListSchema)
def holds():
    """Everyone yellow or red now: since when, until when and why (health officers)."""
    require_permission("health.oversee")
    return {"items": oversight.holds(store(), now(), zone())}


@blp.route("/rules/preview", methods=["POST"])
@may_refuse(403)
@blp.arguments(RulesInSchema)
@blp.response(200, RulesPreviewSchema)
def preview(args):
    """How today's declarations would come out under edited rules (nothing is saved)."""
    user = require_permission("health.rules")
    return oversight.preview(store(), args, day_of(now(), zone()),
                             exact=permissions.has(user, "health.oversee"))
