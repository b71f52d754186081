"""Live events endpoints: events for me, on now, host them, answer, calendar, slots, recording."""

from flask import Response
from flask_smorest import Blueprint

from ..api import may_refuse
from ..auth.sessions import current_user
from ..i18n import language
from ..wiring import adapters, now
from . import calendar, events, recording, rsvp, slots
from .schemas import (
    EventGoingPageSchema,
    EventRecordingWriteSchema,
    EventRsvpSchema,
    GoingQuerySchema,
    LiveEventListSchema,
    LiveEventPageSchema,
    LiveEventSchema,
    LiveEventsQuerySchema,
    LiveEventWriteSchema,
    SongSlotListSchema,
    SongSlotOrderSchema,
    SongSlotSchema,
    SongSlotWriteSchema,
)

blp = Blueprint("live_events", __name__, url_prefix="/api/events",
                description="Live events with leaders: karaoke nights, town halls, Q&As.")


def _shown(event: dict) -> dict:
    store, user = adapters().store, current_user()
    return events.view(event, rsvp.mine(store, user, event["id"]), now())


@blp.route("", methods=["GET"])
@blp.arguments(LiveEventsQuerySchema, location="query")
@blp.response(200, LiveEventPageSchema)
def listing(args):
    """Events that reach me: upcoming (soonest first, on now included) or past."""
    items, cursor = events.page(adapters().store, current_user(), args["when"], now(),
                                args["limit"], args.get("cursor"))
    return {"items": items, "cursor": cursor}


@blp.route("/now", methods=["GET"])
@blp.response(200, LiveEventListSchema)
def on_now():
    """Events on now that reach me (Home's "on now" card)."""
    return {"items": events.happening(adapters().store, current_user(), now())}


@blp.route("/hosting", methods=["GET"])
@blp.arguments(GoingQuerySchema, location="query")
@blp.response(200, LiveEventPageSchema)
def hosting(args):
    """The events I created, latest start first, whatever their audience."""
    items, cursor = events.hosting(adapters().store, current_user(), now(), args["limit"],
                                   args.get("cursor"))
    return {"items": items, "cursor": cursor}


@blp.route("", methods=["POST"])
@may_refuse(403)
@blp.arguments(LiveEventWriteSchema)
@blp.response(201, LiveEventSchema)
def create(args):
    """Create an event (events.host; editors inside the units they edit)."""
    return _shown(events.create(adapters().store, current_user(), args, now()))


@blp.route("/<event_id>", methods=["GET"])
@blp.response(200, LiveEventSchema)
def one(event_id):
    """One event that reaches me."""
    return _shown(events.readable(adapters().store, current_user(), event_id))


@blp.route("/<event_id>", methods=["PUT"])
@may_refuse(403, 409)
@blp.arguments(LiveEventWriteSchema)
@blp.response(200, LiveEventSchema)
def update(args, event_id):
    """Change an event; those who answered are told."""
    a = adapters()
    return _shown(events.update(a.store, current_user(), event_id, args, now(), a.events))


@blp.route("/<event_id>/cancel", methods=["POST"])
@may_refuse(403, 409)
@blp.response(200, LiveEventSchema)
def cancel(event_id):
    """Cancel an event; those who answered are told."""
    a = adapters()
    return _shown(events.cancel(a.store, current_user(), event_id, now(), a.events))


@blp.route("/<event_id>/rsvp", methods=["POST"])
@may_refuse(409)
@blp.arguments(EventRsvpSchema)
@blp.response(200, LiveEventSchema)
def answer(args, event_id):
    """Going, maybe or not going: counted once per person."""
    return _shown(rsvp.answer(adapters().store, current_user(), event_id, args["answer"], now()))


@blp.route("/<event_id>/going", methods=["GET"])
@may_refuse(403)
@blp.arguments(GoingQuerySchema, location="query")
@blp.response(200, EventGoingPageSchema)
def going(args, event_id):
    """Who is going, by name (hosts)."""
    items, cursor = rsvp.going_page(adapters().store, current_user(), event_id,
                                    args.get("cursor"), args["limit"])
    return {"items": items, "cursor": cursor}


@blp.route("/<event_id>/calendar.ics", methods=["GET"])
@blp.doc(responses={200: {"description": "The calendar file.", "content": {
    "text/calendar": {"schema": {"type": "string"}}}}})
def calendar_file(event_id):
    """The event as a calendar file (.ics) in my language."""
    event = events.readable(adapters().store, current_user(), event_id)
    return Response(calendar.ics(event, language()), mimetype="text/calendar",
                    headers={"Content-Disposition":
                             f'attachment; filename="{calendar.filename(event)}"'})


@blp.route("/<event_id>/slots", methods=["GET"])
@blp.response(200, SongSlotListSchema)
def slot_list(event_id):
    """The karaoke running order."""
    return {"items": slots.listing(adapters().store, current_user(), event_id)}


@blp.route("/<event_id>/slots", methods=["POST"])
@may_refuse(409)
@blp.arguments(SongSlotWriteSchema)
@blp.response(201, SongSlotSchema)
def slot_add(args, event_id):
    """Sign up for a song (those going, one each)."""
    return slots.add(adapters().store, current_user(), event_id, args["song"], now())


@blp.route("/<event_id>/slots/<slot_id>", methods=["DELETE"])
@may_refuse(403)
@blp.response(204)
def slot_delete(event_id, slot_id):
    """Take a slot off (its person or a host)."""
    slots.delete(adapters().store, current_user(), event_id, slot_id)


@blp.route("/<event_id>/slots/order", methods=["PUT"])
@may_refuse(403, 409)
@blp.arguments(SongSlotOrderSchema)
@blp.response(200, SongSlotListSchema)
def slot_order(args, event_id):
    """The host's new running order (every slot id, once)."""
    return {"items": slots.reorder(adapters().store, current_user(), event_id, args["ids"])}


@blp.route("/<event_id>/recording", methods=["POST"])
@may_refuse(403, 409)
@blp.arguments(EventRecordingWriteSchema)
@blp.response(200, LiveEventSchema)
def attach_recording(args, event_id):
    """Attach the recording; it is posted as news to the same audience."""
    a = adapters()
    return _shown(recording.attach(a.store, current_user(), event_id, args["video_id"], now(),
                                   a.events))
