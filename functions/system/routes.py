"""Liveness and the human-readable API docs page."""

from pathlib import Path

from flask import Response
from flask_smorest import Blueprint

from ..api import public, storeless

blp = Blueprint("system", __name__, url_prefix="/api", description="Liveness and docs.")
HERE = Path(__file__).parent


def _file(content_type: str) -> dict:
    return {200: {"description": "The file.", "content": {content_type: {
        "schema": {"type": "string"}}}}}


@blp.route("/healthz", methods=["GET"])
@public
@storeless
@blp.response(200)
def healthz():
    """Liveness: answers without touching the store (/api/health/ is the health pass)."""
    return {"status": "ok"}


@blp.route("/docs", methods=["GET"])
@public
@storeless
@blp.doc(responses=_file("text/html"))
def docs():
    """A page that lists the endpoints of /api/openapi.json (no CDN needed)."""
    return Response((HERE / "docs.html").read_bytes(), mimetype="text/html")


@blp.route("/docs.js", methods=["GET"])
@public
@storeless
@blp.doc(responses=_file("text/javascript"))
def docs_script():
    """The docs page's script."""
    return Response((HERE / "docs.js").read_bytes(), mimetype="text/javascript")
