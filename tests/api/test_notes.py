"""Encouragement notes: written once for an audience, read by everyone in it (fan-out on read),
cheered once per person, signed or anonymous."""

import json

import pytest

from functions.notes.keys import feed_pk
from tests.api.notes_helpers import COMPANY, RETAIL, SINGAPORE, STORES, WUHAN, Notes, person


@pytest.fixture
def notes(app, clock):
    return Notes(app, clock)


def test_a_note_to_wuhan_reaches_wuhan_and_not_singapore(notes):
    note = notes.note("hr@example.com", "Stay strong, Wuhan! 加油", WUHAN)

    assert note["status"] == "published" and note["audience"]["label"] == "Wuhan"
    assert notes.for_me("employee@example.com") == ["Stay strong, Wuhan! 加油"]  # Wuhan
    assert notes.for_me("guard@example.com") == ["Stay strong, Wuhan! 加油"]  # Wuhan
    assert notes.for_me("lucas.weber@example.com") == []  # Singapore


def test_a_note_to_a_site_is_stored_once_not_per_person(notes):
    note = notes.note("hr@example.com", "One item for everyone in Wuhan", WUHAN)

    stored = notes.store.query(feed_pk("SITE#Wuhan"), index="gsi1").items
    assert [i["id"] for i in stored] == [note["id"]]
    assert notes.store.query(feed_pk("PERSON#E0001"), index="gsi1").items == []


@pytest.mark.parametrize("audience, reached, not_reached", [
    (person("E0001"), "employee@example.com", "guard@example.com"),
    (STORES, "employee@example.com", "editor@example.com"),  # Retail, but E-commerce
    (RETAIL, "editor@example.com", "guard@example.com"),  # Logistics
    (SINGAPORE, "lucas.weber@example.com", "employee@example.com"),
    (COMPANY, "lucas.weber@example.com", None),
])
def test_each_audience_kind_reaches_its_people_only(notes, audience, reached, not_reached):
    author = "employee@example.com" if audience["kind"] == "department" else "hr@example.com"
    notes.note(author, f"To {audience['kind']}", audience)

    assert notes.for_me(reached) == [f"To {audience['kind']}"]
    if not_reached:
        assert notes.for_me(not_reached) == []


def test_notes_for_me_merges_every_audience_newest_first_page_by_page(notes):
    written = []
    for n, audience in enumerate([COMPANY, RETAIL, STORES, WUHAN, person("E0001")] * 3):
        author = "employee@example.com" if audience["kind"] == "department" else "hr@example.com"
        if n == 10:
            notes.clock.advance(600)  # past the per-person rate limit's window
        notes.note(author, f"note {n}", audience)
        written.append(f"note {n}")
    notes.note("hr@example.com", "not for Li Na", SINGAPORE)

    assert notes.for_me("employee@example.com", limit=4) == written[::-1]


def test_a_forged_cursor_is_refused(notes):
    answer = notes.phone("employee@example.com").get("/api/notes/for-me?cursor=bm9wZQ")
    assert answer.status_code == 422 and "cursor" in answer.get_json()["error"]["fields"]


def test_a_person_is_notified_of_a_note_to_them_and_only_them(notes):
    notes.note("editor@example.com", "Thank you for the early shifts", person("E0001"))

    inbox = notes.page("employee@example.com", "/api/inbox")["items"]
    assert [i["link"] for i in inbox] == ["/notes"]
    assert "Chen Hao" in inbox[0]["body"] and "early shifts" in inbox[0]["body"]
    assert notes.page("guard@example.com", "/api/inbox")["items"] == []


def test_an_anonymous_note_never_gives_readers_its_author(notes):
    note = notes.note("editor@example.com", "From a colleague", person("E0001"),
                      anonymous=True)

    assert note["author"] is None and note["mine"] is True
    read = notes.phone("employee@example.com").get("/api/notes/for-me")
    assert "E0002" not in read.get_data(as_text=True)
    assert "Chen Hao" not in read.get_data(as_text=True)
    shown = read.get_json()["items"][0]
    assert shown["anonymous"] is True and shown["author"] is None and shown["mine"] is False
    inbox = notes.phone("employee@example.com").get("/api/inbox").get_data(as_text=True)
    assert "Chen Hao" not in inbox and "a colleague" in inbox


