"""The health pass: QR sizes against their goals, verification time, and issue latency."""

from __future__ import annotations

from functions.healthpass import sizes

from .latency import measure
from .report import Row, latency_row
from .server import Target

GOALS = {"static": 9, "live": 13}  # QR versions at ECC M, with a 30-byte name (issue #4)
CLEAN_DAY = {"temperature_c": 36.6, "symptoms": [], "close_contact": False,
             "visited_high_risk_area": False}


def qr_sizes(target: Target) -> list[Row]:
    """QR version and modules of each pass kind, and the server-side verify time."""
    rows = []
    for row in sizes.measure():
        goal = GOALS[row["pass"]]
        verdict = "meets" if row["qr_version"] <= goal else "MISSES"
        rows.append(Row(f"{row['pass']} pass QR (30-byte name)",
                        f"v{row['qr_version']} ({row['modules']}x{row['modules']} modules, "
                        f"{row['chars']} chars) {verdict} goal v{goal}; "
                        f"verify {row['verify_us']:.0f} µs in Python"))
    return rows


def issue_latency(target: Target) -> list[Row]:
    """GET /api/health/pass for a person who declared today (signs a fresh credential)."""
    client = target.client()
    try:
        client.json("POST", "/api/health/declarations", CLEAN_DAY, expect=201)
    finally:
        client.close()
    # The day's credential is signed once and then served again while nothing changes.
    return [latency_row("GET /api/health/pass (today's, kept)",
                        measure(target, ["/api/health/pass"]))]
