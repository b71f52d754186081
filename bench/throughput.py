"""Requests per second from a closed loop of clients, each waiting for its answer."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from .latency import PAGE, cycling, page_paths
from .report import BenchError, Row, ms
from .server import Target, cpu_seconds

CLIENTS = 8  # as many as waitress has threads
DURATION_S = 10.0
MAX_PER_CLIENT = 50_000  # a bound in count too, should the server be far faster than expected
JOIN_GRACE_S = 15.0  # beyond DURATION_S; one request times out after client.TIMEOUT_S


@dataclass
class Tally:
    done: int = 0
    failed: list = field(default_factory=list)
    started: float = 0.0
    ended: float = 0.0


def load(target: Target, paths: list[str]) -> tuple[float, Tally, str]:
    """Run CLIENTS threads for DURATION_S; requests/s, one tally, and where the CPU went."""
    tallies = [Tally() for _ in range(CLIENTS)]
    ready = threading.Barrier(CLIENTS + 1)
    threads = [threading.Thread(target=_client_loop, args=(target, paths, ready, t), daemon=True)
               for t in tallies]
    for thread in threads:
        thread.start()
    server_cpu, client_cpu = cpu_seconds(target.pid), time.process_time()
    ready.wait(timeout=JOIN_GRACE_S)
    for thread in threads:
        thread.join(DURATION_S + JOIN_GRACE_S)
    server_cpu = cpu_seconds(target.pid) - server_cpu if server_cpu is not None else None
    client_cpu = time.process_time() - client_cpu
    started = [t for t in tallies if t.started]
    if not started:
        raise BenchError(f"no client started: {[f for t in tallies for f in t.failed]!r}")
    wall = max(t.ended for t in started) - min(t.started for t in started)
    total = Tally(sum(t.done for t in tallies), [f for t in tallies for f in t.failed])
    cpu = ""
    if server_cpu is not None and total.done:
        # CPU per request moves less with the machine's other load than requests/s does.
        cpu = f"server {server_cpu / wall:.2f} cores, {ms(server_cpu / total.done)} CPU/req; "
    return total.done / wall, total, f"{cpu}client {client_cpu / wall:.2f} cores"


def _client_loop(target: Target, paths: list[str], ready: threading.Barrier, tally: Tally):
    client = target.client()
    call = cycling(client, paths)
    try:
        ready.wait(timeout=JOIN_GRACE_S)
        tally.started = time.perf_counter()
        deadline = tally.started + DURATION_S
        while tally.done < MAX_PER_CLIENT and time.perf_counter() < deadline:
            call()
            tally.done += 1
    except Exception as exc:  # recorded and printed: a failing load must not look fast
        tally.failed.append(exc)
    finally:
        tally.ended = time.perf_counter()
        client.close()


def _row(label: str, target: Target, paths: list[str]) -> Row:
    rate, tally, cpu = load(target, paths)
    figures = f"{rate:,.0f} req/s   ({tally.done:,} in {DURATION_S:.0f} s; {cpu})"
    if tally.failed:
        figures += f"   {len(tally.failed)} CLIENTS FAILED, first: {tally.failed[0]!r}"
    return Row(label, figures)


def me(target: Target) -> list[Row]:
    return [_row(f"GET /api/me, {CLIENTS} clients", target, ["/api/me"])]


def employees_page(target: Target) -> list[Row]:
    return [_row(f"GET {PAGE} employees, {CLIENTS} clients", target, page_paths(target))]

