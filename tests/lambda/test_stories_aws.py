"""Stories in the AWS configuration: DynamoDB and S3 on moto's server. The video is sent to S3
by its presigned part URLs and transcoded by ffmpeg (MediaConvert is not on moto); a rejected or
deleted story leaves no file in the bucket and no trace in any feed."""


import pytest
import requests

from functions import workers
from functions.transcode.ffmpeg import FfmpegTranscoder
from tests.api.stories_helpers import make_clips
from tests.aws_app import aws_app, signed_in


@pytest.fixture(scope="module")
def clip(tmp_path_factory):
    return make_clips(tmp_path_factory.mktemp("aws-story-clips"))["clip_webm"]


@pytest.fixture
def aws(moto_endpoint, monkeypatch, clock):
    app = aws_app(moto_endpoint, "stories", clock=clock, bucket=True)
    a = app.extensions["together"]
    a.__dict__["transcode"] = FfmpegTranscoder(a.media)  # files on S3, the encoder here
    monkeypatch.setattr(workers, "adapters", lambda: a)
    return app


def _posted(app, phone, clip: bytes) -> tuple[str, str]:
    """A story whose video went to S3 part by part, then through S3's event to the transcoder."""
    answer = phone.post("/api/stories", json={
        "caption": "From the warehouse", "tags": ["front_line"], "filename": "s.webm",
        "content_type": "video/webm", "size": len(clip)})
    assert answer.status_code == 201, answer.get_json()
    story, upload = answer.get_json()["story"], answer.get_json()["upload"]
    for part in upload["parts"]:
        start = (part["part_number"] - 1) * upload["part_size"]
        assert requests.put(part["url"], data=clip[start:start + part["size"]],
                            timeout=30).status_code == 200
    assert phone.post(f"/api/videos/uploads/{upload['video_id']}/complete").status_code == 202
    key = f"uploads/{upload['video_id']}/original.webm"
    workers.on_media_uploaded({"Records": [{"s3": {"object": {"key": key}}}]})
    return story["id"], upload["video_id"]


def _files(app, video_id: str) -> list[str]:
    media = app.extensions["together"].media
    keys = [f"uploads/{video_id}/original.webm", f"videos/{video_id}/video-720p.mp4",
            f"videos/{video_id}/video-360p.mp4", f"videos/{video_id}/video-poster.jpg"]
    return [k for k in keys if media.head(k) is not None]


def test_a_rejected_story_leaves_no_file_in_the_bucket(aws, clip):
    li, hr = signed_in(aws, "employee@example.com"), signed_in(aws, "hr@example.com")
    story_id, video_id = _posted(aws, li, clip)
    assert li.get(f"/api/stories/{story_id}").get_json()["status"] == "quarantine"
    assert len(_files(aws, video_id)) == 4

    answer = hr.post(f"/api/stories/{story_id}/reject", json={"reason": "Blurry, try again"})

    assert answer.status_code == 200, answer.get_json()
    assert _files(aws, video_id) == []
    shown = li.get(f"/api/stories/{story_id}").get_json()
    assert (shown["status"], shown["reason_message"]) == ("rejected", "Blurry, try again")
    assert hr.get("/api/stories/queue").get_json()["items"] == []


def test_a_released_story_is_in_the_feeds_until_its_author_deletes_it_and_its_files(aws, clip,
                                                                                     clock):
    li, hr = signed_in(aws, "employee@example.com"), signed_in(aws, "hr@example.com")
    colleague = signed_in(aws, "staff0009@example.com")
    story_id, video_id = _posted(aws, li, clip)
    assert hr.post(f"/api/stories/{story_id}/release").status_code == 200
    assert colleague.post(f"/api/stories/{story_id}/reactions",
                          json={"kind": "thank_you"}).status_code == 200
    feed = colleague.get("/api/stories?tag=front_line").get_json()["items"]
    assert [s["id"] for s in feed] == [story_id]
    assert feed[0]["reactions"]["thank_you"] == 1 and feed[0]["mine"]["thank_you"] is True
    assert requests.get(feed[0]["video"]["renditions"][0]["url"], timeout=30).status_code == 200

    assert li.delete(f"/api/stories/{story_id}").status_code == 204

    assert _files(aws, video_id) == []
    for query in ("", "?unit=Retail", "?site=Wuhan", "?tag=front_line"):
        assert colleague.get(f"/api/stories{query}").get_json()["items"] == []
    assert li.get("/api/stories/mine").get_json()["items"] == []
