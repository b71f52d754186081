"""Campaigns: HR opens one for an audience; anyone among its writers adds notes while it is
open; its wall shows them newest first or most cheered, to anyone signed in."""

import pytest

from tests.api.notes_helpers import RETAIL, WUHAN, Notes, person

HUBEI = {"title": {"en": "Messages for our colleagues in Hubei", "zh-CN": "致湖北同事"},
         "intro": {"en": "Tell them we are with them.", "zh-CN": "告诉他们我们与他们同在。"},
         "audience": WUHAN}


@pytest.fixture
def notes(app, clock):
    return Notes(app, clock)


def open_campaign(notes, **fields) -> dict:
    answer = notes.phone("hr@example.com").post("/api/campaigns", json={**HUBEI, **fields})
    assert answer.status_code == 201, answer.get_json()
    return answer.get_json()


def test_hr_opens_a_campaign_and_everyone_sees_it_open(notes):
    campaign = open_campaign(notes)
    assert campaign["state"] == "open" and campaign["writers"]["kind"] == "company"
    assert campaign["audience"] == {**WUHAN, "label": "Wuhan"}

    listed = notes.page("lucas.weber@example.com", "/api/campaigns")["items"]
    assert [(c["id"], c["may_write"], c["notes"]) for c in listed] == [
        (campaign["id"], True, 0)]
    one = notes.page("lucas.weber@example.com", f"/api/campaigns/{campaign['id']}")
    assert one["title"]["zh-CN"] == "致湖北同事"


def test_an_employee_cannot_open_a_campaign(notes):
    answer = notes.phone("employee@example.com").post("/api/campaigns", json=HUBEI)
    assert answer.status_code == 403


def test_a_note_to_a_campaign_goes_to_its_audience_and_onto_its_wall(notes):
    campaign = open_campaign(notes)
    note = notes.note("lucas.weber@example.com", "From Singapore with love",
                      campaign_id=campaign["id"])

    assert note["audience"]["site"] == "Wuhan" and note["campaign"]["id"] == campaign["id"]
    assert notes.for_me("employee@example.com") == ["From Singapore with love"]  # Wuhan
    assert notes.for_me("lucas.weber@example.com") == []  # the author is in Singapore
    wall = notes.page("sofia.martins@example.com", f"/api/campaigns/{campaign['id']}/notes")
    assert [n["text"] for n in wall["items"]] == ["From Singapore with love"]
    assert notes.page("hr@example.com", f"/api/campaigns/{campaign['id']}")["notes"] == 1


def test_a_note_to_a_campaign_with_another_audience_is_refused(notes):
    campaign = open_campaign(notes)
    answer = notes.write("hr@example.com", "Hi", RETAIL, campaign_id=campaign["id"])
    assert answer.status_code == 422 and "audience" in answer.get_json()["error"]["fields"]
    same = notes.write("hr@example.com", "Hi", WUHAN, campaign_id=campaign["id"])
    assert same.status_code == 201


def test_a_closed_or_upcoming_campaign_takes_no_notes(notes, clock):
    upcoming = open_campaign(notes, opens_at=_iso(clock.now + 3600))
    assert upcoming["state"] == "upcoming"
    early = notes.write("employee@example.com", "Too early", campaign_id=upcoming["id"])
    assert early.status_code == 422
    assert early.get_json()["error"]["fields"]["campaign_id"] == ["This campaign is closed."]

    campaign = open_campaign(notes)
    hr = notes.phone("hr@example.com")
    closed = hr.patch(f"/api/campaigns/{campaign['id']}", json={"state": "closed"})
    assert closed.status_code == 200 and closed.get_json()["state"] == "closed"
    late = notes.write("employee@example.com", "Too late", campaign_id=campaign["id"])
    assert late.status_code == 422 and "campaign_id" in late.get_json()["error"]["fields"]
    listed = notes.page("employee@example.com", "/api/campaigns")["items"]
    assert [c["state"] for c in listed] == ["upcoming", "closed"]


def test_a_campaign_closes_at_its_time(notes, clock):
    campaign = open_campaign(notes, closes_at=_iso(clock.now + 3600))
    assert notes.write("employee@example.com", "In time", campaign_id=campaign["id"]
                       ).status_code == 201
    clock.advance(3601)
    assert notes.write("employee@example.com", "Late", campaign_id=campaign["id"]
                       ).status_code == 422


