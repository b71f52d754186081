"""A campaign's wall on a lobby screen: a read-only link for that wall alone, revocable, with
no employee signed in, pausable by a moderator."""

import pytest

from tests.api.notes_helpers import WUHAN, Notes


@pytest.fixture
def notes(app, clock):
    return Notes(app, clock)


def campaign(notes, title="Hubei") -> dict:
    answer = notes.phone("hr@example.com").post("/api/campaigns", json={
        "title": {"en": title}, "audience": WUHAN})
    assert answer.status_code == 201
    return answer.get_json()


def display(notes, campaign_id: str) -> dict:
    answer = notes.phone("hr@example.com").post(f"/api/campaigns/{campaign_id}/displays",
                                                json={"name": "Lobby Wuhan"})
    assert answer.status_code == 201, answer.get_json()
    return answer.get_json()


def test_a_lobby_screen_shows_the_wall_without_signing_in(notes, app):
    wall = campaign(notes)
    notes.note("guard@example.com", "Signed", campaign_id=wall["id"])
    notes.note("editor@example.com", "Anonymous", campaign_id=wall["id"], anonymous=True)
    link = display(notes, wall["id"])
    assert link["url"].startswith("/wall/") and link["revoked"] is False

    screen = app.test_client()  # nobody signed in
    answer = screen.get(f"/api{link['url'].replace('/wall/', '/walls/')}")
    assert answer.status_code == 200 and "Set-Cookie" not in answer.headers
    body = answer.get_json()
    assert body["campaign"]["title"] == {"en": "Hubei"} and body["paused"] is False
    assert [n["text"] for n in body["items"]] == ["Anonymous", "Signed"]
    assert body["items"][0]["author"] is None and "E0002" not in answer.get_data(as_text=True)
    assert not {"mine", "cheered"} & set(body["items"][0])


def test_the_store_keeps_only_the_links_hash(notes):
    wall = campaign(notes)
    token = display(notes, wall["id"])["url"].removeprefix("/wall/")
    listed = notes.page("hr@example.com", f"/api/campaigns/{wall['id']}/displays")
    assert "url" not in listed["items"][0] and token not in str(listed)
    items = notes.store.query(f"CAMPAIGN#{wall['id']}", prefix="DISPLAY#").items
    assert token not in str(items)


def test_a_revoked_link_stops_at_once_and_never_says_why(notes, app):
    wall = campaign(notes)
    link = display(notes, wall["id"])
    path = f"/api/walls/{link['url'].removeprefix('/wall/')}"
    revoked = notes.phone("hr@example.com").delete(
        f"/api/campaigns/{wall['id']}/displays/{link['id']}")
    assert revoked.status_code == 204

    gone, unknown = app.test_client().get(path), app.test_client().get("/api/walls/nope")
    assert gone.status_code == unknown.status_code == 404
    assert gone.get_json() == unknown.get_json()
    listed = notes.page("hr@example.com", f"/api/campaigns/{wall['id']}/displays")["items"]
    assert listed[0]["revoked"] is True


def test_a_link_for_wall_a_shows_wall_a_only(notes, app):
    a, b = campaign(notes, "A"), campaign(notes, "B")
    notes.note("editor@example.com", "on A", campaign_id=a["id"])
    notes.note("editor@example.com", "on B", campaign_id=b["id"])
    link = display(notes, a["id"])
    token = link["url"].removeprefix("/wall/")

    shown = app.test_client().get(f"/api/walls/{token}").get_json()
    assert [n["text"] for n in shown["items"]] == ["on A"]
    hr = notes.phone("hr@example.com")
    assert hr.delete(f"/api/campaigns/{b['id']}/displays/{link['id']}").status_code == 404
    assert app.test_client().get(f"/api/walls/{token}").status_code == 200


def test_a_moderator_pauses_and_resumes_the_big_screens(notes, app):
    wall = campaign(notes)
    token = display(notes, wall["id"])["url"].removeprefix("/wall/")
    hr = notes.phone("hr@example.com")

    assert hr.post(f"/api/campaigns/{wall['id']}/pause").status_code == 204
    assert app.test_client().get(f"/api/walls/{token}").get_json()["paused"] is True
    assert hr.delete(f"/api/campaigns/{wall['id']}/pause").status_code == 204
    assert app.test_client().get(f"/api/walls/{token}").get_json()["paused"] is False
    employee = notes.phone("employee@example.com")
    assert employee.post(f"/api/campaigns/{wall['id']}/pause").status_code == 403


def test_employees_cannot_make_or_list_display_links(notes):
    wall = campaign(notes)
    employee = notes.phone("employee@example.com")
    assert employee.post(f"/api/campaigns/{wall['id']}/displays",
                         json={"name": "Mine"}).status_code == 403
    assert employee.get(f"/api/campaigns/{wall['id']}/displays").status_code == 403


def test_a_hidden_note_leaves_the_big_screen(notes, app):
    wall = campaign(notes)
    note = notes.note("editor@example.com", "Gone soon", campaign_id=wall["id"])
    token = display(notes, wall["id"])["url"].removeprefix("/wall/")
    notes.phone("hr@example.com").post(f"/api/moderation/notes/{note['id']}",
                                       json={"action": "hide"})
    assert app.test_client().get(f"/api/walls/{token}").get_json()["items"] == []


def test_the_screen_pages_with_after(notes, app):
    wall = campaign(notes)
    for n in range(3):
        notes.note("editor@example.com", f"n{n}", campaign_id=wall["id"])
    token = display(notes, wall["id"])["url"].removeprefix("/wall/")
    screen = app.test_client()
    first = screen.get(f"/api/walls/{token}?limit=2").get_json()
    rest = screen.get(f"/api/walls/{token}?limit=2&after={first['cursor']}").get_json()
    assert [n["text"] for n in first["items"] + rest["items"]] == ["n2", "n1", "n0"]
