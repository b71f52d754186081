"""SQLite adapter of the store port: the embedded default, one file in WAL mode."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from .port import (
    Check,
    Condition,
    ConditionFailed,
    Delete,
    Page,
    Put,
    Store,
    StoreBusy,
    Update,
    check_item,
    check_query,
    check_transaction,
    cursor_attrs,
    decode_cursor,
    encode_cursor,
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
  pk TEXT NOT NULL, sk TEXT NOT NULL,
  gsi1pk TEXT, gsi1sk TEXT, gsi2pk TEXT, gsi2sk TEXT,
  expires_at INTEGER,
  data TEXT NOT NULL,
  PRIMARY KEY (pk, sk)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS items_gsi1 ON items (gsi1pk, gsi1sk, pk, sk) WHERE gsi1pk IS NOT NULL;
CREATE INDEX IF NOT EXISTS items_gsi2 ON items (gsi2pk, gsi2sk, pk, sk) WHERE gsi2pk IS NOT NULL;
CREATE INDEX IF NOT EXISTS items_expiry ON items (expires_at) WHERE expires_at IS NOT NULL;
"""
COLUMNS = ("pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk", "expires_at", "data")
PURGE_EVERY_S = 60


class SqliteStore(Store):
    """Store port on one SQLite file; each thread gets its own connection."""

    def __init__(self, path: Path | str, clock=time.time):
        self.path = str(path)
        self.clock = clock
        self._local = threading.local()
        # Writers of this process queue here: SQLite's own busy handler makes a waiting writer
        # sleep up to 100 ms between tries, which a push fan-out's 32 threads felt as stalls.
        # Other processes still wait through the connection's timeout.
        self._writer = threading.Lock()
        self._last_purge = 0.0
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._conn().executescript(SCHEMA)

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            # isolation_level=None: we issue BEGIN IMMEDIATE ourselves so that
            # read-check-write sequences hold the write lock from the start.
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=10)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            self._local.conn = conn
        return conn

    def _now(self) -> int:
        return int(self.clock())

    def _write(self, fn):
        """Run fn(conn) inside one immediate transaction, one writer of this process at a
        time; purge expired items now and then."""
        with self._writer:
            return self._write_locked(fn)

    def _write_locked(self, fn):
        conn = self._conn()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreBusy("the embedded store is locked by another writer") from exc
        try:
            result = fn(conn)
            now = self._now()
            if now - self._last_purge >= PURGE_EVERY_S:
                self._last_purge = now
                conn.execute("DELETE FROM items WHERE expires_at IS NOT NULL AND expires_at <= ?",
                             (now,))
            conn.execute("COMMIT")
            return result
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _read(self, conn, pk: str, sk: str) -> dict | None:
        row = conn.execute("SELECT data, expires_at FROM items WHERE pk = ? AND sk = ?",
                           (pk, sk)).fetchone()
        if row is None or (row[1] is not None and row[1] <= self._now()):
            return None
        return json.loads(row[0])

    def _check(self, current: dict | None, condition: Condition | None) -> None:
        if condition is None:
            return
        if condition.exists is False and current is not None:
            raise ConditionFailed("item already exists")
        if condition.exists and current is None:
            raise ConditionFailed("item does not exist")
        for attr, value in condition.equals.items():
            if current is None or current.get(attr) != value:
                raise ConditionFailed(f"{attr} differs")
        for attr, least in condition.at_least.items():
            if current is None or not isinstance(current.get(attr), int | float) \
                    or current[attr] < least:
                raise ConditionFailed(f"{attr} is below {least}")
        for attr, most in condition.at_most.items():
            if current is not None and current.get(attr) is not None and current[attr] > most:
                raise ConditionFailed(f"{attr} is above {most}")

    def _store(self, conn, item: dict) -> None:
        check_item(item)
        row = [item.get(c) for c in COLUMNS[:-1]] + [json.dumps(item, separators=(",", ":"))]
        conn.execute(f"INSERT OR REPLACE INTO items ({', '.join(COLUMNS)}) VALUES "
                     f"({', '.join('?' * len(COLUMNS))})", row)

    def _apply(self, conn, op) -> dict | None:
        if isinstance(op, Put):
            check_item(op.item)
            self._check(self._read(conn, op.item["pk"], op.item["sk"]), op.condition)
            self._store(conn, dict(op.item))
            return None
        current = self._read(conn, op.pk, op.sk)
        self._check(current, op.condition)
        if isinstance(op, Delete):
            conn.execute("DELETE FROM items WHERE pk = ? AND sk = ?", (op.pk, op.sk))
            return None
        if isinstance(op, Check):
            return None
        item = dict(current or {"pk": op.pk, "sk": op.sk})
        item.update(op.set)
        for attr, amount in op.add.items():
            item[attr] = item.get(attr, 0) + amount
        for attr in op.remove:
            item.pop(attr, None)
        self._store(conn, item)
        return item

    def put(self, item, *, condition=None):
        self._write(lambda conn: self._apply(conn, Put(item, condition)))

    def get(self, pk, sk):
        return self._read(self._conn(), pk, sk)

    def get_many(self, keys: Iterable[tuple[str, str]]):
        conn = self._conn()
        found = (self._read(conn, pk, sk) for pk, sk in dict.fromkeys(keys))
        return [item for item in found if item is not None]

    def delete(self, pk, sk, *, condition=None):
        self._write(lambda conn: self._apply(conn, Delete(pk, sk, condition)))

    def update(self, pk, sk, *, set=None, add=None, remove=(), condition=None):
        op = Update(pk, sk, dict(set or {}), dict(add or {}), tuple(remove), condition)
        return self._write(lambda conn: self._apply(conn, op))

    def transact(self, ops):
        check_transaction(ops)
        self._write(lambda conn: [self._apply(conn, op) for op in ops])

    def query(self, pk, *, index=None, prefix=None, between=None, limit=50, cursor=None,
              reverse=False):
        check_query(index, limit, prefix, between)
        pk_col, order = cursor_attrs(index)
        sk_col = order[0]
        where = [f"{pk_col} = ?", "(expires_at IS NULL OR expires_at > ?)"]
        args: list = [pk, self._now()]
        if prefix is not None:
            # Sort keys compare as UTF-8 bytes, as in DynamoDB; prefix + U+10FFFF bounds them.
            where.append(f"{sk_col} >= ? AND {sk_col} < ?")
            args += [prefix, prefix + "\U0010ffff"]
        if between is not None:
            where.append(f"{sk_col} BETWEEN ? AND ?")
            args += list(between)
        if cursor:
            last = decode_cursor(cursor, pk_col, pk, order)
            where.append(f"({', '.join(order)}) {'<' if reverse else '>'} "
                         f"({', '.join('?' * len(order))})")
            args += [last[a] for a in order]
        direction = "DESC" if reverse else "ASC"
        sql = (f"SELECT data FROM items WHERE {' AND '.join(where)} "
               f"ORDER BY {', '.join(f'{c} {direction}' for c in order)} LIMIT ?")
        rows = self._conn().execute(sql, args + [limit + 1]).fetchall()
        items = [json.loads(r[0]) for r in rows[:limit]]
        next_cursor = None
        if len(rows) > limit:
            last = items[-1]
            next_cursor = encode_cursor({a: last[a] for a in (pk_col, *order)})
        return Page(items, next_cursor)
