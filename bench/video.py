"""Video news: store requests per feed page as the news grows, and the feed's latency.

`python -m bench.video` builds its own stores; `news_requests` and `news_feed` also fit
bench/__main__.py's BENCHMARKS (each takes a Target and returns rows).
"""

from __future__ import annotations

import csv
import io
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from functions.app import create_app
from functions.audiences import keys as audiences
from functions.directory.service import import_csv
from functions.media.local import LocalMedia
from functions.news import feed
from functions.news.service import feed_pk, manage_pk, news_key, sort_key
from functions.seed import seed_demo
from functions.store import Store
from functions.store.sqlite import SqliteStore
from functions.videos.service import video_key

from .data import SITES, UNITS, put_all, settings
from .latency import measure
from .report import BenchError, Row, latency_row, print_row
from .server import Target, serve

GROWTH = (1_000, 100_000)  # news items: the requests a page costs must not change
FEED_ITEMS, EMPLOYEES = 10_000, 1_000
PAGE = 20
PAGES_TIMED = 50
TZ = "Asia/Shanghai"
# Who reads: Maya (HR, Cloud, Platform, Singapore), the account the bench server signs in.
READER = {"id": "E0003", "business_unit": "Cloud", "department": "Platform",
          "site": "Singapore"}


class CountingStore(Store):
    """The real store, counting the requests made through it."""

    def __init__(self, inner):
        self.inner, self.calls = inner, 0

    def _call(self, name, *args, **kwargs):
        self.calls += 1
        return getattr(self.inner, name)(*args, **kwargs)

    def put(self, *a, **k):
        return self._call("put", *a, **k)

    def get(self, *a, **k):
        return self._call("get", *a, **k)

    def get_many(self, *a, **k):
        return self._call("get_many", *a, **k)

    def delete(self, *a, **k):
        return self._call("delete", *a, **k)

    def update(self, *a, **k):
        return self._call("update", *a, **k)

    def query(self, *a, **k):
        return self._call("query", *a, **k)

    def transact(self, *a, **k):
        return self._call("transact", *a, **k)


def _audience(rng: random.Random) -> dict:
    """A tenth company-wide, the rest by unit, department and site."""
    roll = rng.random()
    if roll < 0.1:
        return {"kind": "company"}
    if roll < 0.5:
        return {"kind": "unit", "unit": rng.choice(UNITS)}
    if roll < 0.7:
        return {"kind": "department", "unit": rng.choice(UNITS),
                "department": rng.choice(("Platform", "Stores", "Planning", "Security"))}
    return {"kind": "site", "site": rng.choice(SITES)[0]}


def news_items(rng: random.Random, count: int, now: int) -> Iterator[dict]:
    """Ready videos and published items, shaped as the videos and news services write them."""
    for n in range(count):
        video_id, news_id = f"01BENCHV{n:018d}", f"01BENCHN{n:018d}"
        prefix = f"videos/{video_id}/"
        yield {"pk": video_key(video_id)[0], "sk": "VIDEO", "video_id": video_id,
               "owner_id": "E0002", "filename": "news.mp4", "content_type": "video/mp4",
               "size": 40_000_000, "status": "ready", "news_id": news_id, "created_at": now,
               "duration_s": 95.0, "width": 1280, "height": 720,
               "poster": {"key": f"{prefix}video-poster.jpg", "width": 1280, "height": 720},
               "renditions": [{"name": "720p", "key": f"{prefix}video-720p.mp4", "width": 1280,
                               "height": 720},
                              {"name": "360p", "key": f"{prefix}video-360p.mp4", "width": 640,
                               "height": 360}]}
        audience = _audience(rng)
        item = {"pk": news_key(news_id)[0], "sk": "NEWS", "id": news_id,
                "title": {"en": f"Daily news {n}", "zh-CN": f"每日新闻 {n}"},
                "text": {"en": "Today in the battle: supplies, shifts, buses."},
                "video_id": video_id, "audience": audience,
                "publish_at": now - rng.randrange(60 * 86400), "pinned": False,
                "must_acknowledge": n % 7 == 0, "author_id": "E0002",
                "author_name": "Chen Hao 陈浩", "created_at": now, "views": 0,
                "completions": 0, "acks": 0}
        yield {**item, "gsi1pk": feed_pk(audiences.key(audience)), "gsi1sk": sort_key(item),
               "gsi2pk": manage_pk(audiences.unit_of(audience)), "gsi2sk": sort_key(item)}


