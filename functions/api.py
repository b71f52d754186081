"""The HTTP edge: one JSON error shape, JSON-only writes, and sign-in required by default."""

from __future__ import annotations

import logging
import re
from http import HTTPStatus

from apispec import BasePlugin
from flask import Flask, current_app, g, jsonify, request
from flask_smorest import Api as SmorestApi
from flask_smorest import Blueprint
from flask_smorest.utils import prepare_response
from marshmallow import Schema
from marshmallow import fields as ma
from werkzeug.exceptions import HTTPException

from .errors import ApiError, Busy, Invalid, UnsupportedMediaType
from .i18n import field_message, t
from .openapi_doc import DocumentedOnFirstRead
from .store import InvalidCursor, StoreBusy

log = logging.getLogger(__name__)
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
HTTP_CODES = {400: "bad_request", 401: "sign_in_required", 403: "forbidden", 404: "not_found",
              405: "method_not_allowed", 409: "conflict", 410: "gone", 413: "payload_too_large",
              415: "json_required", 416: "range_not_satisfiable", 422: "invalid_input",
              429: "too_many_requests"}


def public(view):
    """Mark a view as reachable without signing in (everything else needs a session)."""
    view = Blueprint.doc(security=[])(view)  # and say so in the OpenAPI document
    view.together_public = True
    return view


def raw_body(view):
    """Mark a write view that takes a non-JSON body (signed media uploads)."""
    view.together_raw_body = True
    return view


def storeless(view):
    """Mark a view that answers without the store, so it is never busy (no 503)."""
    view.together_storeless = True
    return view


def may_refuse(*statuses: int):
    """Document the refusals a view, or a service it calls, can answer beyond the edge's own
    (EdgeResponses): 403 not allowed, 409 a conflict, 429 too many attempts..."""

    def decorator(view):
        view = Blueprint.doc(responses={s: HTTPStatus(s).name for s in statuses})(view)
        view.together_refusals = frozenset(statuses)
        return view

    return decorator


def error_response(status: int, code: str, message: str, fields: dict | None = None,
                   headers: dict | None = None):
    """The one error shape every endpoint answers with."""
    body = {"error": {"status": status, "code": code, "message": message}}
    if fields:
        body["error"]["fields"] = _translate_fields(fields)
    response = jsonify(body)
    response.status_code = status
    response.headers.update(headers or {})
    return response


def _translate_fields(fields):
    if isinstance(fields, dict):
        return {str(k): _translate_fields(v) for k, v in fields.items()}
    if isinstance(fields, list):
        return [_translate_fields(v) for v in fields]
    return field_message(fields) if isinstance(fields, str) else fields


class ErrorDetailSchema(Schema):
    status = ma.Integer(required=True, metadata={"description": "The HTTP status again."})
    code = ma.String(required=True, metadata={
        "description": "Stable, for programs: not_found, invalid_input, forbidden..."})
    message = ma.String(required=True, metadata={
        "description": "For people, in their language (the profile's, else Accept-Language)."})
    fields = ma.Dict(metadata={
        "description": "What is wrong with each field, by its name (nested: a.b), in words."})


class ErrorSchema(Schema):
    """The one error shape every endpoint answers with."""

    error = ma.Nested(ErrorDetailSchema, required=True)


IDEMPOTENCY_KEY = {
    "in": "header", "name": "Idempotency-Key", "required": False,
    "schema": {"type": "string", "minLength": 8, "maxLength": 128},
    "description": "The same key again (24 h) replays the first answer; nothing is done twice."}


def edge_statuses(method: str, operation: dict, rule, view) -> set[int]:
    """What the edge (install, idempotency) can answer for an operation, whatever its view."""
    statuses = set()
    if operation.get("security") != []:
        statuses.add(401)  # no session, or an expired one
    if rule is not None and rule.arguments:
        statuses.add(404)  # no such id
    if not getattr(view, "together_storeless", False):
        statuses.add(503)  # the store is busy: Retry-After
    if method in WRITE_METHODS and not getattr(view, "together_raw_body", False):
        statuses |= {413, 415, 422}  # too large, not JSON, not valid JSON or not Unicode
    if is_idempotent(method, view):
        statuses |= {409, 422}  # the key's first request still running, or reused
    return statuses


def is_idempotent(method: str, view) -> bool:
    """Whether the operation honours an Idempotency-Key (functions/idempotency.py)."""
    return method == "POST" and not getattr(view, "together_no_idempotency", False)


class EdgeResponses(BasePlugin):
    """Documents on every operation the errors the edge answers (edge_statuses), and the
    Idempotency-Key header where it is honoured."""

    def __init__(self, app: Flask):
        super().__init__()
        self.app = app

    def operation_helper(self, path=None, operations=None, **kwargs):
        rule = kwargs.get("rule")
        view = self.app.view_functions.get(rule.endpoint) if rule is not None else None
        for method, operation in (operations or {}).items():
            responses = operation.setdefault("responses", {})
            for status in sorted(edge_statuses(method.upper(), operation, rule, view)):
                if status not in responses and str(status) not in responses:
                    responses[status] = HTTPStatus(status).name
            if is_idempotent(method.upper(), view):
                operation.setdefault("parameters", []).append(dict(IDEMPOTENCY_KEY))


