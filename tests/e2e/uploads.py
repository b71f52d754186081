"""What the server received of an upload, and waits sized to the work it is doing."""

from __future__ import annotations

import base64
import json
import re
import threading
import time
from urllib.parse import parse_qs

from playwright.sync_api import Page

from functions.videos import service as videos

# Budgets for a loaded 2-core machine (another test process transcoding beside this one).
# Each wait ends as soon as its condition holds; these only bound how long a broken run takes.
PART_S = 20  # one 8 MiB part, from the browser's file to the server's disk, over loopback
TRANSCODE_S = 15  # ffmpeg per second of clip: three renditions and a poster, at low priority
TRANSCODE_FLOOR_S = 30  # starting ffmpeg, probing, uploading the outputs
POLL_MS = 50

PARTS_PATH = "/api/media/local/parts"
COMPLETE = re.compile(r"^/api/videos/uploads/(\w+)/complete$")


def part_number(query: str) -> int:
    """The part a signed part URL is for, read from its policy (base64url JSON)."""
    policy = parse_qs(query)["policy"][0]
    return json.loads(base64.urlsafe_b64decode(policy + "=" * (-len(policy) % 4)))["n"]


def poll(page: Page, condition, seconds: float, what: str):
    """Until condition() is true, for at most `seconds`; its value.

    Polls through the page, not time.sleep: Playwright's sync API answers the page's routed
    requests (a test holding back parts) only while the test is inside one of its calls.
    """
    deadline = time.monotonic() + seconds
    while not (value := condition()):
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"waited {seconds} s for {what}")
        page.wait_for_timeout(min(POLL_MS, left * 1000))
    return value


class UploadWatch:
    """Watches the server's upload endpoints from outside, as a proxy in front of it would.

    A WSGI middleware around the app: the part numbers the server stored (answered 2xx), in
    order, every byte it read (parts cut off on the way too), and the uploads completed.
    """

    def __init__(self, app, page: Page):
        self.app = app
        self.page = page
        self.stored: list[int] = []
        self.bytes = 0
        self.completed: list[str] = []  # video ids
        self._lock = threading.Lock()  # waitress answers on several threads

    def __enter__(self) -> UploadWatch:
        self._inner = self.app.wsgi_app
        self.app.wsgi_app = self
        return self

    def __exit__(self, *exc) -> None:
        self.app.wsgi_app = self._inner

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == PARTS_PATH:
            number = part_number(environ.get("QUERY_STRING", ""))
            environ["wsgi.input"] = _Counting(environ["wsgi.input"], self)
            return self._inner(environ, self._noting(start_response, self.stored, number))
        completed = COMPLETE.match(path)
        if completed and environ["REQUEST_METHOD"] == "POST":
            return self._inner(environ, self._noting(start_response, self.completed,
                                                     completed.group(1)))
        return self._inner(environ, start_response)

    def _noting(self, start_response, into: list, value):
        def start(status, headers, exc_info=None):
            if status.startswith("2"):
                with self._lock:
                    into.append(value)
            return start_response(status, headers, exc_info)
        return start

    def _read(self, count: int) -> None:
        with self._lock:
            self.bytes += count

    def wait_for_parts(self, count: int) -> None:
        """Until the server has stored `count` parts: PART_S for each part still missing."""
        poll(self.page, lambda: len(self.stored) >= count,
             PART_S * max(1, count - len(self.stored)),
             f"{count} parts stored (stored {self.stored})")

    def wait_for_completion(self) -> str:
        """Until the phone completed an upload; its video id."""
        return poll(self.page, lambda: self.completed and self.completed[-1], PART_S,
                    "an upload completed")


class _Counting:
    def __init__(self, stream, watch: UploadWatch):
        self.stream, self.watch = stream, watch

    def read(self, size=-1):
        chunk = self.stream.read(size)
        self.watch._read(len(chunk))
        return chunk


def wait_until_processed(page: Page, app, video_id: str, clip_seconds: float) -> dict:
    """Until the server settled the video (ready or failed); budget sized to the clip."""
    store = app.extensions["together"].store

    def settled():
        video = videos.get(store, video_id)
        return video if video and video["status"] in ("ready", "failed") else None

    return poll(page, settled, TRANSCODE_FLOOR_S + TRANSCODE_S * clip_seconds,
                f"video {video_id} processed")
