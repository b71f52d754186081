"""The signed pass: issuer keys, today's credential, devices and live passes, online checks."""

import base64
import hashlib

import base45
import cbor2
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from functions.healthpass import credential
from tests.api.test_healthpass_declarations import at, declare

NOT_GUARDS = ["employee@example.com", "editor@example.com", "hr@example.com",
              "health@example.com", "admin@example.com"]


@pytest.fixture(autouse=True)
def monday(clock):
    clock.now = at("2026-03-02 09:00")
    return clock


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def raw(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def open_pass(text: str) -> tuple[dict, dict]:
    """(protected header, claims) read with cbor2 alone, not with the code under test."""
    message = cbor2.loads(base45.b45decode(text.removeprefix("TG1:")))
    assert message.tag == 18
    protected, unprotected, payload, signature = message.value
    assert dict(unprotected) == {} and len(signature) == 64
    return cbor2.loads(protected), cbor2.loads(payload)


def signed_in_with_pass(client, auth, email="employee@example.com", **answers):
    auth.sign_in(email)
    declare(client, **answers)
    return client.get("/api/health/pass").get_json()


def check(client, auth, qr: str) -> dict:
    """The guard's online check of a QR text (signs the guard in if needed)."""
    if client.get("/api/me").get_json().get("id") != "E0005":
        auth.sign_out()
        auth.sign_in("guard@example.com")
    response = client.post("/api/health/verify", json={"qr": qr})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_the_issuer_keys_are_public_as_a_jwks(client, app):
    response = client.get("/api/health/keys")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=3600"
    [key] = response.get_json()["keys"]
    assert (key["kty"], key["crv"], key["alg"]) == ("OKP", "Ed25519", "EdDSA")
    assert len(unb64(key["x"])) == 32
    assert key["kid"] == b64(hashlib.sha256(unb64(key["x"])).digest()[:8])
    ring = app.config["TOGETHER"].data_dir / "issuer-keys" / "keyring.json"
    assert ring.stat().st_mode & 0o777 == 0o600
    assert ring.parent.stat().st_mode & 0o777 == 0o700


def test_no_declaration_today_no_pass(client, auth):
    auth.sign_in("employee@example.com")
    for path in ("/api/health/pass", "/api/health/pass.svg"):
        response = client.get(path)
        assert response.status_code == 409
        assert response.get_json()["error"]["code"] == "declaration_required"


def test_todays_pass_names_the_person_and_colour_and_nothing_else(client, auth):
    answer = signed_in_with_pass(client, auth, symptoms=["cough"])
    assert answer["status"] == "yellow" and answer["expires_at"] == at("2026-03-03 00:00")
    protected, claims = open_pass(answer["qr"])
    [key] = client.get("/api/health/keys").get_json()["keys"]
    assert protected == {1: -8, 4: unb64(key["kid"])}
    assert claims == {1: "tg", 2: "E0001", 4: at("2026-03-03 00:00"),
                      6: at("2026-03-02 09:00"), 7: unb64(answer["cti"]), "st": "Y",
                      "n": "Li Na 李娜"}
    assert len(claims[7]) == 12
    assert client.get("/api/health/pass").get_json() == answer  # reused while nothing changed
    assert check(client, auth, answer["qr"]) == {
        "valid": True, "reason": "ok", "message": "通行码有效。", "status": "yellow",
        "name": "Li Na 李娜", "employee_id": "E0001", "photo_url": None}


def test_the_printable_pass_is_an_svg_qr_code(client, auth):
    signed_in_with_pass(client, auth)
    response = client.get("/api/health/pass.svg")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.data.startswith(b"<?xml") and b"<svg" in response.data
    assert b"<path" in response.data


def test_a_new_declaration_revokes_the_previous_pass(client, auth, monday):
    first = signed_in_with_pass(client, auth)
    monday.advance(60)
    declare(client, temperature_c=38.4)
    second = client.get("/api/health/pass").get_json()
    assert second["cti"] != first["cti"] and second["status"] == "yellow"
    assert check(client, auth, first["qr"])["reason"] == "revoked"
    listing = client.get("/api/health/revocations").get_json()
    assert listing == {"credentials": [first["cti"]], "devices": [],
                       "generated_at": at("2026-03-02 09:01")}
    assert check(client, auth, second["qr"])["reason"] == "ok"
    monday.now = at("2026-03-03 00:00")  # the revoked credential has expired: the entry goes
    assert client.get("/api/health/revocations").get_json()["credentials"] == []
    assert check(client, auth, second["qr"])["reason"] == "expired"


def test_a_live_pass_is_signed_by_the_registered_device(client, auth, monday):
    device = Ed25519PrivateKey.generate()
    auth.sign_in("employee@example.com")
    declare(client)
    response = client.post("/api/health/devices", json={"public_key": b64(raw(device))})
    assert response.status_code == 201
    registered = response.get_json()
    assert registered["device_key"] == b64(raw(device))
    bound = registered["pass"]
    assert open_pass(bound["qr"])[1]["dk"] == raw(device)
    renewed = client.get("/api/health/pass", query_string={"device_key": b64(raw(device))})
    assert renewed.get_json() == bound

    cred = base45.b45decode(bound["qr"].removeprefix("TG1:"))
    live = credential.live(cred, device, int(monday.now))
    assert live.startswith("TG1L:")
    assert check(client, auth, live)["reason"] == "ok"
    assert check(client, auth, bound["qr"])["reason"] == "replayed"  # shown without the device
    stranger = credential.live(cred, Ed25519PrivateKey.generate(), int(monday.now))
    assert check(client, auth, stranger)["reason"] == "tampered"
    monday.advance(61)
    assert check(client, auth, live)["reason"] == "replayed"  # a screenshot, a minute later
    ahead = credential.live(cred, device, int(monday.now) + 120)
    assert check(client, auth, ahead)["reason"] == "not_yet_valid"


def test_a_new_device_revokes_the_old_one(client, auth, monday):
    old, new = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    auth.sign_in("employee@example.com")
    declare(client)
    old_pass = client.post("/api/health/devices", json={"public_key": b64(raw(old))})
    old_cred = base45.b45decode(old_pass.get_json()["pass"]["qr"].removeprefix("TG1:"))
    client.post("/api/health/devices", json={"public_key": b64(raw(new))})
    assert check(client, auth, credential.live(old_cred, old, int(monday.now)))["reason"] \
        == "revoked"
    assert client.get("/api/health/revocations").get_json()["devices"] == [b64(raw(old))]
    auth.sign_out()
    auth.sign_in("employee@example.com")
    again = client.post("/api/health/devices", json={"public_key": b64(raw(old))})
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "device_revoked"
    gone = client.get("/api/health/pass", query_string={"device_key": b64(raw(old))})
    assert gone.status_code == 409
    assert gone.get_json()["error"]["code"] == "device_not_registered"


def test_a_device_can_register_before_the_first_declaration(client, auth):
    auth.sign_in("employee@example.com")
    key = b64(raw(Ed25519PrivateKey.generate()))
    response = client.post("/api/health/devices", json={"public_key": key})
    assert response.status_code == 201 and response.get_json()["pass"] is None
    declare(client)
    assert client.get("/api/health/pass", query_string={"device_key": key}).status_code == 200


@pytest.mark.parametrize("key", ["", "abc", b64(b"x" * 31), b64(b"x" * 32) + "=",
                                 "*" * 43, 42, None])
def test_device_keys_must_be_32_bytes_of_base64url(client, auth, key):
    auth.sign_in("employee@example.com")
    response = client.post("/api/health/devices", json={"public_key": key})
    assert response.status_code == 422 and "public_key" in response.get_json()["error"]["fields"]
    if isinstance(key, str):
        bad = client.get("/api/health/pass", query_string={"device_key": key or "x"})
        assert bad.status_code == 422


def test_checks_name_what_is_wrong(client, auth, monday):
    good = signed_in_with_pass(client, auth)["qr"]
    other_issuer = Ed25519PrivateKey.generate()
    forged = credential.issue(other_issuer, credential.kid_of(raw(other_issuer)), sub="E0001",
                              name="Li Na", status="green", iat=int(monday.now),
                              exp=int(monday.now) + 3600, cti=b"\x01" * 12)
    flipped = good[:-3] + ("A" if good[-3] != "A" else "B") + good[-2:]
    early = monday.now
    cases = {"HC1:NCFOXN%TS3DH": "not_together", "hello": "not_together",
             forged: "unknown_key", flipped: "tampered", "TG1:" + "%" * 10: "tampered",
             "TG1:AB": "tampered", "TG1L:" + good[4:]: "tampered"}
    for qr, reason in cases.items():
        monday.now = early
        verdict = check(client, auth, qr)
        assert verdict["reason"] == reason, qr
        assert verdict["valid"] is False and verdict["status"] is None
    monday.now = at("2026-03-03 00:00")
    expired = check(client, auth, good)
    assert (expired["reason"], expired["employee_id"], expired["status"]) == ("expired",
                                                                               "E0001", None)
    assert expired["message"] == "通行码已过期，请出示今天的通行码。"


@pytest.mark.parametrize("body", [{}, {"qr": ""}, {"qr": 5}, {"qr": "TG1:" + "A" * 5000},
                                  {"qr": "x", "extra": 1}])
def test_bad_check_requests_get_field_messages(client, auth, body):
    auth.sign_in("guard@example.com")
    response = client.post("/api/health/verify", json=body)
    assert response.status_code == 422 and response.get_json()["error"]["fields"]


@pytest.mark.parametrize("email", NOT_GUARDS)
def test_only_guards_check_passes_and_read_revocations(client, auth, email):
    auth.sign_in(email)
    assert client.post("/api/health/verify", json={"qr": "TG1:AB"}).status_code == 403
    assert client.get("/api/health/revocations").status_code == 403
