"""Push and inbox: subscriptions, compose, delivery to a local push service (each payload
decrypted as the browser would), pruning, retries, no duplicates after a crash, permissions."""

import itertools
from datetime import UTC, datetime

import pytest

from functions.notify import delivery, fanout
from functions.store import StoreBusy
from tests.api.conftest import Auth
from tests.push_service import PushService, vapid_claims

RETAIL = {"kind": "unit", "unit": "Retail"}
WAIT_S = 30


class Office:
    """Phones of several people, signed in, each with a device on the local push service."""

    def __init__(self, app, clock, push_service):
        self.app, self.clock, self.push = app, clock, push_service
        self.adapters = app.extensions["together"]
        self.slept = []
        self.adapters.sleep = self._sleep
        self._phones, self._addresses = {}, itertools.count(1)
        self.devices = {}

    def _sleep(self, seconds):  # the fan-out waits on the test's clock: no real sleeping
        self.slept.append(seconds)
        self.clock.advance(seconds)

    def phone(self, email):
        if email not in self._phones:
            client = self.app.test_client()
            client.environ_base["REMOTE_ADDR"] = f"10.0.1.{next(self._addresses)}"
            Auth(client).sign_in(email)
            self._phones[email] = client
        return self._phones[email]

    def subscribe(self, email, name=None):
        device = self.push.device(name or email.split("@")[0])
        answer = self.phone(email).post("/api/push/subscriptions", json=device.subscription())
        assert answer.status_code == 201, answer.get_json()
        self.devices[email] = device
        return device, answer.get_json()["id"]

    def compose(self, email="hr@example.com", audience=RETAIL, **fields):
        body = {"title": {"en": "Office closed tomorrow", "zh-CN": "明天办公室关闭"},
                "body": {"en": "Work from home.", "zh-CN": "请在家办公。"}, "link": "/news",
                "audience": audience, **fields}
        return self.phone(email).post("/api/notifications", json=body)

    def send(self, **fields):
        answer = self.compose(**fields)
        assert answer.status_code == 201, answer.get_json()
        self.settle()
        return answer.get_json()

    def settle(self):
        assert self.adapters.worker.join(timeout=WAIT_S)

    def stats(self, notification_id):
        answer = self.phone("hr@example.com").get(f"/api/notifications/{notification_id}")
        assert answer.status_code == 200
        return answer.get_json()["stats"]


@pytest.fixture
def push_service():
    service = PushService()
    yield service
    service.close()


@pytest.fixture
def office(app, clock, push_service):
    return Office(app, clock, push_service)


def test_each_person_gets_the_message_in_their_language_encrypted_and_signed(office, clock):
    english, _ = office.subscribe("employee@example.com")  # Li Na: en, Retail
    chinese, _ = office.subscribe("editor@example.com")  # Chen Hao: zh-CN, Retail
    office.subscribe("hr@example.com")  # Cloud: not in the audience
    sent = office.send(urgency="high", ttl_s=600)

    [to_english], [to_chinese] = office.push.to(english), office.push.to(chinese)
    assert english.decrypt(to_english) == {
        "id": sent["id"], "title": "Office closed tomorrow", "body": "Work from home.",
        "link": "/news", "urgency": "high", "must_acknowledge": False, "lang": "en"}
    assert chinese.decrypt(to_chinese)["title"] == "明天办公室关闭"
    assert chinese.decrypt(to_chinese)["lang"] == "zh-CN"
    assert office.push.to(office.devices["hr@example.com"]) == []
    public_key = office.phone("employee@example.com").get("/api/push/key").get_json()
    for received in (to_english, to_chinese):
        headers = received.headers
        assert headers["TTL"] == "600" and headers["Urgency"] == "high"
        assert headers["Content-Encoding"] == "aes128gcm"
        assert 0 < len(headers["Topic"]) <= 32
        claims = vapid_claims(headers["Authorization"], public_key["public_key"])
        assert claims["aud"] == office.push.url
        assert clock() < claims["exp"] <= clock() + 24 * 3600
        assert claims["sub"].startswith("mailto:")
        assert len(received.body) < 3 * 1024
    stats = office.stats(sent["id"])
    assert stats["sent"] == 2 and stats["failed"] == 0 and stats["pruned"] == 0
    assert stats["audience"] == stats["inbox"] > 2


