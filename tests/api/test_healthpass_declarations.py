"""Daily declarations and the status they give: rules, holds, the company's day, replacement."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from functions.app import create_app
from functions.seed import seed_demo
from tests.api.conftest import Auth

SHANGHAI = ZoneInfo("Asia/Shanghai")
DAY = 86400
CLEAN = {"temperature_c": 36.6, "symptoms": [], "close_contact": False,
         "visited_high_risk_area": False}


def at(text: str, tz=SHANGHAI) -> int:
    """Epoch seconds of a local time such as '2026-03-02 09:00'."""
    return int(datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=tz).timestamp())


def declare(client, **changes):
    response = client.post("/api/health/declarations", json={**CLEAN, **changes})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


@pytest.fixture
def monday(clock):
    """The tests' clock at Monday 2 March 2026, 09:00 in Shanghai."""
    clock.now = at("2026-03-02 09:00")
    return clock


def test_symptoms_come_with_words_in_both_languages(client, auth):
    auth.sign_in("employee@example.com")
    symptoms = client.get("/api/health/symptoms").get_json()["symptoms"]
    assert {"code": "cough", "labels": {"en": "Cough", "zh-CN": "咳嗽"}} in symptoms
    assert len(symptoms) == 10
    for symptom in symptoms:
        assert symptom["labels"]["en"] and symptom["labels"]["zh-CN"]
        assert symptom["labels"]["en"] != symptom["labels"]["zh-CN"]


def test_a_clean_declaration_is_green_until_midnight_in_shanghai(client, auth, monday):
    auth.sign_in("employee@example.com")
    assert client.get("/api/health/status").get_json()["declared_today"] is False
    answer = declare(client)
    assert answer == {"date": "2026-03-02", "status": "green",
                      "valid_until": at("2026-03-03 00:00"), "source": "declaration",
                      "outcome": "green", "reasons": [], "rules_version": 0}
    status = client.get("/api/health/status").get_json()
    assert status["status"] == "green" and status["declared_today"] is True
    assert status["message"] == "Green: you may enter."


@pytest.mark.parametrize("answers, status, days, reasons", [
    ({"temperature_c": 37.3}, "yellow", 7, ["fever"]),
    ({"temperature_c": 37.2}, "green", 1, []),
    ({"symptoms": ["cough", "headache"]}, "yellow", 7, ["any_symptom"]),
    ({"visited_high_risk_area": True}, "yellow", 7, ["visited_high_risk_area"]),
    ({"close_contact": True}, "red", 14, ["close_contact"]),
    ({"close_contact": True, "temperature_c": 38.5}, "red", 14, ["fever", "close_contact"]),
])
def test_default_rules(client, auth, monday, answers, status, days, reasons):
    auth.sign_in("employee@example.com")
    answer = declare(client, **answers)
    assert (answer["status"], answer["reasons"]) == (status, reasons)
    assert answer["valid_until"] == at("2026-03-02 00:00") + days * DAY


def test_yellow_lasts_seven_days_even_if_later_declarations_are_clean(client, auth, monday):
    auth.sign_in("employee@example.com")
    declare(client, temperature_c=37.8)
    for day in range(1, 7):
        monday.advance(DAY)
        answer = declare(client)
        assert (answer["status"], answer["outcome"]) == ("yellow", "green"), day
    monday.advance(DAY)
    assert declare(client)["status"] == "green"


def test_red_outranks_yellow_and_yellow_returns_when_red_ends_first(client, auth, monday,
                                                                    store):
    auth.sign_in("employee@example.com")
    assert store.put({"pk": "HEALTH#RULES", "sk": "CURRENT", "version": 7,
                      "fever_threshold_c": 37.3, "updated_by": "E0003", "updated_at": 1,
                      "rules": [{"when": "close_contact", "status": "red", "days": 2},
                                {"when": "fever", "status": "yellow", "days": 5}]}) is None
    declare(client, close_contact=True)
    monday.advance(DAY)
    answer = declare(client, temperature_c=38.0)
    assert (answer["status"], answer["valid_until"]) == ("red", at("2026-03-04 00:00"))
    assert answer["rules_version"] == 7
    monday.advance(DAY)
    answer = declare(client)
    assert (answer["status"], answer["valid_until"]) == ("yellow", at("2026-03-08 00:00"))


def test_a_fever_cannot_be_erased_by_a_normal_declaration_the_same_day(client, auth, monday):
    auth.sign_in("employee@example.com")
    assert declare(client, temperature_c=38.4, symptoms=["cough"])["status"] == "yellow"
    monday.advance(3600)
    answer = declare(client)
    assert (answer["status"], answer["outcome"]) == ("yellow", "green")
    assert answer["valid_until"] == at("2026-03-09 00:00")
    assert client.get("/api/health/status").get_json()["status"] == "yellow"
    items = client.get("/api/health/declarations/E0001").get_json()["items"]
    assert [(i["temperature_c"], i["outcome"], i["corrects"]) for i in items] == [
        (36.6, "green", None), (38.4, "yellow", None)]


