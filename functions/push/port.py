"""The push port: send one Web Push message to one browser subscription."""

from __future__ import annotations

import abc
from dataclasses import dataclass


class EndpointRefused(ValueError):
    """The endpoint is not one of the push services this configuration may call."""


@dataclass(frozen=True)
class Subscription:
    """What the browser's PushSubscription.toJSON() gives: where to send, and its keys."""

    endpoint: str
    p256dh: str  # base64url, the browser's uncompressed P-256 public key
    auth: str  # base64url, 16 random bytes


@dataclass(frozen=True)
class Message:
    """One encrypted push: the payload (< 3 KB) and the headers every push carries."""

    payload: bytes
    ttl: int  # seconds the push service keeps it for an offline device
    urgency: str = "normal"  # very-low | low | normal | high
    topic: str | None = None  # a later push with the same topic replaces an undelivered one


@dataclass(frozen=True)
class Result:
    """The push service's answer: 201 sent; 404/410 gone; 429 slow down; 0 no answer."""

    status: int
    retry_after: float | None = None

    @property
    def sent(self) -> bool:
        return 200 <= self.status < 300

    @property
    def gone(self) -> bool:
        return self.status in (404, 410)


class Push(abc.ABC):
    """Sends Web Push messages (RFC 8030) encrypted (RFC 8291) and signed (VAPID, RFC 8292)."""

    @abc.abstractmethod
    def public_key(self) -> str:
        """The VAPID public key, base64url of the uncompressed P-256 point (for subscribe())."""

    @abc.abstractmethod
    def check_endpoint(self, endpoint: str) -> None:
        """EndpointRefused unless the endpoint is on an allowed push service."""

    @abc.abstractmethod
    def send(self, subscription: Subscription, message: Message) -> Result:
        """Send one message; refuses (EndpointRefused) an endpoint not allowed, never calls it."""
