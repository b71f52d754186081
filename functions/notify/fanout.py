"""Delivering a notification to devices: the audience a batch of people at a time, each batch
sent with bounded concurrency (the push adapter keeps one connection pool per push service).

Every device gets a conditional marker (NOTIFSENT#<id>#<device> / <round>) BEFORE its push, so
a batch that crashes and runs again never sends twice to one device (at most once: a device
whose push was under way at the crash is not retried). 404/410 prune the subscription; 429
waits per push-service host as Retry-After says; 5xx and no answer retry with backoff, then
count as failed. Mutes and quiet hours hold back the push (never the inbox) unless urgent."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from ..audiences import members
from ..push.port import EndpointRefused, Message
from ..store import Condition, ConditionFailed
from . import subscriptions
from .inbox import lang_of
from .service import get, key, marker_key, topic_header

BATCH = 500  # people per batch: one page of the directory, one Lambda invocation on AWS
WORKERS = 32  # pushes in flight per batch
ATTEMPTS = 4  # per device: the first try and three retries
BACKOFF_S = (0.5, 1.0, 2.0)  # after a 5xx or no answer
MAX_WAIT_S = 60.0  # the longest Retry-After honoured; beyond it the push counts as failed
PAYLOAD_MAX = 3000
MARKER_KEEP_S = 30 * 86400


def payload(item: dict, lang: str) -> bytes:
    """The push's JSON: an id and the short text in one language (always < 3 KB), and the
    notification's buttons and data fields when it has them."""
    body = item["body"].get(lang) or next(iter(item["body"].values()), "")
    data = {"id": item["id"], "title": item["title"][lang], "body": body,
            "link": item["link"], "urgency": item["urgency"],
            "must_acknowledge": item["must_acknowledge"], "lang": lang}
    if item.get("actions"):
        data["actions"] = item["actions"].get(lang) or next(iter(item["actions"].values()))
    data |= {k: v for k, v in (item.get("data") or {}).items() if k not in data}
    encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    while len(encoded) > PAYLOAD_MAX:  # cannot happen within the schema's limits
        data["body"] = data["body"][:-50]
        encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return encoded


def sent_pk(notification_id: str, dev: str) -> str:
    """A device's sent marker: a partition of its own, so 100,000 markers written within a
    minute spread over DynamoDB's partitions instead of heating one."""
    return f"NOTIFSENT#{notification_id}#{dev}"


class HostPacing:
    """When each push-service host may be called again (after a 429's Retry-After)."""

    def __init__(self, clock, sleep):
        self._clock, self._sleep = clock, sleep
        self._lock = threading.Lock()
        self._not_before: dict[str, float] = {}

    def wait(self, host: str) -> None:
        with self._lock:
            until = self._not_before.get(host, 0.0)
        delay = until - self._clock()
        if delay > 0:
            self._sleep(delay)

    def slow_down(self, host: str, seconds: float) -> None:
        with self._lock:
            self._not_before[host] = max(self._not_before.get(host, 0.0),
                                         self._clock() + seconds)


def _quiet(prefs: dict, now: int, tz: str) -> bool:
    hours = prefs.get("quiet_hours")
    if not hours:
        return False
    local = datetime.fromtimestamp(now, ZoneInfo(tz)).strftime("%H:%M")
    start, end = hours["start"], hours["end"]
    return start <= local < end if start <= end else (local >= start or local < end)


def held_back(item: dict, prefs: dict, now: int, tz: str) -> bool:
    """Muted topic or quiet hours; urgent (crisis) messages ignore both."""
    if item["urgency"] == "high":
        return False
    return item["topic"] in prefs.get("muted_topics", ()) or _quiet(prefs, now, tz)


