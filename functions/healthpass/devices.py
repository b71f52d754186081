"""Device keys: a phone proves it holds the private key before its key is bound to a person.

The proof (docs/pass-format.md, "Registering a device"): the server hands out a single-use
challenge bound to the signed-in person; the phone signs
"TG1-DEVICE" 0x00 challenge 0x00 employee-id (UTF-8) with its device key.
"""

from __future__ import annotations

import secrets

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ..days import day_of, end_of
from ..encoding import b64url, unb64url
from ..errors import Conflict, Forbidden
from ..store import Condition, ConditionFailed, Delete
from .revocation import PK as REVOKED_PK
from .revocation import revoke_credentials, revoke_device
from .service import health_pk

CHALLENGE_S = 300  # a challenge is good for five minutes, once
CHALLENGE_BYTES = 32
DOMAIN = b"TG1-DEVICE"


class DeviceRevoked(Conflict):
    code = "device_revoked"


class ChallengeExpired(Conflict):
    """Unknown, used or too old: ask for a new challenge."""

    code = "device_challenge_expired"


class ProofInvalid(Forbidden):
    code = "device_proof_invalid"


class KeyTaken(Forbidden):
    """The key is bound to someone else: it can never be bound, replaced or revoked by you."""

    code = "device_key_taken"


def proof_message(challenge: str, employee_id: str) -> bytes:
    """The bytes the device key signs: "TG1-DEVICE\\0" + challenge + "\\0" + employee id."""
    return DOMAIN + b"\0" + challenge.encode("ascii") + b"\0" + employee_id.encode("utf-8")


def new_challenge(store, user: dict, now: int) -> dict:
    """A fresh challenge (base64url of 32 random bytes) for this person, valid CHALLENGE_S."""
    challenge = b64url(secrets.token_bytes(CHALLENGE_BYTES))
    expires = now + CHALLENGE_S
    store.put({"pk": health_pk(user["id"]), "sk": f"CHALLENGE#{challenge}",
               "expires_at": expires})
    return {"challenge": challenge, "expires_at": expires}


def _spend(store, user: dict, challenge: str, now: int) -> None:
    """Use the challenge up (a second use fails, even at the same moment)."""
    pk, sk = health_pk(user["id"]), f"CHALLENGE#{challenge}"
    item = store.get(pk, sk)
    if item is None or item["expires_at"] <= now:
        raise ChallengeExpired()
    try:
        store.delete(pk, sk, condition=Condition.present(expires_at=item["expires_at"]))
    except ConditionFailed:
        raise ChallengeExpired() from None


def check_proof(store, user: dict, body: dict, now: int) -> None:
    """The phone holds the private half of body["public_key"] (else ProofInvalid)."""
    _spend(store, user, body["challenge"], now)
    key = Ed25519PublicKey.from_public_bytes(unb64url(body["public_key"]))
    try:
        key.verify(unb64url(body["signature"]), proof_message(body["challenge"], user["id"]))
    except InvalidSignature:
        raise ProofInvalid() from None


def owner_key(device_key: str) -> tuple[str, str]:
    return f"HDEVKEY#{device_key}", "OWNER"


def bind(store, user: dict, device_key: str, now: int, tz) -> dict:
    """Bind the key to the person (first come, for ever); their other device keys are revoked."""
    if store.get(REVOKED_PK, f"D#{device_key}"):
        raise DeviceRevoked()
    owner = store.get(*owner_key(device_key))
    if owner and owner["employee_id"] != user["id"]:
        raise KeyTaken()
    try:
        store.put({"pk": owner_key(device_key)[0], "sk": "OWNER", "employee_id": user["id"],
                   "bound_at": owner["bound_at"] if owner else now},
                  condition=(Condition.present(employee_id=user["id"]) if owner
                             else Condition.not_exists()))
    except ConditionFailed:
        raise KeyTaken() from None
    end_of_today = end_of(day_of(now, tz), tz)  # no credential carrying a key outlives this
    for old in store.query(health_pk(user["id"]), prefix="DEVICE#", limit=50).items:
        if old["device_key"] != device_key:
            revoke_credentials(store, user["id"], only_device=old["device_key"])
            store.transact([revoke_device(old["device_key"], end_of_today),
                            Delete(old["pk"], old["sk"])])
    store.put({"pk": health_pk(user["id"]), "sk": f"DEVICE#{device_key}",
               "device_key": device_key, "registered_at": now})
    return {"device_key": device_key, "registered_at": now}
