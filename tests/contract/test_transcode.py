"""The transcode contract: ffmpeg (embedded) and MediaConvert (AWS) make the same outputs.

ffmpeg runs for real, over both media adapters (local files, and S3 on moto's server). moto has
no MediaConvert (5.2.5: no moto/mediaconvert), so the MediaConvert adapter is tested with
botocore's Stubber on a real client: the CreateJob request it sends (validated against the
service model, compared with tests/events/mediaconvert-create-job-request.json) and the
recorded EventBridge events it reads.
"""

import copy
import json
import subprocess
from pathlib import Path

import boto3
import imageio_ffmpeg
import pytest
from botocore.stub import Stubber

from functions.transcode.ffmpeg import FfmpegTranscoder, parse_probe
from functions.transcode.mediaconvert import MediaConvertTranscoder
from functions.transcode.port import RENDITIONS, Job, TranscodeError, rendition_key
from tests.contract.media_fixtures import local_backend, s3_backend

EVENTS = Path(__file__).resolve().parents[1] / "events"
VIDEO_ID = "01JDA6Q2V8R4N7M3K5H9G2F1E0"  # the id in the recorded events
BUCKET = "together-dev-mediabucket-1a2b3c4d5e6f"
ROLE = "arn:aws:iam::123456789012:role/together-dev-MediaConvertRole-7QX2M9K4B1ZP"
PREFIX = f"videos/{VIDEO_ID}/"


def recorded(name: str) -> dict:
    return json.loads((EVENTS / name).read_text())


def job(source: str = f"uploads/{VIDEO_ID}/original.webm", max_s: float = 600) -> Job:
    return Job(VIDEO_ID, source, PREFIX, max_s)


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> bytes:
    """Two seconds of 640x480 VP8/Opus: what Chromium's MediaRecorder sends."""
    path = tmp_path_factory.mktemp("clip") / "clip.webm"
    subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc=duration=2:size=640x480:rate=15",
                    "-f", "lavfi", "-i", "sine=duration=2", "-c:v", "libvpx",
                    "-deadline", "realtime", "-c:a", "libopus", str(path)], check=True)
    return path.read_bytes()


