"""Revoked credentials and device keys: one small list, each entry gone when its target expires."""

from __future__ import annotations

from ..encoding import b64url
from ..store import Delete, Put

PK = "HEALTH#REVOKED"
BATCH = 12  # two operations each: a revocation and the credential record it replaces


def revoke_credentials(store, employee_id: str, *, only_device: str | None = None) -> int:
    """Revoke a person's unexpired credentials (all, or those bound to one device key)."""
    revoked, ops = 0, []
    # A cursor is a position, so paging stays right while the items before it are deleted.
    for cred in store.iter_query(f"HEALTH#{employee_id}", prefix="CRED#", page_size=BATCH):
        if only_device and cred.get("dk") != only_device:
            continue
        ops += [Put({"pk": PK, "sk": f"C#{cred['cti']}", "kind": "credential",
                     "value": cred["cti"], "expires_at": cred["exp"]}),
                Delete(cred["pk"], cred["sk"])]
        if len(ops) == 2 * BATCH:
            store.transact(ops)
            revoked, ops = revoked + BATCH, []
    if ops:
        store.transact(ops)
        revoked += len(ops) // 2
    return revoked


def revoke_device(device_key: str, until: int) -> Put:
    """The revocation of a device key (base64url) as an operation; it lasts until `until`."""
    return Put({"pk": PK, "sk": f"D#{device_key}", "kind": "device", "value": device_key,
                "expires_at": until})


def listing(store) -> dict:
    """Every unexpired revocation, as base64url strings."""
    found = {"credential": [], "device": []}
    for item in store.iter_query(PK):
        found[item["kind"]].append(item["value"])
    return {"credentials": found["credential"], "devices": found["device"]}


class StoreRevocations:
    """`bytes in revoked` against the store, for online verification (one get per look-up)."""

    def __init__(self, store, kind: str):
        self.store, self.prefix = store, "C#" if kind == "credential" else "D#"

    def __contains__(self, value: bytes) -> bool:
        return self.store.get(PK, self.prefix + b64url(value)) is not None
