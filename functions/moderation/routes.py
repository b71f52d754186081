"""The blocked-words list, shared by every capability that moderates (notes, stories)."""

from flask_smorest import Blueprint

from ..api import may_refuse
from ..auth.sessions import require_permission
from ..wiring import adapters, now
from . import words
from .schemas import WordListSchema, WordsSchema

blp = Blueprint("moderation", __name__, url_prefix="/api/moderation",
                description="Blocked words, in English and Chinese (moderators).")


@blp.route("/words", methods=["GET"])
@may_refuse(403)
@blp.response(200, WordListSchema)
def get_words():
    """The list as HR keeps it."""
    require_permission("notes.moderate")
    return {"words": words.current(adapters().store)}


@blp.route("/words", methods=["PUT"])
@may_refuse(403)
@blp.arguments(WordsSchema)
@blp.response(200, WordListSchema)
def put_words(args):
    """Replace the list (audited); a note holding one of them waits for review."""
    user = require_permission("notes.moderate")
    return {"words": words.save(adapters().store, user, args["words"], now())}