@pytest.fixture(scope="module")
def sideways(tmp_path_factory) -> bytes:
    """A phone held upright: 640x360 pixels stored, a 90-degree display matrix beside them."""
    folder = tmp_path_factory.mktemp("sideways")
    ffmpeg = [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y"]
    subprocess.run([*ffmpeg, "-f", "lavfi", "-i", "testsrc=duration=1:size=640x360:rate=15",
                    "-c:v", "libx264", "-preset", "ultrafast", str(folder / "flat.mp4")],
                   check=True)
    subprocess.run([*ffmpeg, "-display_rotation", "90", "-i", str(folder / "flat.mp4"),
                    "-c", "copy", str(folder / "upright.mp4")], check=True)
    return (folder / "upright.mp4").read_bytes()


@pytest.fixture(params=["local", "s3-moto"])
def media(request, tmp_path, clock):
    opened = (local_backend(tmp_path, clock) if request.param == "local"
              else s3_backend("s3-moto", request.getfixturevalue("moto_endpoint")))
    with opened as backend:
        yield backend.media


@pytest.fixture
def ffmpeg(media):
    return FfmpegTranscoder(media)


@pytest.fixture
def mediaconvert():
    client = boto3.client("mediaconvert", region_name="us-east-1")
    with Stubber(client) as stubber:
        yield MediaConvertTranscoder(client, bucket=BUCKET, role_arn=ROLE), stubber
        stubber.assert_no_pending_responses()


# -- ffmpeg -----------------------------------------------------------------------------------

def test_ffmpeg_writes_the_renditions_and_poster_where_the_port_says(ffmpeg, media, clip,
                                                                     tmp_path):
    media.put_bytes(f"uploads/{VIDEO_ID}/original.webm", clip, "video/webm")

    outcome = ffmpeg.submit(job())

    assert outcome.ok and outcome.duration_s == pytest.approx(2.0, abs=0.1)
    assert {name: o.key for name, o in outcome.renditions.items()} == {
        r.name: rendition_key(PREFIX, r.name) for r in RENDITIONS}
    assert [(o.width, o.height) for o in outcome.renditions.values()] == [(640, 480), (480, 360)]
    for output in outcome.renditions.values():
        assert media.head(output.key)["content_type"] == "video/mp4"
        media.download_file(output.key, tmp_path / "out.mp4")
        probe = ffmpeg.probe(tmp_path / "out.mp4")
        assert probe.video[0] == "h264" and probe.audio and "mp4" in probe.containers
    assert media.head(outcome.poster.key)["content_type"] == "image/jpeg"
    assert media.get_bytes(outcome.poster.key)[:2] == b"\xff\xd8"


def test_ffmpeg_turns_a_sideways_phone_video_upright(ffmpeg, media, sideways):
    media.put_bytes(f"uploads/{VIDEO_ID}/original.mp4", sideways, "video/mp4")

    outcome = ffmpeg.submit(job(f"uploads/{VIDEO_ID}/original.mp4"))

    assert [(o.width, o.height) for o in outcome.renditions.values()] == [(360, 640), (202, 360)]
    assert (outcome.poster.width, outcome.poster.height) == (360, 640)


@pytest.mark.parametrize(("data", "reason"), [
    (b"PK\x03\x04 a zip file, not a video" * 50, "not_video"),
    (b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00" + b"\x00" * 2000, "damaged"),
    (b"\x1a\x45\xdf\xa3" + b"\x00" * 2000, "damaged"),
])
def test_ffmpeg_names_what_is_wrong_with_a_file(ffmpeg, media, data, reason):
    media.put_bytes(f"uploads/{VIDEO_ID}/original.webm", data, "video/webm")

    outcome = ffmpeg.submit(job())

    assert (outcome.ok, outcome.reason, outcome.renditions) == (False, reason, {})


def test_ffmpeg_refuses_a_video_over_the_limit_before_transcoding(ffmpeg, media, clip):
    media.put_bytes(f"uploads/{VIDEO_ID}/original.webm", clip, "video/webm")

    outcome = ffmpeg.submit(job(max_s=1.5))

    assert outcome.reason == "too_long"
    assert media.head(rendition_key(PREFIX, "720p")) is None


def test_ffmpeg_reports_a_missing_original_as_ours_to_fix(ffmpeg):
    assert ffmpeg.submit(job()).reason == "internal"


def test_probe_reads_ffmpegs_description_of_a_phone_video():
    text = """Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'IMG_0042.MOV':
  Duration: 00:01:02.50, start: 0.000000, bitrate: 8012 kb/s
  Stream #0:0[0x1](und): Video: hevc (Main) (hvc1 / 0x31637668), yuv420p(tv), 1920x1080, 7900 kb/s
      Side data:
        displaymatrix: rotation of -90.00 degrees
  Stream #0:1[0x2](und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, stereo, fltp
  Stream #0:2[0x3](und): Video: mjpeg (Baseline), yuvj420p, 320x240 (attached pic)"""

    probe = parse_probe(text)

    assert probe.video == ("hevc", 1920, 1080) and probe.audio
    assert probe.duration_s == 62.5 and "mov" in probe.containers
    assert parse_probe("Error opening input file x.txt.") is None


# -- MediaConvert -----------------------------------------------------------------------------

def test_mediaconvert_submits_the_recorded_create_job_request(mediaconvert):
    transcoder, stubber = mediaconvert
    expected = recorded("mediaconvert-create-job-request.json")
    stubber.add_response("create_job", {"Job": {"Id": "1732349643912-q8zr4k", "Role": ROLE,
                                                "Settings": {}}}, expected)

    assert transcoder.submit(job()) is None  # the outcome comes with the completion event


def test_mediaconvert_job_uses_the_queue_when_one_is_set():
    transcoder = MediaConvertTranscoder(None, bucket=BUCKET, role_arn=ROLE,
                                        queue_arn="arn:aws:mediaconvert:us-east-1:1:queues/q")

    assert transcoder.job_request(job())["Queue"] == "arn:aws:mediaconvert:us-east-1:1:queues/q"


def test_mediaconvert_without_a_role_says_which_setting_is_missing():
    transcoder = MediaConvertTranscoder(None, bucket=BUCKET, role_arn=None)

    with pytest.raises(TranscodeError, match="TOGETHER_MEDIACONVERT_ROLE_ARN"):
        transcoder.submit(job())


def test_mediaconvert_completion_event_gives_the_same_outputs_as_ffmpeg(mediaconvert):
    transcoder, _ = mediaconvert

    outcome = transcoder.outcome_of(recorded("eventbridge-mediaconvert-complete.json"))

    assert outcome.ok and outcome.video_id == VIDEO_ID and outcome.duration_s == 42.042
    assert {name: (o.key, o.width, o.height) for name, o in outcome.renditions.items()} == {
        "720p": (rendition_key(PREFIX, "720p"), 1280, 720),
        "360p": (rendition_key(PREFIX, "360p"), 640, 360)}
    assert outcome.poster.key == f"{PREFIX}video-poster.0000001.jpg"


@pytest.mark.parametrize(("code", "reason"), [(1010, "not_video"), (1040, "damaged"),
                                              (1401, "internal"), (3450, "internal")])
def test_mediaconvert_error_codes_become_reasons_people_understand(mediaconvert, code, reason):
    transcoder, _ = mediaconvert
    event = recorded("eventbridge-mediaconvert-error.json")
    event["detail"]["errorCode"] = code

    outcome = transcoder.outcome_of(event)

    assert (outcome.video_id, outcome.reason) == (VIDEO_ID, reason)
    assert str(code) in outcome.detail  # the log keeps MediaConvert's own words


def test_mediaconvert_ignores_progress_and_other_applications_jobs(mediaconvert):
    transcoder, _ = mediaconvert
    theirs = recorded("eventbridge-mediaconvert-complete.json")
    theirs["detail"]["userMetadata"] = {"project": "someone-else"}
    canceled = copy.deepcopy(recorded("eventbridge-mediaconvert-progressing.json"))
    canceled["detail"]["status"] = "CANCELED"

    assert transcoder.outcome_of(recorded("eventbridge-mediaconvert-progressing.json")) is None
    assert transcoder.outcome_of(theirs) is None
    assert transcoder.outcome_of({"source": "aws.s3"}) is None
    assert transcoder.outcome_of(canceled).reason == "internal"


def test_ffmpeg_sends_no_events_so_it_claims_none(ffmpeg):
    assert ffmpeg.outcome_of(recorded("eventbridge-mediaconvert-complete.json")) is None
