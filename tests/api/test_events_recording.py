"""After the event, its recording is posted as news to the same audience."""

import pytest

from tests.api.events_helpers import CLOUD_PERSON, DAY, EDITOR, EMPLOYEE, Events
from tests.api.test_news import Newsroom


@pytest.fixture
def events(app, clock):
    return Events(app, clock)


def test_the_recording_becomes_news_for_the_same_audience(app, clock, events):
    newsroom = Newsroom(app, clock)
    event = events.create(EDITOR)
    clock.advance(3 * DAY)
    video_id = newsroom.video(EDITOR)
    refused = events.phone(EMPLOYEE).post(f"/api/events/{event['id']}/recording",
                                          json={"video_id": video_id})
    assert refused.status_code == 403
    answer = events.phone(EDITOR).post(f"/api/events/{event['id']}/recording",
                                       json={"video_id": video_id})
    assert answer.status_code == 200, answer.get_json()
    news_id = answer.get_json()["recording"]["news_id"]
    assert news_id
    feed = events.phone(EMPLOYEE).get("/api/news").get_json()
    shown = [(i["id"], i["title"]["en"]) for i in feed["edition"]["items"] + feed["items"]]
    assert shown == [(news_id, "Recording: Karaoke night")]  # Retail's edition
    assert events.phone(CLOUD_PERSON).get(f"/api/news/{news_id}").status_code == 404
    again = events.phone(EDITOR).post(f"/api/events/{event['id']}/recording",
                                      json={"video_id": video_id})
    assert again.status_code == 409


def test_a_video_news_refuses_leaves_the_event_without_a_recording(app, clock, events):
    newsroom = Newsroom(app, clock)
    first, second = events.create(EDITOR), events.create(EDITOR)
    video_id = newsroom.video(EDITOR)
    events.phone(EDITOR).post(f"/api/events/{first['id']}/recording", json={"video_id": video_id})
    refused = events.phone(EDITOR).post(f"/api/events/{second['id']}/recording",
                                        json={"video_id": video_id})
    assert refused.status_code == 409  # the video is already the first event's news
    assert events.get(EDITOR, second["id"])["recording"] is None
