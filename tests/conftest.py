"""Fixtures every suite shares: a moto server, a settable clock, the Flask app and client."""

import os
import threading
import time

import pytest

from tests.aws import REAL_AWS

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
    server = SerialMotoServer()
    yield server.url
    server.close()


class SerialMotoServer:
    """moto's server, on its own thread, answering one request at a time.

    moto's backends do not lock an item between reading and writing it, so two UpdateItem ADDs
    arriving together can lose one, which DynamoDB never does (seen under load in
    test_counter_increments_are_atomic). One request at a time removes moto's race and keeps
    ours: an adapter that read, added and wrote back in separate requests still loses updates.
    """

    def __init__(self):
        from moto.moto_server.werkzeug_app import (
            DomainDispatcherApplication,
            MotoRequestHandler,
            create_backend_app,
        )
        from werkzeug.serving import make_server

        moto = DomainDispatcherApplication(create_backend_app)
        lock = threading.Lock()

        def one_at_a_time(environ, start_response):
            with lock:  # moto answers from memory: the whole body is ready on return
                return list(moto(environ, start_response))

        self._server = make_server("127.0.0.1", 0, one_at_a_time, threaded=True,
                                   request_handler=MotoRequestHandler)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="moto",
                                        daemon=True)
        self._thread.start()

    def close(self):
        self._server.shutdown()
        self._thread.join()
        self._server.server_close()
