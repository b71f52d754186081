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


def register(client, device: Ed25519PrivateKey, employee_id: str = "E0001"):
    """Registers a device key as the phone does: a challenge, signed with the key (the message
    as docs/pass-format.md defines it, built here independently of the server's code)."""
    challenge = client.post("/api/health/devices/challenge")
    assert challenge.status_code == 201, challenge.get_json()
    text = challenge.get_json()["challenge"]
    message = b"TG1-DEVICE\x00" + text.encode() + b"\x00" + employee_id.encode()
    return client.post("/api/health/devices", json={
        "public_key": b64(raw(device)), "challenge": text, "signature": b64(device.sign(message))})


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
    for response in (client.get("/api/health/pass"),
                     client.post("/api/health/printed-passes", json={"understood": True})):
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
        "name": "Li Na 李娜", "employee_id": "E0001", "photo_url": None,
        "presentation": "printed"}


def test_a_person_with_a_phone_gets_a_printed_pass_only_after_a_warning(client, auth):
    auth.sign_in("employee@example.com")
    declare(client)
    assert register(client, Ed25519PrivateKey.generate()).status_code == 201
    assert client.get("/api/health/pass.svg").status_code == 404  # the bare QR is gone
    static = client.get("/api/health/pass")
    assert static.status_code == 409 and static.get_json()["error"]["code"] == "live_pass_only"
    unwarned = client.post("/api/health/printed-passes", json={})
    assert unwarned.status_code == 422 and "understood" in unwarned.get_json()["error"]["fields"]
    printed = client.post("/api/health/printed-passes", json={"understood": True})
    assert printed.status_code == 201
    answer = printed.get_json()
    assert (answer["status"], answer["employee_id"], answer["name"], answer["device_key"]) == (
        "green", "E0001", "Li Na 李娜", None)
    assert "dk" not in open_pass(answer["qr"])[1]
    verdict = check(client, auth, answer["qr"])
    assert (verdict["reason"], verdict["presentation"]) == ("ok", "printed")
    auth.sign_out()
    auth.sign_in("health@example.com")
    [entry] = client.get("/api/health/audit").get_json()["items"]
    assert (entry["action"], entry["actor_id"], entry["subject_id"]) == (
        "printed_pass_issued", "E0001", "E0001")
    assert entry["detail"] == {"by": "self", "reason": None, "cti": answer["cti"]}


def test_a_health_officer_prints_a_pass_for_someone_with_a_reason(client, auth):
    auth.sign_in("employee@example.com")
    declare(client, symptoms=["cough"])
    auth.sign_out()
    auth.sign_in("health@example.com")
    body = {"employee_id": "E0001"}
    missing = client.post("/api/health/printed-passes", json=body)
    assert missing.status_code == 422 and "reason" in missing.get_json()["error"]["fields"]
    printed = client.post("/api/health/printed-passes", json={**body, "reason": "Phone broken"})
    assert printed.status_code == 201
    assert (printed.get_json()["status"], printed.get_json()["name"]) == ("yellow", "Li Na 李娜")
    [entry] = client.get("/api/health/audit").get_json()["items"]
    assert (entry["action"], entry["actor_id"], entry["subject_id"], entry["detail"]["reason"],
            entry["detail"]["by"]) == ("printed_pass_issued", "E0004", "E0001", "Phone broken",
                                       "health_officer")


@pytest.mark.parametrize("email", ["editor@example.com", "hr@example.com", "guard@example.com",
                                   "admin@example.com"])
def test_only_health_officers_print_someone_elses_pass(client, auth, email):
    auth.sign_in("employee@example.com")
    declare(client)
    auth.sign_out()
    auth.sign_in(email)
    response = client.post("/api/health/printed-passes",
                           json={"employee_id": "E0001", "reason": "Phone broken"})
    assert response.status_code == 403


def test_a_live_pass_is_presented_as_live(client, auth, monday):
    device = Ed25519PrivateKey.generate()
    auth.sign_in("employee@example.com")
    declare(client)
    bound = register(client, device).get_json()["pass"]
    live = credential.live(base45.b45decode(bound["qr"].removeprefix("TG1:")), device,
                           int(monday.now))
    assert check(client, auth, live)["presentation"] == "live"


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
    response = register(client, device)
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
    old_pass = register(client, old)
    old_cred = base45.b45decode(old_pass.get_json()["pass"]["qr"].removeprefix("TG1:"))
    register(client, new)
    assert check(client, auth, credential.live(old_cred, old, int(monday.now)))["reason"] \
        == "revoked"
    assert client.get("/api/health/revocations").get_json()["devices"] == [b64(raw(old))]
    auth.sign_out()
    auth.sign_in("employee@example.com")
    again = register(client, old)
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "device_revoked"
    gone = client.get("/api/health/pass", query_string={"device_key": b64(raw(old))})
    assert gone.status_code == 409
    assert gone.get_json()["error"]["code"] == "device_not_registered"


