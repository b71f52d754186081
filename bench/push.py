"""Web Push fan-out: one notification to 10,000 subscriptions on a push service played on this
machine, with real encryption (aes128gcm), VAPID and the store's per-device markers, against
sending them one after another. Twice: a push service that answers at once (what the local
endpoint gives: CPU-bound, the worst case for concurrency) and one that answers after 20 ms
(a nearby real push service's round trip)."""

from __future__ import annotations

import multiprocessing
import os
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from functions.encoding import b64url
from functions.notify import fanout
from functions.notify.service import SK, key
from functions.push.vapid import FileVapidKey, Vapid
from functions.push.webpush import WebPush
from functions.store.sqlite import SqliteStore

from .report import BenchError, Row

SUBSCRIPTIONS = 10_000
SAMPLE = 300  # sent one after another; the sequential time for all is extrapolated from it
GOAL_RATIO, GOAL_S = 10, 20
RTT_S = 0.02
KEYS = 50  # distinct browser key pairs, shared round-robin (each push still gets its own
# ephemeral key and salt: the encryption work per message is the real one)


def _handler(delay_s: float):
    class Answer(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive: the adapter's pools reuse connections

        def do_POST(self):  # noqa: N802
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if delay_s:
                time.sleep(delay_s)  # the push service's round trip
            self.send_response(201)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    return Answer


def _serve(port_out, delay_s: float) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(delay_s))
    server.daemon_threads = True
    port_out.send(server.server_port)
    server.serve_forever()


def _push_service(delay_s: float):
    """The push service in a child process of the bench: its parsing does not take the
    sender's interpreter lock (a real push service is another machine altogether)."""
    parent, child = multiprocessing.Pipe()
    process = multiprocessing.get_context("fork").Process(target=_serve, args=(child, delay_s),
                                                          daemon=True)
    process.start()
    if not parent.poll(10):
        process.kill()
        raise BenchError("the local push service did not start")
    return process, f"http://127.0.0.1:{parent.recv()}"


def _people(store, url: str, count: int, prefix: str) -> list[dict]:
    keys = []
    for _ in range(KEYS):
        point = ec.generate_private_key(ec.SECP256R1()).public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
        keys.append((b64url(point), b64url(os.urandom(16))))
    people = []
    for n in range(count):
        person = {"id": f"{prefix}{n:05d}", "language": "en" if n % 2 else "zh-CN"}
        p256dh, auth = keys[n % KEYS]
        store.put({"pk": f"PUSH#{person['id']}", "sk": f"DEV#{n:032d}", "id": f"{n:032d}",
                   "endpoint": f"{url}/push/{n}", "p256dh": p256dh, "auth": auth,
                   "employee_id": person["id"], "updated_at": 0})
        people.append(person)
    return people


def _notification(store, notification_id: str) -> dict:
    item = {"pk": key(notification_id)[0], "sk": SK, "id": notification_id,
            "title": {"en": "Office closed tomorrow", "zh-CN": "明天办公室关闭"},
            "body": {"en": "Work from home; masks at reception.", "zh-CN": "请在家办公。"},
            "link": "/news", "audience": {"kind": "company"}, "urgency": "high", "ttl_s": 3600,
            "must_acknowledge": False, "topic": "hr", "sent": 0, "failed": 0, "pruned": 0}
    store.put(item)
    return item


def _naive(people: list[dict], store, item: dict, pem_path: Path) -> float:
    """Seconds per message with pywebpush's one-call API, one after another (a new
    connection and a new VAPID signature each time): how a plain loop sends."""
    from py_vapid import Vapid02
    from pywebpush import webpush

    vapid = Vapid02.from_pem(FileVapidKey(pem_path).pem().encode())
    start = time.perf_counter()
    for person in people:
        for device in store.iter_query(f"PUSH#{person['id']}", prefix="DEV#"):
            webpush({"endpoint": device["endpoint"],
                     "keys": {"p256dh": device["p256dh"], "auth": device["auth"]}},
                    fanout.payload(item, "en").decode(), vapid_private_key=vapid,
                    vapid_claims={"sub": "mailto:bench@example.com"}, ttl=3600, timeout=10)
    return (time.perf_counter() - start) / len(people)


def _measure(url: str, tmp: Path, ids) -> dict:
    store = SqliteStore(tmp / "push.sqlite3")
    push = WebPush(Vapid(FileVapidKey(tmp / "vapid.pem"), "mailto:bench@example.com"),
                   allow_loopback=True)
    everyone = _people(store, url, SUBSCRIPTIONS, "P")
    sample = _people(store, url, SAMPLE, "S")
    naive = _naive(sample, store, _notification(store, next(ids)), tmp / "vapid.pem")
    item = _notification(store, next(ids))
    start = time.perf_counter()
    fanout.Sender(store, push, workers=1).batch(item, sample, "send")
    one_worker = (time.perf_counter() - start) / SAMPLE
    item = _notification(store, next(ids))
    sender = fanout.Sender(store, push)
    start = time.perf_counter()
    for n in range(0, SUBSCRIPTIONS, fanout.BATCH):
        sender.batch(item, everyone[n:n + fanout.BATCH], "send")
    total_s = time.perf_counter() - start
    sent = store.get(*key(item["id"]))["sent"]
    if sent != SUBSCRIPTIONS:
        raise BenchError(f"{sent} of {SUBSCRIPTIONS} pushes answered 201")
    return {"total_s": total_s, "naive_s": naive * SUBSCRIPTIONS,
            "one_worker_s": one_worker * SUBSCRIPTIONS}


def _rows(name: str, m: dict, judged: bool) -> list[Row]:
    total, naive, one = m["total_s"], m["naive_s"], m["one_worker_s"]
    ok = naive / total >= GOAL_RATIO and total < GOAL_S
    verdict = (f"{'meets' if ok else 'MISSES'} goal >= {GOAL_RATIO}x and < {GOAL_S} s on "
               f"{os.cpu_count()} cores" if judged else
               "CPU only, no round trip to overlap: not what the goal is about")
    return [
        Row(f"push fan-out, {SUBSCRIPTIONS:,}, {name}",
            f"{total:.1f} s, {SUBSCRIPTIONS / total:,.0f} messages/s ({fanout.BATCH} per batch, "
            f"{fanout.WORKERS} in flight)"),
        Row(f"  one after another, {name}",
            f"pywebpush.webpush() {naive:.0f} s, our sender with 1 worker {one:.0f} s "
            f"(both extrapolated from {SAMPLE})"),
        Row(f"  against goals, {name}",
            f"{naive / total:.1f}x webpush() one after another ({one / total:.1f}x our own one "
            f"after another), {total:.1f} s: {verdict}"),
    ]


def fanout_10k(target=None) -> list[Row]:
    rows = []
    ids = iter(f"01JDA6Q2V8R4N7M3K5H9G2F1{n:02d}" for n in range(10, 99))
    # The goal is judged with a round trip: a push service is always another machine away.
    for name, delay in (("answered at once", 0.0), (f"{RTT_S * 1000:.0f} ms round trip", RTT_S)):
        process, url = _push_service(delay)
        try:
            with tempfile.TemporaryDirectory() as tmp:
                rows += _rows(name, _measure(url, Path(tmp), ids), judged=delay > 0)
        finally:
            process.kill()
            process.join(5)
    return rows