@pytest.mark.parametrize("count", [2, 5])
def test_declarations_made_the_same_second_read_back_newest_first(client, auth, monday, count):
    # An outbox replaying several at once: the clock does not move between them.
    auth.sign_in("employee@example.com")
    temperatures = [36.1 + i / 10 for i in range(count)]
    for temperature in temperatures:
        declare(client, temperature_c=temperature)
    items = client.get("/api/health/declarations/E0001").get_json()["items"]
    assert [i["temperature_c"] for i in items] == temperatures[::-1]


def test_a_quick_correction_is_marked_and_never_lowers_the_colour(client, auth, monday, store):
    auth.sign_in("employee@example.com")
    assert declare(client, temperature_c=39.0)["status"] == "yellow"
    monday.advance(300)  # five minutes later: "I meant 36.9"
    assert declare(client, temperature_c=36.9)["status"] == "yellow"
    newest, first = client.get("/api/health/declarations/E0001").get_json()["items"]
    [stored] = [d for d in store.query("HEALTH#E0001", prefix="DECL#").items
                if d["temperature_c"] == 39.0]
    assert newest["corrects"] == stored["sk"] == first["id"] and first["corrects"] is None
    assert stored["sk"] == f"DECL#2026-03-02#{at('2026-03-02 09:00'):010d}#{stored['rev']}"
    assert (stored["gsi1pk"], stored["gsi1sk"]) == (
        "HDECL#2026-03-02", f"E0001#{at('2026-03-02 09:00'):010d}")
    assert (stored["gsi2pk"], stored["gsi2sk"]) == (
        "HHOLD", f"{at('2026-03-09 00:00'):010d}#E0001")
    holds = store.query("HHOLD", index="gsi2").items
    assert [h["temperature_c"] for h in holds] == [39.0]  # a green declaration holds no one


def test_hr_counts_people_not_declarations(client, auth, monday):
    auth.sign_in("employee@example.com")
    declare(client)
    monday.advance(60)
    declare(client, temperature_c=38.0)
    monday.advance(60)
    declare(client)
    auth.sign_out()
    auth.sign_in("hr@example.com")
    totals = client.get("/api/health/summary").get_json()["totals"]
    assert totals == {"green": 0, "yellow": 1, "red": 0, "total": 1}


def test_yesterdays_declaration_gives_no_status_today(client, auth, monday):
    auth.sign_in("employee@example.com")
    declare(client)
    monday.now = at("2026-03-03 00:00")
    status = client.get("/api/health/status").get_json()
    assert status == {"date": "2026-03-03", "declared_today": False, "status": None,
                      "valid_until": None, "source": None,
                      "message": "No declaration today. Declare to get today's pass."}


def test_the_company_day_follows_the_configured_time_zone(tmp_path, clock):
    app = create_app({"TOGETHER_DATA_DIR": str(tmp_path), "TOGETHER_SECRET_KEY": "t",
                      "TOGETHER_TIMEZONE": "Europe/London"}, clock=clock)
    seed_demo(app)
    client = app.test_client()
    clock.now = at("2026-03-02 23:30")  # Shanghai; 15:30 in London: still Monday there
    Auth(client).sign_in("employee@example.com")
    assert declare(client)["valid_until"] == at("2026-03-03 00:00", ZoneInfo("Europe/London"))
    clock.now = at("2026-03-03 07:30")  # 23:30 in London: still the same company day
    assert client.get("/api/health/status").get_json()["date"] == "2026-03-02"


@pytest.mark.parametrize("body, field", [
    ({**CLEAN, "temperature_c": "hot"}, "temperature_c"),
    ({**CLEAN, "temperature_c": 52}, "temperature_c"),
    ({**CLEAN, "temperature_c": None}, "temperature_c"),
    ({**CLEAN, "symptoms": ["sneezing"]}, "symptoms"),
    ({**CLEAN, "symptoms": ["cough", "cough"]}, "symptoms"),
    ({**CLEAN, "symptoms": "cough"}, "symptoms"),
    ({**CLEAN, "close_contact": "no"}, "close_contact"),
    ({**CLEAN, "close_contact": 0}, "close_contact"),
    ({k: v for k, v in CLEAN.items() if k != "visited_high_risk_area"},
     "visited_high_risk_area"),
    ({**CLEAN, "diagnosis": "flu"}, "diagnosis"),
])
def test_bad_declarations_get_field_messages(client, auth, body, field):
    auth.sign_in("employee@example.com")
    response = client.post("/api/health/declarations", json=body)
    assert response.status_code == 422
    assert field in response.get_json()["error"]["fields"]


def test_field_messages_follow_the_persons_language(client, auth):
    auth.sign_in("editor@example.com")  # Chen Hao reads Chinese
    response = client.post("/api/health/declarations",
                           json={**CLEAN, "temperature_c": 20, "close_contact": None})
    error = response.get_json()["error"]
    assert error["message"] == "部分信息需要修改。"
    assert error["fields"] == {"temperature_c": ["请填写 30 至 45 °C 之间的体温。"],
                               "close_contact": ["此项不能为空。"]}


def test_everyone_can_declare_and_no_one_else_sees_the_answers(client, auth):
    for email in ("editor@example.com", "hr@example.com", "guard@example.com",
                  "admin@example.com", "health@example.com"):
        auth.sign_in(email)
        assert declare(client)["status"] == "green"
        auth.sign_out()
