"""The push port: the VAPID key where each home keeps it (a file; SSM on moto), the endpoint
allowlist, and the pywebpush adapter against a push service played on loopback."""

import pytest

from functions.push import allow
from functions.push.port import EndpointRefused, Message, Subscription
from functions.push.vapid import FileVapidKey, SsmVapidKey, Vapid
from functions.push.webpush import WebPush
from tests.aws import client, unique
from tests.push_service import PushService, vapid_claims


@pytest.fixture(params=["file", "ssm-moto"])
def key_source(request, tmp_path):
    """A fresh place for a VAPID key, made by the first reader; a second reader shares it."""
    if request.param == "file":
        return lambda: FileVapidKey(tmp_path / "vapid_private.pem")
    ssm = client("ssm", request.getfixturevalue("moto_endpoint"))
    name = f"/together/{unique('test')}/vapid-key"
    return lambda: SsmVapidKey(ssm, name)


def test_the_key_is_made_once_and_then_shared(key_source, clock):
    first = Vapid(key_source(), "mailto:hr@example.com", clock=clock).public_key()
    second = Vapid(key_source(), "mailto:hr@example.com", clock=clock).public_key()
    assert first == second and len(first) == 87  # 65 bytes, base64url


def test_the_ssm_key_is_a_secure_string(moto_endpoint, clock):
    ssm, name = client("ssm", moto_endpoint), f"/together/{unique('t')}/vapid-key"
    Vapid(SsmVapidKey(ssm, name), "mailto:a@example.com", clock=clock).public_key()
    assert ssm.get_parameter(Name=name)["Parameter"]["Type"] == "SecureString"


@pytest.mark.parametrize(("endpoint", "allowed"), [
    ("https://fcm.googleapis.com/fcm/send/abc", True),
    ("https://updates.push.services.mozilla.com/wpush/v2/abc", True),
    ("https://web.push.apple.com/QGx", True),
    ("https://api.push.apple.com/3/device/x", True),
    ("https://wns2-par02p.notify.windows.com/w/?token=x", True),
    ("http://fcm.googleapis.com/fcm/send/abc", False),
    ("https://fcm.googleapis.com:8443/fcm/send/abc", False),
    ("https://fcm.googleapis.com.evil.example/x", False),
    ("https://push.apple.com.evil.example/x", False),
    ("https://evilpush.apple.com/x", False),
    ("https://user:pw@fcm.googleapis.com/x", False),
    ("http://169.254.169.254/latest/meta-data", False),
    ("http://127.0.0.1:8080/push", False),
    ("https://evil.example/push", False),
    ("not a url", False),
])
def test_only_the_browsers_push_services_are_allowed_on_aws(endpoint, allowed):
    if allowed:
        allow.check(endpoint, allow_loopback=False)
    else:
        with pytest.raises(EndpointRefused):
            allow.check(endpoint, allow_loopback=False)


@pytest.mark.parametrize(("endpoint", "allowed"), [
    ("http://127.0.0.1:8080/push", True), ("http://127.0.0.1/push", False),
    ("http://localhost:8080/push", False), ("http://127.0.0.2:8080/push", False)])
def test_embedded_also_allows_loopback_with_a_port(endpoint, allowed):
    if allowed:
        allow.check(endpoint, allow_loopback=True)
    else:
        with pytest.raises(EndpointRefused):
            allow.check(endpoint, allow_loopback=True)


@pytest.fixture
def service():
    played = PushService()
    yield played
    played.close()


def _adapter(tmp_path, clock, loopback=True):
    return WebPush(Vapid(FileVapidKey(tmp_path / "k.pem"), "mailto:a@example.com", clock=clock),
                   allow_loopback=loopback)


def test_the_adapter_encrypts_signs_and_reports_the_answer(service, tmp_path, clock):
    push, device = _adapter(tmp_path, clock), service.device("one")
    keys = device.subscription()["keys"]
    subscription = Subscription(device.endpoint, keys["p256dh"], keys["auth"])
    service.answers["/push/one"] = [201, (429, {"Retry-After": "12"}), 410]
    message = Message(b'{"hello":"world"}', ttl=60, urgency="low", topic="t1")
    results = [push.send(subscription, message) for _ in range(3)]
    assert [(r.status, r.retry_after) for r in results] == [(201, None), (429, 12.0), (410, None)]
    assert results[0].sent and results[2].gone
    first = service.to(device)[0]
    assert device.decrypt(first) == {"hello": "world"}
    assert (first.headers["TTL"], first.headers["Urgency"], first.headers["Topic"]) == (
        "60", "low", "t1")
    assert vapid_claims(first.headers["Authorization"], push.public_key())["aud"] == service.url


def test_the_adapter_never_calls_a_refused_endpoint(service, tmp_path, clock):
    push, device = _adapter(tmp_path, clock, loopback=False), service.device("two")
    keys = device.subscription()["keys"]
    with pytest.raises(EndpointRefused):
        push.send(Subscription(device.endpoint, keys["p256dh"], keys["auth"]),
                  Message(b"x", ttl=60))
    assert service.received == []
