"""Workday stories: posted by anyone, kept in quarantine until a moderator releases them."""

import pytest

from tests.api.stories_helpers import (
    AUTHOR,
    COLLEAGUE,
    EDITOR,
    HR,
    OTHER_EDITOR,
    Stories,
    make_clips,
)

MiB = 1024 * 1024


@pytest.fixture(scope="session")
def story_clips(tmp_path_factory):
    return make_clips(tmp_path_factory.mktemp("story-clips"))


@pytest.fixture
def stories(app, clock, story_clips):
    return Stories(app, clock, story_clips)


def test_a_new_story_waits_in_quarantine_seen_only_by_its_author_and_moderators(stories):
    story_id = stories.post(AUTHOR)

    mine = stories.story(AUTHOR, story_id)
    assert mine["status"] == "quarantine" and mine["views"] == 0
    assert mine["video"]["status"] == "ready" and mine["video"]["renditions"]
    assert stories.get(COLLEAGUE, story_id).status_code == 404
    assert stories.get(OTHER_EDITOR, story_id).status_code == 404  # edits Cloud, not Retail
    assert stories.story(EDITOR, story_id)["status"] == "quarantine"
    assert stories.story(HR, story_id)["status"] == "quarantine"
    assert stories.feed(COLLEAGUE) == [] and stories.feed(AUTHOR) == []
    assert [s["id"] for s in stories.page(AUTHOR, "/api/stories/mine")["items"]] == [story_id]


def test_the_quarantine_queue_holds_the_stories_each_moderator_may_release(stories):
    story_id = stories.post(AUTHOR)

    assert stories.feed(EDITOR, "/api/stories/queue") == [story_id]
    assert stories.feed(HR, "/api/stories/queue") == [story_id]
    assert stories.feed(OTHER_EDITOR, "/api/stories/queue") == []
    assert stories.phone(COLLEAGUE).get("/api/stories/queue").status_code == 403


def test_a_queue_cursor_that_is_not_ours_is_refused(stories):
    answer = stories.phone(EDITOR).get("/api/stories/queue?cursor=WzFd")  # base64 of [1]

    assert answer.status_code == 422


def test_a_moderator_s_own_story_waits_for_someone_else(stories):
    story_id = stories.post(EDITOR)

    assert stories.feed(EDITOR, "/api/stories/queue") == []
    assert stories.feed(HR, "/api/stories/queue") == [story_id]
    assert stories.act(EDITOR, story_id, "release").status_code == 403
    assert stories.act(HR, story_id, "release").status_code == 200


def test_an_editor_of_another_unit_cannot_release_a_story(stories):
    story_id = stories.post(AUTHOR)

    assert stories.act(OTHER_EDITOR, story_id, "release").status_code == 404
    assert stories.act(COLLEAGUE, story_id, "release").status_code == 404
    assert stories.act(AUTHOR, story_id, "release").status_code == 403  # not one's own
    assert stories.story(AUTHOR, story_id)["status"] == "quarantine"


def test_a_released_story_enters_the_feeds_newest_first_and_its_author_is_told(stories):
    first = stories.post(AUTHOR, tags=["family"])
    second = stories.post(OTHER_EDITOR, tags=["wfh", "front_line"])  # Cloud, Wuhan

    released = stories.act(EDITOR, first, "release")
    assert released.status_code == 200 and released.get_json()["status"] == "released"
    stories.clock.advance(5)
    assert stories.act(HR, second, "release").status_code == 200

    assert stories.feed(COLLEAGUE) == [second, first]
    assert stories.feed(COLLEAGUE, unit="Retail") == [first]
    assert stories.feed(COLLEAGUE, unit="Cloud") == [second]
    assert stories.feed(COLLEAGUE, site="Wuhan") == [second, first]
    assert stories.feed(COLLEAGUE, site="Singapore") == []
    assert stories.feed(COLLEAGUE, tag="family") == [first]
    assert stories.feed(COLLEAGUE, tag="wfh", unit="Retail") == []
    shown = stories.story(COLLEAGUE, first)
    assert "views" not in shown and shown["released_at"].endswith("Z")
    inbox = stories.page(AUTHOR, "/api/inbox")["items"]
    assert [i["title"] for i in inbox] == ["Your story is out"]
    assert inbox[0]["link"] == f"/stories?id={first}"


