"""Fixed-window rate limits kept in the store (works the same on SQLite and DynamoDB)."""

from __future__ import annotations

from .errors import TooManyRequests


def hit(store, key: str, *, limit: int, window_s: int, now: int) -> None:
    """Count one attempt for key; TooManyRequests once the window's limit is passed."""
    start = now - now % window_s
    counter = store.update(f"RATE#{key}", str(start), add={"n": 1},
                           set={"expires_at": start + window_s})
    if counter["n"] > limit:
        raise TooManyRequests(retry_after=start + window_s - now)
