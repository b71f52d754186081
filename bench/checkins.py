"""Check-ins: a check-in to 20,000 people (the directory as bench/data.py makes it): the time to
start it, p50/p99 of one answer, and of HR's live view with 100 and with 10,000 answers in, with
the store requests each live view makes (the same at both: it reads counters, not answers).

`python -m bench checkins` runs it beside the others (on its own store: the bench server's
directory is not 20,000 people); `python -m bench.checkins` alone, in well under a minute."""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from functions.audiences import sizes
from functions.checkins import answers, service, views
from functions.checkins.keys import ANSWERS
from functions.directory import service as directory
from functions.events import Bus
from functions.store import Update
from functions.store.sqlite import SqliteStore

from .data import BATCH, directory_csv, put_all
from .report import Row, latency_row, ms, print_row
from .server import Target
from .video import CountingStore

PEOPLE = 20_000
GROWTH = (100, 10_000)  # answers in when the live view is measured
VIEWS = 300  # live views timed at each size
HR = {"id": "B000000", "name": "Bench HR", "roles": ["employee", "hr"]}
QUESTION = {"question": {"en": "Are you safe?", "zh-CN": "你安全吗？"},
            "audience": {"kind": "company"}, "drill": True, "note": "",
            "remind_after_s": 900, "email_after_s": 3600}


def fill_directory(store, count: int) -> list[dict]:
    """The people of directory_csv written as the import writes them (profiles and audience
    sizes), without its search index and audit: a check-in reads neither."""
    rows = [row for _, row in directory.parse_csv(directory_csv(random.Random(2026), count))]
    counters: Counter = Counter()
    for row in rows:
        for update in sizes.changes(None, row):
            counters[(update.pk, update.sk)] += update.add["people"]
    put_all(store, (directory._item(row) for row in rows))
    updates = [Update(pk, sk, add={"people": n}) for (pk, sk), n in counters.items()]
    for n in range(0, len(updates), BATCH):
        store.transact(updates[n:n + BATCH])
    return rows


def _live_view(store, checkin_id: str) -> tuple[list[float], int]:
    """Seconds per live view (VIEWS of them), and the store requests one makes."""
    counting = CountingStore(store)
    views.operator(counting, service.managed(counting, HR, checkin_id))
    samples = []
    for _ in range(VIEWS):
        started = time.perf_counter()
        views.operator(store, service.managed(store, HR, checkin_id))
        samples.append(time.perf_counter() - started)
    return samples, counting.calls


def checkins(target: Target | None = None) -> list[Row]:
    """The figures above, on an own embedded store (target unused: see the module's doc)."""
    rng, now, rows = random.Random(16), int(time.time()), []
    with tempfile.TemporaryDirectory(prefix="together-bench-checkins-") as tmp:
        store = SqliteStore(Path(tmp) / "together.sqlite3")
        people = fill_directory(store, PEOPLE)
        started = time.perf_counter()
        checkin = service.start(store, Bus(), HR, QUESTION, now)
        created = time.perf_counter() - started
        rows.append(Row(f"start a check-in to {checkin['audience_size']:,}",
                        f"{ms(created)}   (the audience tallied per site and unit)"))
        rng.shuffle(people)
        answered, costs, timings = 0, [], []
        for size in GROWTH:
            for person in people[answered:size]:
                body = {"answer": rng.choice(ANSWERS)}
                begun = time.perf_counter()
                answers.record(store, checkin["id"], person, body, "app", now)
                timings.append(time.perf_counter() - begun)
            answered = size
            samples, calls = _live_view(store, checkin["id"])
            costs.append(calls)
            rows.append(latency_row(f"live view, {size:,} answers in", samples))
            rows.append(Row(f"store requests/live view, {size:,}", f"{calls}"))
        rows.insert(1, latency_row("one answer (1 transaction)", timings))
        if len(set(costs)) != 1:
            rows.append(Row("live view requests grew with answers!", f"{costs}"))
        view = views.operator(store, service.get(store, checkin["id"]))
        counted = sum(view["counts"][a] for a in ("safe", "need_help", "not_affected"))
        rows.append(Row("answers counted / given", f"{counted:,} / {GROWTH[-1]:,}"))
    return rows


def main() -> int:
    print(f"Together bench: a check-in to {PEOPLE:,} people (embedded: SQLite)", flush=True)
    started = time.perf_counter()
    for row in checkins():
        print_row(row, width=40)
    print(f"  (took {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