SESSION_SCHEME = {"type": "apiKey", "in": "cookie", "name": "tg_session",
                  "description": "Set by POST /api/auth/verify; HttpOnly, SameSite=Lax."}


class Api(DocumentedOnFirstRead, SmorestApi):
    """flask-smorest's Api with Together's error shape (documented as it is answered)."""

    ERROR_SCHEMA = ErrorSchema
    # No catch-all "default" response: each operation lists the statuses it can answer
    # (EdgeResponses, may_refuse), so a status it does not list is a bug to fix.
    DEFAULT_ERROR_RESPONSE_NAME = None

    def __init__(self, app, **kwargs):
        spec_kwargs = kwargs.setdefault("spec_kwargs", {})
        spec_kwargs["extra_plugins"] = [*spec_kwargs.get("extra_plugins", ()), EdgeResponses(app)]
        super().__init__(app, **kwargs)
        # Every operation needs the session cookie unless it says otherwise (@public views
        # answer without one; see install below).
        self.spec.components.security_scheme("session", SESSION_SCHEME)
        self.spec.options["security"] = [{"session": []}]

    def _register_responses(self):
        """A response per status, lazily, with the Error schema (and Retry-After on 429, 503)."""
        self.spec.components.header("RETRY_AFTER", {
            "description": "Seconds to wait before trying again.",
            "schema": {"type": "string"}}, lazy=True)
        for status in HTTPStatus:
            response = {"description": status.phrase}
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
            if status in (429, 503):
                response["headers"] = {"Retry-After": "RETRY_AFTER"}
            prepare_response(response, self.spec, self.DEFAULT_RESPONSE_CONTENT_TYPE)
            self.spec.components.response(status.name, response, lazy=True)

    def handle_http_exception(self, error: HTTPException):
        status = error.code or 500
        code = HTTP_CODES.get(status, "internal" if status >= 500 else "bad_request")
        data = getattr(error, "data", None) or {}
        fields = None
        if status == 422 and "messages" in data:
            # webargs nests errors by location ({"json": {...}}); people care about fields.
            messages = data["messages"]
            fields = messages.get("json") or messages.get("query") or messages
            if isinstance(fields, dict) and "_schema" in fields and len(fields) == 1:
                fields = {"body": fields["_schema"]}
        # Keep the exception's own headers (Allow on 405, Content-Range on 416).
        headers = {k: v for k, v in error.get_headers() if k.lower() != "content-type"}
        return error_response(status, code, t(code), fields, headers)


MAX_DEPTH = 32  # no request of ours nests deeper; json would recurse past Python's limit
_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_body():
    try:
        body = request.get_json(silent=True)
    except RecursionError:
        raise Invalid("body_too_deep") from None
    if body is None:
        raise Invalid("body_not_json")
    return body


def check_body(value, path: str = "", depth: int = 0) -> None:
    """Refuses JSON nested too deep, and text that is not Unicode (a lone surrogate: JSON can
    escape one, but no store, key or page can hold it), naming the field it is in."""
    if depth > MAX_DEPTH:
        raise Invalid("body_too_deep")
    if isinstance(value, str):
        if _SURROGATE.search(value):
            raise Invalid("text_not_unicode", fields={path or "body": [t("text_not_unicode")]})
    elif isinstance(value, dict):
        for key, item in value.items():
            check_body(key, path or "body", depth + 1)
            check_body(item, f"{path}.{key}" if path else key, depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check_body(item, f"{path}.{index}" if path else str(index), depth + 1)


def install(app: Flask) -> None:
    """Register the guards and error handlers on the app."""

    @app.before_request
    def guard():
        if not request.path.startswith("/api/"):
            return None
        view = current_app.view_functions.get(request.endpoint)
        if request.method in WRITE_METHODS and not getattr(view, "together_raw_body", False):
            # JSON only: HTML forms cannot send it cross-site, so this also stops CSRF.
            if request.content_length and not request.is_json:
                raise UnsupportedMediaType()
            if request.content_length:
                check_body(_json_body())
        public_view = getattr(view, "together_public", False) or request.blueprint == "api-docs"
        if view is not None and not public_view and g.get("user") is None:
            from .auth.sessions import load_user  # late: auth depends on this module
            if load_user() is None:
                from .errors import Unauthorized
                raise Unauthorized()
        return None

    @app.errorhandler(ApiError)
    def api_error(error: ApiError):
        return error_response(error.status, error.code, t(error.message_key, **error.params),
                              error.fields, error.headers)

    @app.errorhandler(InvalidCursor)
    def invalid_cursor(error):
        return api_error(Invalid("invalid_cursor", fields={"cursor": ["Not a valid cursor."]}))

    @app.errorhandler(StoreBusy)
    def store_busy(error):
        return api_error(Busy(headers={"Retry-After": "2"}))

    @app.errorhandler(Exception)
    def unexpected(error):
        if isinstance(error, HTTPException):
            return current_app.extensions["together_api"].handle_http_exception(error)
        log.exception("unexpected error on %s %s", request.method, request.path)
        return error_response(500, "internal", t("internal"))
