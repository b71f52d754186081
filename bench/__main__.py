"""`python -m bench [name ...]`: fill a store, start the server, print every benchmark's rows."""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import signal
import sys
import tempfile
import time
from pathlib import Path

from . import (
    browser,
    checkins,
    coldstart,
    healthpass,
    latency,
    lighthouse,
    notes,
    phone,
    push,
    shell_size,
    throughput,
    video,
)
from .data import MIN_ITEMS, build
from .machine import OtherLoad
from .report import BenchError, print_row
from .server import serve

ITEMS = 100_000
TIME_LIMIT_S = 480  # the whole run stops by itself, even if something hangs (usually ~3 min)

# Adding a benchmark: a function (Target) -> list[Row], listed here.
BENCHMARKS = {
    "me": latency.me,
    "page": latency.employees_page,
    "me-load": throughput.me,
    "page-load": throughput.employees_page,
    "cold-start": coldstart.cold_start,
    "pass-qr": healthpass.qr_sizes,
    "pass-issue": healthpass.issue_latency,
    "pass-verify-browser": browser.pass_verify,
    "upload-resend": browser.upload_resend,
    "news-requests": video.news_requests,
    "news-feed": video.news_feed,
    "shell-size": shell_size.shell_size,
    "phone-network": phone.phone_network,
    "lighthouse": lighthouse.lighthouse,
    "push-fanout": push.fanout_10k,
    "notes-for-me": notes.notes_for_me,
    "checkins": checkins.checkins,
}
# Benchmarks that fill a store of their own: run alone, they need no bench server (nor its fill).
OWN_STORE = {"checkins"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="name",
                        help=f"benchmarks to run (default: all): {', '.join(BENCHMARKS)}")
    parser.add_argument("--items", type=int, default=ITEMS,
                        help="items in the store (default: %(default)s)")
    args = parser.parse_args(argv)
    unknown = set(args.names) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmark {', '.join(sorted(unknown))}")
    if args.items < MIN_ITEMS:
        parser.error(f"--items must be at least {MIN_ITEMS:,}")
    chosen = args.names or list(BENCHMARKS)

    signal.signal(signal.SIGALRM, _out_of_time)
    signal.alarm(TIME_LIMIT_S)
    started, other_load = time.perf_counter(), OtherLoad()
    own = set(chosen) <= OWN_STORE
    print("Together bench (embedded: SQLite + local files), "
          + ("each on its own store" if own else f"{args.items:,} items"), flush=True)
    print(f"  {datetime.date.today()}, {os.cpu_count()} cores, Python {platform.python_version()},"
          f" {platform.system()} {platform.machine()}", flush=True)
    if own:
        for name in chosen:
            for row in BENCHMARKS[name](None):
                print_row(row)
    else:
        with tempfile.TemporaryDirectory(prefix="together-bench-") as tmp:
            dataset = build(Path(tmp), args.items)
            print(f"  store: {dataset.describe()}", flush=True)
            with serve(dataset.data_dir) as target:
                for name in chosen:
                    for row in BENCHMARKS[name](target):
                        print_row(row)
    signal.alarm(0)
    print(f"  {other_load.report()}")
    print(f"  (bench took {time.perf_counter() - started:.0f} s)")
    return 0


def _out_of_time(signum, frame):
    raise BenchError(f"the bench ran longer than {TIME_LIMIT_S} s; stopped")


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as exc:  # what went wrong is the whole message; the stack adds nothing
        sys.exit(f"bench failed: {exc}")
