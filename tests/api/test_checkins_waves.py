"""Escalation in waves on an injected clock: a reminder push to those who have not answered,
then an email with a one-time link; HR's reminder at most every 5 minutes; close and expiry."""

import re

import pytest

from functions.checkins import waves
from tests.api.checkins_helpers import HR, LI_NA, QUESTION, SUN_JIE, WUHAN
from tests.api.conftest import Auth
from tests.api.test_notify import Office
from tests.push_service import PushService


@pytest.fixture
def push_service():
    service = PushService()
    yield service
    service.close()


def _start(office, **fields):
    answer = office.phone(HR).post("/api/checkins", json={
        "question": QUESTION, "audience": WUHAN, "drill": False, "remind_after_s": 900,
        "email_after_s": 3600, **fields})
    assert answer.status_code == 201, answer.get_json()
    office.settle()
    return answer.get_json()


def _answer(office, email, checkin_id, answer="safe"):
    sent = office.phone(email).post(f"/api/checkins/{checkin_id}/answers",
                                    json={"answer": answer})
    assert sent.status_code == 200, sent.get_json()


def _mails(office, email):
    return office.phone(HR).get(f"/api/dev/outbox?to={email}", environ_overrides={
        "REMOTE_ADDR": "127.0.0.1"}).get_json()["messages"]


def _links(office, email):
    return [re.search(r"/answer/(\S+)", m["text"]).group(1) for m in _mails(office, email)
            if "/answer/" in m["text"]]


def test_the_reminder_wave_pushes_only_to_those_who_have_not_answered(app, clock,
                                                                      push_service):
    office = Office(app, clock, push_service)
    answered, _ = office.subscribe(LI_NA)
    silent, _ = office.subscribe(SUN_JIE)
    started = _start(office)
    _answer(office, LI_NA, started["id"])
    clock.advance(899)
    assert waves.due(office.adapters)["remind"] == 0  # not yet
    clock.advance(1)
    assert waves.due(office.adapters)["remind"] == 1
    office.settle()
    assert len(office.push.to(answered)) == 1 and len(office.push.to(silent)) == 2
    reminder = silent.decrypt(office.push.to(silent)[-1])
    assert reminder["checkin"] == started["id"] and len(reminder["actions"]) == 3
    assert waves.due(office.adapters)["remind"] == 0  # taken once
    view = office.phone(HR).get(f"/api/checkins/{started['id']}").get_json()
    assert view["reminded_at"] is not None


def test_the_email_wave_sends_a_one_time_link_that_answers_without_signing_in(
        app, clock, push_service):
    office = Office(app, clock, push_service)
    started = _start(office)
    _answer(office, LI_NA, started["id"])
    clock.advance(3600)
    done = waves.due(office.adapters)
    assert done["email"] == 1 and done["remind"] == 1
    assert _links(office, LI_NA) == []  # she answered
    [mail] = [m for m in _mails(office, "staff0009@example.com") if "/answer/" in m["text"]]
    assert mail["subject"] == "请告诉我们您是否安全"  # Sun Jie reads Chinese
    assert "https://" in mail["text"] or "http://" in mail["text"]
    [token] = _links(office, "staff0009@example.com")
    stranger = app.test_client()  # not signed in
    shown = stranger.get(f"/api/checkins/by-link/{token}")
    assert shown.status_code == 200
    assert shown.get_json() == {"question": QUESTION, "drill": False, "note": "",
                                "name": "孙杰"}
    answered = stranger.post(f"/api/checkins/by-link/{token}", json={
        "answer": "need_help", "note": "Trapped on the 3rd floor"})
    assert answered.status_code == 200 and answered.get_json()["answer"] == "need_help"
    [helped] = office.phone(HR).get(
        f"/api/checkins/{started['id']}/people?answer=need_help").get_json()["items"]
    assert helped["person"]["id"] == "E0009" and helped["note"] == "Trapped on the 3rd floor"
    mine = office.phone(SUN_JIE).get(f"/api/checkins/{started['id']}/mine").get_json()
    assert mine["my_answer"]["channel"] == "email"


