"""The in-process event bus, and the subscriptions bootstrap makes."""

import pytest

from functions import events
from functions.bootstrap import bootstrap
from functions.config import Config


def test_handlers_receive_the_payload_in_the_order_they_subscribed():
    bus, heard = events.Bus(), []
    bus.subscribe(events.VIDEO_SETTLED, lambda video: heard.append(("first", video["video_id"])))
    bus.subscribe(events.VIDEO_SETTLED, lambda video: heard.append(("second", video["video_id"])))

    bus.publish(events.VIDEO_SETTLED, video={"video_id": "V1"})

    assert heard == [("first", "V1"), ("second", "V1")]


def test_an_event_nobody_declared_is_refused():
    with pytest.raises(ValueError, match="unknown event"):
        events.Bus().subscribe("video.setled", print)
    with pytest.raises(ValueError, match="unknown event"):
        events.Bus().publish("video.setled")


def test_a_handlers_error_reaches_the_publisher():
    bus = events.Bus()
    bus.subscribe(events.VIDEO_SETTLED, lambda video: 1 / 0)

    with pytest.raises(ZeroDivisionError):
        bus.publish(events.VIDEO_SETTLED, video={})


def test_bootstrap_subscribes_news_and_stories_to_settled_videos_without_connecting(tmp_path):
    a = bootstrap(Config.from_env({"TOGETHER_DATA_DIR": str(tmp_path),
                                   "TOGETHER_SECRET_KEY": "k"}))

    assert len(a.events.handlers(events.VIDEO_SETTLED)) == 2  # news, stories
    assert "store" not in a.__dict__  # subscribing made no client
