"""Web Push fan-out: one notification to 10,000 subscriptions on a push service played in this
process (answers 201 at once), with real encryption (aes128gcm) and VAPID, the store's per-device
markers included; against sending them one after another."""

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
KEYS = 50  # distinct browser key pairs, shared round-robin (each push still gets its own
# ephemeral key and salt: the encryption work per message is the real one)


class _Answer(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: the adapter's pools reuse connections

    def do_POST(self):  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(201)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


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


def _serve(port_out) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Answer)
    server.daemon_threads = True
    port_out.send(server.server_port)
    server.serve_forever()


def _push_service():
    """The push service in a child process of the bench: its parsing does not take the
    sender's interpreter lock (a real push service is another machine altogether)."""
    parent, child = multiprocessing.Pipe()
    process = multiprocessing.get_context("fork").Process(target=_serve, args=(child,),
                                                          daemon=True)
    process.start()
    if not parent.poll(10):
        process.kill()
        raise BenchError("the local push service did not start")
    return process, f"http://127.0.0.1:{parent.recv()}"


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


def fanout_10k(target=None) -> list[Row]:
    process, url = _push_service()
    try:
        return _measure(url)
    finally:
        process.kill()
        process.join(5)


def _measure(url: str) -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteStore(Path(tmp) / "push.sqlite3")
        push = WebPush(Vapid(FileVapidKey(Path(tmp) / "vapid.pem"), "mailto:bench@example.com"),
                       allow_loopback=True)
        everyone = _people(store, url, SUBSCRIPTIONS, "P")
        sample = _people(store, url, SAMPLE, "S")

        item = _notification(store, "01JDA6Q2V8R4N7M3K5H9G2F1E2")
        naive_s = _naive(sample, store, item, Path(tmp) / "vapid.pem") * SUBSCRIPTIONS
        one_by_one = fanout.Sender(store, push, workers=1)
        item = _notification(store, "01JDA6Q2V8R4N7M3K5H9G2F1E0")
        start = time.perf_counter()
        one_by_one.batch(item, sample, "send")
        sequential_s = (time.perf_counter() - start) / SAMPLE * SUBSCRIPTIONS

        sender = fanout.Sender(store, push)
        item = _notification(store, "01JDA6Q2V8R4N7M3K5H9G2F1E1")
        start = time.perf_counter()
        for n in range(0, SUBSCRIPTIONS, fanout.BATCH):
            sender.batch(item, everyone[n:n + fanout.BATCH], "send")
        total_s = time.perf_counter() - start
        sent = store.get(*key(item["id"]))["sent"]
    if sent != SUBSCRIPTIONS:
        raise BenchError(f"{sent} of {SUBSCRIPTIONS} pushes answered 201")
    ratio = naive_s / total_s
    verdict = "meets" if ratio >= GOAL_RATIO and total_s < GOAL_S else "MISSES"
    return [
        Row(f"push fan-out, {SUBSCRIPTIONS:,} subscriptions",
            f"{total_s:.1f} s, {sent / total_s:,.0f} messages/s ({sent:,} sent; "
            f"{fanout.BATCH} per batch, {fanout.WORKERS} in flight)"),
        Row("pywebpush.webpush() one after another",
            f"{naive_s:.1f} s for {SUBSCRIPTIONS:,} (extrapolated from {SAMPLE}, "
            f"{SUBSCRIPTIONS / naive_s:,.0f} messages/s)"),
        Row("our sender with 1 worker, one after another",
            f"{sequential_s:.1f} s for {SUBSCRIPTIONS:,} (extrapolated from {SAMPLE}; pooled "
            f"connections, VAPID reused: {total_s and sequential_s / total_s:.1f}x slower "
            f"than 32 in flight against an endpoint that answers at once)"),
        Row("push fan-out against goals",
            f"{ratio:.1f}x faster than webpush() one after another, {total_s:.1f} s: "
            f"{verdict} goal >= {GOAL_RATIO}x and < {GOAL_S} s on {os.cpu_count()} cores"),
    ]
