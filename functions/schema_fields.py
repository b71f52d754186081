"""Marshmallow fields several capabilities' schemas share."""

from datetime import UTC, datetime

from marshmallow import fields


class Instant(fields.AwareDateTime):
    """Epoch seconds inside, ISO-8601 in UTC ("2026-12-02T01:00:00Z") on the wire."""

    def __init__(self, **kwargs):
        super().__init__(default_timezone=None, **kwargs)

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        return datetime.fromtimestamp(value, UTC).isoformat().replace("+00:00", "Z")

    def _deserialize(self, value, attr, data, **kwargs):
        return int(super()._deserialize(value, attr, data, **kwargs).timestamp())
