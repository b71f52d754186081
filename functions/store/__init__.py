"""Store port and its adapters (SQLite embedded, DynamoDB on AWS)."""

from .port import (
                   Check,
                   Condition,
                   ConditionFailed,
                   Delete,
                   InvalidCursor,
                   Page,
                   Put,
                   Store,
                   StoreBusy,
                   StoreError,
                   Update,
)

__all__ = ["Check", "Condition", "ConditionFailed", "Delete", "InvalidCursor", "Page", "Put",
           "Store", "StoreBusy", "StoreError", "Update"]