def test_a_signed_note_shows_its_author(notes):
    notes.note("editor@example.com", "Signed", WUHAN)
    shown = notes.page("employee@example.com")["items"][0]
    assert shown["author"] == {"id": "E0002", "name": "Chen Hao 陈浩"}


@pytest.mark.parametrize("text", ["", "   ", "x" * 501, "加" * 501])
def test_empty_or_over_long_text_is_refused_in_the_persons_language(notes, text):
    answer = notes.write("editor@example.com", text, WUHAN)  # Chen Hao reads Chinese
    assert answer.status_code == 422
    assert answer.get_json()["error"]["fields"]["text"] == ["请写 1 到 500 个字。"]


def test_five_hundred_emoji_are_five_hundred_characters(notes):
    assert notes.write("hr@example.com", "🌸" * 500, WUHAN).status_code == 201
    assert notes.write("hr@example.com", "🌸" * 501, WUHAN).status_code == 422


def test_html_and_script_are_stored_as_written(notes):
    text = '<script>alert("hi")</script><b>Bold</b> & 加油'
    notes.note("hr@example.com", text, WUHAN)
    assert notes.for_me("employee@example.com") == [text]


def test_an_unknown_person_or_an_empty_audience_is_refused(notes):
    unknown = notes.write("hr@example.com", "Hi", person("E9999"))
    assert unknown.status_code == 422 and "audience" in unknown.get_json()["error"]["fields"]
    nowhere = notes.write("hr@example.com", "Hi", {"kind": "site", "site": "Atlantis"})
    assert nowhere.status_code == 422 and "audience" in nowhere.get_json()["error"]["fields"]
    missing = notes.write("hr@example.com", "Hi")
    assert missing.status_code == 422 and "audience" in missing.get_json()["error"]["fields"]


def test_only_hr_and_admins_write_to_the_whole_company(notes):
    refused = notes.write("employee@example.com", "Hello everyone", COMPANY)
    assert refused.status_code == 403
    assert refused.get_json()["error"]["message"] == (
        "You may not write a note to this audience. Write to a person, a team or a site "
        "instead.")
    assert notes.write("admin@example.com", "Hello everyone", COMPANY).status_code == 201


def test_anyone_writes_to_any_unit_or_site_but_only_to_their_own_department(notes):
    assert notes.write("guard@example.com", "Hi Retail", RETAIL).status_code == 201
    assert notes.write("guard@example.com", "Hi Singapore", SINGAPORE).status_code == 201
    assert notes.write("guard@example.com", "Hi Stores", STORES).status_code == 403
    assert notes.write("employee@example.com", "Hi Stores", STORES).status_code == 201


def test_ten_notes_in_ten_minutes_then_wait(notes, clock):
    for n in range(10):
        assert notes.write("guard@example.com", f"n{n}", WUHAN).status_code == 201
    limited = notes.write("guard@example.com", "one more", WUHAN)
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) > 0
    clock.advance(600)
    assert notes.write("guard@example.com", "later", WUHAN).status_code == 201


def test_a_note_written_offline_and_sent_twice_is_stored_once(notes):
    phone = notes.phone("editor@example.com")
    body = {"text": "From the train 🚄", "audience": person("E0001")}
    headers = {"Idempotency-Key": "outbox-0001-abcdef"}
    first = phone.post("/api/notes", json=body, headers=headers)
    again = phone.post("/api/notes", json=body, headers=headers)

    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert first.get_json()["id"] == again.get_json()["id"]
    assert notes.for_me("employee@example.com") == ["From the train 🚄"]
    assert len(notes.page("employee@example.com", "/api/inbox")["items"]) == 1


