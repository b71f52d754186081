"""The app on a fresh embedded store with the demo directory, and a sign-in helper."""

import re

import pytest

from functions.app import create_app
from functions.seed import seed_demo


def make_app(data_dir, clock):
    """The embedded app (SQLite, local files) in data_dir, with the demo directory."""
    app = create_app({"TOGETHER_DATA_DIR": str(data_dir), "TOGETHER_SECRET_KEY": "test-secret"},
                     clock=clock)
    seed_demo(app)
    return app


@pytest.fixture
def app(tmp_path, clock):
    return make_app(tmp_path, clock)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def store(app):
    return app.extensions["together"].store


class Auth:
    """Signs people in the way the app does: code by mail, then verify."""

    def __init__(self, client):
        self.client = client

    def last_code(self, email: str) -> str:
        # Read at the server's own machine: the outbox answers no one else (a test's client
        # may pose as another address, for the per-client rate limits).
        messages = self.client.get(f"/api/dev/outbox?to={email}", environ_overrides={
            "REMOTE_ADDR": "127.0.0.1"}).get_json()["messages"]
        return re.search(r"\b(\d{6})\b", messages[0]["subject"]).group(1)

    def request_code(self, email: str) -> str:
        response = self.client.post("/api/auth/start", json={"email": email})
        assert response.status_code == 202
        return self.last_code(email)

    def sign_in(self, email: str) -> dict:
        code = self.request_code(email)
        response = self.client.post("/api/auth/verify", json={"email": email, "code": code})
        assert response.status_code == 200, response.get_json()
        return response.get_json()

    def sign_out(self):
        return self.client.post("/api/auth/signout")


@pytest.fixture
def auth(client):
    return Auth(client)
