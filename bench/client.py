"""A keep-alive HTTP/1.1 client for the server on the loopback address, and sign-in."""

from __future__ import annotations

import http.client
import json
import re

from .report import BenchError

LOOPBACK = "127.0.0.1"
TIMEOUT_S = 10.0


class Client:
    """One persistent connection; every request answers (status, body) or raises on timeout."""

    def __init__(self, port: int, cookie: str | None = None, timeout: float = TIMEOUT_S):
        self.conn = http.client.HTTPConnection(LOOPBACK, port, timeout=timeout)
        self.headers = {"Cookie": cookie} if cookie else {}
        self.last_headers: http.client.HTTPMessage | None = None

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, bytes]:
        headers = dict(self.headers)
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        self.conn.request(method, path, body=data, headers=headers)
        response = self.conn.getresponse()
        payload = response.read()  # read it all, or the connection cannot be reused
        self.last_headers = response.headers
        return response.status, payload

    def json(self, method: str, path: str, body: dict | None = None, expect: int = 200):
        status, payload = self.request(method, path, body)
        if status != expect:
            raise BenchError(f"{method} {path} answered {status}, not {expect}: {payload[:300]!r}")
        return json.loads(payload) if payload else None

    def close(self) -> None:
        self.conn.close()


def sign_in(port: int, email: str) -> str:
    """The `tg_session=...` cookie, got the way a person gets it: code by mail, then verify."""
    client = Client(port)
    try:
        client.json("POST", "/api/auth/start", {"email": email}, expect=202)
        messages = client.json("GET", f"/api/dev/outbox?to={email}")["messages"]
        found = messages and re.search(r"\b(\d{6})\b", messages[0]["subject"])
        if not found:
            raise BenchError(f"no sign-in code for {email} in the dev outbox")
        client.json("POST", "/api/auth/verify", {"email": email, "code": found.group(1)})
        cookie = (client.last_headers.get("Set-Cookie") or "").split(";")[0]
    finally:
        client.close()
    if not cookie.startswith("tg_session="):
        raise BenchError("verify set no tg_session cookie")
    return cookie
