"""The health officer's console: today's counts (small groups hidden), people on hold, rule
previews and the audit log by person and by kind; HR sees counts only."""

import pytest

from functions.directory.service import import_csv
from tests.api.test_healthpass_declarations import DAY, at, declare

RULES = {"fever_threshold_c": 37.3, "rules": [
    {"when": "fever", "status": "yellow", "days": 7},
    {"when": "symptom:cough", "status": "red", "days": 10},
]}
NEWCOMER = ("id,name,email,business_unit,department,site,region,language,photo_url,roles,"
            "editor_units\nE0100,Ada Small,ada.small@example.com,Retail,Stores,Chengdu,"
            "Sichuan,en,,employee,\n")


@pytest.fixture(autouse=True)
def monday(clock):
    clock.now = at("2026-03-02 09:00")
    return clock


def as_person(auth, client, email, **answers):
    auth.sign_in(email)
    result = declare(client, **answers)
    auth.sign_out()
    return result


def group(groups, name):
    return next(g for g in groups if g["name"] == name)


def test_officers_see_exact_counts_and_no_declaration_per_site_and_unit(client, auth):
    as_person(auth, client, "employee@example.com", temperature_c=38.0)  # Wuhan Retail yellow
    as_person(auth, client, "staff0015@example.com", close_contact=True)  # Wuhan Retail red
    as_person(auth, client, "staff0009@example.com")  # Wuhan Retail green
    auth.sign_in("health@example.com")
    today = client.get("/api/health/today").get_json()
    assert today["date"] == "2026-03-02"
    assert group(today["sites"], "Wuhan") == {"name": "Wuhan", "people": 23, "hidden": False,
                                              "green": 1, "yellow": 1, "red": 1, "none": 20}
    assert group(today["units"], "Retail") == {"name": "Retail", "people": 20, "hidden": False,
                                               "green": 1, "yellow": 1, "red": 1, "none": 17}
    assert group(today["sites"], "Singapore")["none"] == 18
    assert today["totals"]["people"] == 60 and today["totals"]["none"] == 57
    assert "E0001" not in str(today)


def test_hr_sees_counts_of_fewer_than_5_as_hidden(client, auth):
    as_person(auth, client, "employee@example.com", temperature_c=38.0)
    as_person(auth, client, "staff0009@example.com")
    auth.sign_in("hr@example.com")
    wuhan = group(client.get("/api/health/today").get_json()["sites"], "Wuhan")
    # 1 green and 1 yellow are too few to show; red 0 and 21 without a declaration stay.
    assert wuhan == {"name": "Wuhan", "people": 23, "hidden": False, "green": None,
                     "yellow": None, "red": 0, "none": 21}


def test_hr_never_sees_a_single_small_count_it_could_work_out(client, auth):
    as_person(auth, client, "employee@example.com", temperature_c=38.0)  # Wuhan: 1 yellow
    auth.sign_in("hr@example.com")
    wuhan = group(client.get("/api/health/today").get_json()["sites"], "Wuhan")
    # 23 people, 22 without a declaration: yellow = 23 - 22 unless "none" is hidden too.
    assert (wuhan["yellow"], wuhan["none"]) == (None, None)


def test_a_group_of_fewer_than_5_shows_no_colour_to_anyone(client, auth, store):
    import_csv(store, NEWCOMER)
    as_person(auth, client, "ada.small@example.com", close_contact=True)
    for email in ("health@example.com", "hr@example.com"):
        auth.sign_in(email)
        chengdu = group(client.get("/api/health/today").get_json()["sites"], "Chengdu")
        assert chengdu == {"name": "Chengdu", "people": None, "hidden": True, "green": None,
                           "yellow": None, "red": None, "none": None}, email
        auth.sign_out()


@pytest.mark.parametrize("email", ["employee@example.com", "editor@example.com",
                                   "guard@example.com", "admin@example.com"])
def test_only_hr_and_health_officers_see_today(client, auth, email):
    auth.sign_in(email)
    assert client.get("/api/health/today").status_code == 403


def test_holds_list_who_is_yellow_or_red_since_when_until_when_and_why(client, auth, monday):
    as_person(auth, client, "employee@example.com", temperature_c=38.0, symptoms=["cough"])
    as_person(auth, client, "staff0015@example.com", close_contact=True)
    as_person(auth, client, "staff0009@example.com")
    monday.advance(3600)
    auth.sign_in("health@example.com")
    items = client.get("/api/health/holds").get_json()["items"]
    assert [(h["employee_id"], h["status"]) for h in items] == [("E0015", "red"),
                                                                 ("E0001", "yellow")]
    li_na = items[1]
    assert li_na == {"employee_id": "E0001", "name": "Li Na 李娜", "unit": "Retail",
                     "site": "Wuhan", "status": "yellow", "source": "declaration",
                     "since": at("2026-03-02 09:00"), "until": at("2026-03-09 00:00"),
                     "reasons": ["any_symptom", "fever"], "override_reason": None}
    # Reading the list names no one in the audit log; reading a history does.
    assert client.get("/api/health/audit").get_json()["items"] == []


