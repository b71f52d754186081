"""The embedded stand-in for S3's endpoints: serves the local media adapter's signed URLs."""

from __future__ import annotations

import re
from contextlib import contextmanager

from flask import request, send_file
from flask_smorest import Blueprint

from ..api import may_refuse, public, raw_body, storeless
from ..errors import ApiError, Forbidden, Invalid, NotFound
from ..wiring import adapters
from .port import MediaNotFound, UploadRejected

blp = Blueprint("local_media", __name__, url_prefix="/api/media/local",
                description="Embedded configuration only: S3's endpoints for the signed links "
                            "the API hands out. The signature is the only authority.")
FORM_OVERHEAD = 64 * 1024  # the form's other fields and boundaries around the file
_TEXT = {"type": "string"}
SIGNED_LINK = [{"in": "query", "name": name, "required": True, "schema": _TEXT,
                "description": description} for name, description in (
    ("policy", "What the link allows (which object, until when), as the API signed it."),
    ("signature", "The API's signature of the policy."))]
UPLOAD_FORM = {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["key", "Content-Type", "policy", "signature", "file"],
    "properties": {"key": _TEXT, "Content-Type": _TEXT, "policy": _TEXT, "signature": _TEXT,
                   "file": {"type": "string", "format": "binary"}}}}},
    "description": "The fields of the upload's presigned form, then the file."}
PART_BODY = {"required": True, "description": "The part's bytes, exactly the size signed for.",
             "content": {"application/octet-stream": {"schema": {"type": "string",
                                                                 "format": "binary"}}}}
_BYTES = {"*/*": {"schema": {"type": "string", "format": "binary"}}}
_HEADER = {"schema": _TEXT}
OBJECT_RESPONSES = {
    200: {"description": "The whole object.", "content": _BYTES,
          "headers": {"ETag": _HEADER, "Accept-Ranges": _HEADER}},
    206: {"description": "The range asked for.", "content": _BYTES,
          "headers": {"Content-Range": _HEADER, "ETag": _HEADER}},
    304: {"description": "Not modified since the copy the client holds."},
    416: "REQUESTED_RANGE_NOT_SATISFIABLE"}
RANGE = {"in": "header", "name": "Range", "required": False, "schema": _TEXT,
         "description": "One range of bytes (bytes=0-99, bytes=100-, bytes=-100); any other "
                        "is ignored and the whole object is sent, as S3 does."}


class PayloadTooLarge(ApiError):
    status, code = 413, "payload_too_large"


@contextmanager
def _as_http():
    """The adapter's refusals in the one error shape; the signature is the only authority."""
    try:
        yield
    except UploadRejected as exc:
        if exc.reason == "too_large":
            raise PayloadTooLarge() from exc
        if exc.reason == "part":
            raise Invalid("media_part_invalid") from exc
        raise Forbidden("media_link_invalid") from exc
    except MediaNotFound as exc:
        raise NotFound() from exc


@blp.route("/uploads", methods=["POST"])
@public
@raw_body
@may_refuse(403, 413, 422)
@blp.doc(requestBody=UPLOAD_FORM, responses={204: {"description": "Stored."}})
def upload():
    """A presigned form POST: the policy field names the key, type and size it allows."""
    server = adapters().media_server
    # Video is far above the API's body limit; the adapter's own limit applies here instead.
    request.max_content_length = server.max_bytes + FORM_OVERHEAD
    file = request.files.get("file")
    if file is None:
        raise Invalid(fields={"file": ["Missing data for required field."]})
    with _as_http():
        server.accept_post(request.form.to_dict(), file.stream)
    return "", 204


@blp.route("/parts", methods=["PUT"])
@public
@raw_body
@storeless
@may_refuse(403, 404, 413, 422)
@blp.doc(parameters=SIGNED_LINK, requestBody=PART_BODY, responses={
    200: {"description": "Stored.", "headers": {"ETag": _HEADER}}})
def put_part():
    """One part of a multipart upload; answers its ETag, as S3 does."""
    server = adapters().media_server
    request.max_content_length = server.part_max_bytes
    with _as_http():
        etag = server.accept_part(request.args.get("policy", ""),
                                  request.args.get("signature", ""), request.stream)
    return "", 200, {"ETag": etag}


# One range of bytes, as players ask for it. RFC 9110 lets a server ignore any other Range
# (another unit, several ranges, a malformed one) and send the whole object, as S3 does;
# werkzeug would answer those 416. A well-formed range past the end is still 416.
_ONE_RANGE = re.compile(r"^bytes=(\d+-\d*|-\d+)$")


def _ignore_unusable_range() -> None:
    header = request.environ.get("HTTP_RANGE")
    if header is None:
        return
    match = _ONE_RANGE.match(header.replace(" ", ""))
    first, _, last = (match.group(1).partition("-") if match else ("", "", ""))
    if not match or (first and last and int(last) < int(first)):
        del request.environ["HTTP_RANGE"]


@blp.route("/objects", methods=["GET"])
@public
@storeless
@may_refuse(403, 404)
@blp.doc(parameters=[*SIGNED_LINK, RANGE], responses=OBJECT_RESPONSES)
def download():
    """An object, with byte ranges so video can seek (send_file answers Range with 206)."""
    with _as_http():
        path, content_type, name = adapters().media_server.open_download(
            request.args.get("policy", ""), request.args.get("signature", ""))
    _ignore_unusable_range()
    response = send_file(path.resolve(), mimetype=content_type, conditional=True,
                         as_attachment=bool(name), download_name=name or path.name)
    # Uploads are served from the app's own origin: never let one run as a page here.
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "sandbox"
    response.headers["Cache-Control"] = "private, max-age=300"
    return response
