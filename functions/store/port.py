"""The store port: the few DynamoDB primitives Together needs, and nothing more."""

from __future__ import annotations

import abc
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..encoding import b64url, unb64url

# Attribute names the adapters treat specially; everything else is opaque data.
KEY_ATTRS = ("pk", "sk")
INDEXES = {"gsi1": ("gsi1pk", "gsi1sk"), "gsi2": ("gsi2pk", "gsi2sk")}
EXPIRES = "expires_at"  # epoch seconds; past it the item behaves as absent everywhere
MAX_PAGE = 500
MAX_TRANSACTION = 25


class StoreError(Exception):
    """Base of the store's domain errors."""


class ConditionFailed(StoreError):
    """A write's condition did not hold (the item existed, or did not, or differed)."""


class StoreBusy(StoreError):
    """The store stayed throttled or contended after retries; the caller may try later."""


class InvalidCursor(StoreError):
    """A cursor was not made by this query."""


@dataclass(frozen=True)
class Condition:
    """A write precondition: item must (not) exist, attributes may need given values, and
    counters may need bounds: `at_least` {attr: n} holds when the item exists with attr >= n
    (a stock that may be taken from), `at_most` {attr: n} when attr is absent or <= n (a
    per-person allowance not yet used up). Bounds are checked before the write applies."""

    exists: bool | None = None
    equals: dict = field(default_factory=dict)
    at_least: dict = field(default_factory=dict)
    at_most: dict = field(default_factory=dict)

    @classmethod
    def not_exists(cls) -> Condition:
        return cls(exists=False)

    @classmethod
    def present(cls, **equals: Any) -> Condition:
        return cls(exists=True, equals=equals)

    @classmethod
    def bounds(cls, *, at_least: dict | None = None, at_most: dict | None = None) -> Condition:
        """Counters within bounds: a conditional decrement (at_least) or a capped increment."""
        return cls(at_least=dict(at_least or {}), at_most=dict(at_most or {}))


@dataclass(frozen=True)
class Put:
    item: dict
    condition: Condition | None = None


@dataclass(frozen=True)
class Update:
    pk: str
    sk: str
    set: dict = field(default_factory=dict)
    add: dict = field(default_factory=dict)
    remove: tuple = ()
    condition: Condition | None = None


@dataclass(frozen=True)
class Delete:
    pk: str
    sk: str
    condition: Condition | None = None


@dataclass(frozen=True)
class Check:
    pk: str
    sk: str
    condition: Condition


Op = Put | Update | Delete | Check


@dataclass(frozen=True)
class Page:
    """At most `limit` items, and a cursor for the next page (None at the end)."""

    items: list
    cursor: str | None


class Store(abc.ABC):
    """Key-value store with sorted partitions, two secondary indexes and expiry."""

    @abc.abstractmethod
    def put(self, item: dict, *, condition: Condition | None = None) -> None:
        """Write a whole item (must hold pk and sk); ConditionFailed if condition is false."""

    @abc.abstractmethod
    def get(self, pk: str, sk: str) -> dict | None:
        """The item, or None if absent or expired."""

    @abc.abstractmethod
    def get_many(self, keys: Iterable[tuple[str, str]]) -> list[dict]:
        """The present items among keys (order not kept, at most 100 keys)."""

    @abc.abstractmethod
    def delete(self, pk: str, sk: str, *, condition: Condition | None = None) -> None:
        """Remove an item (absent is fine unless the condition says otherwise)."""

    @abc.abstractmethod
    def update(self, pk: str, sk: str, *, set: dict | None = None, add: dict | None = None,
               remove: Iterable[str] = (), condition: Condition | None = None) -> dict:
        """Set attributes, add to numeric counters, remove attributes; returns the new item."""

    @abc.abstractmethod
    def query(self, pk: str, *, index: str | None = None, prefix: str | None = None,
              between: tuple[str, str] | None = None, limit: int = 50,
              cursor: str | None = None, reverse: bool = False) -> Page:
        """Items of one partition (of the table or an index) in sort-key order, a page at a time."""

    @abc.abstractmethod
    def transact(self, ops: list[Op]) -> None:
        """Apply all ops or none; ConditionFailed if any op's condition is false."""

    def iter_query(self, pk: str, *, index: str | None = None, prefix: str | None = None,
                   between: tuple[str, str] | None = None, reverse: bool = False,
                   page_size: int = MAX_PAGE) -> Iterator[dict]:
        """Every item of one partition, as query() pages them (one request per page, made
        lazily). For partitions bounded by design; stop iterating to stop reading."""
        cursor = None
        while True:
            page = self.query(pk, index=index, prefix=prefix, between=between,
                              limit=page_size, cursor=cursor, reverse=reverse)
            yield from page.items
            cursor = page.cursor
            if cursor is None:
                return


def check_item(item: dict) -> None:
    """Reject items the two adapters could not store the same way."""
    for attr in KEY_ATTRS:
        if not isinstance(item.get(attr), str) or not item[attr]:
            raise ValueError(f"item needs a non-empty string {attr!r}")
    if EXPIRES in item and item[EXPIRES] is not None and not isinstance(item[EXPIRES], int):
        raise ValueError(f"{EXPIRES!r} must be epoch seconds (int)")


def check_query(index: str | None, limit: int, prefix, between) -> None:
    if index is not None and index not in INDEXES:
        raise ValueError(f"unknown index {index!r}")
    if not 1 <= limit <= MAX_PAGE:
        raise ValueError(f"limit must be 1..{MAX_PAGE}")
    if prefix is not None and between is not None:
        raise ValueError("give prefix or between, not both")


def check_transaction(ops: list) -> None:
    """Refuse what DynamoDB refuses, so the embedded store cannot hide it."""
    if not 1 <= len(ops) <= MAX_TRANSACTION:
        raise ValueError(f"a transaction takes 1..{MAX_TRANSACTION} operations")
    keys = [(op.item["pk"], op.item["sk"]) if isinstance(op, Put) else (op.pk, op.sk)
            for op in ops]
    if len(set(keys)) != len(keys):
        raise ValueError("a transaction cannot touch one item twice")


def encode_cursor(state: dict) -> str:
    """An opaque cursor holding a small JSON state (a store key, or a service's position)."""
    return b64url(json.dumps(state, separators=(",", ":"), sort_keys=True).encode())


def read_cursor(cursor: str) -> dict:
    """The state inside a cursor; InvalidCursor unless it is one encode_cursor made."""
    try:
        state = json.loads(unb64url(cursor))
    except ValueError as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors too
        raise InvalidCursor("cursor is not one this store made") from exc
    if not isinstance(state, dict):
        raise InvalidCursor("cursor is not one this store made")
    return state


def decode_cursor(cursor: str, pk_attr: str, pk: str, attrs: tuple[str, ...]) -> dict:
    """The key inside a cursor; InvalidCursor unless it belongs to this partition."""
    key = read_cursor(cursor)
    if key.get(pk_attr) != pk or any(not isinstance(key.get(a), str) for a in attrs):
        raise InvalidCursor("cursor belongs to another query")
    return {a: key[a] for a in attrs}


def cursor_attrs(index: str | None) -> tuple[str, tuple[str, ...]]:
    """The partition attribute, and the attributes that order items within it."""
    if index is None:
        return "pk", ("sk",)
    pk_attr, sk_attr = INDEXES[index]
    return pk_attr, (sk_attr, "pk", "sk")