def test_cheers_count_once_per_person(notes):
    note = notes.note("hr@example.com", "Cheer me", WUHAN)
    li, guard = notes.phone("employee@example.com"), notes.phone("guard@example.com")
    headers = {"Idempotency-Key": "cheer-0001-abcdef"}

    assert li.post(f"/api/notes/{note['id']}/cheers").get_json() == {"cheers": 1,
                                                                       "cheered": True}
    assert li.post(f"/api/notes/{note['id']}/cheers").get_json() == {"cheers": 1,
                                                                       "cheered": True}
    guard.post(f"/api/notes/{note['id']}/cheers", headers=headers)
    replay = guard.post(f"/api/notes/{note['id']}/cheers", headers=headers)
    assert replay.status_code == 200 and replay.get_json()["cheers"] == 2

    shown = notes.page("employee@example.com")["items"][0]
    assert shown["cheers"] == 2 and shown["cheered"] is True
    assert notes.page("hr@example.com", "/api/notes/mine")["items"][0]["cheered"] is False

    assert li.delete(f"/api/notes/{note['id']}/cheers").get_json() == {"cheers": 1,
                                                                         "cheered": False}
    assert li.delete(f"/api/notes/{note['id']}/cheers").get_json() == {"cheers": 1,
                                                                         "cheered": False}


def test_a_note_i_cannot_read_cannot_be_cheered_or_reported(notes):
    note = notes.note("hr@example.com", "Wuhan only", WUHAN)
    singapore = notes.phone("lucas.weber@example.com")
    assert singapore.post(f"/api/notes/{note['id']}/cheers").status_code == 404
    assert singapore.post(f"/api/notes/{note['id']}/reports", json={}).status_code == 404
    assert singapore.post("/api/notes/01JNOTANOTE0000000000000000/cheers").status_code == 404


def test_authors_delete_their_own_notes_and_nobody_else_can(notes):
    note = notes.note("editor@example.com", "Oops", WUHAN)
    other = notes.phone("employee@example.com").delete(f"/api/notes/{note['id']}")
    assert other.status_code == 403
    hr = notes.phone("hr@example.com").delete(f"/api/notes/{note['id']}")
    assert hr.status_code == 403  # moderators hide instead
    assert notes.phone("editor@example.com").delete(f"/api/notes/{note['id']}").status_code == 204
    assert notes.for_me("employee@example.com") == []
    assert notes.page("editor@example.com", "/api/notes/mine")["items"] == []


def test_mine_lists_what_i_wrote_newest_first(notes):
    notes.note("editor@example.com", "first", WUHAN)
    notes.note("editor@example.com", "second", person("E0001"), anonymous=True)
    mine = notes.page("editor@example.com", "/api/notes/mine")["items"]
    assert [n["text"] for n in mine] == ["second", "first"]
    assert all(n["mine"] and n["status"] == "published" for n in mine)


def test_a_note_is_shown_with_its_time_in_utc(notes):
    note = notes.note("hr@example.com", "When", WUHAN)
    assert note["created_at"].endswith("Z") and note["created_at"][:2] == "20"
    assert json.dumps(note)  # plain JSON


def test_a_page_of_notes_for_me_costs_the_same_store_requests_however_many_notes(notes):
    from functions.directory.service import get_employee
    from functions.notes import feed
    from tests.api.test_news import CountingStore

    li = get_employee(notes.store, "E0001")

    def requests_per_page() -> list[int]:
        counting, costs, cursor = CountingStore(notes.store), [], None
        for _ in range(2):
            counting.calls = 0
            _, cursor = feed.page(counting, li, 5, cursor)
            costs.append(counting.calls)
        return costs

    for n in range(12):
        notes.clock.advance(60)  # the rate limit's window moves on
        notes.note("hr@example.com", f"n{n}", [WUHAN, RETAIL, COMPANY][n % 3])
    few = requests_per_page()
    for n in range(40):
        notes.clock.advance(60)
        notes.note("hr@example.com", f"m{n}", [SINGAPORE, person("E0001"), WUHAN][n % 3])
    assert requests_per_page() == few == [6, 6]  # 5 audience keys + the cheers of the page
