"""Serves the PWA from pwa/ on the embedded server (on AWS, CloudFront serves it from S3)."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, current_app, request, send_file
from werkzeug.exceptions import NotFound
from werkzeug.routing import PathConverter
from werkzeug.security import safe_join

from .compress import GzipCache, accepts_gzip

blp = Blueprint("web", __name__)

# Always revalidated: they decide which version of everything else the phone runs.
NO_CACHE = {"index.html", "sw.js"}
# The files have no content hashes: a few minutes fresh, then a revisit revalidates (ETag, 304).
SHORT_CACHE = "public, max-age=300"
COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".webmanifest", ".svg", ".txt"}
gzip_cache = GzipCache()
MIME_TYPES = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".txt": "text/plain",
    ".wasm": "application/wasm",
}
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(self), microphone=(self), geolocation=(), payment=()",
}


class PwaPath(PathConverter):
    """Any path except the API's, so /api/... keeps its own JSON 404 and 405 answers."""

    regex = r"(?!api(?:/|$))[^/].*?"


def _register_converter(state) -> None:
    state.app.url_map.converters.setdefault("pwa_path", PwaPath)


# Recorded before the routes below, so the converter exists when their rules are built.
blp.record_once(_register_converter)


@blp.get("/", defaults={"path": "index.html"})
@blp.get("/<pwa_path:path>")
def pwa(path: str):
    """A file from pwa/, or index.html for the client-side routes."""
    root: Path = current_app.config["TOGETHER"].pwa_dir
    if "\x00" in path:
        raise NotFound()  # neither a file nor one of the app's routes
    target = _resolve(root, path)
    if target is None:
        if Path(path).suffix:
            raise NotFound()  # a missing asset, not a route: HTML would poison caches
        target, path = root / "index.html", "index.html"
    mimetype = MIME_TYPES.get(target.suffix.lower())
    stat = target.stat()
    etag = f"{stat.st_mtime_ns:x}-{stat.st_size:x}"  # strong: a new version has a new mtime
    compressible = target.suffix.lower() in COMPRESSIBLE
    if compressible and accepts_gzip():
        response = Response(gzip_cache.get(target, stat.st_mtime_ns, stat.st_size),
                            mimetype=mimetype, headers={"Content-Encoding": "gzip"})
        response.set_etag(f"{etag}-gzip")  # another representation: another tag
        response.last_modified = stat.st_mtime
        response.make_conditional(request)  # 304 on If-None-Match; no Range on gzip bytes
    else:
        response = send_file(target, mimetype=mimetype, conditional=True, etag=etag,
                             max_age=None)
    if compressible:
        response.vary.add("Accept-Encoding")
    response.headers["Cache-Control"] = "no-cache" if target.name in NO_CACHE else SHORT_CACHE
    return response


@blp.after_request
def _security_headers(response):
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _resolve(root: Path, path: str) -> Path | None:
    """The file under root that path names, or None; never anything outside root."""
    if any(part.startswith(".") for part in path.split("/")):
        return None  # dotfiles, and "..", are never part of the app
    joined = safe_join(str(root), path)
    if joined is None:
        return None
    target = Path(joined).resolve()
    if not target.is_relative_to(root.resolve()) or not target.is_file():
        return None
    return target
