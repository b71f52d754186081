"""Cold start: importing the app and answering one request, in a fresh interpreter each time."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile

from functions.config import REPO_ROOT

from .data import settings
from .report import BenchError, Row, ms
from .server import Target

RUNS = 5  # the median of these is printed, after one unmeasured run that warms the file cache
RUN_TIMEOUT_S = 60

# Each script times itself from its first line, so interpreter start-up (the same for both)
# is left out, and prints the seconds taken: wall clock, then CPU (user + system). The CPU
# ratio moves less than the wall-clock one when other work shares the machine.
BARE_FLASK = """
import time
started, cpu_started = time.perf_counter(), time.process_time()
from flask import Flask
app = Flask(__name__)
@app.get("/")
def hello():
    return "hello"
assert app.test_client().get("/").status_code == 200
print(time.perf_counter() - started, time.process_time() - cpu_started)
"""
TOGETHER = """
import time
started, cpu_started = time.perf_counter(), time.process_time()
import functions.wsgi
client = functions.wsgi.app.test_client()
{cookie}
response = client.get({path!r})
assert response.status_code == 200, response.get_data()
print(time.perf_counter() - started, time.process_time() - cpu_started)
"""


def run_once(script: str, env: dict[str, str]) -> tuple[float, float]:
    """Seconds of wall clock and of CPU, as the script measured them."""
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
    if done.returncode != 0:
        raise BenchError(f"a cold-start run failed:\n{done.stderr[-2000:]}")
    wall, cpu = done.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def together_script(path: str, cookie: str | None) -> str:
    set_cookie = ""
    if cookie:
        name, value = cookie.split("=", 1)
        set_cookie = f"client.set_cookie({name!r}, {value!r})"
    return TOGETHER.format(cookie=set_cookie, path=path)


# Both apps run from bytecode, as the Lambda zip ships it (infra/package.sh compiles every
# module): the unmeasured run writes it to a private cache, even where the environment says
# PYTHONDONTWRITEBYTECODE, so that setting no longer adds the compiling of functions/.
def cold_start(target: Target) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="together-pyc-") as pycache:
        env = {**os.environ, **settings(target.data_dir), "PYTHONPYCACHEPREFIX": pycache}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        return _cold_start(target, env)


def _cold_start(target: Target, env: dict[str, str]) -> list[Row]:
    scripts = {"bare": BARE_FLASK, "health": together_script("/api/healthz", None),
               "me": together_script("/api/me", target.cookie)}
    times: dict[str, list[float]] = {name: [] for name in scripts}
    cpu: dict[str, list[float]] = {name: [] for name in scripts}
    for run in range(RUNS + 1):
        for name, script in scripts.items():  # interleaved, so drift hits all three alike
            seconds, cpu_seconds = run_once(script, env)
            if run:
                times[name].append(seconds)
                cpu[name].append(cpu_seconds)
    bare, bare_cpu = statistics.median(times["bare"]), statistics.median(cpu["bare"])

    def row(label: str, name: str, note: str = "") -> Row:
        runs = times[name]
        median, median_cpu = statistics.median(runs), statistics.median(cpu[name])
        ratio = "" if name == "bare" else (f"   ratio {median / bare:.2f}x, CPU"
                                           f" {median_cpu / bare_cpu:.2f}x")
        return Row(label, f"{ms(median):>9}{ratio}   (runs {ms(min(runs))} to {ms(max(runs))};"
                          f" CPU {ms(median_cpu)}{note})")

    return [
        row("cold start: bare Flask hello", "bare", "; both apps from bytecode"),
        row("cold start: together /api/healthz", "health"),
        row("cold start: together /api/me", "me", "; opens the store"),
    ]
