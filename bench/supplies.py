"""Supplies: 200 people at one site ask at once for the last 100 units, over HTTP to the
embedded server (waitress, SQLite). Exactly 100 must be granted, 100 refused "out of stock",
none fail, and the stock must end at 0: the reservation is one conditional transaction.

It brings its own people: 200 employees at a bench site, imported into the directory, each
signed in (a session item and its signed cookie, as sign-in makes them), then one catalogue
item with 100 units received there. `python -m bench supplies` runs it alone.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import secrets
import threading
import time

from itsdangerous import Signer

from functions.config import Config
from functions.directory.service import import_csv
from functions.store.sqlite import SqliteStore

from .client import Client
from .data import CSV_COLUMNS, SECRET_KEY, settings
from .report import BenchError, Row, ms, percentile
from .server import Target

PEOPLE, UNITS = 200, 100
SITE, ITEM = "Bench Depot", "bench-masks"
JOIN_S = 60.0


def _people_csv() -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for n in range(PEOPLE):
        writer.writerow([f"S{n:05d}", f"Requester {n}", f"s{n:05d}@bench.example.com",
                         "Logistics", "Depot", SITE, "Hubei", "en", "", "employee", ""])
    return out.getvalue()


def _cookies(store) -> list[str]:
    """A signed-in cookie per person: the session item sign-in writes, and its signed token."""
    signer = Signer(SECRET_KEY.encode(), salt="together-session")
    now, cookies = int(time.time()), []
    for n in range(PEOPLE):
        token = secrets.token_urlsafe(32)
        store.put({"pk": f"SESSION#{hashlib.sha256(token.encode()).hexdigest()}", "sk": "#",
                   "employee_id": f"S{n:05d}", "created_at": now, "expires_at": now + 3600})
        cookies.append(f"tg_session={signer.sign(token).decode()}")
    return cookies


def _stock(target: Target) -> None:
    """One item in the catalogue (HR's session) and UNITS of it received at the bench site."""
    hr = target.client()
    try:
        status, _ = hr.request("POST", "/api/supplies/items", {
            "id": ITEM, "name": {"en": "Bench masks", "zh-CN": "测试口罩"},
            "unit": {"en": "box", "zh-CN": "盒"}, "limit_per_week": 5})
        if status not in (201, 409):
            raise BenchError(f"creating the bench item answered {status}")
        hr.json("POST", "/api/supplies/movements", {"site": SITE, "item": ITEM,
                                                     "kind": "received", "qty": UNITS,
                                                     "reason": "Bench delivery"}, expect=201)
    finally:
        hr.close()


def _left(target: Target) -> int:
    hr = target.client()
    try:
        rows = hr.json("GET", f"/api/supplies/stock?site={SITE.replace(' ', '%20')}")["items"]
    finally:
        hr.close()
    return next(r["qty"] for r in rows if r["item"]["id"] == ITEM)


def race(target: Target) -> list[Row]:
    """PEOPLE concurrent requests for UNITS units; the tally, the rate and the latencies."""
    store = SqliteStore(Config.from_env(settings(target.data_dir)).sqlite_path)
    import_csv(store, _people_csv())
    cookies = _cookies(store)
    _stock(target)
    gate = threading.Barrier(PEOPLE + 1)
    results: list[tuple[int, str, float]] = []
    lock = threading.Lock()

    def ask(n: int) -> None:
        client = Client(target.port, cookies[n])
        client.headers["Idempotency-Key"] = f"bench-supplies-{n}-{secrets.token_hex(4)}"
        try:
            gate.wait(JOIN_S)
            start = time.perf_counter()
            status, body = client.request("POST", "/api/supplies/requests", {
                "lines": [{"item": ITEM, "qty": 1}], "delivery": {"kind": "pickup"}})
            took = time.perf_counter() - start
            code = "" if status == 201 else json.loads(body)["error"]["code"]
        except Exception as exc:  # counted as an error and shown: a failure must not hide
            status, code, took = 0, repr(exc), 0.0
        finally:
            client.close()
        with lock:
            results.append((status, code, took))

    threads = [threading.Thread(target=ask, args=(n,), daemon=True) for n in range(PEOPLE)]
    for thread in threads:
        thread.start()
    gate.wait(JOIN_S)
    started = time.perf_counter()
    for thread in threads:
        thread.join(JOIN_S)
    wall = time.perf_counter() - started
    granted = sum(1 for s, _, _ in results if s == 201)
    refused = sum(1 for s, c, _ in results if s == 409 and c == "out_of_stock")
    errors = [(s, c) for s, c, _ in results if s != 201 and not (s == 409 and c == "out_of_stock")]
    left = _left(target)
    verdict = "ok" if (granted, refused, len(errors), left) == (UNITS, PEOPLE - UNITS, 0, 0) \
        else "WRONG"
    latencies = [t for s, _, t in results if s in (201, 409)]
    rows = [Row(f"supplies: {PEOPLE} ask for {UNITS}",
                f"granted {granted}, out of stock {refused}, errors {len(errors)}, "
                f"stock left {left}   ({verdict})"
                + (f"   first error: {errors[0]!r}" if errors else "")),
            Row("supplies: requests", f"{len(results) / wall:,.0f} req/s   p50 "
                f"{ms(percentile(latencies, 50))}   p99 {ms(percentile(latencies, 99))}"
                f"   ({len(results)} in {wall:.2f} s)")]
    if verdict != "ok":
        for row in rows:
            print(f"  {row.label}  {row.figures}", flush=True)
        raise BenchError("supplies: the race oversold, refused wrongly or failed")
    return rows
