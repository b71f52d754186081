"""Latency of single requests, one after another on one keep-alive connection."""

from __future__ import annotations

import functools
import itertools
import json
import time
from collections.abc import Callable
from urllib.parse import quote

from .data import BENCH_UNIT
from .report import BenchError, Row, latency_row
from .server import Target

WARMUP = 100
REQUESTS = 2_000
TIME_LIMIT_S = 30  # per benchmark: the loop stops at REQUESTS or here, whichever comes first
PAGE = 50
MAX_PAGES = 1_000


def timed(call: Callable[[], float], count: int, limit_s: float) -> list[float]:
    """The round-trip seconds of up to `count` calls, stopping early after `limit_s`."""
    samples: list[float] = []
    deadline = time.perf_counter() + limit_s
    for _ in range(count):
        if time.perf_counter() > deadline:
            break
        samples.append(call())
    return samples


def round_trip(client, path: str) -> tuple[float, bytes]:
    """Seconds from sending the request to having read the whole answer; the answer's body."""
    started = time.perf_counter()
    status, body = client.request("GET", path)
    elapsed = time.perf_counter() - started
    if status != 200:
        raise BenchError(f"GET {path} answered {status}: {body[:200]!r}")
    return elapsed, body


def measure(target: Target, paths: list[str]) -> list[float]:
    """Warm up, then time requests for the paths in turn on one keep-alive connection."""
    client = target.client()
    try:
        call = cycling(client, paths)
        timed(call, WARMUP, TIME_LIMIT_S)
        return timed(call, REQUESTS, TIME_LIMIT_S)
    finally:
        client.close()


@functools.cache  # one walk serves every benchmark of the run
def page_paths(target: Target) -> list[str]:
    """The path of every page of the unit's employees, walked once by following cursors."""
    client = target.client()
    paths: list[str] = []
    cursor = None
    try:
        for _ in range(MAX_PAGES):
            path = f"/api/directory/employees?unit={BENCH_UNIT}&limit={PAGE}"
            if cursor:
                path += f"&cursor={quote(cursor)}"
            page = json.loads(round_trip(client, path)[1])
            if len(page["items"]) != PAGE:
                raise BenchError(f"a page held {len(page['items'])} employees, not {PAGE}")
            paths.append(path)
            cursor = page["cursor"]
            if cursor is None:
                return paths
    finally:
        client.close()
    raise BenchError(f"the unit {BENCH_UNIT} has more than {MAX_PAGES} pages")


def cycling(client, paths: list[str]) -> Callable[[], float]:
    """A call that requests the paths in turn, round-robin."""
    turn = itertools.cycle(paths)
    return lambda: round_trip(client, next(turn))[0]


def me(target: Target) -> list[Row]:
    return [latency_row("GET /api/me", measure(target, ["/api/me"]))]


def employees_page(target: Target) -> list[Row]:
    paths = page_paths(target)
    return [latency_row(f"GET {PAGE} employees (1 of {len(paths)} pages)",
                        measure(target, paths))]
