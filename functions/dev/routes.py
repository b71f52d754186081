"""Development-only routes: registered in the embedded configuration, when it listens on
loopback only (Config.dev_routes), and answered only to this machine."""

from flask import request
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from ..api import may_refuse, public
from ..config import is_loopback
from ..errors import NotFound
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
@may_refuse(404)  # to another machine
@blp.arguments(OutboxQuery, location="query")
@blp.response(200, OutboxSchema)
def outbox(args):
    """Mail the embedded server would have sent, newest first (to this machine only)."""
    if not is_loopback(request.remote_addr or ""):
        raise NotFound()  # another machine: as if the route did not exist
    return {"messages": read_outbox(store(), to=(args.get("to") or "").lower() or None)}
