"""Check-in endpoints: start, answer (app, inbox, notification, email link), HR's live view,
the people lists and cases, remind, close."""

from flask import request
from flask_smorest import Blueprint

from ..api import may_refuse, public
from ..auth.sessions import current_user
from ..wiring import adapters, now
from . import answers, links, people, service, tasks, views, waves
from .schemas import (
    CheckinAnswerSchema,
    CheckinCaseChangeSchema,
    CheckinCaseSchema,
    CheckinLinkAnsweredSchema,
    CheckinLinkAnswerSchema,
    CheckinLinkSchema,
    CheckinListQuerySchema,
    CheckinPageSchema,
    CheckinPeopleQuerySchema,
    CheckinRemindedSchema,
    CheckinSchema,
    CheckinStartSchema,
    MyCheckinSchema,
    OpenCheckinsSchema,
    PeoplePageSchema,
)

blp = Blueprint("checkins", __name__, url_prefix="/api/checkins",
                description='"Are you safe?": crisis check-ins answered in one tap.')


def _mine(checkin):
    return views.mine(checkin, answers.latest(adapters().store, checkin["id"],
                                              current_user()["id"]))


@blp.route("", methods=["POST"])
@may_refuse(403)
@blp.arguments(CheckinStartSchema)
@blp.response(201, CheckinSchema)
def start(args):
    """Start a check-in (safety operators): pushed at once, answered in one tap."""
    a = adapters()
    return views.operator(a.store, service.start(a.store, a.events, current_user(), args, now()))


@blp.route("", methods=["GET"])
@may_refuse(403)
@blp.arguments(CheckinListQuerySchema, location="query")
@blp.response(200, CheckinPageSchema)
def listing(args):
    """Open (or closed) check-ins, newest first, with their totals."""
    store = adapters().store
    items, cursor = service.listing(store, current_user(), args["state"], args.get("cursor"),
                                    args["limit"])
    return {"items": [views.operator(store, c, live=False) for c in items], "cursor": cursor}


@blp.route("/open", methods=["GET"])
@blp.response(200, OpenCheckinsSchema)
def open_for_me():
    """The open check-ins that reach me, newest first, with my answer (Home's card)."""
    return {"items": [_mine(c) for c in service.open_for(adapters().store, current_user())]}


@blp.route("/<checkin_id>", methods=["GET"])
@may_refuse(403)
@blp.response(200, CheckinSchema)
def live(checkin_id):
    """HR's live view: counts in total, per site and per unit (from counters only)."""
    store = adapters().store
    return views.operator(store, service.managed(store, current_user(), checkin_id))


@blp.route("/<checkin_id>/mine", methods=["GET"])
@blp.response(200, MyCheckinSchema)
def mine(checkin_id):
    """A check-in that reaches me, with my answer."""
    return _mine(service.mine(adapters().store, current_user(), checkin_id))


@blp.route("/<checkin_id>/answers", methods=["POST"])
@may_refuse(403, 409)
@blp.arguments(CheckinAnswerSchema)
@blp.response(200, MyCheckinSchema)
def answer(args, checkin_id):
    """Answer (the latest answer counts; each person counted once whatever the channel)."""
    store = adapters().store
    answers.answer(store, current_user(), checkin_id, args, now())
    return _mine(service.get(store, checkin_id))


@blp.route("/<checkin_id>/answers/<answer_id>/undo", methods=["POST"])
@may_refuse(409)
@blp.response(200, MyCheckinSchema)
def undo(checkin_id, answer_id):
    """Take my latest answer back (within 60 s): my previous one counts again."""
    store = adapters().store
    answers.undo(store, current_user(), checkin_id, answer_id, now())
    return _mine(service.get(store, checkin_id))


@blp.route("/<checkin_id>/people", methods=["GET"])
@may_refuse(403)
@blp.arguments(CheckinPeopleQuerySchema, location="query")
@blp.response(200, PeoplePageSchema)
def people_page(args, checkin_id):
    """Who answered this, or who has not answered (safety operators only)."""
    items, cursor = people.page(adapters().store, current_user(), checkin_id, args["answer"],
                                args.get("cursor"), args["limit"])
    return {"items": items, "cursor": cursor}


@blp.route("/<checkin_id>/cases/<employee_id>", methods=["POST"])
@may_refuse(403, 409)
@blp.arguments(CheckinCaseChangeSchema)
@blp.response(200, CheckinCaseSchema)
def case(args, checkin_id, employee_id):
    """Follow up a person: the case's status (open, contacted, resolved) and a note."""
    return people.set_case(adapters().store, current_user(), checkin_id, employee_id, args,
                           now())


@blp.route("/<checkin_id>/remind", methods=["POST"])
@may_refuse(403, 409, 429)
@blp.response(202, CheckinRemindedSchema)
def remind(checkin_id):
    """Remind those who have not answered (at most every 5 minutes)."""
    a = adapters()
    return {"reminded": waves.manual_remind(a, current_user(), checkin_id, now(),
                                            lambda cid: tasks.start_reminder(a, cid))}


@blp.route("/<checkin_id>/close", methods=["POST"])
@may_refuse(403, 409)
@blp.response(200, CheckinSchema)
def close(checkin_id):
    """Close it: no more answers; answers deleted 30 days later, counts kept."""
    store = adapters().store
    return views.operator(store, service.close(store, current_user(), checkin_id, now()))


@blp.route("/by-link/<token>", methods=["GET"])
@public
@may_refuse(410, 429)
@blp.response(200, CheckinLinkSchema)
def by_link(token):
    """An email link's question (no sign-in): 404 unknown, 410 used or expired."""
    return links.read(adapters().store, token, request.remote_addr or "unknown", now())


@blp.route("/by-link/<token>", methods=["POST"])
@public
@may_refuse(410, 429)
@blp.arguments(CheckinLinkAnswerSchema)
@blp.response(200, CheckinLinkAnsweredSchema)
def answer_by_link(args, token):
    """Answer through an email link, once (no sign-in)."""
    return links.use(adapters().store, token, request.remote_addr or "unknown", args, now())
