"""The pass credential: CWT claims in an Ed25519 COSE_Sign1 as base45 text; issue and verify.

Pure functions (no Flask, no store), so the bench and the tests can call them directly.
docs/pass-format.md is the specification; tests/vectors/ holds vectors for it.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Container, Mapping
from dataclasses import dataclass

import base45
import cbor2
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PREFIX = "TG1:"
LIVE_PREFIX = "TG1L:"
ISSUER = "tg"
ALG_EDDSA = -8  # COSE algorithm EdDSA; with Ed25519 keys
TAG_SIGN1 = 18
HDR_ALG, HDR_KID = 1, 4
ISS, SUB, EXP, IAT, CTI = 1, 2, 4, 6, 7
COLOUR_CODES = {"green": "G", "yellow": "Y", "red": "R"}
COLOURS = {code: colour for colour, code in COLOUR_CODES.items()}
LIVE_WINDOW_S = 60  # a live QR older (or newer) than this is refused
IAT_SKEW_S = 60  # clocks differ a little: a credential "issued" this far ahead is still fine
NAME_MAX_BYTES = 32  # "n" is cut to this many UTF-8 bytes to keep the QR small


class Malformed(ValueError):
    """Bytes that are not the structure the format prescribes."""


@dataclass(frozen=True)
class Verdict:
    """The outcome of a check; claims are set once the issuer's signature holds."""

    reason: str
    claims: dict | None = None

    @property
    def valid(self) -> bool:
        return self.reason == "ok"


def kid_of(public_raw: bytes) -> bytes:
    """Key id: the first 8 bytes of SHA-256 of the raw 32-byte public key."""
    return hashlib.sha256(public_raw).digest()[:8]


def display_name(name: str) -> str:
    """The name as the pass carries it: at most NAME_MAX_BYTES of UTF-8, cut between characters."""
    raw = name.strip().encode()[:NAME_MAX_BYTES]
    return raw.decode("utf-8", errors="ignore").strip()


def sign1(payload: bytes, key: Ed25519PrivateKey, kid: bytes | None = None) -> bytes:
    """A tagged COSE_Sign1 (RFC 9052) over payload; kid goes in the protected header."""
    protected = cbor2.dumps({HDR_ALG: ALG_EDDSA, HDR_KID: kid} if kid else {HDR_ALG: ALG_EDDSA})
    signature = key.sign(cbor2.dumps(["Signature1", protected, b"", payload]))
    return cbor2.dumps(cbor2.CBORTag(TAG_SIGN1, [protected, {}, payload, signature]))


def issue(key: Ed25519PrivateKey, kid: bytes, *, sub: str, name: str, status: str, iat: int,
          exp: int, cti: bytes, device_key: bytes | None = None) -> str:
    """The static pass text `TG1:...` (with "dk" set, the credential inside a live pass)."""
    claims = {ISS: ISSUER, SUB: sub, EXP: exp, IAT: iat, CTI: cti,
              "st": COLOUR_CODES[status], "n": display_name(name)}
    if device_key is not None:
        claims["dk"] = device_key
    return PREFIX + base45.b45encode(sign1(cbor2.dumps(claims), key, kid)).decode()


def credential_bytes(text: str) -> bytes:
    """The COSE_Sign1 bytes inside a `TG1:` text (what a live pass embeds as "c")."""
    if not text.startswith(PREFIX):
        raise Malformed("not a TG1: text")
    return base45.b45decode(text[len(PREFIX):])


def live(credential: bytes, device_key: Ed25519PrivateKey, t: int) -> str:
    """The live pass text `TG1L:...` a phone shows (Python twin of the PWA's code, for tests)."""
    payload = cbor2.dumps({"c": credential, "t": t})
    return LIVE_PREFIX + base45.b45encode(sign1(payload, device_key)).decode()


