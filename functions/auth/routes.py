"""Sign-in endpoints: /api/auth/start, /verify, /signout, and /api/me."""

from flask import after_this_request, request
from flask_smorest import Blueprint

from .. import permissions
from ..api import may_refuse, public
from ..directory.service import get_employee, set_language
from ..idempotency import exempt as idempotency_exempt
from ..wiring import adapters, now
from . import service
from .schemas import MeSchema, PreferencesSchema, StartedSchema, StartSchema, VerifySchema
from .sessions import current_user, end_session, start_session

blp = Blueprint("auth", __name__, url_prefix="/api", description="Sign in with an emailed code.")


def _client() -> str:
    return request.remote_addr or "unknown"


def _me(profile: dict) -> dict:
    """A profile as its owner sees it: with the permissions their roles give."""
    return {**profile, "permissions": permissions.of(profile)}


@blp.route("/auth/start", methods=["POST"])
@may_refuse(429)
@public
@blp.arguments(StartSchema)
@blp.response(202, StartedSchema)
def start(args):
    """Email a 6-digit code (202 whether or not the address is known)."""
    a = adapters()
    service.start(a.store, a.mail, a.secret_key, args["email"], _client(), now())
    return {"status": "sent"}


@blp.route("/auth/verify", methods=["POST"])
@may_refuse(429)
@public
@idempotency_exempt  # a replay could not carry the session cookie; the code is single-use
@blp.arguments(VerifySchema)
@blp.response(200, MeSchema)
def verify(args):
    """Exchange the code for a session cookie; answers the profile."""
    a = adapters()
    employee_id = service.verify(a.store, a.secret_key, args["email"], args["code"], _client(),
                                 now())

    @after_this_request
    def set_cookie(response):
        start_session(response, employee_id)
        return response

    return _me(get_employee(a.store, employee_id))


@blp.route("/auth/signout", methods=["POST"])
@public
@blp.response(204)
def signout():
    """End the session on this device."""

    @after_this_request
    def clear(response):
        end_session(response)
        return response


@blp.route("/me", methods=["GET"])
@blp.response(200, MeSchema)
def me():
    """The signed-in person's profile, roles and permissions."""
    return _me(current_user())


@blp.route("/me", methods=["PATCH"])
@blp.arguments(PreferencesSchema)
@blp.response(200, MeSchema)
def update_preferences(args):
    """Change the signed-in person's own preferences (today: the app's language)."""
    return _me(set_language(adapters().store, current_user()["id"], args["language"]))
