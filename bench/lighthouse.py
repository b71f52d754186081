"""Lighthouse's mobile scores for the sign-in screen and Home (issue #12's goals).

Lighthouse (pinned in bench/lighthouse/, installed by `make bench`) drives Debian's Chromium with
its default mobile settings: a mid-range phone, simulated slow 4G.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
from pathlib import Path

from .client import LOOPBACK
from .report import BenchError, Row
from .server import Target

CLI = Path(__file__).resolve().parent / "lighthouse/node_modules/lighthouse/cli/index.js"
CATEGORIES = {"performance": 95, "accessibility": 100, "best-practices": 95}
RUN_TIMEOUT_S = 120
RUNS = 3  # scores move a few points between runs (more on a busy machine): the median is shown
FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking"


def _scores(url: str, cookie: str | None) -> dict[str, int]:
    command = ["node", str(CLI), url, "--quiet", "--output=json", "--output-path=stdout",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={FLAGS}"]
    if cookie:
        command.append(f"--extra-headers={json.dumps({'Cookie': cookie})}")
    env = {**os.environ, "CHROME_PATH": shutil.which("chromium") or ""}
    done = subprocess.run(command, capture_output=True, text=True, timeout=RUN_TIMEOUT_S, env=env)
    if done.returncode != 0:
        raise BenchError(f"lighthouse failed on {url}:\n{done.stderr[-1500:]}")
    report = json.loads(done.stdout)
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def lighthouse(target: Target) -> list[Row]:
    """Performance, accessibility and best practices, each against its goal."""
    if not CLI.exists():
        return [Row("lighthouse", "not installed: `make bench` installs it (bench/lighthouse/)")]
    if not shutil.which("chromium"):
        return [Row("lighthouse", "no chromium on this machine (infra/ensure-chromium.sh)")]
    base = f"http://{LOOPBACK}:{target.port}"
    rows = []
    for label, cookie in [("sign-in", None), ("Home", target.cookie)]:
        runs = [_scores(base + "/", cookie) for _ in range(RUNS)]
        scores = {name: statistics.median(run[name] for run in runs) for name in CATEGORIES}
        rows.append(Row(f"lighthouse, {label} (mobile, median of {RUNS})", ", ".join(
            f"{name} {score:.0f} ({'within' if score >= CATEGORIES[name] else 'UNDER'} "
            f"{CATEGORIES[name]})" for name, score in scores.items())))
    return rows
