"""The embedded server as `make run` starts it (waitress, 8 threads), on a free loopback port."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from functions.config import REPO_ROOT

from .client import LOOPBACK, Client, sign_in
from .data import settings
from .report import BenchError

THREADS = 8
START_TIMEOUT_S = 30
STOP_TIMEOUT_S = 10
SIGN_IN_AS = "hr@example.com"  # HR may list employees, so one session serves every benchmark


@dataclass(frozen=True)
class Target:
    """What a benchmark gets: a running server, a signed-in cookie, and its data directory."""

    data_dir: Path
    port: int
    pid: int
    cookie: str

    def client(self) -> Client:
        return Client(self.port, self.cookie)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


@contextmanager
def serve(data_dir: Path) -> Iterator[Target]:
    """Run waitress on the data directory; stop it (and only it) however the block ends."""
    port = free_port()
    log_path = data_dir / "server.log"
    command = [sys.executable, "-m", "waitress", f"--host={LOOPBACK}", f"--port={port}",
               f"--threads={THREADS}", "functions.wsgi:app"]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=REPO_ROOT, env={**os.environ, **settings(data_dir)},
                                   stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_until_healthy(process, port, log_path)
        yield Target(data_dir, port, process.pid, sign_in(port, SIGN_IN_AS))
    finally:
        process.terminate()
        try:
            process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(STOP_TIMEOUT_S)


def _wait_until_healthy(process: subprocess.Popen, port: int, log_path: Path) -> None:
    """Poll /api/healthz until it answers 200; fail if the server exits or the time runs out."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        client = Client(port, timeout=2)
        try:
            if client.request("GET", "/api/healthz")[0] == 200:
                return
        except (ConnectionError, http.client.HTTPException, TimeoutError):
            pass  # not listening yet
        finally:
            client.close()
        try:
            process.wait(timeout=0.05)  # doubles as the pause between polls
        except subprocess.TimeoutExpired:
            continue
        raise BenchError(f"the server exited with {process.returncode}:\n{_tail(log_path)}")
    raise BenchError(f"the server did not answer within {START_TIMEOUT_S} s:\n{_tail(log_path)}")


def _tail(path: Path, lines: int = 20) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far (Linux /proc), or None where unavailable."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
