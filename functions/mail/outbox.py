"""Local mail adapter: messages kept in the store, readable at the dev outbox route, and
printed on the server's console (how a tester on a phone reads a sign-in code)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from ulid import ULID

from .port import Mail

OUTBOX_PK = "OUTBOX"
KEEP_S = 7 * 24 * 3600


class OutboxMail(Mail):
    """Keeps each message in the store for a week instead of sending it."""

    def __init__(self, store, clock=time.time, echo: Callable[[str], None] | None = None):
        self.store = store
        self.clock = clock
        self.echo = echo

    def send(self, to, subject, text):
        now = int(self.clock())
        self.store.put({"pk": OUTBOX_PK, "sk": str(ULID()), "to": to, "subject": subject,
                        "text": text, "sent_at": now, "expires_at": now + KEEP_S})
        if self.echo:
            self.echo(f"[mail] to {to}: {subject}")


def to_console(line: str) -> None:
    """The server's console (what `make run` shows)."""
    print(line, file=sys.stderr, flush=True)


def read_outbox(store, to: str | None = None, limit: int = 20) -> list[dict]:
    """The newest messages first, optionally only those to one address."""
    items = store.query(OUTBOX_PK, reverse=True, limit=100).items
    picked = [i for i in items if to is None or i["to"] == to][:limit]
    return [{k: i[k] for k in ("to", "subject", "text", "sent_at")} for i in picked]
