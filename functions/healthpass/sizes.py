"""Figures for the bench: QR sizes of typical passes and the time a verification takes.

`python -m functions.healthpass.sizes` prints them; `measure()` returns them as rows.
"""

from __future__ import annotations

import secrets
import time

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from . import credential, qr

NAME_30_BYTES = "Maximilian Alexander Schneider"  # 30 ASCII letters: the size goal's name
EMPLOYEE_ID = "E0001"


def _raw_public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def sample(now: int | None = None, name: str = NAME_30_BYTES) -> dict:
    """A static pass, a live pass, and the issuer keys that verify them (fresh keys each call)."""
    now = int(time.time()) if now is None else now
    issuer, device = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    kid = credential.kid_of(_raw_public(issuer))
    claims = {"sub": EMPLOYEE_ID, "name": name, "status": "green", "iat": now,
              "exp": now + 86400}
    static = credential.issue(issuer, kid, cti=secrets.token_bytes(12), **claims)
    bound = credential.issue(issuer, kid, cti=secrets.token_bytes(12),
                             device_key=_raw_public(device), **claims)
    live = credential.live(credential.credential_bytes(bound), device, now)
    return {"static": static, "live": live, "keys": {kid: issuer.public_key()}, "now": now}


def _verify_us(text: str, keys: dict, now: int, rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        verdict = credential.verify(text, keys, now=now)
    elapsed = time.perf_counter() - start
    assert verdict.valid, verdict
    return elapsed / rounds * 1e6


def measure(rounds: int = 2000) -> list[dict]:
    """One row per pass kind: text length, QR version and modules (ECC M), verify time (µs)."""
    passes = sample()
    rows = []
    for kind in ("static", "live"):
        text = passes[kind]
        version, modules = qr.size(text)
        rows.append({"pass": kind, "chars": len(text),
                     "cose_bytes": len(credential.base45.b45decode(text.split(":", 1)[1])),
                     "qr_version": version, "modules": modules,
                     "verify_us": round(_verify_us(text, passes["keys"], passes["now"],
                                                   rounds), 1)})
    return rows


if __name__ == "__main__":
    for row in measure():
        print("  ".join(f"{k}={v}" for k, v in row.items()))