def test_an_override_to_green_clears_a_hold_and_one_to_red_adds_it(client, auth, monday):
    as_person(auth, client, "employee@example.com", temperature_c=38.0)
    auth.sign_in("health@example.com")
    assert client.post("/api/health/overrides", json={
        "employee_id": "E0001", "status": "green", "reason": "Test negative",
        "days": 7}).status_code == 201
    assert client.post("/api/health/overrides", json={
        "employee_id": "E0008", "status": "red", "reason": "Positive test",
        "days": 5}).status_code == 201
    [held] = client.get("/api/health/holds").get_json()["items"]
    assert (held["employee_id"], held["source"], held["override_reason"]) == (
        "E0008", "override", "Positive test")
    monday.advance(5 * DAY)
    assert client.get("/api/health/holds").get_json()["items"] == []


@pytest.mark.parametrize("email", ["employee@example.com", "editor@example.com",
                                   "guard@example.com", "hr@example.com", "admin@example.com"])
def test_only_health_officers_see_who_is_on_hold(client, auth, email):
    auth.sign_in(email)
    assert client.get("/api/health/holds").status_code == 403


def test_a_preview_counts_todays_declarations_under_edited_rules_and_saves_nothing(client,
                                                                                    auth):
    as_person(auth, client, "employee@example.com", symptoms=["cough"])  # yellow now
    as_person(auth, client, "staff0009@example.com", temperature_c=37.5)  # yellow now
    as_person(auth, client, "staff0015@example.com")  # green
    as_person(auth, client, "staff0015@example.com", close_contact=True)  # red: the worse counts
    auth.sign_in("health@example.com")
    preview = client.post("/api/health/rules/preview", json=RULES).get_json()
    assert preview == {"date": "2026-03-02", "declarations": 3,
                       "current": {"green": 0, "yellow": 2, "red": 1},
                       "edited": {"green": 1, "yellow": 1, "red": 1},
                       "on_hold": 2, "changed": 2}
    assert client.get("/api/health/rules").get_json()["version"] == 0
    bad = client.post("/api/health/rules/preview", json={**RULES, "fever_threshold_c": 50})
    assert bad.status_code == 422 and "fever_threshold_c" in bad.get_json()["error"]["fields"]


def test_hr_previews_rules_without_small_counts(client, auth):
    as_person(auth, client, "employee@example.com", symptoms=["cough"])
    auth.sign_in("hr@example.com")
    preview = client.post("/api/health/rules/preview", json=RULES).get_json()
    assert preview["edited"] == {"green": 0, "yellow": 0, "red": None}
    assert preview["on_hold"] is None


@pytest.mark.parametrize("email", ["employee@example.com", "editor@example.com",
                                   "guard@example.com", "admin@example.com"])
def test_only_rule_editors_preview_rules(client, auth, email):
    auth.sign_in(email)
    assert client.post("/api/health/rules/preview", json=RULES).status_code == 403


def test_the_audit_log_filters_by_person_and_by_kind_across_days(client, auth, monday):
    auth.sign_in("health@example.com")
    client.get("/api/health/declarations/E0001")
    monday.advance(DAY)
    client.post("/api/health/overrides", json={"employee_id": "E0001", "status": "red",
                                               "reason": "Positive test"})
    client.get("/api/health/declarations/E0002")
    client.put("/api/health/rules", json=RULES)
    about = client.get("/api/health/audit?person=E0001").get_json()
    assert about["date"] is None
    assert [(e["action"], e["actor_name"]) for e in about["items"]] == [
        ("override", "Dr. Zhou Lan 周岚"), ("declaration_read", "Dr. Zhou Lan 周岚")]
    reads = client.get("/api/health/audit?kind=declaration_read").get_json()["items"]
    assert [e["subject_id"] for e in reads] == ["E0002", "E0001"]
    both = client.get("/api/health/audit?person=E0001&kind=override").get_json()["items"]
    assert [e["action"] for e in both] == ["override"]
    changes = client.get("/api/health/audit?kind=rules_changed").get_json()["items"]
    assert [e["detail"]["version"] for e in changes] == [1]
    first = client.get("/api/health/audit?person=E0001&limit=1").get_json()
    rest = client.get(f"/api/health/audit?person=E0001&limit=1&cursor={first['cursor']}")
    assert rest.get_json()["items"][0]["action"] == "declaration_read"
    for bad in ("kind=sneeze", "person=E%201"):
        assert client.get(f"/api/health/audit?{bad}").status_code == 422


def test_a_hold_lasts_on_days_the_person_does_not_declare(client, auth, monday):
    as_person(auth, client, "employee@example.com", temperature_c=38.0)
    monday.advance(2 * DAY)  # no declaration since: no pass, but still held
    auth.sign_in("health@example.com")
    [held] = client.get("/api/health/holds").get_json()["items"]
    assert (held["employee_id"], held["status"], held["until"]) == (
        "E0001", "yellow", at("2026-03-09 00:00"))
    monday.now = at("2026-03-09 00:00")
    assert client.get("/api/health/holds").get_json()["items"] == []
