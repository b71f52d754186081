"""A push service played on loopback: records every request, answers as each endpoint is told
(201 by default; 404, 410, 429 with Retry-After, 500, or a dropped connection), and a browser
side that makes subscription keys and decrypts what arrives (RFC 8291, http_ece)."""

from __future__ import annotations

import base64
import json
import os
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Received:
    path: str
    headers: dict
    body: bytes


@dataclass
class Device:
    """A browser's subscription: its endpoint and the keys only it holds."""

    endpoint: str
    key: ec.EllipticCurvePrivateKey = field(
        default_factory=lambda: ec.generate_private_key(ec.SECP256R1()))
    auth: bytes = field(default_factory=lambda: os.urandom(16))

    def subscription(self) -> dict:
        point = self.key.public_key().public_bytes(serialization.Encoding.X962,
                                                   serialization.PublicFormat.UncompressedPoint)
        return {"endpoint": self.endpoint, "expirationTime": None,
                "keys": {"p256dh": b64(point), "auth": b64(self.auth)}}

    def decrypt(self, received: Received) -> dict:
        plain = http_ece.decrypt(received.body, private_key=self.key, auth_secret=self.auth,
                                 version="aes128gcm")
        return json.loads(plain)


def vapid_claims(authorization: str, public_key: str) -> dict:
    """The JWT's claims once its ES256 signature checks out with the server's public key."""
    scheme, _, params = authorization.partition(" ")
    assert scheme == "vapid"
    parts = dict(p.split("=", 1) for p in params.split(","))
    assert parts["k"] == public_key
    header, claims, signature = parts["t"].split(".")
    raw = unb64(signature)
    key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64(public_key))
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    key.verify(der, f"{header}.{claims}".encode(), ec.ECDSA(hashes.SHA256()))
    assert json.loads(unb64(header))["alg"] == "ES256"
    return json.loads(unb64(claims))


class PushService:
    """The local push service: `answers[path]` is a list of answers used in turn, each a
    status, (status, headers) or "drop" (close the connection without answering)."""

    def __init__(self):
        self.received: list[Received] = []
        self.answers: dict[str, list] = {}
        self._lock = threading.Lock()
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with service._lock:
                    service.received.append(Received(self.path, dict(self.headers), body))
                    queue = service.answers.get(self.path) or []
                    answer = queue.pop(0) if len(queue) > 1 else (queue[0] if queue else 201)
                if answer == "drop":
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                status, headers = answer if isinstance(answer, tuple) else (answer, {})
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def device(self, name: str) -> Device:
        return Device(f"{self.url}/push/{name}")

    def to(self, device: Device) -> list[Received]:
        path = device.endpoint[len(self.url):]
        with self._lock:
            return [r for r in self.received if r.path == path]

    def close(self):
        self._server.shutdown()
        self._server.server_close()
