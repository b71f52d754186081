"""What a benchmark returns (rows), and how figures are formatted and printed."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


class BenchError(RuntimeError):
    """The bench could not measure what it meant to (a wrong answer, a server that died)."""


@dataclass(frozen=True)
class Row:
    """One printed line: what was measured, and its figures."""

    label: str
    figures: str


def percentile(samples: Sequence[float], p: float) -> float:
    """Nearest-rank percentile: the smallest sample with at least p% of samples at or below it."""
    if not samples:
        raise BenchError("no samples")
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def ms(seconds: float) -> str:
    value = seconds * 1000
    digits = 2 if value < 10 else 1 if value < 100 else 0
    return f"{value:.{digits}f} ms"


def latency_row(label: str, samples: Sequence[float]) -> Row:
    return Row(label, f"p50 {ms(percentile(samples, 50)):>9}   p99 {ms(percentile(samples, 99)):>9}"
                      f"   ({len(samples):,} requests)")


def print_row(row: Row, width: int = 36) -> None:
    print(f"  {row.label:<{width}} {row.figures}", flush=True)
