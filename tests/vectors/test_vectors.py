"""The pass vectors, checked by an independent verifier (pycose, cbor2, RFC 9285 base45 here).

Nothing from functions/ is used to decide a vector, except in the test that asks whether the
code under test agrees with it, and the one that the file is what generate.py writes.
"""

import base64
import hashlib
import json
from pathlib import Path

import cbor2
import pytest
import qrcode
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pycose.algorithms import EdDSA
from pycose.exceptions import CoseException
from pycose.headers import KID, Algorithm
from pycose.keys import OKPKey
from pycose.keys.curves import Ed25519
from pycose.messages import Sign1Message

from functions.healthpass import credential
from tests.vectors import generate

DOC = json.loads((Path(__file__).parent / "pass-vectors.json").read_text(encoding="utf-8"))
VECTORS = {v["name"]: v for v in DOC["vectors"]}
B45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
NAMES = {1: "iss", 2: "sub", 4: "exp", 6: "iat", 7: "cti"}
BROKEN = (ValueError, TypeError, KeyError, AttributeError, IndexError, cbor2.CBORDecodeError,
          CoseException)


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def b45decode(text: str) -> bytes:
    """RFC 9285, written from the RFC: groups of 3 characters -> 2 bytes, 2 -> 1."""
    values = [B45.index(ch) for ch in text]
    if len(values) % 3 == 1:
        raise ValueError("bad length")
    out = bytearray()
    for i in range(0, len(values), 3):
        group = values[i:i + 3]
        n = sum(v * 45 ** k for k, v in enumerate(group))
        if len(group) == 3:
            if n > 0xFFFF:
                raise ValueError("group too large")
            out += n.to_bytes(2, "big")
        else:
            if n > 0xFF:
                raise ValueError("group too large")
            out.append(n)
    return bytes(out)


def sign1(data: bytes) -> Sign1Message:
    tagged = cbor2.loads(data)
    assert isinstance(tagged, cbor2.CBORTag) and tagged.tag == 18
    protected, unprotected, payload, signature = tagged.value
    # pycose 1.1 wants a list; cbor2 6 gives a tuple inside a tag, so unwrap the tag here.
    message = Sign1Message.from_cose_obj([protected, dict(unprotected), payload, signature],
                                         True)
    assert message.phdr.get(Algorithm) is EdDSA
    return message


def signed_by(message: Sign1Message, x: bytes) -> bool:
    message.key = OKPKey(crv=Ed25519, x=x)
    return message.verify_signature()


def independent_check(vector: dict) -> tuple[str, dict | None]:
    """(reason, what the pass says), by the rules of docs/pass-format.md section "Checking"."""
    keys = {b64url_decode(k["kid"]): b64url_decode(k["x"]) for k in DOC["jwks"]["keys"]}
    qr, now = vector["qr"], vector["now"]
    live = qr.startswith("TG1L:")
    if not (live or qr.startswith("TG1:")):
        return "not_together", None
    said = {}
    try:
        data = b45decode(qr.split(":", 1)[1])
        if live:
            outer = sign1(data)
            inner = cbor2.loads(outer.payload)
            data, said["t"] = inner["c"], inner["t"]
        cred = sign1(data)
        x = keys.get(cred.phdr.get(KID))
        if x is None:
            return "unknown_key", None
        if not signed_by(cred, x):
            return "tampered", None
        claims = cbor2.loads(cred.payload)
        said["claims"] = {NAMES.get(k, k): b64url(v) if isinstance(v, bytes) else v
                          for k, v in claims.items()}
        if live and ("dk" not in claims or not signed_by(outer, claims["dk"])):
            return "tampered", None
        said["presentation"] = "live" if live else "printed"
        if not live and "dk" in claims:
            return "replayed", said
    except BROKEN:
        return "tampered", None
    if claims[6] > now + 60:
        return "not_yet_valid", said
    if now >= claims[4]:
        return "expired", said
    if b64url(claims[7]) in vector["revoked_credentials"] or \
            b64url(claims.get("dk", b"")) in vector["revoked_devices"]:
        return "revoked", said
    if live and said["t"] < now - 60:
        return "replayed", said
    if live and said["t"] > now + 60:
        return "not_yet_valid", said
    return "ok", said


@pytest.mark.parametrize("name", VECTORS)
def test_each_vector_checks_out_independently(name):
    vector = VECTORS[name]
    reason, said = independent_check(vector)
    expected = dict(vector["expected"])
    assert reason == expected.pop("reason")
    assert expected.pop("valid") is (reason == "ok")
    assert (said or {}) == expected


@pytest.mark.parametrize("name", VECTORS)
def test_the_code_under_test_agrees(name):
    vector = VECTORS[name]
    keys = {b64url_decode(k["kid"]): b64url_decode(k["x"]) for k in DOC["jwks"]["keys"]}
    verdict = credential.verify(
        vector["qr"], {kid: Ed25519PublicKey.from_public_bytes(x) for kid, x in keys.items()},
        now=vector["now"],
        revoked_credentials={b64url_decode(v) for v in vector["revoked_credentials"]},
        revoked_devices={b64url_decode(v) for v in vector["revoked_devices"]})
    assert (verdict.reason, verdict.valid) == (vector["expected"]["reason"],
                                               vector["expected"]["valid"])


PROOFS = {p["name"]: p for p in DOC["device_proofs"]}


@pytest.mark.parametrize("name", PROOFS)
def test_each_device_proof_checks_out_independently(name):
    proof = PROOFS[name]
    message = (b"TG1-DEVICE\x00" + proof["challenge"].encode("ascii") + b"\x00"
               + proof["employee_id"].encode("utf-8"))
    key = OKPKey(crv=Ed25519, x=b64url_decode(proof["public_key"]))
    public = Ed25519PublicKey.from_public_bytes(key.x)
    try:
        public.verify(b64url_decode(proof["signature"]), message)
        valid = True
    except InvalidSignature:
        valid = False
    assert valid is proof["valid"]
    if valid:
        assert bytes.fromhex(proof["message_hex"]) == message


def test_the_code_under_test_accepts_exactly_the_valid_proofs(tmp_path):
    from functions.app import create_app
    from functions.healthpass import devices

    app = create_app({"TOGETHER_DATA_DIR": str(tmp_path), "TOGETHER_SECRET_KEY": "t"})
    store = app.extensions["together"].store
    user = {"id": "E0001"}
    for proof in DOC["device_proofs"]:
        store.put({"pk": "HEALTH#E0001", "sk": f"CHALLENGE#{proof['challenge']}",
                   "expires_at": 2_000_000_000})
        body = {k: proof[k] for k in ("public_key", "challenge", "signature")}
        try:
            devices.check_proof(store, user, body, now=1_772_413_200)
            accepted = True
        except devices.ProofInvalid:
            accepted = False
        assert accepted is proof["valid"], proof["name"]


def test_the_kid_is_the_start_of_the_keys_sha256():
    [key] = DOC["jwks"]["keys"]
    assert b64url_decode(key["kid"]) == hashlib.sha256(b64url_decode(key["x"])).digest()[:8]


def test_the_file_is_what_the_generator_writes():
    text = (Path(__file__).parent / "pass-vectors.json").read_text(encoding="utf-8")
    assert text == generate.dump(generate.build()), "run: python -m tests.vectors.generate"


@pytest.mark.parametrize("name, most", [("static-red-30-byte-name", 9),
                                        ("live-red-30-byte-name", 13)])
def test_passes_fit_their_qr_size_goal(name, most):
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(VECTORS[name]["qr"])
    code.make(fit=True)
    assert code.version <= most
