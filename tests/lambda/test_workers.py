"""The Lambda workers with recorded events, in the AWS configuration on moto's server.

DynamoDB and S3 are moto's; MediaConvert (which moto lacks) is the real boto3 client under
botocore's Stubber, expecting the recorded CreateJob request.
"""

import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
import requests
from botocore.stub import Stubber
from zappa.handler import LambdaHandler

from functions import workers
from functions.directory.service import get_employee
from functions.news import feed, receipts
from functions.news import service as news
from functions.videos import service as videos
from infra.stack_env import stage_settings
from tests.aws_app import aws_app
from tests.stack_outputs import STAND_IN

ROOT = Path(__file__).resolve().parents[2]
EVENTS = ROOT / "tests" / "events"
RECORDED_BUCKET = "together-dev-mediabucket-1a2b3c4d5e6f"
RECORDED_VIDEO = "01JDA6Q2V8R4N7M3K5H9G2F1E0"
ROLE = "arn:aws:iam::123456789012:role/together-dev-MediaConvertRole-7QX2M9K4B1ZP"


@pytest.fixture
def aws(moto_endpoint, monkeypatch):
    """The app as Zappa loads it on AWS: DynamoDB, S3, MediaConvert; no in-process worker."""
    app = aws_app(moto_endpoint, "workers", bucket=True, TOGETHER_MEDIACONVERT_ROLE_ARN=ROLE,
                  TOGETHER_VAPID_KEY_PARAMETER="/together/test/vapid-key")
    a = app.extensions["together"]
    monkeypatch.setattr(workers, "adapters", lambda: a)
    with Stubber(a.transcode.client) as mediaconvert:
        a.mediaconvert = mediaconvert
        yield a
        mediaconvert.assert_no_pending_responses()


def recorded(name: str, a, video_id: str) -> dict:
    """A recorded event, about this test's bucket and video."""
    text = (EVENTS / name).read_text()
    return json.loads(text.replace(RECORDED_BUCKET, a.config.media_bucket)
                      .replace(RECORDED_VIDEO, video_id))


def uploaded(a) -> str:
    """A video whose upload the editor's phone has completed: S3 now sends its event."""
    user = get_employee(a.store, "E0002")
    start = videos.create_upload(a.store, a.media, user, "clip.webm", "video/webm", 2048,
                                 int(time.time()), a.config.upload_max_bytes)
    assert requests.put(start["parts"][0]["url"], data=b"v" * 2048, timeout=10).ok
    video, process_now = videos.complete_upload(a.store, a.media, user, start["video_id"],
                                                int(time.time()))
    assert process_now and video["status"] == "processing" and a.worker is None
    return start["video_id"]


def expect_job(a, video_id: str) -> None:
    request = recorded("mediaconvert-create-job-request.json", a, video_id)
    a.mediaconvert.add_response("create_job", {"Job": {"Id": "1732349643912-q8zr4k",
                                                       "Role": ROLE, "Settings": {}}}, request)


def test_the_upload_event_submits_one_job_however_often_it_comes(aws):
    video_id = uploaded(aws)
    expect_job(aws, video_id)
    event = recorded("s3-object-created-complete-multipart-upload.json", aws, video_id)

    first = workers.on_media_uploaded(event, None)
    again = workers.on_media_uploaded(event, None)  # S3 delivers at least once

    assert first == again == {"videos": [{"video_id": video_id, "status": "processing"}]}
    assert videos.get(aws.store, video_id)["step"] == "submitted"


def test_the_completion_event_makes_the_video_playable(aws):
    video_id = uploaded(aws)
    expect_job(aws, video_id)
    workers.on_media_uploaded(
        recorded("s3-object-created-complete-multipart-upload.json", aws, video_id), None)

    settled = workers.on_transcode_event(
        recorded("eventbridge-mediaconvert-complete.json", aws, video_id), None)

    assert settled == {"videos": [{"video_id": video_id, "status": "ready"}]}
    video = videos.describe(aws.media, videos.get(aws.store, video_id))
    assert (video["duration_s"], video["width"], video["height"]) == (42.042, 1280, 720)
    assert [(r["name"], r["width"]) for r in video["renditions"]] == [("720p", 1280),
                                                                      ("360p", 640)]
    assert f"/videos/{video_id}/video-720p.mp4?" in video["renditions"][0]["url"]
    assert "X-Amz-Signature=" in video["poster"]["url"]


def test_an_error_event_fails_the_video_and_keeps_the_original(aws):
    video_id = uploaded(aws)
    expect_job(aws, video_id)
    workers.on_media_uploaded(
        recorded("s3-object-created-complete-multipart-upload.json", aws, video_id), None)

    workers.on_transcode_event(recorded("eventbridge-mediaconvert-error.json", aws, video_id))

    video = videos.describe(aws.media, videos.get(aws.store, video_id))
    assert (video["status"], video["reason"], video["reason_message"]) == (
        "failed", "not_video", "The file is not a video.")
    assert aws.media.head(f"uploads/{video_id}/original.webm")["size"] == 2048


