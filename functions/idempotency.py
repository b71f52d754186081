"""Idempotency-Key on POST: the same key gives the same response, and nothing is done twice."""

from __future__ import annotations

import hashlib

from flask import Flask, Response, current_app, g, request

from .errors import Conflict, Invalid
from .store import Condition, ConditionFailed
from .wiring import adapters, now

HEADER = "Idempotency-Key"
KEEP_S = 24 * 3600
PENDING_S = 60  # a request that died mid-way frees its key after this long
NOT_KEPT = {409, 429}  # answers that say "try again", so a retry must run again


def exempt(view):
    """Mark a POST whose answer must not be replayed (it carries a one-off secret)."""
    view.together_no_idempotency = True
    return view


def _scope() -> str:
    from .auth.sessions import load_user

    user = load_user()
    return f"user:{user['id']}" if user else f"client:{request.remote_addr}"


def install(app: Flask) -> None:
    """Register the before/after hooks that remember POST answers by key."""

    @app.before_request
    def replay_or_reserve():
        key = request.headers.get(HEADER)
        view = current_app.view_functions.get(request.endpoint)
        if request.method != "POST" or not key or view is None \
                or getattr(view, "together_no_idempotency", False):
            return None
        if not 8 <= len(key) <= 128:
            raise Invalid(fields={HEADER: ["Use 8 to 128 characters, e.g. a UUID."]})
        digest = hashlib.sha256(request.method.encode() + request.path.encode() + b"\n"
                                + request.get_data()).hexdigest()
        record_key = (f"IDEM#{_scope()}#{key}", "#")
        store = adapters().store
        try:
            store.put({"pk": record_key[0], "sk": record_key[1], "state": "pending",
                       "digest": digest, "expires_at": now() + PENDING_S},
                      condition=Condition.not_exists())
        except ConditionFailed:
            record = store.get(*record_key)
            if record is None:  # expired between our two calls: let the client retry
                raise Conflict("idempotency_in_progress") from None
            if record["digest"] != digest:
                raise Invalid("idempotency_mismatch", fields={HEADER: [
                    "Already used for a different request."]}) from None
            if record["state"] == "pending":
                raise Conflict("idempotency_in_progress") from None
            response = Response(record["body"], status=record["status"],
                                mimetype="application/json")
            response.headers["Idempotent-Replayed"] = "true"
            return response
        g.idempotency_record = record_key
        return None

    @app.after_request
    def remember(response: Response):
        record_key = g.pop("idempotency_record", None)
        if record_key is None:
            return response
        store = adapters().store
        if response.status_code >= 500 or response.status_code in NOT_KEPT:
            store.delete(*record_key)
        else:
            store.update(*record_key, set={"state": "done", "status": response.status_code,
                                           "body": response.get_data(as_text=True),
                                           "expires_at": now() + KEEP_S})
        return response

