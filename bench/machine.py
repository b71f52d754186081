"""How busy the machine was with other work while the bench ran (Linux /proc/stat)."""

from __future__ import annotations

import os
import time
from pathlib import Path

BUSY_LIMIT = 0.2  # cores used by others above which the figures are not comparable


def _busy_seconds() -> float | None:
    """CPU seconds all processes have spent busy since boot, or None where unknown."""
    try:
        fields = [int(f) for f in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _own_seconds() -> float:
    """CPU seconds of this process and of the children it has waited for (server, runs)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


class OtherLoad:
    """Started before the bench, read after it: the cores other processes kept busy meanwhile."""

    def __init__(self):
        self.busy, self.own, self.started = _busy_seconds(), _own_seconds(), time.monotonic()

    def report(self) -> str:
        busy = _busy_seconds()
        if busy is None or self.busy is None:
            return "other load on the machine: unknown (no /proc/stat)"
        others = (busy - self.busy - (_own_seconds() - self.own)) / (time.monotonic()
                                                                      - self.started)
        verdict = "" if others < BUSY_LIMIT else (
            " -- the machine was busy: these figures are not comparable; run again when idle")
        return f"other load on the machine during the run: {max(others, 0):.2f} cores{verdict}"
