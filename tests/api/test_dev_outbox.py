"""The embedded mail outbox lists every sign-in code: this machine alone may read it."""

import pytest

from functions.app import create_app
from functions.config import Config, is_loopback
from functions.seed import seed_demo


def embedded(tmp_path, **env):
    app = create_app({"TOGETHER_DATA_DIR": str(tmp_path), "TOGETHER_SECRET_KEY": "t", **env})
    seed_demo(app)
    return app


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "together.lan"])
def test_listening_beyond_loopback_there_is_no_outbox_and_codes_go_to_the_console(
        tmp_path, capfd, host):
    client = embedded(tmp_path, TOGETHER_LISTEN_HOST=host).test_client()

    assert client.post("/api/auth/start", json={"email": "hr@example.com"}).status_code == 202

    assert client.get("/api/dev/outbox").status_code == 404
    assert "/api/dev/outbox" not in client.get("/api/openapi.json").get_json()["paths"]
    with client.get("/") as page:
        assert page.status_code == 200  # the app itself is still served
    printed = capfd.readouterr().err
    assert "[mail] to hr@example.com: " in printed and "sign-in code" in printed.lower()


def test_on_loopback_another_machine_still_cannot_read_the_outbox(tmp_path):
    client = embedded(tmp_path).test_client()
    client.post("/api/auth/start", json={"email": "hr@example.com"})

    remote = client.get("/api/dev/outbox", environ_base={"REMOTE_ADDR": "192.168.1.20"})
    local = client.get("/api/dev/outbox", environ_base={"REMOTE_ADDR": "127.0.0.1"})

    assert remote.status_code == 404
    assert local.status_code == 200 and local.get_json()["messages"][0]["to"] == "hr@example.com"


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.0.0.2", True), ("::1", True), ("[::1]", True),
    ("localhost", True), ("0.0.0.0", False), ("::", False), ("10.0.0.5", False),
    ("example.com", False), ("", False)])
def test_what_counts_as_this_machine(host, loopback):
    assert is_loopback(host) is loopback
    assert Config(listen_host=host).dev_routes is loopback
