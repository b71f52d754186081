"""Only an admin hands out the powerful roles; nobody changes their own; all of it audited."""

import pytest

from tests.api.test_directory import demo_rows, to_csv

HR, ADMIN, HEALTH = "E0003", "E0006", "E0004"


def edited(change) -> str:
    """The demo directory with change(rows_by_id) applied, as CSV."""
    rows = demo_rows()
    change({row["id"]: row for row in rows})
    return to_csv(rows)


def add_role(role, person):
    return lambda rows: rows[person].update(roles=rows[person]["roles"] + ";" + role)


def import_as(client, auth, email, text, **extra):
    auth.sign_in(email)
    return client.post("/api/directory/import", json={"csv": text, **extra})


def line_of(person) -> str:
    return str(2 + [row["id"] for row in demo_rows()].index(person))


def test_hr_cannot_make_itself_a_health_officer_and_nothing_is_written(client, auth):
    answer = import_as(client, auth, "hr@example.com", edited(add_role("health_officer", HR)))

    assert answer.status_code == 422
    assert answer.get_json()["error"]["fields"][line_of(HR)]["roles"] == [
        "You cannot change your own roles; ask an admin."]
    me = client.get("/api/me").get_json()
    assert "health_officer" not in me["roles"] and "health.oversee" not in me["permissions"]
    assert client.get("/api/health/declarations/E0001").status_code == 403


@pytest.mark.parametrize("role", ["hr", "admin", "health_officer"])
def test_hr_cannot_grant_a_powerful_role_to_someone_else(client, auth, role):
    answer = import_as(client, auth, "hr@example.com", edited(add_role(role, "E0001")))

    assert answer.status_code == 422
    assert answer.get_json()["error"]["fields"][line_of("E0001")]["roles"] == [
        "Only an admin may grant or remove the admin, hr and health_officer roles."]


def test_hr_cannot_take_away_a_powerful_role(client, auth):
    def demote(rows):
        rows[HEALTH]["roles"] = "employee"

    answer = import_as(client, auth, "hr@example.com", edited(demote))
    assert answer.status_code == 422
    assert "roles" in answer.get_json()["error"]["fields"][line_of(HEALTH)]


def test_hr_cannot_repoint_the_admins_email_but_may_an_employees(client, auth):
    def repoint(rows):
        rows[ADMIN]["email"] = "attacker@example.com"

    refused = import_as(client, auth, "hr@example.com", edited(repoint))
    assert refused.status_code == 422
    assert refused.get_json()["error"]["fields"][line_of(ADMIN)]["email"] == [
        "Only an admin may change the email of someone who is an admin, HR or a health officer."]

    def move(rows):
        rows["E0001"]["email"] = "li.na@example.com"

    assert import_as(client, auth, "hr@example.com", edited(move)).status_code == 200


def test_hr_may_still_grant_editor_and_guard(client, auth):
    answer = import_as(client, auth, "hr@example.com", edited(add_role("guard", "E0001")))
    assert answer.status_code == 200 and answer.get_json()["updated"] == 1


def test_hr_names_safety_operators_who_then_run_check_ins(client, auth):
    answer = import_as(client, auth, "hr@example.com", edited(add_role("safety", "E0001")))
    assert answer.status_code == 200 and answer.get_json()["updated"] == 1
    auth.sign_out()
    assert "checkins.run" in auth.sign_in("employee@example.com")["permissions"]


def test_an_admin_grants_hr_and_admins_read_who_changed_what(client, auth, clock):
    clock.advance(60)  # after the demo directory's own import (audited as the console's)
    answer = import_as(client, auth, "admin@example.com", edited(add_role("hr", "E0001")))
    assert answer.status_code == 200

    changes = client.get("/api/directory/changes").get_json()["items"]
    assert changes[0]["actor_id"] == ADMIN and changes[0]["subject_id"] == "E0001"
    assert changes[0]["before"]["roles"] == ["employee"]
    assert changes[0]["after"]["roles"] == ["employee", "hr"]
    assert changes[0]["at"] == int(clock())


def test_an_admin_cannot_change_their_own_roles_either(client, auth):
    def drop_admin(rows):
        rows[ADMIN]["roles"] = "employee"

    answer = import_as(client, auth, "admin@example.com", edited(drop_admin))
    assert answer.status_code == 422


def test_a_dry_run_is_refused_the_same_way(client, auth):
    answer = import_as(client, auth, "hr@example.com", edited(add_role("admin", "E0001")),
                       dry_run=True)
    assert answer.status_code == 422


@pytest.mark.parametrize("email", ["hr@example.com", "employee@example.com",
                                   "health@example.com", "editor@example.com"])
def test_only_admins_read_the_directory_changes(client, auth, email):
    auth.sign_in(email)
    assert client.get("/api/directory/changes").status_code == 403


def test_an_email_change_by_hr_is_audited_too(client, auth, clock):
    clock.advance(60)
    def move(rows):
        rows["E0001"]["email"] = "li.na@example.com"

    import_as(client, auth, "hr@example.com", edited(move))
    auth.sign_out()
    auth.sign_in("admin@example.com")
    change = client.get("/api/directory/changes").get_json()["items"][0]
    assert (change["actor_id"], change["before"]["email"], change["after"]["email"]) == (
        HR, "employee@example.com", "li.na@example.com")