def test_the_same_endpoint_again_is_one_device(office):
    device, first = office.subscribe("employee@example.com", "phone")
    again = office.phone("employee@example.com").post("/api/push/subscriptions",
                                                      json=device.subscription())
    assert again.status_code == 201 and again.get_json()["id"] == first
    office.send()
    assert len(office.push.to(device)) == 1


@pytest.mark.parametrize("status", [404, 410])
def test_a_gone_subscription_is_pruned(office, status):
    device, _ = office.subscribe("employee@example.com")
    office.push.answers[device.endpoint[len(office.push.url):]] = [status]
    sent = office.send()
    assert office.stats(sent["id"])["pruned"] == 1
    office.send()
    assert len(office.push.to(device)) == 1  # never called again


def test_429_waits_as_retry_after_says_then_delivers(office):
    device, _ = office.subscribe("employee@example.com")
    office.push.answers[device.endpoint[len(office.push.url):]] = [
        (429, {"Retry-After": "7"}), 201]
    sent = office.send()
    assert len(office.push.to(device)) == 2
    assert office.stats(sent["id"])["sent"] == 1
    assert sum(office.slept) >= 7


@pytest.mark.parametrize("answer", [500, "drop"])
def test_a_failing_push_service_is_retried_then_counted_failed(office, answer):
    device, _ = office.subscribe("employee@example.com")
    office.push.answers[device.endpoint[len(office.push.url):]] = [answer]
    sent = office.send()
    assert len(office.push.to(device)) == fanout.ATTEMPTS
    assert office.stats(sent["id"])["failed"] == 1


class FailingAfter:
    """The store, failing the (n+1)th device marker as a throttled DynamoDB would."""

    def __init__(self, store, n):
        self._store, self._left = store, n

    def __getattr__(self, name):
        return getattr(self._store, name)

    def put(self, item, **kwargs):
        if item["pk"].startswith("NOTIFSENT#"):
            if self._left == 0:
                raise StoreBusy("throttled")
            self._left -= 1
        return self._store.put(item, **kwargs)


def iso(epoch):
    return datetime.fromtimestamp(int(epoch), UTC).isoformat()


def test_a_crash_mid_fan_out_then_a_restart_sends_no_duplicate(office, app, clock):
    retail = ["employee@example.com", "editor@example.com"]
    devices = [office.subscribe(email, f"{email}-{n}")[0] for email in retail for n in range(3)]
    a = app.extensions["together"]
    item = office.send(send_at=iso(clock() + 3600))  # stored, not sent: we drive the batch
    assert item["state"] == "scheduled" and office.push.received == []
    stored = a.store.get(f"NOTIF#{item['id']}", "NOTIF")
    crashing = fanout.Sender(FailingAfter(a.store, 4), a.push, clock=a.clock, sleep=a.sleep,
                             workers=1)
    with pytest.raises(StoreBusy):
        crashing.batch(stored, _retail_people(a), "send")
    assert sum(len(office.push.to(d)) for d in devices) == 4
    delivery.sender(a).batch(stored, _retail_people(a), "send")  # the restart
    assert [len(office.push.to(d)) for d in devices] == [1] * 6


def _retail_people(a):
    from functions.audiences import members
    people, _ = members.members(a.store, RETAIL, None, 500)
    return people


def test_the_phone_offers_every_topic_the_server_knows_and_no_other():
    import re
    from pathlib import Path

    from functions.notify.subscriptions import TOPICS

    source = (Path(__file__).parents[2] / "pwa/app/views/notify-settings.js").read_text()
    listed = re.search(r"export const TOPICS = \[([^\]]*)\]", source).group(1)
    assert re.findall(r'"([^"]+)"', listed) == list(TOPICS)


def test_a_message_may_add_buttons_and_fields_to_the_payload_but_not_replace_its_own():
    import json

    item = {"id": "N1", "title": {"en": "Hi", "zh-CN": "你好"}, "body": {"en": "b"},
            "link": "/x", "urgency": "high", "must_acknowledge": False,
            "actions": {"en": [{"action": "ok", "title": "OK"}],
                        "zh-CN": [{"action": "ok", "title": "好"}]},
            "data": {"thing": "T1", "link": "/elsewhere"}}
    shown = json.loads(fanout.payload(item, "zh-CN"))
    assert shown["actions"] == [{"action": "ok", "title": "好"}]
    assert shown["thing"] == "T1" and shown["link"] == "/x"
    plain = json.loads(fanout.payload({k: v for k, v in item.items()
                                       if k not in ("actions", "data")}, "en"))
    assert "actions" not in plain and "thing" not in plain
