"""Which push endpoints the server may call: a subscription's endpoint is a URL a client chose,
so only the browsers' push services (and, embedded, loopback) are ever contacted."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from .port import EndpointRefused

# Hosts exactly, and domains whose subdomains are push services (Apple, Microsoft).
HOSTS = frozenset({"fcm.googleapis.com", "updates.push.services.mozilla.com",
                   "web.push.apple.com"})
DOMAINS = (".push.apple.com", ".notify.windows.com")
MAX_LENGTH = 1024


def check(endpoint: str, *, allow_loopback: bool) -> None:
    """EndpointRefused unless endpoint is https on a known push service (or, when allowed,
    http(s) on 127.0.0.1 with a port: a push service played locally)."""
    if not isinstance(endpoint, str) or len(endpoint) > MAX_LENGTH:
        raise EndpointRefused("not a push endpoint")
    try:
        parts = urlsplit(endpoint)
        port = parts.port
    except ValueError as exc:
        raise EndpointRefused("not a URL") from exc
    host = (parts.hostname or "").lower()
    if parts.username is not None or parts.password is not None:
        raise EndpointRefused("credentials in the URL")
    if allow_loopback and parts.scheme in ("http", "https") and port and _loopback(host):
        return
    if parts.scheme != "https" or port not in (None, 443):
        raise EndpointRefused("push services are reached over https")
    if host in HOSTS or (host.endswith(DOMAINS) and host.count(".") >= 3):
        return
    raise EndpointRefused("not a known push service")


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host) == ipaddress.ip_address("127.0.0.1")
    except ValueError:
        return False