def _loads(data: bytes):
    """One CBOR item filling data exactly (trailing bytes are malformed too)."""
    stream = io.BytesIO(data)
    try:
        value = cbor2.CBORDecoder(stream).decode()
    except (cbor2.CBORDecodeError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise Malformed("not CBOR") from exc
    if stream.tell() != len(data):
        raise Malformed("trailing bytes")
    return value


@dataclass(frozen=True)
class _Sign1:
    protected_bytes: bytes
    protected: Mapping
    payload: bytes
    signature: bytes

    def signed_by(self, public: Ed25519PublicKey) -> bool:
        to_be_signed = cbor2.dumps(["Signature1", self.protected_bytes, b"", self.payload])
        try:
            public.verify(self.signature, to_be_signed)
        except InvalidSignature:
            return False
        return True


def _sign1(data: bytes) -> _Sign1:
    message = _loads(data)
    if not isinstance(message, cbor2.CBORTag) or message.tag != TAG_SIGN1:
        raise Malformed("not a tagged COSE_Sign1")
    parts = message.value
    # cbor2 hands back a tuple and a frozendict inside a tag: accept any array and map.
    if not (isinstance(parts, list | tuple) and len(parts) == 4 and isinstance(parts[0], bytes)
            and isinstance(parts[1], Mapping) and isinstance(parts[2], bytes)
            and isinstance(parts[3], bytes) and len(parts[3]) == 64):
        raise Malformed("not [protected, unprotected, payload, signature]")
    protected = _loads(parts[0]) if parts[0] else {}
    if not isinstance(protected, Mapping) or protected.get(HDR_ALG) != ALG_EDDSA:
        raise Malformed("protected header must name alg EdDSA (-8)")
    return _Sign1(parts[0], protected, parts[2], parts[3])


def _is_int(value) -> bool:
    return type(value) is int and 0 <= value < 2**63


def _claims(payload: bytes) -> Mapping:
    claims = _loads(payload)
    if not (isinstance(claims, Mapping) and claims.get(ISS) == ISSUER
            and isinstance(claims.get(SUB), str) and _is_int(claims.get(EXP))
            and _is_int(claims.get(IAT)) and isinstance(claims.get(CTI), bytes)
            and 1 <= len(claims[CTI]) <= 16 and claims.get("st") in COLOURS
            and isinstance(claims.get("n"), str)):
        raise Malformed("claims missing or of the wrong type")
    if "dk" in claims and not (isinstance(claims["dk"], bytes) and len(claims["dk"]) == 32):
        raise Malformed("dk must be a raw 32-byte Ed25519 public key")
    return claims


def _live_payload(payload: bytes) -> tuple[bytes, int]:
    inner = _loads(payload)
    if not (isinstance(inner, Mapping) and isinstance(inner.get("c"), bytes)
            and _is_int(inner.get("t"))):
        raise Malformed('live payload must be {"c": bytes, "t": uint}')
    return inner["c"], inner["t"]


def verify(text: str, issuer_keys: Mapping[bytes, Ed25519PublicKey], *, now: int,
           revoked_credentials: Container[bytes] = (),
           revoked_devices: Container[bytes] = ()) -> Verdict:
    """Check a scanned text; the order of the checks is part of the format (pass-format.md)."""
    if text.startswith(LIVE_PREFIX):
        is_live, body = True, text[len(LIVE_PREFIX):]
    elif text.startswith(PREFIX):
        is_live, body = False, text[len(PREFIX):]
    else:
        return Verdict("not_together")
    try:
        data = base45.b45decode(body)
        outer = _sign1(data) if is_live else None
        inner_bytes, t = _live_payload(outer.payload) if outer else (data, None)
        credential = _sign1(inner_bytes)
        public = issuer_keys.get(credential.protected.get(HDR_KID))
        if public is None:
            return Verdict("unknown_key")
        if not credential.signed_by(public):
            return Verdict("tampered")
        claims = _claims(credential.payload)
        device = claims.get("dk")
        if outer is not None:
            if device is None or not outer.signed_by(Ed25519PublicKey.from_public_bytes(device)):
                return Verdict("tampered")
        elif device is not None:
            # A device-bound credential shown without its device's signature was copied.
            return Verdict("replayed", claims)
    except (Malformed, ValueError, TypeError):
        return Verdict("tampered")
    if claims[IAT] > now + IAT_SKEW_S:
        return Verdict("not_yet_valid", claims)
    if now >= claims[EXP]:
        return Verdict("expired", claims)
    if claims[CTI] in revoked_credentials or (device is not None and device in revoked_devices):
        return Verdict("revoked", claims)
    if t is not None and t < now - LIVE_WINDOW_S:
        return Verdict("replayed", claims)
    if t is not None and t > now + LIVE_WINDOW_S:
        return Verdict("not_yet_valid", claims)
    return Verdict("ok", claims)
