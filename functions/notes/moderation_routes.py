"""HR's moderation of notes: the held, reported and hidden queues; approve, hide, restore."""

from flask_smorest import Blueprint

from ..api import may_refuse
from ..auth.sessions import current_user
from ..wiring import adapters, now
from . import moderation
from .schemas import ModeratedNoteSchema, ModeratedPageSchema, ModerateSchema, ModerationQuerySchema

blp = Blueprint("notes_moderation", __name__, url_prefix="/api/moderation/notes",
                description="Held, reported and hidden notes (moderators).")


@blp.route("", methods=["GET"])
@may_refuse(403)
@blp.arguments(ModerationQuerySchema, location="query")
@blp.response(200, ModeratedPageSchema)
def queue(args):
    """A queue, newest first, with each note's author (anonymous ones too) and reports."""
    items, cursor = moderation.queue_page(adapters().store, current_user(), args["state"],
                                          args.get("cursor"), args["limit"])
    return {"items": items, "cursor": cursor}


@blp.route("/<note_id>", methods=["POST"])
@may_refuse(403, 409)
@blp.arguments(ModerateSchema)
@blp.response(200, ModeratedNoteSchema)
def moderate(args, note_id):
    """Approve a held note, hide one (its author is told why) or restore a hidden one."""
    a = adapters()
    return moderation.moderate(a.store, current_user(), note_id, args["action"],
                               args["reason"], now(), a.events)
