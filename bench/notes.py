"""Notes for me: latency of a page and store requests per page, with 100,000 notes stored.

The notes are spread over many audience keys (the whole company, 6 units, 18 departments,
6 sites and 20,000 people); the reader (Maya: Cloud, Platform, Singapore, E0003, the account
the bench server signs in) belongs to 5 of them: company, unit, department, site and her own
person key. A campaign's notes are stored under its audience's key, so campaigns add no
partition to read. `python -m bench.notes` builds its own store; `notes_for_me` also fits
bench/__main__.py's BENCHMARKS (it takes a Target and returns rows).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from functions.notes import feed
from functions.notes.keys import SK, audience_key, author_pk, feed_pk, note_key, sort_key
from functions.store.sqlite import SqliteStore

from .data import SITES, UNITS, put_all
from .latency import measure
from .report import Row, latency_row, ms, percentile, print_row
from .server import Target
from .video import CountingStore

NOTES = 100_000
GROWTH = (1_000, NOTES)  # requests per page must not change with the data
PEOPLE = 20_000
PAGE = 20
PAGES = 10  # pages followed per walk (200 notes)
WALKS = 30  # timed walks: 300 pages
READER = {"id": "E0003", "name": "Maya Fernandes", "business_unit": "Cloud",
          "department": "Platform", "site": "Singapore"}
DEPARTMENTS = ("Platform", "Stores", "Planning")


def _audience(rng: random.Random) -> dict:
    roll = rng.random()
    if roll < 0.05:
        return {"kind": "company", "label": "Everyone"}
    if roll < 0.25:
        unit = rng.choice(UNITS)
        return {"kind": "unit", "unit": unit, "label": unit}
    if roll < 0.45:
        department = rng.choice(DEPARTMENTS)
        return {"kind": "department", "unit": rng.choice(UNITS), "department": department,
                "label": department}
    if roll < 0.70:
        site = rng.choice(SITES)[0]
        return {"kind": "site", "site": site, "label": site}
    person = "E0003" if rng.random() < 0.002 else f"P{rng.randrange(PEOPLE):05d}"
    return {"kind": "person", "person": person, "label": "Someone"}


def note_items(rng: random.Random, count: int, now: int) -> Iterator[dict]:
    """Published notes, shaped as notes.service.write stores them."""
    for n in range(count):
        audience = _audience(rng)
        note = {"id": f"01BENCHNOTE{n:015d}", "text": f"Stay strong! 加油 #{n}",
                "audience": audience, "audience_key": audience_key(audience),
                "anonymous": n % 5 == 0, "author_id": f"P{n % PEOPLE:05d}",
                "author_name": f"Person {n % PEOPLE}", "campaign": None,
                "created_at": now - rng.randrange(60 * 86400), "status": "published",
                "held_for": [], "reason": None, "cheers": n % 7, "reports": 0}
        yield {**note, "pk": note_key(note["id"])[0], "sk": SK,
               "gsi1pk": feed_pk(note["audience_key"]), "gsi1sk": sort_key(note),
               "gsi2pk": author_pk(note["author_id"]), "gsi2sk": sort_key(note)}


def _walk(store) -> list[float]:
    """Follow PAGES pages from the first; the seconds each took."""
    times, cursor = [], None
    for _ in range(PAGES):
        start = time.perf_counter()
        items, cursor = feed.page(store, READER, PAGE, cursor)
        times.append(time.perf_counter() - start)
        if len(items) != PAGE or cursor is None:
            break
    return times


def _requests(store) -> tuple[int, int]:
    counting = CountingStore(store)
    _, cursor = feed.page(counting, READER, PAGE, None)
    first = counting.calls
    feed.page(counting, READER, PAGE, cursor)
    return first, counting.calls - first


def _measure(store, count: int, filled: float | None) -> list[Row]:
    first, later = _requests(store)
    _walk(store)  # warm up
    samples = [t for _ in range(WALKS) for t in _walk(store)]
    fill = f"; filled in {filled:.1f} s" if filled is not None else ""
    return [Row(f"store requests/notes page, {count:,} notes",
                f"first page {first}, next pages {later}   (5 audience keys; "
                f"+2 per HTTP request: session and profile)"),
            Row(f"notes for me (service), {count:,} notes",
                f"p50 {ms(percentile(samples, 50)):>9}   p99 {ms(percentile(samples, 99)):>9}"
                f"   ({len(samples):,} pages{fill})")]


def _fill(store, count: int, now: int) -> float | None:
    """Write `count` notes unless the store has them (the bench server's, run again)."""
    if store.query(feed_pk("ALL"), index="gsi1", limit=1).items:
        return None
    started = time.perf_counter()
    put_all(store, note_items(random.Random(count), count, now))
    return time.perf_counter() - started


def notes_for_me(target: Target | None = None) -> list[Row]:
    """Requests per page and service-call latency at 1,000 notes (own store) and at 100,000
    (the bench server's store when it runs, else an own one); then GET /api/notes/for-me over
    HTTP on the bench server (target)."""
    rows, now = [], int(time.time())
    with tempfile.TemporaryDirectory(prefix="together-bench-notes-") as tmp:
        small = SqliteStore(Path(tmp) / "small.sqlite3")
        rows += _measure(small, GROWTH[0], _fill(small, GROWTH[0], now))
        big = SqliteStore(Path(target.data_dir) / "together.sqlite3" if target
                          else Path(tmp) / "big.sqlite3")
        rows += _measure(big, NOTES, _fill(big, NOTES, now))
    if target is not None:
        rows.append(_over_http(target))
    return rows


def _over_http(target: Target) -> Row:
    """The same pages through the server (its store must hold the notes: notes_for_me)."""
    client, paths, cursor = target.client(), [], None
    try:
        for _ in range(PAGES):
            path = f"/api/notes/for-me?limit={PAGE}" + (f"&cursor={cursor}" if cursor else "")
            paths.append(path)
            cursor = client.json("GET", path)["cursor"]
            if cursor is None:
                break
    finally:
        client.close()
    return latency_row(f"GET notes for me ({len(paths)} pages)", measure(target, paths))


def main() -> int:
    print("Together bench: notes for me (embedded: SQLite)", flush=True)
    for row in notes_for_me():
        print_row(row, width=42)
    return 0


if __name__ == "__main__":
    sys.exit(main())
