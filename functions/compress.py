"""gzip on the embedded server: the PWA's text files compressed once per version, JSON answers
per request (on AWS, CloudFront compresses the PWA; see serverless.yml)."""

from __future__ import annotations

import gzip
import threading
from collections import OrderedDict
from pathlib import Path

from flask import Flask, Response, request

LEVEL = 6  # zlib's default: level 9 saves about 1% more for twice the CPU
JSON_MIN_BYTES = 1024  # below a packet's worth, gzip's header and the CPU buy nothing


def accepts_gzip() -> bool:
    """The request's Accept-Encoding allows gzip (a "*" counts; "gzip;q=0" refuses it)."""
    return request.accept_encodings["gzip"] > 0


class GzipCache:
    """gzip bodies of files, keyed by path, mtime and size, so a changed file is compressed
    again and an unchanged one never twice; the least recently used go beyond max_bytes."""

    def __init__(self, max_bytes: int = 16 * 1024 * 1024):
        self.max_bytes = max_bytes
        self._bodies: OrderedDict[tuple, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()  # waitress answers on several threads

    @property
    def size(self) -> int:
        """Bytes held."""
        return self._size

    def get(self, path: Path, mtime_ns: int, size: int) -> bytes:
        key = (str(path), mtime_ns, size)
        with self._lock:
            body = self._bodies.get(key)
            if body is not None:
                self._bodies.move_to_end(key)
                return body
        body = gzip.compress(path.read_bytes(), LEVEL, mtime=0)  # mtime=0: the same bytes each time
        with self._lock:
            if key not in self._bodies and len(body) <= self.max_bytes:
                self._bodies[key] = body
                self._size += len(body)
                while self._size > self.max_bytes:
                    _, dropped = self._bodies.popitem(last=False)
                    self._size -= len(dropped)
        return body


def install_json_gzip(app: Flask) -> None:
    """gzip JSON answers above JSON_MIN_BYTES for clients that accept it (embedded only:
    on AWS the body would cross API Gateway base64-encoded)."""

    @app.after_request
    def gzip_json(response: Response) -> Response:
        if (response.mimetype != "application/json" or response.is_streamed
                or response.status_code < 200 or response.status_code in (204, 206, 304)
                or "Content-Encoding" in response.headers):
            return response
        body = response.get_data()
        if len(body) < JSON_MIN_BYTES:
            return response
        response.vary.add("Accept-Encoding")
        if not accepts_gzip():
            return response
        response.set_data(gzip.compress(body, LEVEL, mtime=0))
        response.headers["Content-Encoding"] = "gzip"
        if response.get_etag()[0]:
            # A strong ETag names the bytes sent: the gzip body is another representation.
            tag, weak = response.get_etag()
            response.set_etag(f"{tag}-gzip", weak=weak)
        return response
