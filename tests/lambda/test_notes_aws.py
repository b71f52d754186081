"""Notes in the AWS configuration on moto's DynamoDB: a note to a site is stored once and read
in "Notes for me" through the same store port; cheers count once; a campaign's wall reads."""


import pytest

from functions import workers
from functions.notify import tasks
from functions.push.port import Result
from tests.aws_app import aws_app, signed_in


class QuietPush:
    """No push service is reachable here; nobody in these tests subscribed a device anyway."""

    def __init__(self, real):
        self.real = real

    def public_key(self):
        return self.real.public_key()

    def check_endpoint(self, endpoint):
        self.real.check_endpoint(endpoint)

    def send(self, subscription, message):
        return Result(201)


@pytest.fixture
def aws(moto_endpoint, monkeypatch, clock):
    app = aws_app(moto_endpoint, "notes", clock=clock)
    a = app.extensions["together"]
    a.__dict__["push"] = QuietPush(a.push)
    monkeypatch.setattr(tasks, "_adapters", lambda: a)
    monkeypatch.setattr(workers, "adapters", lambda: a)
    return app


def test_a_note_to_a_site_is_read_in_notes_for_me_on_dynamodb(aws, clock):
    hr, li = signed_in(aws, "hr@example.com"), signed_in(aws, "employee@example.com")
    lucas = signed_in(aws, "lucas.weber@example.com")
    written = hr.post("/api/notes", json={"text": "Stay strong, Wuhan! 加油",
                                          "audience": {"kind": "site", "site": "Wuhan"}})
    assert written.status_code == 201, written.get_json()
    clock.advance(1)
    personal = hr.post("/api/notes", json={"text": "Thank you, Li Na", "anonymous": True,
                                           "audience": {"kind": "person", "person": "E0001"}})
    assert personal.status_code == 201, personal.get_json()

    page = li.get("/api/notes/for-me?limit=1").get_json()
    rest = li.get(f"/api/notes/for-me?limit=1&cursor={page['cursor']}").get_json()
    assert [n["text"] for n in page["items"] + rest["items"]] == [
        "Thank you, Li Na", "Stay strong, Wuhan! 加油"]
    assert page["items"][0]["author"] is None
    assert lucas.get("/api/notes/for-me").get_json()["items"] == []

    note_id = written.get_json()["id"]
    for _ in range(2):
        cheered = li.post(f"/api/notes/{note_id}/cheers")
    assert cheered.get_json() == {"cheers": 1, "cheered": True}


def test_a_campaign_wall_and_its_display_link_on_dynamodb(aws):
    hr, lucas = signed_in(aws, "hr@example.com"), signed_in(aws, "lucas.weber@example.com")
    campaign = hr.post("/api/campaigns", json={"title": {"en": "Hubei"},
                                               "audience": {"kind": "site", "site": "Wuhan"}})
    assert campaign.status_code == 201, campaign.get_json()
    cid = campaign.get_json()["id"]
    assert lucas.post("/api/notes", json={"text": "From Singapore", "campaign_id": cid}
                      ).status_code == 201
    listed = lucas.get("/api/campaigns").get_json()["items"]
    assert [(c["state"], c["closes_at"], c["notes"]) for c in listed] == [("open", None, 1)]
    wall = lucas.get(f"/api/campaigns/{cid}/notes").get_json()["items"]
    assert [n["text"] for n in wall] == ["From Singapore"]
    link = hr.post(f"/api/campaigns/{cid}/displays", json={"name": "Lobby"}).get_json()
    screen = aws.test_client().get(f"/api/walls/{link['url'].removeprefix('/wall/')}")
    assert [n["text"] for n in screen.get_json()["items"]] == ["From Singapore"]


def test_moderation_holds_approves_and_hides_on_dynamodb(aws):
    hr, li = signed_in(aws, "hr@example.com"), signed_in(aws, "employee@example.com")
    assert hr.put("/api/moderation/words", json={"words": [{"word": "法轮功", "lang": "zh-CN"}]}
                  ).status_code == 200
    held = hr.post("/api/notes", json={"text": "法@@!轮!功", "audience": {"kind": "person",
                                                                          "person": "E0001"}})
    assert held.get_json()["status"] == "held"
    assert li.get("/api/notes/for-me").get_json()["items"] == []
    note_id = held.get_json()["id"]
    queue = hr.get("/api/moderation/notes?state=held").get_json()["items"]
    assert [n["id"] for n in queue] == [note_id]
    approved = hr.post(f"/api/moderation/notes/{note_id}", json={"action": "approve"})
    assert approved.status_code == 200, approved.get_json()
    assert [n["id"] for n in li.get("/api/notes/for-me").get_json()["items"]] == [note_id]
    hidden = hr.post(f"/api/moderation/notes/{note_id}", json={"action": "hide",
                                                               "reason": "Not kind"})
    assert hidden.get_json()["status"] == "hidden"
    assert li.get("/api/notes/for-me").get_json()["items"] == []
    mine = hr.get("/api/notes/mine").get_json()["items"][0]
    assert (mine["status"], mine["reason"]) == ("hidden", "Not kind")
