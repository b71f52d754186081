"""Moderating notes: blocked words hold a note for review; anyone reports; HR approves, hides
(telling the author why) or restores, each audited; moderators see who wrote an anonymous note."""

import pytest

from functions.moderation import audit
from tests.api.notes_helpers import WUHAN, Notes, person

WORDS = {"words": [{"word": "idiot", "lang": "en"}, {"word": "法轮功", "lang": "zh-CN"}]}


@pytest.fixture
def notes(app, clock):
    notes = Notes(app, clock)
    assert notes.phone("hr@example.com").put("/api/moderation/words", json=WORDS
                                              ).status_code == 200
    return notes


def queue(notes, state: str, email: str = "hr@example.com") -> list[dict]:
    return notes.page(email, "/api/moderation/notes", state=state)["items"]


def moderate(notes, note_id: str, action: str, reason: str = "", email="hr@example.com"):
    return notes.phone(email).post(f"/api/moderation/notes/{note_id}",
                                   json={"action": action, "reason": reason})


def test_hr_keeps_the_blocked_words_and_employees_cannot_read_them(notes):
    assert notes.page("hr@example.com", "/api/moderation/words") == WORDS
    employee = notes.phone("employee@example.com")
    assert employee.get("/api/moderation/words").status_code == 403
    assert employee.put("/api/moderation/words", json=WORDS).status_code == 403


@pytest.mark.parametrize("text", ["You idiot", "法@@!轮!功", "法輪功 is here"])
def test_a_note_with_a_blocked_word_is_held_and_nobody_reads_it(notes, text):
    note = notes.note("editor@example.com", text, WUHAN)

    assert note["status"] == "held"
    assert notes.for_me("employee@example.com") == []
    mine = notes.page("editor@example.com", "/api/notes/mine")["items"]
    assert [(n["text"], n["status"]) for n in mine] == [(text, "held")]
    held = queue(notes, "held")
    assert [n["id"] for n in held] == [note["id"]] and held[0]["held_for"]


def test_approving_a_held_note_publishes_it_and_notifies_its_person(notes):
    note = notes.note("editor@example.com", "Hi you idiot friend", person("E0001"))
    assert notes.page("employee@example.com", "/api/inbox")["items"] == []

    approved = moderate(notes, note["id"], "approve")
    assert approved.status_code == 200 and approved.get_json()["status"] == "published"
    assert notes.for_me("employee@example.com") == ["Hi you idiot friend"]
    assert len(notes.page("employee@example.com", "/api/inbox")["items"]) == 1
    assert queue(notes, "held") == []
    assert moderate(notes, note["id"], "approve").status_code == 409


def test_hiding_a_note_takes_it_off_feeds_and_walls_and_tells_the_author_why(notes):
    note = notes.note("editor@example.com", "Something unkind", WUHAN)
    hidden = moderate(notes, note["id"], "hide", "Please keep notes kind.")

    assert hidden.status_code == 200 and hidden.get_json()["status"] == "hidden"
    assert notes.for_me("employee@example.com") == []
    mine = notes.page("editor@example.com", "/api/notes/mine")["items"][0]
    assert (mine["status"], mine["reason"]) == ("hidden", "Please keep notes kind.")
    inbox = notes.page("editor@example.com", "/api/inbox")["items"]
    assert "Please keep notes kind." in inbox[0]["body"]
    assert [n["id"] for n in queue(notes, "hidden")] == [note["id"]]
    cheer = notes.phone("employee@example.com").post(f"/api/notes/{note['id']}/cheers")
    assert cheer.status_code == 404


def test_restoring_a_hidden_note_publishes_it_again(notes):
    note = notes.note("editor@example.com", "Misread", WUHAN)
    moderate(notes, note["id"], "hide", "Reported")
    restored = moderate(notes, note["id"], "restore")

    assert restored.status_code == 200 and restored.get_json()["status"] == "published"
    assert notes.for_me("employee@example.com") == ["Misread"]
    assert queue(notes, "hidden") == []


def test_every_moderation_action_is_audited_with_who_and_before_and_after(notes):
    note = notes.note("editor@example.com", "Audit me", WUHAN)
    moderate(notes, note["id"], "hide", "Why")
    notes.clock.advance(5)
    moderate(notes, note["id"], "restore")

    entries = audit.of_subject(notes.store, "notes", note["id"])
    assert [(e["actor_id"], e["action"], e["before"]["status"], e["after"]["status"])
            for e in entries] == [("E0003", "hide", "published", "hidden"),
                                  ("E0003", "restore", "hidden", "published")]


def test_reports_count_once_per_person_and_fill_the_reported_queue(notes):
    note = notes.note("editor@example.com", "Hmm", WUHAN)
    li = notes.phone("employee@example.com")
    for _ in range(2):
        answer = li.post(f"/api/notes/{note['id']}/reports",
                         json={"reason": "Not kind", "about": "note"})
        assert answer.status_code == 202
    notes.phone("guard@example.com").post(f"/api/notes/{note['id']}/reports",
                                          json={"about": "author"})

    reported = queue(notes, "reported")
    assert [(n["id"], n["reports"]) for n in reported] == [(note["id"], 2)]
    moderate(notes, note["id"], "hide", "Reported twice")
    assert queue(notes, "reported") == []


def test_moderators_see_who_wrote_an_anonymous_note_and_readers_do_not(notes):
    note = notes.note("editor@example.com", "Anonymous idiot", WUHAN, anonymous=True)
    held = queue(notes, "held")[0]
    assert held["author"] == {"id": "E0002", "name": "Chen Hao 陈浩"}

    moderate(notes, note["id"], "approve")
    read = notes.phone("employee@example.com").get("/api/notes/for-me")
    assert "E0002" not in read.get_data(as_text=True)


def test_an_employee_cannot_read_the_queue_or_moderate(notes):
    note = notes.note("editor@example.com", "Mine", WUHAN)
    employee = notes.phone("employee@example.com")
    assert employee.get("/api/moderation/notes?state=held").status_code == 403
    assert moderate(notes, note["id"], "hide", email="employee@example.com").status_code == 403
    assert moderate(notes, note["id"], "hide", email="editor@example.com").status_code == 403
    assert notes.for_me("employee@example.com") == ["Mine"]


def test_moderating_an_unknown_note_is_404(notes):
    assert moderate(notes, "01JNOSUCHNOTE0000000000000", "hide").status_code == 404


def test_an_author_deletes_their_held_note_and_it_leaves_the_queue(notes):
    note = notes.note("editor@example.com", "idiot, sorry", WUHAN)
    assert notes.phone("editor@example.com").delete(f"/api/notes/{note['id']}"
                                                    ).status_code == 204
    assert queue(notes, "held") == []


def test_a_held_campaign_note_reaches_the_wall_only_when_approved(notes):
    campaign = notes.phone("hr@example.com").post("/api/campaigns", json={
        "title": {"en": "Hubei"}, "audience": WUHAN}).get_json()
    note = notes.note("guard@example.com", "法轮功", campaign_id=campaign["id"])
    path = f"/api/campaigns/{campaign['id']}/notes"
    assert notes.page("hr@example.com", path)["items"] == []
    moderate(notes, note["id"], "approve")
    assert [n["id"] for n in notes.page("hr@example.com", path)["items"]] == [note["id"]]
    assert notes.page("hr@example.com", f"/api/campaigns/{campaign['id']}")["notes"] == 1
