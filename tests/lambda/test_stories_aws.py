"""Stories in the AWS configuration: DynamoDB and S3 on moto's server. The video is sent to S3
by its presigned part URLs and transcoded by ffmpeg (MediaConvert is not on moto); a rejected or
deleted story leaves no file in the bucket and no trace in any feed."""

import re
from pathlib import Path

import pytest
import requests

from functions import workers
from functions.app import create_app
from functions.directory.service import import_csv
from functions.store.table import create_table
from functions.transcode.ffmpeg import FfmpegTranscoder
from tests.api.stories_helpers import make_clips
from tests.aws import client, unique

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def clip(tmp_path_factory):
    return make_clips(tmp_path_factory.mktemp("aws-story-clips"))["clip_webm"]


@pytest.fixture
def aws(moto_endpoint, monkeypatch, clock):
    table, bucket = unique("together-stories"), unique("together-media")
    create_table(client("dynamodb", moto_endpoint), table)
    client("s3", moto_endpoint).create_bucket(Bucket=bucket)
    app = create_app({"TOGETHER_ENV": "aws", "TOGETHER_TABLE": table,
                      "TOGETHER_MEDIA_BUCKET": bucket, "TOGETHER_SECRET_KEY": "test",
                      "TOGETHER_MAIL_FROM": "Together <no-reply@example.com>",
                      "TOGETHER_APP_ORIGIN": "https://together.example.com",
                      "AWS_REGION": "us-east-1", "TOGETHER_AWS_ENDPOINT_URL": moto_endpoint,
                      "TOGETHER_VAPID_KEY_PARAMETER": f"/together/{unique('t')}/vapid-key"},
                     clock=clock)
    a = app.extensions["together"]
    import_csv(a.store, (ROOT / "infra" / "demo-directory.csv").read_text(encoding="utf-8"))
    a.__dict__["transcode"] = FfmpegTranscoder(a.media)  # files on S3, the encoder here
    monkeypatch.setattr(workers, "adapters", lambda: a)
    return app


def _signed_in(app, email):
    phone, outbox = app.test_client(), []
    app.extensions["together"].__dict__["mail"] = type(
        "Mail", (), {"send": lambda self, to, subject, text: outbox.append(subject)})()
    phone.post("/api/auth/start", json={"email": email})
    code = re.search(r"\b(\d{6})\b", outbox[-1]).group(1)
    assert phone.post("/api/auth/verify", json={"email": email, "code": code}).status_code == 200
    return phone


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
    li, hr = _signed_in(aws, "employee@example.com"), _signed_in(aws, "hr@example.com")
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
    li, hr = _signed_in(aws, "employee@example.com"), _signed_in(aws, "hr@example.com")
    colleague = _signed_in(aws, "staff0009@example.com")
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
