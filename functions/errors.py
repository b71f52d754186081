"""Errors a client can act on: raised inside, turned into the one JSON shape at the edge."""

from __future__ import annotations


class ApiError(Exception):
    """An error with an HTTP status, a stable code and a translatable message."""

    status = 400
    code = "bad_request"

    def __init__(self, message_key: str | None = None, *, fields: dict | None = None,
                 headers: dict | None = None, **params):
        super().__init__(message_key or self.code)
        self.message_key = message_key or self.code
        self.fields = fields
        self.headers = headers or {}
        self.params = params


class Invalid(ApiError):
    status, code = 422, "invalid_input"


class Unauthorized(ApiError):
    status, code = 401, "sign_in_required"


class Forbidden(ApiError):
    status, code = 403, "forbidden"


class NotFound(ApiError):
    status, code = 404, "not_found"


class Conflict(ApiError):
    status, code = 409, "conflict"


class Gone(ApiError):
    """It was here and is no more: a link already used, or expired."""

    status, code = 410, "gone"


class TooManyRequests(ApiError):
    status, code = 429, "too_many_requests"

    def __init__(self, message_key=None, *, retry_after: int, **params):
        super().__init__(message_key, headers={"Retry-After": str(retry_after)},
                         minutes=max(1, -(-retry_after // 60)), **params)


class UnsupportedMediaType(ApiError):
    status, code = 415, "json_required"


class Busy(ApiError):
    status, code = 503, "busy"
