"""Rules as versioned data, officers' overrides, the audit log, privacy and HR's counts."""

import pytest

from tests.api.test_healthpass_declarations import DAY, at, declare

RULES = {"fever_threshold_c": 37.5, "rules": [
    {"when": "fever", "status": "yellow", "days": 3},
    {"when": "symptom:loss_of_taste_or_smell", "status": "red", "days": 10},
    {"when": "close_contact", "status": "red", "days": 14},
]}
NOT_OFFICERS = ["employee@example.com", "editor@example.com", "hr@example.com",
                "guard@example.com", "admin@example.com"]


@pytest.fixture(autouse=True)
def monday(clock):
    clock.now = at("2026-03-02 09:00")
    return clock


def audit(client, **query):
    return client.get("/api/health/audit", query_string=query).get_json()["items"]


def test_rules_are_versioned_and_each_declaration_keeps_its_version(client, auth, monday):
    auth.sign_in("hr@example.com")
    default = client.get("/api/health/rules").get_json()
    assert default["version"] == 0 and default["fever_threshold_c"] == 37.3
    changed = client.put("/api/health/rules", json=RULES)
    assert changed.status_code == 200
    assert changed.get_json() == {"version": 1, **RULES, "updated_by": "E0003",
                                  "updated_at": at("2026-03-02 09:00")}
    assert client.get("/api/health/rules").get_json()["version"] == 1
    assert client.get("/api/health/rules?version=0").get_json() == default
    auth.sign_out()

    auth.sign_in("employee@example.com")
    assert declare(client, temperature_c=37.4)["status"] == "green"  # threshold now 37.5
    answer = declare(client, symptoms=["loss_of_taste_or_smell"])
    assert (answer["status"], answer["rules_version"]) == ("red", 1)
    auth.sign_out()

    auth.sign_in("health@example.com")
    monday.advance(60)
    again = client.put("/api/health/rules", json={**RULES, "fever_threshold_c": 38.0})
    assert again.get_json()["version"] == 2
    assert client.get("/api/health/rules?version=1").get_json()["fever_threshold_c"] == 37.5
    for bad in ("abc", "-1", "10000000"):
        assert client.get(f"/api/health/rules?version={bad}").status_code == 422
    missing = client.get("/api/health/rules?version=9")
    assert missing.status_code == 404
    assert missing.get_json()["error"]["message"] == "没有该编号的规则版本。"
    changes = [e for e in audit(client) if e["action"] == "rules_changed"]
    assert [(e["actor_id"], e["detail"]) for e in changes] == [
        ("E0004", {"version": 2, "previous_version": 1}),
        ("E0003", {"version": 1, "previous_version": 0})]


@pytest.mark.parametrize("body, field", [
    ({**RULES, "fever_threshold_c": 45}, "fever_threshold_c"),
    ({**RULES, "rules": [{"when": "sneezing", "status": "red", "days": 3}]}, "rules"),
    ({**RULES, "rules": [{"when": "fever", "status": "green", "days": 3}]}, "rules"),
    ({**RULES, "rules": [{"when": "fever", "status": "red", "days": 22}]}, "rules"),
    ({**RULES, "rules": [{"when": "fever", "status": "red", "days": "3"}]}, "rules"),
    ({"rules": []}, "fever_threshold_c"),
])
def test_bad_rules_are_refused_with_field_messages(client, auth, body, field):
    auth.sign_in("hr@example.com")
    response = client.put("/api/health/rules", json=body)
    assert response.status_code == 422 and field in response.get_json()["error"]["fields"]
    assert client.get("/api/health/rules").get_json()["version"] == 0


@pytest.mark.parametrize("email", ["employee@example.com", "editor@example.com",
                                   "guard@example.com", "admin@example.com"])
def test_only_hr_and_health_officers_read_or_change_rules(client, auth, email):
    auth.sign_in(email)
    assert client.get("/api/health/rules").status_code == 403
    assert client.get("/api/health/rules?version=0").status_code == 403
    assert client.put("/api/health/rules", json=RULES).status_code == 403


def test_an_override_sets_the_colour_revokes_the_pass_and_is_audited(client, auth, monday):
    auth.sign_in("employee@example.com")
    declare(client)
    old_pass = client.get("/api/health/pass").get_json()
    auth.sign_out()

    auth.sign_in("health@example.com")
    response = client.post("/api/health/overrides", json={
        "employee_id": "E0001", "status": "red", "reason": "Positive test on 1 March",
        "days": 10})
    assert response.status_code == 201
    assert response.get_json() == {"employee_id": "E0001", "status": "red",
                                   "reason": "Positive test on 1 March", "by": "E0004",
                                   "at": at("2026-03-02 09:00"),
                                   "until": at("2026-03-12 00:00")}
    [entry] = audit(client)
    assert (entry["action"], entry["actor_id"], entry["subject_id"]) == ("override", "E0004",
                                                                         "E0001")
    assert entry["detail"]["status"] == "red"
    auth.sign_out()

    auth.sign_in("guard@example.com")
    assert old_pass["cti"] in client.get("/api/health/revocations").get_json()["credentials"]
    auth.sign_out()

    auth.sign_in("employee@example.com")
    status = client.get("/api/health/status").get_json()
    assert (status["status"], status["source"]) == ("red", "override")
    new_pass = client.get("/api/health/pass").get_json()
    assert new_pass["status"] == "red" and new_pass["cti"] != old_pass["cti"]
    assert declare(client)["status"] == "red"  # a clean declaration does not lift it
    monday.now = at("2026-03-12 08:00")
    assert declare(client)["status"] == "green"


