"""Notes endpoints: write, notes for me, mine, delete, cheers, reports."""

from flask_smorest import Blueprint

from ..api import may_refuse
from ..auth.sessions import current_user
from ..wiring import adapters, now
from . import cheers, feed, moderation, service, views
from .schemas import (
    CheersSchema,
    NotePageSchema,
    NoteSchema,
    NotesQuerySchema,
    ReportSchema,
    WriteSchema,
)

blp = Blueprint("notes", __name__, url_prefix="/api/notes",
                description="Encouragement notes to a person, a team, a site or everyone.")


@blp.route("", methods=["POST"])
@may_refuse(403, 429)
@blp.arguments(WriteSchema)
@blp.response(201, NoteSchema)
def write(args):
    """Write a note (held for review when it holds a blocked word)."""
    a, user = adapters(), current_user()
    note = service.write(a.store, user, args, now(), a.events)
    return views.view(note, user)


@blp.route("/for-me", methods=["GET"])
@blp.arguments(NotesQuerySchema, location="query")
@blp.response(200, NotePageSchema)
def for_me(args):
    """Notes to me and to every audience I belong to, newest first."""
    items, cursor = feed.page(adapters().store, current_user(), args["limit"],
                              args.get("cursor"))
    return {"items": items, "cursor": cursor}


@blp.route("/mine", methods=["GET"])
@blp.arguments(NotesQuerySchema, location="query")
@blp.response(200, NotePageSchema)
def mine(args):
    """What I wrote, with its status (held and hidden ones with HR's reason)."""
    items, cursor = service.mine(adapters().store, current_user(), args.get("cursor"),
                                 args["limit"])
    return {"items": items, "cursor": cursor}


@blp.route("/<note_id>", methods=["DELETE"])
@may_refuse(403)
@blp.response(204)
def delete(note_id):
    """Delete my own note."""
    service.delete(adapters().store, current_user(), note_id)


@blp.route("/<note_id>/cheers", methods=["POST"])
@blp.response(200, CheersSchema)
def cheer(note_id):
    """Cheer a note: once per person, however often pressed."""
    return cheers.cheer(adapters().store, current_user(), note_id, now())


@blp.route("/<note_id>/cheers", methods=["DELETE"])
@blp.response(200, CheersSchema)
def uncheer(note_id):
    """Take my cheer back."""
    return cheers.uncheer(adapters().store, current_user(), note_id)


@blp.route("/<note_id>/reports", methods=["POST"])
@blp.arguments(ReportSchema)
@blp.response(202)
def report(args, note_id):
    """Report a note or its author to HR (once per person per note)."""
    moderation.report(adapters().store, current_user(), note_id, args["reason"],
                      args["about"], now())
