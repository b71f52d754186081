"""A data directory for the embedded server, filled to a given number of store items."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import random
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from functions.app import create_app
from functions.directory.service import import_csv
from functions.i18n import t
from functions.seed import seed_demo
from functions.store import Put

SECRET_KEY = "bench"
BENCH_UNIT = "Bench"
BENCH_UNIT_SIZE = 5_000  # 100 pages of 50: the page benchmark reads each in turn
UNITS = ("Retail", "Cloud", "Logistics", "Manufacturing", "Finance", "Research")
SITES = (("Wuhan", "Hubei"), ("Hangzhou", "Zhejiang"), ("Shanghai", "Shanghai"),
         ("Shenzhen", "Guangdong"), ("Singapore", "Singapore"), ("Chengdu", "Sichuan"))
FIRST = ("Li", "Wang", "Zhang", "Liu", "Chen", "Maya", "Arjun", "Sofia", "Tom", "Aiko",
         "Hao", "Na", "Wei", "Lan", "Omar", "Lea", "Noah", "Mei", "Jun", "Ana")
LAST = ("Na 李娜", "Hao 陈浩", "Fernandes", "Zhou", "Tan", "Lim", "Nguyen", "Kumar", "Smith",
        "Sato", "Garcia", "Müller", "Rossi", "Wu 吴", "Xu 徐", "Huang 黄", "Ong", "Ito", "Park")
CSV_COLUMNS = ("id", "name", "email", "business_unit", "department", "site", "region",
               "language", "photo_url", "roles", "editor_units")
BATCH = 25  # the store port's largest transaction
# The unit alone takes about 24,000: per person a profile, an email pointer and the people-search
# index's items (one per word of the name, a Chinese run once per character: about 2.8 here).
MIN_ITEMS = 40_000


def settings(data_dir: Path) -> dict[str, str]:
    """The environment the embedded server reads (as `make run` sets it)."""
    return {"TOGETHER_DATA_DIR": str(data_dir), "TOGETHER_SECRET_KEY": SECRET_KEY}


@dataclass(frozen=True)
class Dataset:
    data_dir: Path
    items: int
    fill_s: float
    parts: dict[str, int]

    def describe(self) -> str:
        parts = ", ".join(f"{n:,} {what}" for what, n in self.parts.items())
        return f"{self.items:,} items filled in {self.fill_s:.1f} s ({parts})"


def build(data_dir: Path, target: int) -> Dataset:
    """Seed the demo directory, then fill through the store port until `target` items exist."""
    started = time.perf_counter()
    app = create_app(settings(data_dir))
    seed_demo(app)
    adapters = app.extensions["together"]
    store, sqlite_path = adapters.store, adapters.config.sqlite_path
    rng = random.Random(2026)
    employees = max(BENCH_UNIT_SIZE, target // 10)  # about 4.8 items each (see MIN_ITEMS)
    imported = import_csv(store, directory_csv(rng, employees)).created
    sessions = target // 10
    put_all(store, session_items(rng, employees, sessions))
    mails = target // 10
    for n in range(mails):  # through the outbox adapter, exactly as sign-in sends codes
        code = f"{n % 10**6:06d}"
        adapters.mail.send(f"e{n % employees:06d}@bench.example.com",
                           t("otp_subject", "en", code=code), t("otp_body", "en", code=code))
    notes = target - count_items(sqlite_path)
    if notes < 0:
        raise ValueError(f"{target:,} items is too few; the bench needs {MIN_ITEMS:,}")
    put_all(store, note_items(rng, employees, notes))
    # Written back now, so the kernel's flushing does not land in the measurements.
    os.sync()
    return Dataset(data_dir, count_items(sqlite_path), time.perf_counter() - started,
                   {"employees (CSV import)": imported, "sessions": sessions,
                    "outbox mails": mails, "notes": notes})


def demo_only(data_dir: Path) -> Dataset:
    """The demo directory alone, for benchmarks that bring their own data."""
    started = time.perf_counter()
    app = create_app(settings(data_dir))
    seed_demo(app)
    path = app.extensions["together"].config.sqlite_path
    return Dataset(data_dir, count_items(path), time.perf_counter() - started,
                   {"demo directory": count_items(path)})


def directory_csv(rng: random.Random, count: int) -> str:
    """HR's CSV: BENCH_UNIT_SIZE people in the unit "Bench", the rest across the other units."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for n in range(count):
        unit = BENCH_UNIT if n < BENCH_UNIT_SIZE else UNITS[n % len(UNITS)]
        site, region = rng.choice(SITES)
        writer.writerow([f"B{n:06d}", f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                         f"e{n:06d}@bench.example.com", unit, f"Dept {n % 40}", site, region,
                         rng.choice(("en", "zh-CN")), "", "employee", ""])
    return out.getvalue()


def session_items(rng: random.Random, employees: int, count: int) -> Iterator[dict]:
    """Sessions shaped as functions/auth/sessions.py stores them (a token's hash as key)."""
    now = int(time.time())
    for _ in range(count):
        token = rng.randbytes(32)
        yield {"pk": f"SESSION#{hashlib.sha256(token).hexdigest()}", "sk": "#",
               "employee_id": f"B{rng.randrange(employees):06d}", "created_at": now,
               "expires_at": now + 30 * 86400}


def note_items(rng: random.Random, employees: int, count: int) -> Iterator[dict]:
    """Free-text items in per-person partitions, half of them on gsi1 by day: generic bulk."""
    now = int(time.time())
    words = ("supplies", "masks", "shift", "bus", "canteen", "temperature", "office", "closed",
             "open", "tomorrow", "quarantine", "delivery", "update", "team", "safe", "home")
    for n in range(count):
        author = f"B{rng.randrange(employees):06d}"
        at = now - rng.randrange(60 * 86400)
        item = {"pk": f"BENCH#NOTE#{author}", "sk": f"{at:010d}#{n:07d}", "author": author,
                "text": " ".join(rng.choices(words, k=30)), "created_at": at}
        if n % 2:
            item |= {"gsi1pk": f"BENCH#DAY#{at // 86400}", "gsi1sk": item["sk"]}
        yield item


def put_all(store, items: Iterable[dict]) -> None:
    """Write items through the store port, BATCH to a transaction."""
    batch: list[Put] = []
    for item in items:
        batch.append(Put(item))
        if len(batch) == BATCH:
            store.transact(batch)
            batch = []
    if batch:
        store.transact(batch)


def count_items(sqlite_path: Path) -> int:
    """Rows in the embedded store's file: the port has no scan, so read it directly, read-only."""
    with closing(sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)) as conn:
        return conn.execute("SELECT COUNT(*) FROM items").fetchone()[0]