def test_a_device_can_register_before_the_first_declaration(client, auth):
    auth.sign_in("employee@example.com")
    device = Ed25519PrivateKey.generate()
    key = b64(raw(device))
    response = register(client, device)
    assert response.status_code == 201 and response.get_json()["pass"] is None
    declare(client)
    assert client.get("/api/health/pass", query_string={"device_key": key}).status_code == 200


def test_another_person_cannot_take_over_or_revoke_a_live_pass(client, auth, monday):
    victim = Ed25519PrivateKey.generate()
    auth.sign_in("employee@example.com")
    declare(client)
    live_pass = credential.live(base45.b45decode(
        register(client, victim).get_json()["pass"]["qr"].removeprefix("TG1:")), victim,
        int(monday.now))
    auth.sign_out()

    auth.sign_in("editor@example.com")  # saw the victim's public key in the live QR
    challenge = client.post("/api/health/devices/challenge").get_json()["challenge"]
    bare = client.post("/api/health/devices", json={"public_key": b64(raw(victim))})
    assert bare.status_code == 422 and set(bare.get_json()["error"]["fields"]) == {
        "challenge", "signature"}
    forged = client.post("/api/health/devices", json={
        "public_key": b64(raw(victim)), "challenge": challenge, "signature": b64(b"\0" * 64)})
    assert forged.status_code == 403
    assert forged.get_json()["error"]["code"] == "device_proof_invalid"
    assert check(client, auth, live_pass)["reason"] == "ok"  # the victim's pass still verifies
    assert client.get("/api/health/revocations").get_json()["devices"] == []


def test_a_key_bound_to_one_person_is_never_bound_to_another(client, auth, store):
    shared = Ed25519PrivateKey.generate()  # even with the private key (a lent phone)
    auth.sign_in("employee@example.com")
    assert register(client, shared).status_code == 201
    auth.sign_out()
    auth.sign_in("editor@example.com")
    taken = register(client, shared, "E0002")
    assert taken.status_code == 403
    assert taken.get_json()["error"]["code"] == "device_key_taken"
    assert store.get("HDEVKEY#" + b64(raw(shared)), "OWNER")["employee_id"] == "E0001"
    assert store.get("HEALTH#E0001", "DEVICE#" + b64(raw(shared))) is not None


def test_a_challenge_is_single_use_short_lived_and_the_signers_own(client, auth, monday):
    device = Ed25519PrivateKey.generate()
    auth.sign_in("employee@example.com")
    answer = client.post("/api/health/devices/challenge")
    assert answer.headers["Cache-Control"] == "no-store"
    text = answer.get_json()["challenge"]
    assert answer.get_json()["expires_at"] == int(monday.now) + 300
    body = {"public_key": b64(raw(device)), "challenge": text,
            "signature": b64(device.sign(b"TG1-DEVICE\x00" + text.encode() + b"\x00E0001"))}
    for_someone_else = {**body, "signature": b64(device.sign(
        b"TG1-DEVICE\x00" + text.encode() + b"\x00E0002"))}
    assert client.post("/api/health/devices", json=for_someone_else).status_code == 403
    assert client.post("/api/health/devices", json=body).get_json()["error"]["code"] == \
        "device_challenge_expired"  # spent by the failed attempt: one try per challenge
    late = client.post("/api/health/devices/challenge").get_json()["challenge"]
    monday.advance(301)
    late_body = {**body, "challenge": late, "signature": b64(device.sign(
        b"TG1-DEVICE\x00" + late.encode() + b"\x00E0001"))}
    assert client.post("/api/health/devices", json=late_body).status_code == 409
    auth.sign_out()
    auth.sign_in("editor@example.com")  # another person cannot spend Li Na's challenge
    fresh = {**body, "signature": b64(device.sign(
        b"TG1-DEVICE\x00" + text.encode() + b"\x00E0002"))}
    assert client.post("/api/health/devices", json=fresh).status_code == 409


@pytest.mark.parametrize("key", ["", "abc", b64(b"x" * 31), b64(b"x" * 32) + "=",
                                 "*" * 43, 42, None])
def test_device_keys_must_be_32_bytes_of_base64url(client, auth, key):
    auth.sign_in("employee@example.com")
    response = client.post("/api/health/devices", json={
        "public_key": key, "challenge": "A" * 43, "signature": b64(b"s" * 64)})
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
