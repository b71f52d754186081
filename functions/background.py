"""Background work in this process, for the embedded configuration (AWS uses Lambda events)."""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor, wait

log = logging.getLogger(__name__)


class LocalWorker:
    """Background work in this process, a few jobs at a time, so a request answers at once.

    zappa's @task would run synchronously off Lambda: /complete would then wait for ffmpeg.
    """

    def __init__(self, threads: int = 2):
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="together-worker")
        self._lock = threading.Lock()
        self._pending: set[Future] = set()

    def submit(self, fn, *args) -> Future:
        future = self._pool.submit(self._run, fn, *args)
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(self._forget)
        return future

    def join(self, timeout: float) -> bool:
        """Wait until every job submitted so far has ended; False if time ran out (tests)."""
        with self._lock:
            pending = set(self._pending)
        return not wait(pending, timeout=timeout).not_done

    def _forget(self, future: Future) -> None:
        with self._lock:
            self._pending.discard(future)

    @staticmethod
    def _run(fn, *args):
        try:
            return fn(*args)
        except Exception:
            log.exception("background job %s failed", getattr(fn, "__name__", fn))
            raise


def every(seconds: float, fn) -> threading.Thread:
    """Calls fn every `seconds` on a daemon thread, for as long as the process runs."""
    stop = threading.Event()

    def loop():
        while not stop.wait(seconds):
            try:
                fn()
            except Exception:  # logged; the next round tries again
                log.exception("periodic job %s failed", getattr(fn, "__name__", fn))

    thread = threading.Thread(target=loop, name="together-every", daemon=True)
    thread.start()
    return thread
