"""Notifications in the AWS configuration on moto: batches go through Zappa's @task (off
Lambda it runs in place), the store is DynamoDB, the VAPID key is made in SSM, and only the
browsers' push services are accepted as endpoints."""


import pytest

from functions import workers
from functions.notify import tasks
from functions.push.port import Result
from tests.aws import client, unique
from tests.aws_app import aws_app, signed_in
from tests.push_service import Device

FCM = "https://fcm.googleapis.com/fcm/send/"


class RecordingPush:
    """The real adapter's checks and key, answering 201 without the network (no push service
    is reachable from here): what was sent, to whom."""

    def __init__(self, real):
        self.real, self.sent = real, []

    def public_key(self):
        return self.real.public_key()

    def check_endpoint(self, endpoint):
        self.real.check_endpoint(endpoint)

    def send(self, subscription, message):
        self.real.check_endpoint(subscription.endpoint)
        self.sent.append((subscription.endpoint, message))
        return Result(201)


@pytest.fixture
def aws(moto_endpoint, monkeypatch, clock):
    parameter = f"/together/{unique('t')}/vapid-key"
    app = aws_app(moto_endpoint, "notify", clock=clock, TOGETHER_VAPID_KEY_PARAMETER=parameter)
    a = app.extensions["together"]
    a.__dict__["push"] = RecordingPush(a.push)
    monkeypatch.setattr(tasks, "_adapters", lambda: a)
    monkeypatch.setattr(workers, "adapters", lambda: a)
    app.parameter = parameter
    return app


def test_a_notification_goes_out_through_the_task_batches_on_dynamodb(aws, moto_endpoint):
    employee = signed_in(aws, "employee@example.com")
    key = employee.get("/api/push/key").get_json()["public_key"]
    ssm = client("ssm", moto_endpoint)
    assert ssm.get_parameter(Name=aws.parameter)["Parameter"]["Type"] == "SecureString"
    device = Device(FCM + "li-na")
    assert employee.post("/api/push/subscriptions",
                         json=device.subscription()).status_code == 201
    for refused in ("http://127.0.0.1:8080/push", "http://169.254.169.254/latest"):
        answer = employee.post("/api/push/subscriptions",
                               json={**device.subscription(), "endpoint": refused})
        assert answer.status_code == 422 and "endpoint" in answer.get_json()["error"]["fields"]
    hr = signed_in(aws, "hr@example.com")
    answer = hr.post("/api/notifications", json={
        "title": {"en": "Masks at reception"}, "body": {"en": "Take one."}, "link": "/news",
        "audience": {"kind": "company"}})
    assert answer.status_code == 201, answer.get_json()
    sent = hr.get(f"/api/notifications/{answer.get_json()['id']}").get_json()
    assert sent["state"] == "sent" and sent["stats"]["sent"] == 1
    push = aws.extensions["together"].push
    assert [endpoint for endpoint, _ in push.sent] == [device.endpoint]
    assert key and len(key) == 87
    assert employee.get("/api/inbox").get_json()["unread"] == 1
