"""Server-side sessions behind a signed, HttpOnly cookie; the signed-in person is g.user."""

from __future__ import annotations

import hashlib
import secrets

from flask import current_app, g, request
from itsdangerous import BadSignature, Signer

from .. import permissions
from ..errors import Unauthorized
from ..wiring import adapters, now

COOKIE = "tg_session"


def _signer() -> Signer:
    return Signer(adapters().secret_key, salt="together-session")


def _session_key(token: str) -> tuple[str, str]:
    # Only a hash of the token is stored, so a leaked table holds no usable session.
    return f"SESSION#{hashlib.sha256(token.encode()).hexdigest()}", "#"


def start_session(response, employee_id: str) -> None:
    """Create a session for the employee and set its cookie on the response."""
    config = current_app.config["TOGETHER"]
    token = secrets.token_urlsafe(32)
    pk, sk = _session_key(token)
    max_age = config.session_days * 86400
    adapters().store.put({"pk": pk, "sk": sk, "employee_id": employee_id, "created_at": now(),
                          "expires_at": now() + max_age})
    response.set_cookie(COOKIE, _signer().sign(token).decode(), max_age=max_age, httponly=True,
                        samesite="Lax", secure=not config.is_local or request.is_secure, path="/")


def end_session(response) -> None:
    """Forget the session server-side and clear the cookie."""
    token = _token()
    if token:
        adapters().store.delete(*_session_key(token))
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="Lax")


def _token() -> str | None:
    raw = request.cookies.get(COOKIE)
    if not raw:
        return None
    try:
        return _signer().unsign(raw).decode()
    except BadSignature:
        return None


def load_user() -> dict | None:
    """The signed-in employee's profile (cached on g), or None."""
    if "user" in g:
        return g.user
    from ..directory.service import get_employee

    g.user = None
    token = _token()
    session = token and adapters().store.get(*_session_key(token))
    if session:
        g.user = get_employee(adapters().store, session["employee_id"])
    return g.user


def current_user() -> dict:
    user = load_user()
    if user is None:
        raise Unauthorized()
    return user


def require_permission(name: str) -> dict:
    """The signed-in person, if they have the permission (functions.permissions); 403 if not."""
    return permissions.require(current_user(), name)