def test_a_failure_on_our_side_is_retried_as_a_new_job(aws):
    video_id = uploaded(aws)
    expect_job(aws, video_id)
    workers.on_media_uploaded(
        recorded("s3-object-created-complete-multipart-upload.json", aws, video_id), None)
    service_error = recorded("eventbridge-mediaconvert-error.json", aws, video_id)
    service_error["detail"]["errorCode"] = 3450
    workers.on_transcode_event(service_error)
    assert videos.get(aws.store, video_id)["reason"] == "internal"
    retry = recorded("mediaconvert-create-job-request.json", aws, video_id)
    retry["ClientRequestToken"] = f"together-{video_id}-2"  # not the first job's token
    aws.mediaconvert.add_response("create_job", {"Job": {"Id": "1732350000000-r2", "Role": ROLE,
                                                         "Settings": {}}}, retry)

    videos.retry(aws.store, get_employee(aws.store, "E0002"), video_id, int(time.time()))
    workers.process_video(aws, video_id)  # what POST /api/videos/<id>/retry does on AWS

    assert videos.get(aws.store, video_id)["step"] == "submitted"


def test_completion_through_the_sqs_queue_puts_a_waiting_item_in_the_feed(aws):
    video_id = uploaded(aws)
    expect_job(aws, video_id)
    workers.on_media_uploaded(
        recorded("s3-object-created-complete-multipart-upload.json", aws, video_id), None)
    editor, reader = get_employee(aws.store, "E0002"), get_employee(aws.store, "E0001")
    item = news.publish(aws.store, editor, {
        "title": {"en": "Stores reopen"}, "video_id": video_id, "pinned": False,
        "audience": {"kind": "unit", "unit": "Retail"}, "must_acknowledge": True},
        int(time.time()))
    tz = aws.config.timezone
    assert feed.page(aws.store, aws.media, reader, int(time.time()), tz, 20, None)[
        "edition"]["items"] == []

    workers.on_transcode_event(
        recorded("eventbridge-mediaconvert-complete-via-sqs.json", aws, video_id))

    shown = feed.page(aws.store, aws.media, reader, int(time.time()) + 1, tz, 20, None)
    assert [i["id"] for i in shown["edition"]["items"]] == [item["id"]]
    assert receipts.acknowledge(aws.store, reader, item["id"], int(time.time()))["acknowledged"]
    assert receipts.reach(aws.store, editor, item["id"], int(time.time()))["acknowledged"] == 1


def test_other_events_change_nothing(aws):
    video_id = uploaded(aws)
    other_stage = recorded("eventbridge-mediaconvert-complete.json", aws, video_id)
    other_stage["detail"]["userMetadata"]["bucket"] = "together-prod-mediabucket-0f9e8d7c"
    not_an_upload = recorded("s3-object-created-complete-multipart-upload.json", aws, video_id)
    not_an_upload["Records"][0]["s3"]["object"]["key"] = f"videos/{video_id}/video-720p.mp4"

    assert workers.on_transcode_event(
        recorded("eventbridge-mediaconvert-progressing.json", aws, video_id)) == {"videos": []}
    assert workers.on_transcode_event(other_stage) == {"videos": []}
    assert workers.on_media_uploaded(not_an_upload) == {"videos": []}
    assert videos.get(aws.store, video_id)["status"] == "processing"


@pytest.mark.parametrize("stage", ["dev", "prod"])
def test_zappa_sends_the_media_buckets_upload_events_to_the_worker(stage):
    settings = json.loads((ROOT / "infra" / "zappa_settings.json").read_text())[stage]

    [upload] = [e for e in settings["events"]
                if "s3" in e.get("event_source", {}).get("arn", "")]
    assert upload["function"] == "functions.workers.on_media_uploaded"
    assert upload["event_source"] == {
        "arn": "arn:aws:s3:::${MediaBucketName}", "prefix": "uploads/",
        "events": ["s3:ObjectCreated:CompleteMultipartUpload"]}
    module, name = upload["function"].rsplit(".", 1)
    assert callable(getattr(__import__(module, fromlist=[name]), name))


@pytest.mark.parametrize("stage", ["dev", "prod"])
def test_zappa_runs_the_video_sweep_on_a_schedule(stage):
    settings = json.loads((ROOT / "infra" / "zappa_settings.json").read_text())[stage]

    [sweep] = [e for e in settings["events"] if "expression" in e]
    assert sweep == {"function": "functions.workers.on_schedule",
                     "expression": "rate(15 minutes)"}
    module, name = sweep["function"].rsplit(".", 1)
    assert callable(getattr(__import__(module, fromlist=[name]), name))


def test_zappas_handler_routes_the_recorded_s3_event_to_the_worker(tmp_path):
    """Zappa's own routing code, on the settings a deploy bakes in (stack_env + Zappa)."""
    outputs = {**STAND_IN, "MediaBucketName": RECORDED_BUCKET}
    settings = json.loads((ROOT / "infra" / "zappa_settings.json").read_text())
    (tmp_path / "dev.json").write_text(json.dumps(stage_settings(settings, "dev", outputs,
                                                                 "us-east-1")))
    subprocess.run([Path(sys.executable).with_name("zappa"), "save-python-settings-file", "dev",
                    "-s", tmp_path / "dev.json", "-o", tmp_path / "zappa_settings.py"],
                   cwd=ROOT, check=True, capture_output=True)
    spec = importlib.util.spec_from_file_location("baked", tmp_path / "zappa_settings.py")
    baked = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(baked)
    event = json.loads((EVENTS / "s3-object-created-complete-multipart-upload.json").read_text())

    routed = LambdaHandler.get_function_for_aws_event(SimpleNamespace(settings=baked),
                                                      event["Records"][0])

    assert routed == ["functions.workers.on_media_uploaded"]