@pytest.mark.parametrize("body, field", [
    ({"employee_id": "E0001", "status": "purple", "reason": "Checked"}, "status"),
    ({"employee_id": "E0001", "status": "red"}, "reason"),
    ({"employee_id": "E0001", "status": "red", "reason": "ok", "days": 0}, "days"),
    ({"employee_id": "E 1", "status": "red", "reason": "Checked"}, "employee_id"),
])
def test_bad_overrides_are_refused(client, auth, body, field):
    auth.sign_in("health@example.com")
    response = client.post("/api/health/overrides", json=body)
    assert response.status_code == 422 and field in response.get_json()["error"]["fields"]


def test_an_override_for_someone_unknown_is_not_found(client, auth):
    auth.sign_in("health@example.com")
    response = client.post("/api/health/overrides",
                           json={"employee_id": "E9999", "status": "red", "reason": "Checked"})
    assert response.status_code == 404
    assert audit(client) == []


@pytest.mark.parametrize("email", NOT_OFFICERS)
def test_only_health_officers_override_and_read_the_audit_log(client, auth, email):
    auth.sign_in(email)
    response = client.post("/api/health/overrides",
                           json={"employee_id": "E0001", "status": "green", "reason": "Fine"})
    assert response.status_code == 403
    assert client.get("/api/health/audit").status_code == 403


def test_declarations_are_for_their_author_and_health_officers(client, auth):
    auth.sign_in("employee@example.com")
    declare(client, temperature_c=37.9, symptoms=["cough"])
    mine = client.get("/api/health/declarations/E0001").get_json()["items"]
    assert mine[0]["temperature_c"] == 37.9 and mine[0]["symptoms"] == ["cough"]
    assert client.get("/api/health/declarations/E0002").status_code == 403
    auth.sign_out()

    for email in NOT_OFFICERS[1:]:
        auth.sign_in(email)
        assert client.get("/api/health/declarations/E0001").status_code == 403, email
        auth.sign_out()

    auth.sign_in("health@example.com")
    assert audit(client) == []  # the author reading their own is not audited
    read = client.get("/api/health/declarations/E0001").get_json()
    assert read["items"] == mine
    [entry] = audit(client)
    assert (entry["action"], entry["actor_id"], entry["subject_id"]) == ("declaration_read",
                                                                         "E0004", "E0001")
    assert client.get("/api/health/declarations/E9999").status_code == 404
    assert client.get("/api/health/declarations/" + "E" * 2000).status_code == 404


def test_declarations_expire_after_21_days(client, auth, monday):
    auth.sign_in("employee@example.com")
    declare(client, temperature_c=38.2)
    monday.advance(20 * DAY)
    assert len(client.get("/api/health/declarations/E0001").get_json()["items"]) == 1
    monday.advance(DAY)
    assert client.get("/api/health/declarations/E0001").get_json()["items"] == []


def test_hr_sees_people_per_site_and_unit_at_their_current_colour(client, auth, monday):
    for email, answers in (("employee@example.com", {"temperature_c": 38.0}),  # Wuhan Retail
                           ("staff0009@example.com", {}),  # Wuhan Retail
                           ("staff0015@example.com", {"close_contact": True}),  # Wuhan Retail
                           ("hr@example.com", {})):  # Singapore Cloud
        auth.sign_in(email)
        declare(client, **answers)
        auth.sign_out()
    auth.sign_in("employee@example.com")
    declare(client)  # a second declaration: still one person, still yellow
    auth.sign_out()
    auth.sign_in("health@example.com")
    client.post("/api/health/overrides", json={"employee_id": "E0001", "status": "green",
                                               "reason": "36.5 at the clinic, test negative"})
    client.post("/api/health/overrides", json={"employee_id": "E0009", "status": "yellow",
                                               "reason": "Household contact"})
    auth.sign_out()

    auth.sign_in("hr@example.com")
    summary = client.get("/api/health/summary").get_json()
    assert summary == {"date": "2026-03-02", "rows": [
        {"site": "Singapore", "unit": "Cloud", "green": 1, "yellow": 0, "red": 0, "total": 1},
        {"site": "Wuhan", "unit": "Retail", "green": 1, "yellow": 1, "red": 1, "total": 3},
    ], "totals": {"green": 2, "yellow": 1, "red": 1, "total": 4}}
    assert "temperature_c" not in str(summary) and "E0001" not in str(summary)
    other_day = client.get("/api/health/summary?date=2026-03-01").get_json()
    assert other_day["rows"] == [] and other_day["totals"]["total"] == 0
    bad = client.get("/api/health/summary?date=yesterday")
    assert bad.status_code == 422 and "date" in bad.get_json()["error"]["fields"]


@pytest.mark.parametrize("email", ["employee@example.com", "editor@example.com",
                                   "guard@example.com", "admin@example.com"])
def test_only_hr_and_health_officers_see_the_summary(client, auth, email):
    auth.sign_in(email)
    assert client.get("/api/health/summary").status_code == 403


def test_the_audit_log_pages_by_day(client, auth, monday):
    auth.sign_in("health@example.com")
    for employee_id in ("E0001", "E0002", "E0003"):
        client.get(f"/api/health/declarations/{employee_id}")
        monday.advance(1)
    first = client.get("/api/health/audit?limit=2").get_json()
    assert [e["subject_id"] for e in first["items"]] == ["E0003", "E0002"]
    rest = client.get(f"/api/health/audit?limit=2&cursor={first['cursor']}").get_json()
    assert [e["subject_id"] for e in rest["items"]] == ["E0001"] and rest["cursor"] is None
    assert audit(client, date="2026-03-01") == []
    assert client.get("/api/health/audit?cursor=nope").status_code == 422
    assert client.get("/api/health/audit?limit=0").status_code == 422
