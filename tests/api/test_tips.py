"""The tips library: who publishes, search in both languages, the tip of the day."""

import pytest

from tests.api.tips_helpers import EDITOR, EMPLOYEE, HR, Tips

DAY = 86400


@pytest.fixture
def tips(app, clock):
    return Tips(app, clock)


def _seed(tips):
    tips.publish(title={"en": "Working from home", "zh-CN": "在家办公"},
                 body={"en": "Keep a routine and a desk.", "zh-CN": "保持作息，准备一张书桌。"})
    tips.publish(title={"en": "Time management", "zh-CN": "时间管理"},
                 body={"en": "Plan your day in blocks.", "zh-CN": "把一天分成几段来安排。"},
                 tags=["time"])
    tips.publish(EDITOR, title={"en": "Looking after family", "zh-CN": "照顾家人"},
                 body={"en": "Call your parents often.", "zh-CN": "常给父母打电话。"},
                 tags=["family"])


def test_search_finds_tips_in_english_and_in_chinese(tips):
    _seed(tips)
    assert tips.search("ROUTINE") == ["Working from home"]
    assert tips.search("plan day") == ["Time management"]
    assert tips.search("在家") == ["Working from home"]
    assert tips.search("家") == ["Looking after family", "Working from home"]
    assert tips.search("父母") == ["Looking after family"]
    assert tips.search("管理时间") == []  # every bigram must be there: 理时 is not
    assert tips.search("holiday") == []


def test_the_library_lists_newest_first_and_by_tag(tips):
    _seed(tips)
    page = tips.phone(EMPLOYEE).get("/api/tips").get_json()
    assert [t["title"]["en"] for t in page["items"]] == [
        "Looking after family", "Time management", "Working from home"]
    by_tag = tips.phone(EMPLOYEE).get("/api/tips?tag=time").get_json()["items"]
    assert [t["title"]["en"] for t in by_tag] == ["Time management"]


def test_only_hr_and_editors_publish_edit_and_withdraw(tips):
    tip = tips.publish()
    body = {"title": {"en": "Mine"}, "kind": "poster"}
    assert tips.phone(EMPLOYEE).post("/api/tips", json=body).status_code == 403
    assert tips.phone(EMPLOYEE).put(f"/api/tips/{tip['id']}", json=body).status_code == 403
    assert tips.phone(EMPLOYEE).delete(f"/api/tips/{tip['id']}").status_code == 403
    edited = tips.phone(EDITOR).put(f"/api/tips/{tip['id']}", json={
        "title": {"en": "Stretch every hour"}, "kind": "guide"})
    assert edited.status_code == 200
    assert tips.search("stretch") == ["Stretch every hour"] and tips.search("小贴士") == []
    assert tips.phone(HR).delete(f"/api/tips/{tip['id']}").status_code == 204
    assert tips.search("stretch") == []
    assert tips.phone(EMPLOYEE).get(f"/api/tips/{tip['id']}").status_code == 404


def test_the_tip_of_the_day_is_the_same_all_day_and_changes_the_next(tips, clock):
    _seed(tips)
    clock.now = (clock.now // DAY) * DAY + 60  # just after midnight UTC
    morning = tips.phone(EMPLOYEE).get("/api/tips/today").get_json()["id"]
    clock.advance(DAY - 120)
    assert tips.phone(EDITOR).get("/api/tips/today").get_json()["id"] == morning
    seen = {morning}
    for _ in range(2):
        clock.advance(DAY)
        seen.add(tips.phone(EMPLOYEE).get("/api/tips/today").get_json()["id"])
    assert len(seen) == 3  # three days, three tips


def test_no_tip_yet_is_said_in_words(tips):
    answer = tips.phone(EMPLOYEE).get("/api/tips/today")
    assert answer.status_code == 404 and answer.get_json()["error"]["message"]