def test_only_the_campaigns_writers_may_write(notes):
    campaign = open_campaign(notes, writers=RETAIL)
    refused = notes.write("guard@example.com", "Logistics here", campaign_id=campaign["id"])
    assert refused.status_code == 403
    assert notes.write("employee@example.com", "Retail here", campaign_id=campaign["id"]
                       ).status_code == 201
    guard = notes.page("guard@example.com", f"/api/campaigns/{campaign['id']}")
    assert guard["may_write"] is False


def test_a_company_campaign_lets_everyone_write_to_the_company(notes):
    campaign = open_campaign(notes, audience={"kind": "company"})
    assert notes.write("guard@example.com", "Thank you all", campaign_id=campaign["id"]
                       ).status_code == 201
    assert notes.for_me("lucas.weber@example.com") == ["Thank you all"]


def test_an_unknown_campaign_is_refused(notes):
    answer = notes.write("hr@example.com", "Hi", campaign_id="01JNOSUCHCAMPAIGN000000000")
    assert answer.status_code == 422 and "campaign_id" in answer.get_json()["error"]["fields"]
    assert notes.phone("hr@example.com").get("/api/campaigns/nope/notes").status_code == 404


def test_the_wall_shows_newest_first_or_most_cheered(notes):
    campaign = open_campaign(notes)
    first = notes.note("employee@example.com", "first", campaign_id=campaign["id"])
    notes.note("guard@example.com", "second", campaign_id=campaign["id"])
    for email in ("lucas.weber@example.com", "sofia.martins@example.com"):
        notes.phone(email).post(f"/api/notes/{first['id']}/cheers")

    path = f"/api/campaigns/{campaign['id']}/notes"
    newest = notes.page("hr@example.com", path)["items"]
    top = notes.page("hr@example.com", path, sort="top")["items"]
    assert [n["text"] for n in newest] == ["second", "first"]
    assert [(n["text"], n["cheers"]) for n in top] == [("first", 2), ("second", 0)]
    paged = notes.page("hr@example.com", path, sort="top", limit=1)
    rest = notes.page("hr@example.com", path, sort="top", limit=1, cursor=paged["cursor"])
    assert [n["text"] for n in paged["items"] + rest["items"]] == ["first", "second"]
    assert rest["cursor"] is None


def test_a_campaign_note_on_the_wall_can_be_cheered_from_anywhere(notes):
    campaign = open_campaign(notes)
    note = notes.note("employee@example.com", "Hi", campaign_id=campaign["id"])
    cheered = notes.phone("lucas.weber@example.com").post(f"/api/notes/{note['id']}/cheers")
    assert cheered.status_code == 200 and cheered.get_json()["cheers"] == 1


def test_anonymous_notes_on_the_wall_carry_no_author(notes):
    campaign = open_campaign(notes)
    notes.note("editor@example.com", "Quietly", campaign_id=campaign["id"], anonymous=True)
    wall = notes.phone("lucas.weber@example.com").get(f"/api/campaigns/{campaign['id']}/notes")
    assert "E0002" not in wall.get_data(as_text=True)
    assert wall.get_json()["items"][0]["author"] is None


def test_a_personal_note_is_not_part_of_any_wall(notes):
    campaign = open_campaign(notes)
    notes.note("hr@example.com", "Just for Li Na", person("E0001"))
    wall = notes.page("hr@example.com", f"/api/campaigns/{campaign['id']}/notes")
    assert wall["items"] == [] and wall["cursor"] is None


def test_closing_before_opening_is_refused(notes, clock):
    answer = notes.phone("hr@example.com").post("/api/campaigns", json={
        **HUBEI, "opens_at": _iso(clock.now + 7200), "closes_at": _iso(clock.now + 3600)})
    assert answer.status_code == 422 and "closes_at" in answer.get_json()["error"]["fields"]


def _iso(epoch: float) -> str:
    from datetime import UTC, datetime

    return datetime.fromtimestamp(int(epoch), UTC).isoformat().replace("+00:00", "Z")
