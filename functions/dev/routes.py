"""Development-only routes: registered in the embedded configuration and nowhere else."""

from flask_smorest import Blueprint
from marshmallow import Schema, fields

from ..api import public
from ..mail.outbox import read_outbox
from ..wiring import store

blp = Blueprint("dev", __name__, url_prefix="/api/dev",
                description="Embedded configuration only: the local mail outbox.")


class OutboxQuery(Schema):
    to = fields.Email()


class MessageSchema(Schema):
    to = fields.String()
    subject = fields.String()
    text = fields.String()
    sent_at = fields.Integer()


class OutboxSchema(Schema):
    messages = fields.List(fields.Nested(MessageSchema))


@blp.route("/outbox", methods=["GET"])
@public
@blp.arguments(OutboxQuery, location="query")
@blp.response(200, OutboxSchema)
def outbox(args):
    """Mail the embedded server would have sent, newest first."""
    return {"messages": read_outbox(store(), to=(args.get("to") or "").lower() or None)}