class Sender:
    """Sends one round of a notification to batches of people."""

    def __init__(self, store, push, *, clock=time.time, sleep=time.sleep, tz="UTC",
                 workers: int = WORKERS):
        self.store, self.push, self.clock, self.tz = store, push, clock, tz
        self.sleep, self.workers = sleep, workers
        self.pacing = HostPacing(clock, sleep)

    def batch(self, item: dict, people: list[dict], round_: str,
              only_unacknowledged: bool = False) -> Counter:
        """Push to every device of these people; counts sent, failed, pruned (and, for a
        reminder round, the people it went to). Counters on the notification move once."""
        if only_unacknowledged and people:
            found = self.store.get_many([marker_key(item["id"], p["id"]) for p in people])
            acked = {m["employee_id"] for m in found if m.get("acknowledged_at")}
            people = [p for p in people if p["id"] not in acked]
        prefs = self._prefs(people)
        now = int(self.clock())
        wanted = [p for p in people if not held_back(item, prefs.get(p["id"], {}), now,
                                                     self.tz)]
        counts: Counter = Counter()
        with ThreadPoolExecutor(self.workers, thread_name_prefix="together-push") as pool:
            for result in pool.map(lambda p: self._person(item, p, round_), wanted):
                counts.update(result)
        if counts:
            self.store.update(*key(item["id"]), add={k: v for k, v in counts.items()
                                                     if k in ("sent", "failed", "pruned")})
        return counts

    def _prefs(self, people: list[dict]) -> dict:
        found = {}
        for n in range(0, len(people), 100):
            chunk = people[n:n + 100]
            found |= {p["pk"][len("PUSH#"):]: p for p in self.store.get_many(
                [subscriptions.prefs_key(p["id"]) for p in chunk])}
        return found

    def _person(self, item: dict, person: dict, round_: str) -> Counter:
        counts: Counter = Counter()
        message = Message(payload(item, lang_of(item, person)), ttl=item["ttl_s"],
                          urgency=item["urgency"], topic=topic_header(item["id"]))
        for dev, subscription in subscriptions.devices(self.store, person["id"]):
            try:
                self.store.put({"pk": sent_pk(item["id"], dev), "sk": round_,
                                "employee_id": person["id"],
                                "expires_at": int(self.clock()) + MARKER_KEEP_S},
                               condition=Condition.not_exists())
            except ConditionFailed:
                continue  # this round already went to this device (a batch run again)
            outcome = self._send(subscription, message)
            if outcome == "pruned":
                subscriptions.prune(self.store, person["id"], dev)
            counts[outcome] += 1
        return counts

    def _send(self, subscription, message) -> str:
        host = urlsplit(subscription.endpoint).netloc
        for attempt in range(ATTEMPTS):
            self.pacing.wait(host)
            try:
                result = self.push.send(subscription, message)
            except EndpointRefused:
                return "pruned"  # stored before the allowlist changed: never call it
            if result.sent:
                return "sent"
            if result.gone:
                return "pruned"
            if attempt == ATTEMPTS - 1:
                break
            if result.status == 429:
                wait = result.retry_after if result.retry_after is not None else BACKOFF_S[-1]
                if wait > MAX_WAIT_S:
                    break
                self.pacing.slow_down(host, wait)
            elif result.status == 0 or result.status >= 500:
                self.sleep(BACKOFF_S[min(attempt, len(BACKOFF_S) - 1)])
            else:
                break  # 400, 403, 413: retrying will not help
        return "failed"


def sender(a) -> Sender:
    """A Sender on the adapters' store, push port, clock and waits."""
    return Sender(a.store, a.push, clock=a.clock, sleep=a.sleep, tz=a.config.timezone)


def run(store, sender: Sender, notification_id: str, cursor: str | None, round_: str,
        hand_on) -> str | None:
    """One batch of a round: read a page of the audience, hand the rest on (hand_on(cursor):
    another Lambda invocation on AWS) before sending, then send. Returns the next cursor."""
    item = get(store, notification_id)
    if item is None:
        return None
    people, following = members.members(store, item["audience"], cursor, BATCH)
    if following:
        hand_on(following)
    sender.batch(item, people, round_, only_unacknowledged=round_ != "send")
    if following is None and round_ == "send":
        store.update(*key(notification_id), set={"state": "sent"})
    return following
