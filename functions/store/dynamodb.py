"""DynamoDB adapter of the store port (boto3 low-level client, adaptive retries)."""

from __future__ import annotations

import time
from collections.abc import Iterable
from decimal import Decimal

from boto3.dynamodb.types import TypeDeserializer, TypeSerializer
from botocore.exceptions import ClientError

from .port import (
    EXPIRES,
    INDEXES,
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

BUSY_CODES = {"ProvisionedThroughputExceededException", "ThrottlingException",
              "RequestLimitExceeded", "TransactionConflictException",
              "TransactionInProgressException", "InternalServerError"}
_ser, _de = TypeSerializer(), TypeDeserializer()


def _to_dynamo(value):
    if isinstance(value, float):
        return Decimal(str(value))
    if isinstance(value, dict):
        return {k: _to_dynamo(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_to_dynamo(v) for v in value]
    return value


def _from_dynamo(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _from_dynamo(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_from_dynamo(v) for v in value]
    return value


def serialize(item: dict) -> dict:
    return {k: _ser.serialize(_to_dynamo(v)) for k, v in item.items() if v is not None}


def deserialize(raw: dict) -> dict:
    return {k: _from_dynamo(_de.deserialize(v)) for k, v in raw.items()}


class _Expr:
    """Collects #name and :value placeholders for one request."""

    def __init__(self):
        self.names: dict = {}
        self.values: dict = {}

    def name(self, attr: str) -> str:
        ref = f"#n{len(self.names)}"
        self.names[ref] = attr
        return ref

    def value(self, value) -> str:
        ref = f":v{len(self.values)}"
        self.values[ref] = _ser.serialize(_to_dynamo(value))
        return ref

    def condition(self, cond: Condition | None, now: int) -> str | None:
        """DynamoDB condition text in which an expired item counts as absent."""
        if cond is None:
            return None
        exp = self.name(EXPIRES) if cond.exists is not None or cond.equals or cond.at_least \
            else None
        parts = []
        if cond.exists is False:
            parts.append(f"(attribute_not_exists(pk) OR {exp} <= {self.value(now)})")
        elif cond.exists or cond.equals or cond.at_least:
            parts.append(f"attribute_exists(pk) AND (attribute_not_exists({exp}) OR "
                         f"{exp} > {self.value(now)})")
        parts += [f"{self.name(a)} = {self.value(v)}" for a, v in cond.equals.items()]
        parts += [f"{self.name(a)} >= {self.value(v)}" for a, v in cond.at_least.items()]
        refs = {attr: self.name(attr) for attr in cond.at_most}
        caps = [f"attribute_not_exists({refs[a]}) OR {refs[a]} <= {self.value(v)}"
                for a, v in cond.at_most.items()]
        if not parts and len(caps) == 1:
            return caps[0]  # alone: DynamoDB refuses parentheses that group nothing
        parts += [f"({cap})" for cap in caps]
        return " AND ".join(parts)

    def params(self, **extra) -> dict:
        out = {k: v for k, v in extra.items() if v is not None}
        if self.names:
            out["ExpressionAttributeNames"] = self.names
        if self.values:
            out["ExpressionAttributeValues"] = self.values
        return out


class DynamoStore(Store):
    """Store port on one DynamoDB table with gsi1 and gsi2 and TTL on expires_at."""

    def __init__(self, table_name: str, client, clock=time.time):
        self.table = table_name
        self.client = client
        self.clock = clock

    def _now(self) -> int:
        return int(self.clock())

    def _call(self, method: str, **params):
        try:
            return getattr(self.client, method)(**params)
        except ClientError as exc:
            code = exc.response["Error"]["Code"]
            if code == "ConditionalCheckFailedException":
                raise ConditionFailed(exc.response["Error"].get("Message", code)) from exc
            if code in BUSY_CODES:
                raise StoreBusy(code) from exc
            if code == "TransactionCanceledException":
                reasons = [r.get("Code") for r in exc.response.get("CancellationReasons", [])]
                if "ConditionalCheckFailed" in reasons:
                    raise ConditionFailed("a transaction condition did not hold") from exc
                raise StoreBusy("transaction cancelled: " + ",".join(filter(None, reasons))) \
                    from exc
            raise

    def _key(self, pk: str, sk: str) -> dict:
        return {"pk": {"S": pk}, "sk": {"S": sk}}

    # --- requests for one op, shared by the single calls and transact -----------------

    def _put_req(self, op: Put, now: int) -> dict:
        check_item(op.item)
        e = _Expr()
        return e.params(TableName=self.table, Item=serialize(op.item),
                        ConditionExpression=e.condition(op.condition, now))

    def _delete_req(self, op: Delete | Check, now: int) -> dict:
        e = _Expr()
        return e.params(TableName=self.table, Key=self._key(op.pk, op.sk),
                        ConditionExpression=e.condition(op.condition, now))

    def _update_req(self, op: Update, now: int) -> dict:
        e = _Expr()
        clauses = []
        if op.set:
            clauses.append("SET " + ", ".join(f"{e.name(a)} = {e.value(v)}"
                                              for a, v in op.set.items() if v is not None))
        if op.add:
            clauses.append("ADD " + ", ".join(f"{e.name(a)} {e.value(v)}"
                                              for a, v in op.add.items()))
        removed = [a for a in op.remove] + [a for a, v in op.set.items() if v is None]
        if removed:
            clauses.append("REMOVE " + ", ".join(e.name(a) for a in removed))
        # Guard: never merge into an expired item DynamoDB has not deleted yet.
        exp = e.name(EXPIRES)
        guard = f"(attribute_not_exists({exp}) OR {exp} > {e.value(now)})"
        user = e.condition(op.condition, now)
        return e.params(TableName=self.table, Key=self._key(op.pk, op.sk),
                        UpdateExpression=" ".join(clauses) or "SET pk = pk",
                        ConditionExpression=f"{guard} AND ({user})" if user else guard)

    def _purge_expired(self, keys: Iterable[tuple[str, str]], now: int) -> bool:
        """Delete expired leftovers among keys; True if any was removed."""
        removed = False
        for pk, sk in keys:
            raw = self.client.get_item(TableName=self.table, Key=self._key(pk, sk),
                                       ConsistentRead=True).get("Item")
            expires = raw and deserialize(raw).get(EXPIRES)
            if expires is not None and expires <= now:
                try:
                    self._call("delete_item", TableName=self.table, Key=self._key(pk, sk),
                               ConditionExpression="expires_at <= :now",
                               ExpressionAttributeValues={":now": {"N": str(now)}})
                    removed = True
                except ConditionFailed:
                    pass  # someone rewrote it in between; the retry will see the new item
        return removed

    # --- the port ----------------------------------------------------------------------

    def put(self, item, *, condition=None):
        self._call("put_item", **self._put_req(Put(item, condition), self._now()))

    def get(self, pk, sk):
        raw = self._call("get_item", TableName=self.table, Key=self._key(pk, sk),
                         ConsistentRead=True).get("Item")
        item = deserialize(raw) if raw else None
        if item and item.get(EXPIRES) is not None and item[EXPIRES] <= self._now():
            return None
        return item

    def get_many(self, keys):
        keys = list(dict.fromkeys(keys))
        now, found = self._now(), []
        for start in range(0, len(keys), 100):
            request = {self.table: {"Keys": [self._key(pk, sk) for pk, sk in
                                             keys[start:start + 100]], "ConsistentRead": True}}
            for attempt in range(8):
                out = self._call("batch_get_item", RequestItems=request)
                found += [deserialize(r) for r in out["Responses"].get(self.table, [])]
                request = out.get("UnprocessedKeys") or {}
                if not request:
                    break
                time.sleep(0.05 * 2 ** attempt)  # back off: DynamoDB asked us to slow down
            else:
                raise StoreBusy("batch read kept being throttled")
        return [i for i in found if i.get(EXPIRES) is None or i[EXPIRES] > now]

    def delete(self, pk, sk, *, condition=None):
        self._call("delete_item", **self._delete_req(Delete(pk, sk, condition), self._now()))

    def update(self, pk, sk, *, set=None, add=None, remove=(), condition=None):
        op = Update(pk, sk, dict(set or {}), dict(add or {}), tuple(remove), condition)
        for attempt in range(2):
            now = self._now()
            try:
                out = self._call("update_item", ReturnValues="ALL_NEW",
                                 **self._update_req(op, now))
                return deserialize(out["Attributes"])
            except ConditionFailed:
                if attempt or not self._purge_expired([(pk, sk)], now):
                    raise
        raise AssertionError("unreachable")

    def transact(self, ops):
        check_transaction(ops)
        for attempt in range(2):
            now = self._now()
            try:
                self._call("transact_write_items",
                           TransactItems=[self._transact_item(op, now) for op in ops])
                return
            except ConditionFailed:
                keys = [(op.pk, op.sk) for op in ops if isinstance(op, Update)]
                if attempt or not self._purge_expired(keys, now):
                    raise

    def _transact_item(self, op, now: int) -> dict:
        if isinstance(op, Put):
            return {"Put": self._put_req(op, now)}
        if isinstance(op, Update):
            return {"Update": self._update_req(op, now)}
        if isinstance(op, Delete):
            return {"Delete": self._delete_req(op, now)}
        if isinstance(op, Check):
            return {"ConditionCheck": self._delete_req(op, now)}
        raise TypeError(f"not a store op: {op!r}")

    def query(self, pk, *, index=None, prefix=None, between=None, limit=50, cursor=None,
              reverse=False):
        check_query(index, limit, prefix, between)
        pk_attr, sk_attr = INDEXES[index] if index else ("pk", "sk")
        e = _Expr()
        key_cond = f"{e.name(pk_attr)} = {e.value(pk)}"
        if prefix is not None:
            key_cond += f" AND begins_with({e.name(sk_attr)}, {e.value(prefix)})"
        if between is not None:
            key_cond += (f" AND {e.name(sk_attr)} BETWEEN {e.value(between[0])} AND "
                         f"{e.value(between[1])}")
        exp = e.name(EXPIRES)
        params = e.params(TableName=self.table, IndexName=index, KeyConditionExpression=key_cond,
                          FilterExpression=f"attribute_not_exists({exp}) OR "
                                           f"{exp} > {e.value(self._now())}",
                          Limit=limit + 1, ScanIndexForward=not reverse)
        _, rest = cursor_attrs(index)
        if cursor:
            start = decode_cursor(cursor, pk_attr, pk, rest)
            params["ExclusiveStartKey"] = serialize({pk_attr: pk, **start})
        out = self._call("query", **params)
        items = [deserialize(r) for r in out.get("Items", [])]
        if len(items) > limit:
            items = items[:limit]
            return Page(items, encode_cursor({pk_attr: pk, **{a: items[-1][a] for a in rest}}))
        last_key = out.get("LastEvaluatedKey")
        return Page(items, encode_cursor(deserialize(last_key)) if last_key else None)
