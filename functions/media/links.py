"""Signed links of the local media adapter: an HMAC over a small JSON policy (op, expiry, key).

The adapter signs them (local.py); the embedded server checks them (local_server.py)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time

from ..encoding import b64url, unb64url
from .port import UploadRejected


class LinkSigner:
    """Signs and checks link policies with a key derived from the app's secret."""

    def __init__(self, secret: bytes, clock=time.time):
        # A derived key: a media signature can never pass for another feature's signature.
        self.key = hmac.new(secret, b"together/media", hashlib.sha256).digest()
        self.clock = clock

    def sign(self, op: str, expires_in: int, **claims) -> tuple[str, str]:
        """(policy, signature) allowing op until expires_in seconds from now."""
        claims = {"op": op, "exp": int(self.clock()) + expires_in, **claims}
        policy = b64url(json.dumps(claims, separators=(",", ":")).encode())
        return policy, self._mac(policy)

    def verify(self, policy: str, signature: str, op: str) -> dict:
        """The policy's claims if it is genuine, for op, and unexpired; UploadRejected if not."""
        if not hmac.compare_digest(self._mac(policy).encode(), signature.encode()):
            raise UploadRejected("signature", "the signature does not match")
        claims = json.loads(unb64url(policy))
        if claims.get("op") != op:
            raise UploadRejected("signature", "this link is for another action")
        if claims["exp"] < self.clock():
            raise UploadRejected("expired", "the link has expired")
        return claims

    def _mac(self, policy: str) -> str:
        return b64url(hmac.new(self.key, policy.encode(), hashlib.sha256).digest())