def test_no_wave_chases_anyone_once_the_check_in_is_closed(app, clock, push_service):
    office = Office(app, clock, push_service)
    silent, _ = office.subscribe(SUN_JIE)
    started = _start(office)
    assert office.phone(HR).post(f"/api/checkins/{started['id']}/close").status_code == 200
    clock.advance(3600)
    done = waves.due(office.adapters)
    assert done["remind"] == done["email"] == 0
    office.settle()
    assert len(office.push.to(silent)) == 1 and _links(office, "staff0009@example.com") == []


def test_hr_reminds_again_at_most_every_five_minutes(app, clock, push_service):
    office = Office(app, clock, push_service)
    silent, _ = office.subscribe(SUN_JIE)
    started = _start(office)
    _answer(office, LI_NA, started["id"])
    hr = office.phone(HR)
    first = hr.post(f"/api/checkins/{started['id']}/remind")
    assert first.status_code == 202 and first.get_json() == {"reminded": 22}
    office.settle()  # the reminder, read off the request...
    office.settle()  # ...then its push
    assert len(office.push.to(silent)) == 2
    clock.advance(240)
    again = hr.post(f"/api/checkins/{started['id']}/remind")
    assert again.status_code == 429 and again.headers["Retry-After"] == "60"
    assert again.get_json()["error"]["message"] == (
        "A reminder went out less than 5 minutes ago. You can remind again in 1 min.")
    clock.advance(60)
    assert hr.post(f"/api/checkins/{started['id']}/remind").status_code == 202


def test_answers_and_cases_are_deleted_30_days_after_close_and_the_counts_kept(
        app, clock, push_service):
    office = Office(app, clock, push_service)
    started = _start(office)
    office.phone(LI_NA).post(f"/api/checkins/{started['id']}/answers",
                             json={"answer": "need_help", "note": "Out of insulin"})
    hr = office.phone(HR)
    case = hr.post(f"/api/checkins/{started['id']}/cases/E0001",
                   json={"status": "contacted", "note": "Called, a pharmacy delivers."})
    assert case.status_code == 200 and case.get_json()["status"] == "contacted"
    assert hr.post(f"/api/checkins/{started['id']}/close").get_json()["state"] == "closed"
    assert hr.post(f"/api/checkins/{started['id']}/close").status_code == 409
    assert waves.due(office.adapters)["retire"] == 1
    clock.advance(29 * 86400)
    [still] = hr.get(f"/api/checkins/{started['id']}/people?answer=need_help").get_json()["items"]
    assert still["case"]["notes"][0]["text"] == "Called, a pharmacy delivers."
    clock.advance(86400 + 1)
    Auth(hr).sign_in(HR)  # a month on: a new session
    page = hr.get(f"/api/checkins/{started['id']}/people?answer=need_help").get_json()
    assert page["items"] == []
    assert office.adapters.store.get(f"CHK#{started['id']}", "C#E0001") is None
    closed = hr.get("/api/checkins?state=closed").get_json()["items"]
    assert [c["counts"]["need_help"] for c in closed] == [1]
    assert hr.get(f"/api/checkins/{started['id']}").get_json()["counts"]["need_help"] == 1


def test_cases_are_for_people_who_answered_and_only_known_states(app, clock, push_service):
    office = Office(app, clock, push_service)
    started = _start(office)
    hr = office.phone(HR)
    assert hr.post(f"/api/checkins/{started['id']}/cases/E0009",
                   json={"status": "open"}).status_code == 404
    _answer(office, SUN_JIE, started["id"], "need_help")
    assert hr.post(f"/api/checkins/{started['id']}/cases/E0009",
                   json={"status": "lost"}).status_code == 422


def test_safety_operators_see_who_has_not_answered_with_their_phone(app, clock, push_service):
    office = Office(app, clock, push_service)
    started = _start(office)
    _answer(office, LI_NA, started["id"])
    page = office.phone("daniel.tan@example.com").get(
        f"/api/checkins/{started['id']}/people?answer=no_answer&limit=200").get_json()
    ids = [p["person"]["id"] for p in page["items"]]
    assert len(ids) == 22 and "E0001" not in ids
    sun_jie = next(p for p in page["items"] if p["person"]["id"] == "E0009")
    assert sun_jie["person"]["phone"] == "+86 27 5550 0109" and sun_jie["answer"] is None