def _requests(store, media, now: int) -> tuple[int, int]:
    """Store requests of the first feed page and of the next one (the feed's own)."""
    counting = CountingStore(store)
    feed.page(counting, media, READER, now, TZ, PAGE, None)  # warms caches: not counted
    counting.calls = 0
    first = feed.page(counting, media, READER, now, TZ, PAGE, None)
    first_calls = counting.calls
    feed.page(counting, media, READER, now, TZ, PAGE, first["cursor"])
    if not first["cursor"]:
        raise BenchError("the feed has a single page: nothing to follow")
    return first_calls, counting.calls - first_calls


def news_requests(target: Target | None = None) -> list[Row]:
    """Requests per page at each size in GROWTH (its own stores; the target is not used)."""
    rows, now = [], int(time.time())
    for count in GROWTH:
        with tempfile.TemporaryDirectory(prefix="together-bench-news-") as tmp:
            store = SqliteStore(Path(tmp) / "store.sqlite3")
            put_all(store, news_items(random.Random(count), count, now))
            first, later = _requests(store, LocalMedia(Path(tmp), b"bench"), now)
        rows.append(Row(f"store requests/feed page, {count:,} news",
                        f"first page {first}, next pages {later}   (+2 per HTTP request: "
                        f"session and profile)"))
    return rows


def news_feed(target: Target) -> list[Row]:
    """GET /api/news, PAGES_TIMED pages in turn, after FEED_ITEMS items join the store."""
    store = SqliteStore(Path(target.data_dir) / "together.sqlite3")
    if not store.query("FEED#ALL", index="gsi1", limit=1).items:
        put_all(store, news_items(random.Random(7), FEED_ITEMS, int(time.time())))
    client, paths, cursor = target.client(), [], None
    try:
        for _ in range(PAGES_TIMED):
            path = f"/api/news?limit={PAGE}" + (f"&cursor={cursor}" if cursor else "")
            page = client.json("GET", path)
            paths.append(path)
            cursor = page["cursor"]
            if cursor is None:
                break
    finally:
        client.close()
    return [latency_row(f"GET {PAGE} news ({len(paths)} pages)", measure(target, paths))]


def _directory(count: int) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(("id", "name", "email", "business_unit", "department", "site", "region"))
    for n in range(count):
        site, region = SITES[n % len(SITES)]
        writer.writerow((f"N{n:05d}", f"Person {n}", f"n{n:05d}@bench.example.com",
                         UNITS[n % len(UNITS)], ("Platform", "Stores", "Planning")[n % 3],
                         site, region))
    return out.getvalue()


def main() -> int:
    print("Together bench: video news (embedded: SQLite + local files)", flush=True)
    for row in news_requests():
        print_row(row, width=40)
    with tempfile.TemporaryDirectory(prefix="together-bench-feed-") as tmp:
        app = create_app(settings(Path(tmp)))
        seed_demo(app)
        store = app.extensions["together"].store
        import_csv(store, _directory(EMPLOYEES))
        put_all(store, news_items(random.Random(7), FEED_ITEMS, int(time.time())))
        print(f"  store: {EMPLOYEES:,} employees + the demo's 60, {FEED_ITEMS:,} news items",
              flush=True)
        with serve(Path(tmp)) as target:
            for row in news_feed(target):
                print_row(row, width=40)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as exc:
        sys.exit(f"bench failed: {exc}")
