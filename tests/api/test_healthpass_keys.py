"""Issuer keys: made on first use, rotated in two steps, read from SSM Parameter Store on AWS."""

import json

import pytest

from functions.app import create_app
from functions.config import Config, ConfigError
from functions.encoding import b64url
from functions.healthpass import keys
from functions.seed import seed_demo
from tests.api.test_healthpass_declarations import DAY, at, declare
from tests.api.test_healthpass_pass import check, open_pass, unb64
from tests.aws import REAL_AWS, client, unique


@pytest.fixture(autouse=True)
def monday(clock):
    clock.now = at("2026-03-02 09:00")
    return clock


def kids(client) -> list[str]:
    return [k["kid"] for k in client.get("/api/health/keys").get_json()["keys"]]


def pass_kid(client) -> str:
    qr = client.get("/api/health/pass").get_json()["qr"]
    return b64url(open_pass(qr)[0][4])


def rotate(app, *args) -> str:
    result = app.test_cli_runner().invoke(args=["rotate-pass-key", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_rotation_publishes_first_then_signs_then_retires(app, client, auth, monday):
    [first] = kids(client)
    assert "as next" in rotate(app)
    first_kid, second = kids(client)
    assert first_kid == first
    auth.sign_in("employee@example.com")
    declare(client)
    old_qr = client.get("/api/health/pass").get_json()["qr"]
    assert pass_kid(client) == first  # the next key is published, not used yet

    monday.advance(DAY)  # guards' phones have fetched the keys by now
    assert "signs now" in rotate(app)
    assert set(kids(client)) == {first, second}  # the retired key still verifies
    declare(client)
    assert pass_kid(client) == second
    monday.now = at("2026-03-02 10:00")
    assert check(client, auth, old_qr)["reason"] == "ok"
    monday.now = at("2026-03-05 09:00")
    assert kids(client) == [second]


def test_an_emergency_rotation_signs_with_a_new_key_at_once(app, client, auth):
    [first] = kids(client)
    output = rotate(app, "--immediately")
    assert "signs now" in output and "retired" in output
    auth.sign_in("employee@example.com")
    declare(client)
    assert pass_kid(client) != first and len(kids(client)) == 2


def test_the_key_ring_file_never_holds_a_retired_private_key(app, client):
    assert len(kids(client)) == 1  # the first key is made on first use
    rotate(app, "--immediately")
    ring = json.loads((app.config["TOGETHER"].data_dir / "issuer-keys" / "keyring.json")
                      .read_text())
    states = {k["state"]: k for k in ring["keys"]}
    assert "d" in states["active"] and "d" not in states["retired"]
    assert states["retired"]["until"] == at("2026-03-04 09:00")


@pytest.mark.skipif(REAL_AWS, reason="creates a parameter; moto only")
def test_on_aws_the_keys_come_from_a_secure_ssm_parameter(tmp_path, clock, moto_endpoint):
    name = "/together/test/" + unique("pass-keys")
    app = create_app({"TOGETHER_DATA_DIR": str(tmp_path), "TOGETHER_SECRET_KEY": "t",
                      "TOGETHER_PASS_KEY_PARAMETER": name,
                      "TOGETHER_AWS_ENDPOINT_URL": moto_endpoint}, clock=clock)
    seed_demo(app)
    web = app.test_client()
    missing = web.get("/api/health/keys")  # not made on AWS: an operator creates it
    assert missing.status_code == 500 and missing.get_json()["error"]["code"] == "internal"
    rotate(app, "--immediately")
    ssm = client("ssm", moto_endpoint)
    parameter = ssm.get_parameter(Name=name, WithDecryption=True)["Parameter"]
    assert parameter["Type"] == "SecureString"
    [key] = web.get("/api/health/keys").get_json()["keys"]
    assert json.loads(parameter["Value"])["keys"][0]["kid"] == key["kid"]
    assert not (tmp_path / "issuer-keys").exists()


def test_the_aws_configuration_names_the_missing_parameter_when_a_pass_needs_it():
    from tests.api.test_conventions import AWS_ENV

    app = create_app(AWS_ENV)
    with pytest.raises(ConfigError, match="TOGETHER_PASS_KEY_PARAMETER"):
        app.extensions["together"].pass_keys.ring()


def test_the_time_zone_must_be_a_real_one():
    assert Config.from_env({"TOGETHER_DATA_DIR": "/tmp/x"}).timezone == "Asia/Shanghai"
    with pytest.raises(ConfigError, match="TOGETHER_TIMEZONE"):
        Config.from_env({"TOGETHER_DATA_DIR": "/tmp/x", "TOGETHER_TIMEZONE": "Mars/Olympus"})


def test_a_broken_key_ring_is_refused():
    ring = keys.KeyRing((keys.Key.generate("active"),))
    data = json.loads(ring.dump())
    data["keys"][0]["kid"] = b64url(b"\0" * 8)
    with pytest.raises(ValueError, match="inconsistent"):
        keys.KeyRing.parse(json.dumps(data))
    with pytest.raises(ConfigError, match="exactly one active"):
        keys.KeyRing(()).active()
    assert unb64(ring.jwks(0)["keys"][0]["kid"]) == ring.keys[0].kid
