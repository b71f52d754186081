"""A join link is https with a host, or it is refused in words on join_url."""

import pytest

from tests.api.events_helpers import EDITOR, Events, iso


@pytest.fixture
def events(app, clock):
    return Events(app, clock)


@pytest.mark.parametrize("link", [
    "javascript:alert(1)", "http://zoom.us/j/1", "data:text/html,hi", "/relative/join",
    "https://", "https:///path", "ftp://zoom.us/j/1", "zoom.us/j/1", "https://zoom.us/j/1 x",
])
def test_links_other_than_https_are_refused_in_words(events, link):
    answer = events.phone(EDITOR).post("/api/events", json=events.body(join_url=link))
    assert answer.status_code == 422
    assert "https://" in answer.get_json()["error"]["fields"]["join_url"][0]


def test_meeting_links_of_any_https_service_are_kept(events):
    for link in ("https://teams.microsoft.com/l/meetup-join/19%3a", "https://zoom.us/j/123?pwd=x"):
        assert events.create(EDITOR, join_url=link)["join_url"] == link


def test_the_end_comes_after_the_start_within_twelve_hours(events):
    body = events.body()
    answer = events.phone(EDITOR).post("/api/events", json={**body, "ends_at": body["starts_at"]})
    assert answer.status_code == 422 and "ends_at" in answer.get_json()["error"]["fields"]


def test_an_event_is_planned_at_most_a_year_ahead(events, clock):
    start = int(clock()) + 400 * 86400
    answer = events.phone(EDITOR).post("/api/events", json=events.body(
        starts_at=iso(start), ends_at=iso(start + 3600)))
    assert answer.status_code == 422 and "starts_at" in answer.get_json()["error"]["fields"]
