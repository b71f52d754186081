"""The push port on pywebpush: aes128gcm encryption (RFC 8291), VAPID, and one requests
Session (a connection pool) per push-service host, shared by the sending threads."""

from __future__ import annotations

import threading
from urllib.parse import urlsplit

from . import allow
from .port import Message, Push, Result, Subscription

TIMEOUT = (3.05, 10)  # connect, read: nothing waits forever on a push service


class WebPush(Push):
    def __init__(self, vapid, *, allow_loopback: bool, pool_size: int = 32,
                 timeout=TIMEOUT):
        self._vapid = vapid
        self._allow_loopback = allow_loopback
        self._pool_size = pool_size
        self._timeout = timeout
        self._sessions: dict[str, object] = {}
        self._lock = threading.Lock()

    def public_key(self) -> str:
        return self._vapid.public_key()

    def check_endpoint(self, endpoint: str) -> None:
        allow.check(endpoint, allow_loopback=self._allow_loopback)

    def send(self, subscription: Subscription, message: Message) -> Result:
        import requests
        from pywebpush import WebPusher

        self.check_endpoint(subscription.endpoint)  # again at send time: never trust storage
        parts = urlsplit(subscription.endpoint)
        origin = f"{parts.scheme}://{parts.netloc}"
        body = WebPusher({"endpoint": subscription.endpoint,
                          "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth}}
                         ).encode(message.payload, "aes128gcm")["body"]
        headers = {"TTL": str(message.ttl), "Urgency": message.urgency,
                   "Content-Encoding": "aes128gcm", "Content-Type": "application/octet-stream",
                   "Authorization": self._vapid.authorization(origin)}
        if message.topic:
            headers["Topic"] = message.topic
        try:
            response = self._session(origin).post(subscription.endpoint, data=body,
                                                  headers=headers, timeout=self._timeout,
                                                  allow_redirects=False)
        except requests.RequestException:
            return Result(0)  # no answer: the caller retries, then counts it failed
        return Result(response.status_code, _retry_after(response.headers.get("Retry-After")))

    def _session(self, origin: str):
        with self._lock:
            session = self._sessions.get(origin)
            if session is None:
                import requests
                from requests.adapters import HTTPAdapter

                session = requests.Session()
                session.trust_env = False  # no proxy settings: the allowlist decides
                adapter = HTTPAdapter(pool_connections=1, pool_maxsize=self._pool_size)
                session.mount("https://", adapter)
                session.mount("http://", adapter)
                self._sessions[origin] = session
            return session


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (a number; an HTTP date is taken as a minute)."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return 60.0
