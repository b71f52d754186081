"""Check-ins in the AWS configuration: DynamoDB on moto, waves run by workers.on_schedule,
notifications through Zappa's @task batches. Counted once whatever the channel, the one-time
link used once, and answers expiring after close."""

import importlib
import re
from pathlib import Path

import pytest

from functions import workers
from functions.app import create_app
from functions.checkins import answers
from functions.checkins import tasks as checkin_tasks
from functions.directory.service import get_employee, import_csv
from functions.notify import tasks
from functions.store.table import create_table
from tests.api.test_checkins_answers import RacingStore
from tests.aws import client, unique

# "lambda" is a keyword: the notify suite's recording push adapter, by its module's name
RecordingPush = importlib.import_module("tests.lambda.test_notify_aws").RecordingPush
ROOT = Path(__file__).resolve().parents[2]
WUHAN = {"kind": "site", "site": "Wuhan"}


class RecordingMail:
    """The mail port, keeping what it was given (SES is not needed here)."""

    def __init__(self):
        self.sent = []

    def send(self, to, subject, text):
        self.sent.append((to, subject, text))

    def last_to(self, address):
        return [text for to, _, text in self.sent if to == address][-1]


@pytest.fixture
def aws(moto_endpoint, monkeypatch, clock):
    table = unique("together-checkins")
    create_table(client("dynamodb", moto_endpoint), table)
    app = create_app({"TOGETHER_ENV": "aws", "TOGETHER_TABLE": table,
                      "TOGETHER_MEDIA_BUCKET": unique("media"), "TOGETHER_SECRET_KEY": "test",
                      "TOGETHER_MAIL_FROM": "Together <no-reply@example.com>",
                      "TOGETHER_APP_ORIGIN": "https://together.example.com",
                      "AWS_REGION": "us-east-1", "TOGETHER_AWS_ENDPOINT_URL": moto_endpoint,
                      "TOGETHER_VAPID_KEY_PARAMETER": f"/together/{unique('t')}/vapid-key"},
                     clock=clock)
    a = app.extensions["together"]
    import_csv(a.store, (ROOT / "infra" / "demo-directory.csv").read_text(encoding="utf-8"))
    a.__dict__["push"] = RecordingPush(a.push)
    a.__dict__["mail"] = RecordingMail()
    monkeypatch.setattr(tasks, "_adapters", lambda: a)
    monkeypatch.setattr(checkin_tasks, "_adapters", lambda: a)
    monkeypatch.setattr(workers, "adapters", lambda: a)
    return app


def _signed_in(app, email):
    phone, mail = app.test_client(), app.extensions["together"].mail
    phone.post("/api/auth/start", json={"email": email})
    code = re.search(r"\b(\d{6})\b", [s for to, s, _ in mail.sent if to == email][-1]).group(1)
    assert phone.post("/api/auth/verify", json={"email": email, "code": code}).status_code == 200
    return phone


def _start(hr):
    answer = hr.post("/api/checkins", json={
        "question": {"en": "Are you safe?", "zh-CN": "你安全吗？"}, "audience": WUHAN,
        "drill": False, "remind_after_s": 900, "email_after_s": 3600})
    assert answer.status_code == 201, answer.get_json()
    return answer.get_json()


def test_racing_channels_count_once_on_dynamodb_and_answers_expire_after_close(aws, clock):
    hr, li_na = _signed_in(aws, "hr@example.com"), _signed_in(aws, "employee@example.com")
    started = _start(hr)
    a = aws.extensions["together"]
    person = get_employee(a.store, "E0001")
    now = int(clock())
    racing = RacingStore(a.store, lambda: answers.record(
        a.store, started["id"], person, {"answer": "need_help"}, "notification", now))
    answers.record(racing, started["id"], person, {"answer": "safe"}, "app", now)
    assert li_na.post(f"/api/checkins/{started['id']}/answers",
                      json={"answer": "safe", "channel": "inbox"}).status_code == 200
    counts = hr.get(f"/api/checkins/{started['id']}").get_json()["counts"]
    assert (counts["safe"], counts["need_help"], counts["no_answer"]) == (1, 0, 22)

    assert hr.post(f"/api/checkins/{started['id']}/close").status_code == 200
    assert workers.on_schedule({})["checkins"]["retire"] == 1
    latest = a.store.get(f"CHK#{started['id']}", "A#E0001")
    assert latest["expires_at"] == now + 30 * 86400
    clock.advance(30 * 86400)
    assert a.store.get(f"CHK#{started['id']}", "A#E0001") is None  # past expiry: absent
    assert a.store.get(f"CHK#{started['id']}", "CHK")["safe"] == 1  # the counts stay


def test_the_email_wave_on_schedule_sends_a_link_that_works_once(aws, clock):
    hr = _signed_in(aws, "hr@example.com")
    started = _start(hr)
    mail = aws.extensions["together"].mail
    reminded = hr.post(f"/api/checkins/{started['id']}/remind")  # through its @task
    assert reminded.status_code == 202 and reminded.get_json() == {"reminded": 23}
    assert hr.post(f"/api/checkins/{started['id']}/remind").status_code == 429
    clock.advance(3600)
    done = workers.on_schedule({})["checkins"]
    assert done["remind"] == 1 and done["email"] == 1
    text = mail.last_to("staff0009@example.com")
    token = re.search(r"https://together\.example\.com/answer/(\S+)", text).group(1)
    browser = aws.test_client()
    assert browser.get(f"/api/checkins/by-link/{token}").get_json()["name"] == "孙杰"
    assert browser.post(f"/api/checkins/by-link/{token}",
                        json={"answer": "safe"}).status_code == 200
    assert browser.post(f"/api/checkins/by-link/{token}",
                        json={"answer": "safe"}).status_code == 410
    assert hr.get(f"/api/checkins/{started['id']}").get_json()["counts"]["safe"] == 1
    assert aws.extensions["together"].push.sent == []  # nobody here has a device
