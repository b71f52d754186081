"""Guards' scan log: written once per id even when the outbox sends it twice; HR's daily view."""

import pytest

from tests.api.test_healthpass_declarations import DAY, at

SCAN = {"id": "01JSCAN0000000000000000001", "site": "Wuhan", "result": "ok",
        "employee_id": "E0001"}


@pytest.fixture(autouse=True)
def monday(clock):
    clock.now = at("2026-03-02 09:00")
    return clock


def scan(client, **changes):
    body = {**SCAN, "scanned_at": at("2026-03-02 08:55"), **changes}
    return client.post("/api/health/scans", json=body)


def test_a_scan_is_logged_once_even_if_sent_twice(client, auth):
    auth.sign_in("guard@example.com")
    first = scan(client)
    assert first.status_code == 201
    assert first.get_json() == {**SCAN, "date": "2026-03-02",
                                "scanned_at": at("2026-03-02 08:55"), "guard_id": "E0005"}
    again = scan(client)  # the outbox retried without its Idempotency-Key
    assert (again.status_code, again.get_json()) == (201, first.get_json())
    replay = scan(client, id="01JSCAN0000000000000000002", result="revoked")
    keyed = scan(client, id="01JSCAN0000000000000000002", result="revoked")
    assert replay.get_json() == keyed.get_json()
    headers = {"Idempotency-Key": "outbox-0003-abcdef"}
    for _ in range(2):
        response = client.post("/api/health/scans", headers=headers, json={
            **SCAN, "id": "01JSCAN0000000000000000003", "result": "replayed",
            "employee_id": None, "scanned_at": at("2026-03-02 08:58")})
        assert response.status_code == 201
    auth.sign_out()

    auth.sign_in("hr@example.com")
    summary = client.get("/api/health/scans/summary?site=Wuhan").get_json()
    assert summary["counts"] == {"ok": 1, "expired": 0, "not_yet_valid": 0, "tampered": 0,
                                 "unknown_key": 0, "revoked": 1, "replayed": 1,
                                 "not_together": 0}
    assert summary["total"] == 3 and summary["date"] == "2026-03-02"
    assert [e["result"] for e in summary["latest"]] == ["replayed", "revoked", "ok"]
    assert summary["latest"][0]["employee_id"] is None


def test_scans_count_on_the_day_they_happened(client, auth, monday):
    auth.sign_in("guard@example.com")
    scan(client, scanned_at=at("2026-03-01 23:59"))  # synced the next morning
    scan(client, id="01JSCAN0000000000000000009", site="Hangzhou")
    auth.sign_out()
    auth.sign_in("hr@example.com")
    sunday = client.get("/api/health/scans/summary?site=Wuhan&date=2026-03-01").get_json()
    assert sunday["total"] == 1 and sunday["latest"][0]["date"] == "2026-03-01"
    assert client.get("/api/health/scans/summary?site=Wuhan").get_json()["total"] == 0
    assert client.get("/api/health/scans/summary?site=Hangzhou").get_json()["total"] == 1
    monday.advance(21 * DAY)  # entries name people: they go; the counts stay
    later = client.get("/api/health/scans/summary?site=Hangzhou&date=2026-03-02").get_json()
    assert later["total"] == 1 and later["latest"] == []


@pytest.mark.parametrize("changes, field", [
    ({"id": "short"}, "id"),
    ({"id": "has spaces in it"}, "id"),
    ({"result": "great"}, "result"),
    ({"site": ""}, "site"),
    ({"scanned_at": "2026-03-02T08:55"}, "scanned_at"),
    ({"scanned_at": at("2026-01-01 08:00")}, "scanned_at"),
    ({"scanned_at": at("2026-03-02 10:00")}, "scanned_at"),
    ({"employee_id": "E 1"}, "employee_id"),
    ({"colour": "green"}, "colour"),
])
def test_bad_scans_get_field_messages(client, auth, changes, field):
    auth.sign_in("guard@example.com")
    response = scan(client, **changes)
    assert response.status_code == 422 and field in response.get_json()["error"]["fields"]


def test_the_summary_needs_a_site_and_a_real_date(client, auth):
    auth.sign_in("hr@example.com")
    assert "site" in client.get("/api/health/scans/summary").get_json()["error"]["fields"]
    bad = client.get("/api/health/scans/summary?site=Wuhan&date=2026-02-30")
    assert bad.status_code == 422 and "date" in bad.get_json()["error"]["fields"]


@pytest.mark.parametrize("email", ["employee@example.com", "editor@example.com",
                                   "hr@example.com", "health@example.com", "admin@example.com"])
def test_only_guards_log_scans(client, auth, email):
    auth.sign_in(email)
    assert scan(client).status_code == 403


@pytest.mark.parametrize("email", ["employee@example.com", "editor@example.com",
                                   "guard@example.com", "admin@example.com"])
def test_only_hr_and_health_officers_read_the_scan_log(client, auth, email):
    auth.sign_in(email)
    assert client.get("/api/health/scans/summary?site=Wuhan").status_code == 403


@pytest.mark.parametrize("email", ["hr@example.com", "health@example.com"])
def test_hr_and_health_officers_read_the_scan_log(client, auth, email):
    auth.sign_in(email)
    assert client.get("/api/health/scans/summary?site=Wuhan").status_code == 200
