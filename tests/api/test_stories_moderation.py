"""Released stories: reported by anyone, hidden and restored by HR, featured on Home."""

import pytest

from functions.moderation import audit
from tests.api.stories_helpers import AUTHOR, COLLEAGUE, EDITOR, HR, Stories, make_clips


@pytest.fixture(scope="session")
def story_clips(tmp_path_factory):
    return make_clips(tmp_path_factory.mktemp("story-moderation-clips"))


@pytest.fixture
def stories(app, clock, story_clips):
    return Stories(app, clock, story_clips)


def test_a_reported_story_can_be_hidden_by_hr_and_restored(stories):
    story_id = stories.released(AUTHOR)

    assert stories.act(COLLEAGUE, story_id, "reports", reason="Shows a customer").status_code == 202
    assert stories.act(COLLEAGUE, story_id, "reports").status_code == 202  # once per person
    assert stories.feed(HR, "/api/stories/moderation") == [story_id]
    queued = stories.page(HR, "/api/stories/moderation")["items"][0]
    assert (queued["reports"], queued["report_reasons"]) == (1, ["Shows a customer"])
    assert stories.act(EDITOR, story_id, "hide").status_code == 403

    hidden = stories.act(HR, story_id, "hide", reason="A customer is in it")
    stories.clock.advance(1)  # the audit orders actions by the second they happened
    assert hidden.status_code == 200 and hidden.get_json()["status"] == "hidden"
    assert stories.feed(COLLEAGUE) == [] and stories.feed(COLLEAGUE, unit="Retail") == []
    assert stories.get(COLLEAGUE, story_id).status_code == 404
    assert stories.story(AUTHOR, story_id)["status"] == "hidden"
    assert stories.feed(HR, "/api/stories/moderation") == []
    assert stories.feed(HR, "/api/stories/moderation", state="hidden") == [story_id]

    assert stories.act(HR, story_id, "restore").status_code == 200
    assert stories.feed(COLLEAGUE) == [story_id]
    store = stories.adapters.store
    assert [e["action"] for e in audit.of_subject(store, "stories", story_id)] == [
        "release", "hide", "restore"]
    assert stories.adapters.store.get(f"STORY#{story_id}", "STORY")["reports"] == 1


def test_a_story_in_quarantine_cannot_be_reported_or_hidden(stories):
    story_id = stories.post(AUTHOR)

    assert stories.act(AUTHOR, story_id, "reports").status_code == 409
    assert stories.act(HR, story_id, "hide").status_code == 409


def test_hr_features_up_to_three_stories_on_home(stories):
    ids = [stories.released(AUTHOR) for _ in range(4)]

    assert stories.act(EDITOR, ids[0], "feature").status_code == 403
    for story_id in ids[:3]:
        assert stories.act(HR, story_id, "feature").status_code == 204
        stories.clock.advance(1)
    full = stories.act(HR, ids[3], "feature")

    assert full.status_code == 409
    featured = stories.page(COLLEAGUE, "/api/stories/featured")["items"]
    assert [s["id"] for s in featured] == ids[2::-1]
    assert all(s["featured"] for s in featured)
    assert stories.phone(HR).delete(f"/api/stories/{ids[0]}/feature").status_code == 204
    assert stories.act(HR, ids[1], "hide").status_code == 200
    assert [s["id"] for s in stories.page(COLLEAGUE, "/api/stories/featured")["items"]] == [
        ids[2]]


def test_a_quarantined_story_cannot_be_featured(stories):
    story_id = stories.post(AUTHOR)

    assert stories.act(HR, story_id, "feature").status_code == 409
