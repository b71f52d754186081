"""Write pass-vectors.json: `python -m tests.vectors.generate` (the output never changes).

The keys below are TEST-ONLY: published here so anyone can check the vectors. Nothing that
runs outside tests may use them. Ed25519 signatures are deterministic, so the same inputs give
the same bytes every time; test_vectors.py checks that the file still matches this script.
"""

from __future__ import annotations

import json
from pathlib import Path

import base45
import cbor2
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from functions.encoding import b64url
from functions.healthpass import credential as c
from functions.healthpass.devices import proof_message

HERE = Path(__file__).parent
OUT = HERE / "pass-vectors.json"
TEST_ONLY_ISSUER_SEED = bytes(range(32))
TEST_ONLY_OTHER_ISSUER_SEED = bytes(range(100, 132))  # not in the JWKS: "unknown_key"
TEST_ONLY_DEVICE_SEED = bytes(range(32, 64))
TEST_ONLY_OTHER_DEVICE_SEED = bytes(range(64, 96))
IAT = 1772413200  # 2026-03-02 09:00 Asia/Shanghai
EXP = 1772467200  # 2026-03-03 00:00 Asia/Shanghai: the end of that company day
NOW = IAT + 3600


def _key(seed: bytes) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(seed)


def _raw(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _issue(seed=TEST_ONLY_ISSUER_SEED, *, cti=b"\x10" * 12, status="green", name="Li Na 李娜",
           sub="E0001", device: bytes | None = None) -> str:
    issuer = _key(seed)
    return c.issue(issuer, c.kid_of(_raw(issuer)), sub=sub, name=name, status=status, iat=IAT,
                   exp=EXP, cti=cti, device_key=device)


def _live(static: str, t: int, device_seed=TEST_ONLY_DEVICE_SEED) -> str:
    return c.live(c.credential_bytes(static), _key(device_seed), t)


def _tampered(static: str) -> str:
    """The same signature over a payload that now says red."""
    message = cbor2.loads(c.credential_bytes(static))
    protected, unprotected, payload, signature = message.value
    claims = cbor2.loads(payload)
    claims["st"] = "R"
    forged = cbor2.CBORTag(18, [protected, dict(unprotected), cbor2.dumps(claims), signature])
    return c.PREFIX + base45.b45encode(cbor2.dumps(forged)).decode()


NAMES = {1: "iss", 2: "sub", 4: "exp", 6: "iat", 7: "cti"}
SIGNED = ("ok", "expired", "not_yet_valid", "revoked", "replayed")  # the issuer's part holds


def _readable(qr: str) -> dict:
    """What the pass says, as JSON (bytes in base64url): the expected decoding."""
    data = base45.b45decode(qr.split(":", 1)[1])
    said = {}
    if qr.startswith(c.LIVE_PREFIX):
        inner = cbor2.loads(cbor2.loads(data).value[2])
        data, said["t"] = inner["c"], inner["t"]
    claims = cbor2.loads(cbor2.loads(data).value[2])
    said["claims"] = {NAMES.get(k, k): b64url(v) if isinstance(v, bytes) else v
                      for k, v in claims.items()}
    return said


def _case(name: str, qr: str, reason: str, *, now: int = NOW, revoked_credentials=(),
          revoked_devices=(), note: str = "") -> dict:
    expected = {"valid": reason == "ok", "reason": reason}
    if reason in SIGNED:
        expected.update(_readable(qr))
        # How a guard presents it: a static pass is paper (or a copy): "check photo ID".
        expected["presentation"] = "live" if qr.startswith(c.LIVE_PREFIX) else "printed"
    return {"name": name, "note": note, "qr": qr, "now": now,
            "revoked_credentials": list(revoked_credentials),
            "revoked_devices": list(revoked_devices), "expected": expected}


TEST_CHALLENGE = b64url(bytes(range(200, 232)))  # as POST /api/health/devices/challenge gives


def _proof(name: str, employee_id: str, signer_seed: bytes, valid: bool, note: str) -> dict:
    """A device proof of possession: the message, the device key's signature, and whether the
    server accepts it for the test device key and employee E0001."""
    message = proof_message(TEST_CHALLENGE, employee_id)
    return {"name": name, "note": note, "public_key": b64url(_raw(_key(TEST_ONLY_DEVICE_SEED))),
            "challenge": TEST_CHALLENGE, "employee_id": "E0001",
            "message_hex": message.hex(), "signature": b64url(_key(signer_seed).sign(message)),
            "valid": valid}


def build() -> dict:
    device = _raw(_key(TEST_ONLY_DEVICE_SEED))
    green = _issue()
    red = _issue(cti=b"\x20" * 12, status="red", name="Maximilian Alexander Schneider",
                 sub="E0042")
    bound = _issue(cti=b"\x30" * 12, device=device)
    bound_long = _issue(cti=b"\x40" * 12, status="red", name="Maximilian Alexander Schneider",
                        sub="E0042", device=device)
    issuer = _key(TEST_ONLY_ISSUER_SEED)
    cases = [
        _case("static-green", green, "ok", note="a printed pass, checked an hour after issue: "
              "show 'Printed pass — check photo ID' with the colour and name"),
        _case("static-red-30-byte-name", red, "ok", note="valid pass; the guard sees red"),
        _case("live-green", _live(bound, NOW - 5), "ok", note="re-signed 5 s before the scan"),
        _case("live-red-30-byte-name", _live(bound_long, NOW), "ok",
              note="the size goal's case: at most QR version 13 at ECC M"),
        _case("static-expired", green, "expired", now=EXP, note="exp is exclusive"),
        _case("static-not-yet-valid", green, "not_yet_valid", now=IAT - 61,
              note="iat more than 60 s ahead of the verifier's clock"),
        _case("static-iat-skew-tolerated", green, "ok", now=IAT - 60),
        _case("static-revoked", green, "revoked", revoked_credentials=[b64url(b"\x10" * 12)]),
        _case("live-device-revoked", _live(bound, NOW), "revoked",
              revoked_devices=[b64url(device)]),
        _case("live-replayed", _live(bound, NOW - 61), "replayed",
              note="a screenshot: t more than 60 s old"),
        _case("live-edge-of-window", _live(bound, NOW - 60), "ok"),
        _case("live-from-the-future", _live(bound, NOW + 61), "not_yet_valid"),
        _case("live-wrong-device", _live(bound, NOW, TEST_ONLY_OTHER_DEVICE_SEED), "tampered",
              note="signed by a key other than the credential's dk"),
        _case("live-over-unbound-credential", _live(green, NOW), "tampered",
              note="the credential inside has no dk"),
        _case("bound-credential-shown-static", bound, "replayed",
              note="a credential with dk is only valid inside a live pass"),
        _case("static-tampered", _tampered(green), "tampered", note="st changed, same signature"),
        _case("static-unknown-key", _issue(TEST_ONLY_OTHER_ISSUER_SEED), "unknown_key"),
        _case("static-bad-base45", "TG1:" + green[4:-1], "tampered",
              note="one character short: not base45"),
        _case("not-together", "HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC", "not_together"),
        _case("lowercase-prefix", "tg1:" + green[4:], "not_together"),
    ]
    public = _raw(issuer)
    return {
        "format": "Together pass TG1 (docs/pass-format.md)",
        "warning": "TEST-ONLY keys: published so anyone can check these vectors. Never use them.",
        "test_only_issuer_private_key": b64url(TEST_ONLY_ISSUER_SEED),
        "test_only_device_private_key": b64url(TEST_ONLY_DEVICE_SEED),
        "jwks": {"keys": [{"kty": "OKP", "crv": "Ed25519", "x": b64url(public),
                           "kid": b64url(c.kid_of(public)), "alg": "EdDSA", "use": "sig"}]},
        "vectors": cases,
        "device_proofs": [
            _proof("device-proof", "E0001", TEST_ONLY_DEVICE_SEED, True,
                   "the phone of E0001 signs the challenge with its device key"),
            _proof("device-proof-other-person", "E0002", TEST_ONLY_DEVICE_SEED, False,
                   "signed for E0002: refused when E0001 registers (the id is in the message)"),
            _proof("device-proof-other-key", "E0001", TEST_ONLY_OTHER_DEVICE_SEED, False,
                   "signed by another key: whoever saw the public key in a QR cannot prove it"),
        ],
    }


def dump(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    OUT.write_text(dump(build()), encoding="utf-8")
    print(f"wrote {OUT}")