def test_a_rejected_story_leaves_every_feed_its_files_are_removed_and_its_author_reads_why(
        stories):
    story_id = stories.post(AUTHOR)
    video_id = stories.video_id(story_id)
    assert stories.files(video_id)

    answer = stories.act(EDITOR, story_id, "reject", reason="Please film without customers.")

    assert answer.status_code == 200
    shown = stories.story(AUTHOR, story_id)
    assert (shown["status"], shown["reason"], shown["reason_message"]) == (
        "rejected", "rejected", "Please film without customers.")
    assert shown["video"] is None
    assert stories.files(video_id) == []
    assert stories.feed(EDITOR, "/api/stories/queue") == []
    assert stories.act(HR, story_id, "release").status_code == 409
    inbox = stories.page(AUTHOR, "/api/inbox")["items"]
    assert inbox[0]["title"] == "Your story was not released"
    assert "Please film without customers." in inbox[0]["body"]


def test_the_author_deletes_a_released_story_and_its_files_at_any_time(stories):
    story_id = stories.released(AUTHOR)
    video_id = stories.video_id(story_id)
    stories.act(COLLEAGUE, story_id, "reactions", kind="heart")

    assert stories.phone(COLLEAGUE).delete(f"/api/stories/{story_id}").status_code == 403
    assert stories.phone(AUTHOR).delete(f"/api/stories/{story_id}").status_code == 204

    assert stories.get(AUTHOR, story_id).status_code == 404
    assert stories.feed(COLLEAGUE) == [] and stories.feed(COLLEAGUE, unit="Retail") == []
    assert stories.feed(AUTHOR, "/api/stories/mine") == []
    assert stories.files(video_id) == []
    assert stories.adapters.store.query(f"STORY#{story_id}", limit=10).items == []


def test_a_story_being_uploaded_can_be_deleted_and_its_parts_are_dropped(stories):
    answer = stories.start(AUTHOR)
    story_id = answer.get_json()["story"]["id"]
    assert answer.get_json()["story"]["status"] == "uploading"

    assert stories.phone(AUTHOR).delete(f"/api/stories/{story_id}").status_code == 204
    assert stories.phone(AUTHOR).get(
        f"/api/videos/{answer.get_json()['upload']['video_id']}").status_code == 404


def test_reactions_count_once_per_person_pressed_twice_or_replayed(stories):
    story_id = stories.released(AUTHOR)
    li, hr = stories.phone(COLLEAGUE), stories.phone(HR)
    headers = {"Idempotency-Key": "react-0001-abcdef"}
    path = f"/api/stories/{story_id}/reactions"

    li.post(path, json={"kind": "keep_going"})
    twice = li.post(path, json={"kind": "keep_going"})
    hr.post(path, json={"kind": "keep_going"}, headers=headers)
    replay = hr.post(path, json={"kind": "keep_going"}, headers=headers)
    li.post(path, json={"kind": "heart"})

    assert twice.get_json()["reactions"]["keep_going"] == 1
    assert replay.status_code == 200 and replay.get_json()["reactions"]["keep_going"] == 2
    shown = stories.story(COLLEAGUE, story_id)
    assert shown["reactions"] == {"keep_going": 2, "thank_you": 0, "heart": 1}
    assert shown["mine"] == {"keep_going": True, "thank_you": False, "heart": True}
    taken = li.delete(f"{path}/heart").get_json()
    assert taken["reactions"]["heart"] == 0 and taken["mine"]["heart"] is False
    assert li.delete(f"{path}/heart").get_json()["reactions"]["heart"] == 0
    assert li.post(path, json={"kind": "applause"}).status_code == 422


def test_a_story_in_quarantine_takes_no_reactions(stories):
    story_id = stories.post(AUTHOR)

    answer = stories.act(AUTHOR, story_id, "reactions", kind="heart")

    assert answer.status_code == 409
    assert stories.story(AUTHOR, story_id)["reactions"]["heart"] == 0


def test_views_count_once_per_person_and_only_the_author_sees_them(stories):
    story_id = stories.released(AUTHOR)

    for email in (COLLEAGUE, COLLEAGUE, HR, AUTHOR):
        assert stories.act(email, story_id, "views").status_code == 204

    assert stories.story(AUTHOR, story_id)["views"] == 2
    assert "views" not in stories.story(COLLEAGUE, story_id)
