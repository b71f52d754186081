"""A check-in's push: answer buttons in the person's language, the check-in's id, marked as a
drill or not; a real one reaches muted phones and quiet hours, a drill does not."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.api.checkins_helpers import HR, LI_NA, QUESTION, SUN_JIE, WUHAN
from tests.api.test_notify import Office
from tests.push_service import PushService


@pytest.fixture
def push_service():
    service = PushService()
    yield service
    service.close()


def _start(office, drill):
    answer = office.phone(HR).post("/api/checkins", json={
        "question": QUESTION, "audience": WUHAN, "drill": drill, "note": "Stay indoors."})
    assert answer.status_code == 201, answer.get_json()
    office.settle()
    return answer.get_json()


def _mute_everything(office, email, clock):
    now = datetime.fromtimestamp(clock(), ZoneInfo("Asia/Shanghai"))  # the company's zone
    quiet = {"start": f"{now.hour:02d}:00", "end": f"{(now.hour + 1) % 24:02d}:00"}
    answer = office.phone(email).put("/api/push/preferences", json={
        "muted_topics": ["safety"], "quiet_hours": quiet})
    assert answer.status_code == 200, answer.get_json()


def test_the_push_carries_answer_buttons_in_each_persons_language(app, clock, push_service):
    office = Office(app, clock, push_service)
    english, _ = office.subscribe(LI_NA)
    chinese, _ = office.subscribe(SUN_JIE)
    started = _start(office, drill=False)
    [to_li_na] = office.push.to(english)
    shown = english.decrypt(to_li_na)
    assert shown["title"] == "Are you safe?" and shown["body"].startswith("Stay indoors.")
    assert shown["actions"] == [{"action": "safe", "title": "I'm safe"},
                                {"action": "need_help", "title": "I need help"},
                                {"action": "not_affected", "title": "Not affected"}]
    assert shown["checkin"] == started["id"] and shown["drill"] is False
    assert shown["link"] == f"/checkins/{started['id']}" and shown["urgency"] == "high"
    assert to_li_na.headers["Urgency"] == "high"
    [to_sun_jie] = office.push.to(chinese)
    zh = chinese.decrypt(to_sun_jie)
    assert zh["title"] == "你安全吗？" and zh["actions"][0] == {"action": "safe",
                                                          "title": "我很安全"}
    inbox = office.phone(LI_NA).get("/api/inbox").get_json()["items"]
    assert inbox[0]["link"] == f"/checkins/{started['id']}"


def test_a_real_check_in_reaches_a_phone_that_muted_safety_in_its_quiet_hours(
        app, clock, push_service):
    office = Office(app, clock, push_service)
    device, _ = office.subscribe(LI_NA)
    _mute_everything(office, LI_NA, clock)
    _start(office, drill=False)
    assert len(office.push.to(device)) == 1


def test_a_drill_is_marked_as_one_and_waits_for_a_muted_phone(app, clock, push_service):
    office = Office(app, clock, push_service)
    muted, _ = office.subscribe(LI_NA)
    _mute_everything(office, LI_NA, clock)
    listening, _ = office.subscribe(SUN_JIE)
    started = _start(office, drill=True)
    assert office.push.to(muted) == []
    [received] = office.push.to(listening)
    shown = listening.decrypt(received)
    assert shown["drill"] is True and shown["title"] == "[演练] 你安全吗？"
    assert shown["urgency"] == "normal"
    mine = office.phone(LI_NA).get(f"/api/checkins/{started['id']}/mine").get_json()
    assert mine["drill"] is True  # and Home still shows it: only the push waits
