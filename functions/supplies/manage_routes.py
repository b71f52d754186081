"""HR's supplies tools (supplies.manage): stock and movements, the queue, transitions, the
pick list and the CSV export of movements."""

from datetime import UTC, datetime, time

from flask import Response
from flask_smorest import Blueprint

from ..api import may_refuse
from ..auth.sessions import current_user
from ..wiring import adapters, now
from . import export, queue, stock, transitions, views
from .schemas import (
    ApprovedSchema,
    ApproveManySchema,
    ExportQuerySchema,
    MovementCreateSchema,
    MovementPageSchema,
    MovementSchema,
    MovementsQuerySchema,
    PicklistSchema,
    QueueQuerySchema,
    RequestPageSchema,
    RequestSchema,
    SiteQuerySchema,
    StockSchema,
    ThresholdSchema,
    TransitionSchema,
)

blp = Blueprint("supplies_manage", __name__, url_prefix="/api/supplies",
                description="HR's supplies tools: stock, movements, the queue, dispatch.")
CSV = {200: {"description": "The movements, one a row (cells neutralised against formulas).",
             "content": {"text/csv": {"schema": {"type": "string"}}}}}


@blp.route("/stock", methods=["GET"])
@may_refuse(403)
@blp.arguments(SiteQuerySchema, location="query")
@blp.response(200, StockSchema)
def site_stock(args):
    """Every item's stock at a site: free, reserved, the low mark."""
    return stock.levels(adapters().store, current_user(), args["site"])


@blp.route("/stock/<site>/<item_id>/threshold", methods=["PUT"])
@may_refuse(403)
@blp.arguments(ThresholdSchema)
@blp.response(200, StockSchema)
def threshold(args, site, item_id):
    """The free units at or below which HR is told the site runs low."""
    a = adapters()
    return stock.set_threshold(a.store, a.events, current_user(), site, item_id, args["low_at"])


@blp.route("/movements", methods=["POST"])
@may_refuse(403, 409)
@blp.arguments(MovementCreateSchema)
@blp.response(201, MovementSchema)
def record_movement(args):
    """Stock received, or adjusted (never below 0), with why."""
    a = adapters()
    return stock.record(a.store, a.events, current_user(), args, now())


@blp.route("/movements", methods=["GET"])
@may_refuse(403)
@blp.arguments(MovementsQuerySchema, location="query")
@blp.response(200, MovementPageSchema)
def movements(args):
    """A site's movements, newest first."""
    found, cursor = stock.page(adapters().store, current_user(), args["site"],
                               args.get("cursor"), args["limit"])
    return {"items": found, "cursor": cursor}


@blp.route("/movements.csv", methods=["GET"])
@may_refuse(403)
@blp.arguments(ExportQuerySchema, location="query")
@blp.doc(responses=CSV)
def movements_csv(args):
    """A site's movements from one day to another (UTC, both included) as a CSV download."""
    start = int(datetime.combine(args["from_"], time.min, UTC).timestamp())
    end = int(datetime.combine(args["to"], time.max, UTC).timestamp())
    rows = stock.between(adapters().store, current_user(), args["site"], start, end)
    name = f"supplies-{args['from_']}-{args['to']}.csv"
    return Response(export.movements_csv(rows), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{name}"'})


@blp.route("/queue", methods=["GET"])
@may_refuse(403)
@blp.arguments(QueueQuerySchema, location="query")
@blp.response(200, RequestPageSchema)
def site_queue(args):
    """A site's requests in one state, oldest first."""
    found, cursor = queue.page(adapters().store, current_user(), args["site"], args["state"],
                               args.get("cursor"), args["limit"])
    return {"items": found, "cursor": cursor}


@blp.route("/requests/<request_id>/transitions", methods=["POST"])
@may_refuse(403, 409)
@blp.arguments(TransitionSchema)
@blp.response(200, RequestSchema)
def transition(args, request_id):
    """Move a request on: only from the right state (409 in words otherwise)."""
    a, user = adapters(), current_user()
    changed = transitions.move(a.store, a.events, user, request_id, args["to"], now(),
                               tracking=args["tracking"], reason=args["reason"])
    return views.one(a.store, user, changed)


@blp.route("/requests/approve", methods=["POST"])
@may_refuse(403)
@blp.arguments(ApproveManySchema)
@blp.response(200, ApprovedSchema)
def approve_many(args):
    """Approve many at once; each one that cannot be says why."""
    a = adapters()
    return transitions.approve_many(a.store, a.events, current_user(), args["ids"], now())


@blp.route("/picklist", methods=["GET"])
@may_refuse(403)
@blp.arguments(SiteQuerySchema, location="query")
@blp.response(200, PicklistSchema)
def picklist(args):
    """What to pick for a site's approved requests: totals per item, then each request."""
    return queue.picklist(adapters().store, current_user(), args["site"], now())
