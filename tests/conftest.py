"""Fixtures every suite shares: a moto server, a settable clock, the Flask app and client."""

import os
import time

import pytest

from tests.aws import REAL_AWS, free_port

if not REAL_AWS:
    # moto accepts any credentials; never let a developer's real ones reach it.
    for name, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                        "AWS_SESSION_TOKEN": "testing", "AWS_DEFAULT_REGION": "us-east-1"}.items():
        os.environ[name] = value
    os.environ.pop("AWS_PROFILE", None)


class Clock:
    """A clock the test moves by hand, so expiry is tested without sleeping."""

    def __init__(self):
        self.now = time.time()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture(scope="session")
def moto_endpoint():
    """moto's server mode on loopback: the real wire protocol for boto3."""
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()
