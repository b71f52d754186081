"""Video uploads: multipart straight to storage, resumable, then processed into renditions."""

import subprocess
from pathlib import Path

import imageio_ffmpeg
import pytest

from functions.app import create_app
from functions.config import Config, ConfigError
from functions.media.port import MediaNotFound
from functions.transcode.ffmpeg import FfmpegTranscoder
from functions.transcode.mediaconvert import MediaConvertTranscoder
from functions.transcode.port import Outcome, Output
from functions.videos import service
from tests.api.conftest import Auth
from tests.api.test_conventions import AWS_ENV

FFMPEG = imageio_ffmpeg.get_ffmpeg_exe()
MiB = 1024 * 1024
WAIT_S = 60  # the local worker's join: a bound, never a sleep


def ffmpeg(*args: str) -> None:
    subprocess.run([FFMPEG, "-hide_banner", "-loglevel", "error", "-nostdin", "-y", *args],
                   check=True, capture_output=True)


def make_clips(folder: Path) -> dict[str, bytes]:
    """Tiny test clips: what phones send, and what goes wrong."""
    source = ["-f", "lavfi", "-i", "testsrc=duration=2:size=640x480:rate=15",
              "-f", "lavfi", "-i", "sine=duration=2"]
    webm = ["-c:v", "libvpx", "-deadline", "realtime", "-b:v", "300k", "-c:a", "libopus"]
    ffmpeg(*source, *webm, str(folder / "clip.webm"))
    ffmpeg(*source, "-c:v", "libx264", "-preset", "veryfast", "-c:a", "aac",
           str(folder / "clip.mp4"))  # moov at the end, as many cameras write it
    with open(folder / "recorded.webm", "wb") as out:  # a stream: no duration in the header,
        subprocess.run([FFMPEG, "-hide_banner", "-loglevel", "error", "-nostdin", *source,
                        *webm, "-f", "webm", "pipe:1"], stdout=out, check=True)  # as MediaRecorder
    ffmpeg("-f", "lavfi", "-i", "color=c=navy:size=32x32:rate=1:duration=601",
           "-c:v", "libx264", "-preset", "ultrafast", str(folder / "long.mp4"))
    clips = {p.stem + p.suffix.replace(".", "_"): p.read_bytes() for p in folder.iterdir()}
    clips["damaged_mp4"] = clips["clip_mp4"][: len(clips["clip_mp4"]) // 2]
    clips["text"] = b"Minutes of the meeting, not a video.\n" * 100
    return clips


@pytest.fixture(scope="session")
def clips(tmp_path_factory):
    return make_clips(tmp_path_factory.mktemp("clips"))


class Videos:
    """What the phone does: start an upload, PUT the parts, complete; the worker runs here."""

    def __init__(self, app, client):
        self.app, self.client = app, client

    def start(self, data: bytes, content_type="video/webm", filename="clip.webm") -> dict:
        answer = self.client.post("/api/videos/uploads", json={
            "filename": filename, "content_type": content_type, "size": len(data)})
        assert answer.status_code == 201, answer.get_json()
        return answer.get_json()

    def send(self, upload: dict, data: bytes, numbers=None) -> None:
        for part in upload["parts"]:
            if numbers is None or part["part_number"] in numbers:
                start = (part["part_number"] - 1) * upload["part_size"]
                answer = self.client.put(part["url"], data=data[start:start + part["size"]])
                assert answer.status_code == 200, answer.get_json()

    def complete(self, video_id: str):
        return self.client.post(f"/api/videos/uploads/{video_id}/complete")

    def settle(self) -> None:
        assert self.app.extensions["together"].worker.join(timeout=WAIT_S)

    def upload(self, data: bytes, content_type="video/webm") -> str:
        upload = self.start(data, content_type)
        self.send(upload, data)
        assert self.complete(upload["video_id"]).status_code == 202
        self.settle()
        return upload["video_id"]

    def get(self, video_id: str) -> dict:
        answer = self.client.get(f"/api/videos/{video_id}")
        assert answer.status_code == 200, answer.get_json()
        return answer.get_json()


@pytest.fixture
def videos(app, client, auth):
    auth.sign_in("editor@example.com")
    return Videos(app, client)


def fetch(client, url: str, **headers) -> tuple[int, str, bytes]:
    """GET a media URL the way the player does (and close the file behind it)."""
    with client.get(url, headers=headers) as answer:
        return answer.status_code, answer.mimetype, answer.get_data()


def signed_in(app, email: str):
    """Another person on another phone."""
    other = app.test_client()
    Auth(other).sign_in(email)
    return other


def test_an_upload_becomes_h264_renditions_and_a_poster(videos, client, clips):
    video = videos.get(videos.upload(clips["clip_webm"]))

    assert video["status"] == "ready" and video["reason"] is None
    assert video["duration_s"] == pytest.approx(2.0, abs=0.1)
    assert (video["width"], video["height"]) == (640, 480)
    assert [(r["name"], r["width"], r["height"]) for r in video["renditions"]] == [
        ("720p", 640, 480), ("360p", 480, 360)]
    for rendition in video["renditions"]:
        status, mimetype, _ = fetch(client, rendition["url"], Range="bytes=0-63")
        assert (status, mimetype) == (206, "video/mp4")
        whole = fetch(client, rendition["url"])[2]
        assert b"avc1" in whole and b"mp4a" in whole  # H.264 and AAC
        assert whole.index(b"moov") < whole.index(b"mdat")  # +faststart: plays while loading
    _, mimetype, poster = fetch(client, video["poster"]["url"])
    assert mimetype == "image/jpeg" and poster[:2] == b"\xff\xd8"
    assert (video["poster"]["width"], video["poster"]["height"]) == (640, 480)


def test_a_recording_without_a_duration_in_its_header_is_measured(videos, clips):
    video = videos.get(videos.upload(clips["recorded_webm"]))

    assert video["status"] == "ready"
    assert video["duration_s"] == pytest.approx(2.0, abs=0.1)


def test_a_resumed_upload_sends_only_the_missing_parts(videos, app, clips):
    data = clips["text"] * (9 * MiB // len(clips["text"]) + 1)  # two parts: 8 MiB and the rest
    upload = videos.start(data)
    assert upload["part_size"] == 8 * MiB and upload["part_count"] == 2
    assert [p["part_number"] for p in upload["parts"]] == [1, 2]
    videos.send(upload, data, numbers={1})

    resumed = videos.client.get(f"/api/videos/uploads/{upload['video_id']}").get_json()

    assert resumed["parts_done"] == [1]
    assert [(p["part_number"], p["size"]) for p in resumed["parts"]] == [
        (2, len(data) - 8 * MiB)]
    missing = videos.complete(upload["video_id"])
    assert missing.status_code == 409
    assert missing.get_json()["error"]["fields"] == {"missing_parts": [2]}
    videos.send(resumed, data)
    assert videos.complete(upload["video_id"]).status_code == 202
    videos.settle()
    video = videos.get(upload["video_id"])
    assert (video["status"], video["reason"]) == ("failed", "not_video")
    media = app.extensions["together"].media
    stored = media.head(f"uploads/{upload['video_id']}/original.webm")
    assert stored["size"] == len(data)  # the original is kept after a failure


@pytest.mark.parametrize(("clip", "reason", "en", "zh"), [
    ("text", "not_video", "The file is not a video.", "该文件不是视频。"),
    ("long_mp4", "too_long", "The video is longer than 10 minutes.", "视频时长超过 10 分钟。"),
    ("damaged_mp4", "damaged", "The video file is damaged. Record or export it again.",
     "视频文件已损坏，请重新录制或导出。"),
])
def test_a_failed_video_says_why_in_the_persons_language(videos, clips, clip, reason, en, zh):
    video_id = videos.upload(clips[clip], content_type="video/mp4")

    video = videos.get(video_id)  # the editor, Chen Hao, reads Chinese
    assert (video["status"], video["reason"], video["reason_message"]) == ("failed", reason, zh)
    assert video["renditions"] == [] and video["poster"] is None
    videos.client.patch("/api/me", json={"language": "en"})
    assert videos.get(video_id)["reason_message"] == en


def test_a_part_url_takes_exactly_its_part_and_nothing_else(videos, app):
    upload = videos.start(b"v" * 100)
    [part] = upload["parts"]

    too_big = videos.client.put(part["url"], data=b"v" * (20 * MiB))
    too_small = videos.client.put(part["url"], data=b"v" * 99)

    assert too_big.status_code == 413
    assert too_big.get_json()["error"]["code"] == "payload_too_large"
    assert too_small.status_code == 422
    assert too_small.get_json()["error"]["code"] == "invalid_input"
    resumed = videos.client.get(f"/api/videos/uploads/{upload['video_id']}").get_json()
    assert resumed["parts_done"] == []
    media = app.extensions["together"].media
    assert media.list_parts(f"uploads/{upload['video_id']}/original.webm",
                            service.get(app.extensions["together"].store,
                                        upload["video_id"])["upload_id"]) == []
    assert videos.client.put(part["url"], data=b"v" * 100).status_code == 200


@pytest.mark.parametrize(("body", "field"), [
    ({"content_type": "image/png"}, "content_type"),
    ({"content_type": "application/pdf"}, "content_type"),
    ({"size": 0}, "size"),
    ({"size": 500 * MiB + 1}, "size"),
    ({"size": "12"}, "size"),
    ({"filename": ""}, "filename"),
    ({"extra": 1}, "extra"),
])
def test_an_upload_outside_the_limits_is_refused_with_the_field(videos, body, field):
    answer = videos.client.post("/api/videos/uploads", json={
        "filename": "a.webm", "content_type": "video/webm", "size": 1000, **body})

    assert answer.status_code == 422
    assert field in answer.get_json()["error"]["fields"]


def test_the_size_limit_is_said_in_megabytes_in_the_persons_language(videos):
    answer = videos.client.post("/api/videos/uploads", json={
        "filename": "a.mov", "content_type": "video/quicktime", "size": 600 * MiB})

    assert answer.get_json()["error"]["message"] == "视频太大。视频最大为 500 MB。"
    videos.client.patch("/api/me", json={"language": "en"})
    again = videos.client.post("/api/videos/uploads", json={
        "filename": "a.mov", "content_type": "video/quicktime", "size": 600 * MiB})
    assert again.get_json()["error"]["message"] == (
        "This video is too large. Videos can be up to 500 MB.")


def test_completing_twice_processes_once(videos, clips):
    data = clips["clip_webm"]
    upload = videos.start(data)
    videos.send(upload, data)

    first, second = videos.complete(upload["video_id"]), videos.complete(upload["video_id"])
    videos.settle()

    assert first.status_code == second.status_code == 202
    assert videos.get(upload["video_id"])["status"] == "ready"


def test_only_the_uploader_and_hr_see_a_video(videos, app, clips):
    video_id = videos.upload(clips["clip_webm"])

    employee = signed_in(app, "employee@example.com")
    assert employee.get(f"/api/videos/{video_id}").status_code == 404
    assert employee.get(f"/api/videos/uploads/{video_id}").status_code == 404
    assert employee.delete(f"/api/videos/{video_id}").status_code == 404
    assert signed_in(app, "hr@example.com").get(f"/api/videos/{video_id}").status_code == 200
    mine = videos.client.get("/api/videos").get_json()
    assert [v["video_id"] for v in mine["items"]] == [video_id]


def test_an_employee_may_not_start_an_upload(app):
    employee = signed_in(app, "employee@example.com")

    answer = employee.post("/api/videos/uploads", json={
        "filename": "clip.webm", "content_type": "video/webm", "size": 1000})

    assert answer.status_code == 403
    assert answer.get_json()["error"]["code"] == "forbidden"
    assert employee.get("/api/videos").get_json()["items"] == []


def test_deleting_a_video_removes_its_files(videos, app, clips):
    video_id = videos.upload(clips["clip_webm"])
    media = app.extensions["together"].media
    assert media.head(f"videos/{video_id}/video-720p.mp4")

    assert videos.client.delete(f"/api/videos/{video_id}").status_code == 204

    assert videos.client.get(f"/api/videos/{video_id}").status_code == 404
    for name in ("video-720p.mp4", "video-360p.mp4", "video-poster.jpg"):
        assert media.head(f"videos/{video_id}/{name}") is None
    assert media.head(f"uploads/{video_id}/original.webm") is None


def test_a_failure_on_our_side_can_be_retried(videos, app, clips, monkeypatch):
    transcoder = app.extensions["together"].transcode
    real = transcoder.submit

    def disk_full(job):
        raise OSError("No space left on device")

    monkeypatch.setattr(transcoder, "submit", disk_full)
    video_id = videos.upload(clips["clip_webm"])
    failed = videos.get(video_id)
    assert (failed["status"], failed["reason"]) == ("failed", "internal")
    monkeypatch.setattr(transcoder, "submit", real)

    answer = videos.client.post(f"/api/videos/{video_id}/retry")
    videos.settle()

    assert answer.status_code == 202
    assert videos.get(video_id)["status"] == "ready"
    again = videos.client.post(f"/api/videos/{video_id}/retry")
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "conflict"


def test_a_job_that_ends_after_the_video_was_deleted_leaves_no_files(videos, app, clips):
    data = clips["clip_webm"]
    upload = videos.start(data)
    videos.send(upload, data)
    a = app.extensions["together"]
    service.complete_upload(a.store, a.media, {"id": "E0002"}, upload["video_id"], 0)
    a.media.put_bytes(f"videos/{upload['video_id']}/video-720p.mp4", b"late", "video/mp4")
    assert videos.client.delete(f"/api/videos/{upload['video_id']}").status_code == 204

    late = Outcome(upload["video_id"], duration_s=2.0, renditions={
        "720p": Output(f"videos/{upload['video_id']}/video-720p.mp4", 640, 480)})
    assert service.finish(a.store, a.media, a.events, late, 0) is None
    assert a.media.head(f"videos/{upload['video_id']}/video-720p.mp4") is None


@pytest.mark.parametrize("path", ["/api/videos/nope", "/api/videos/uploads/nope",
                                  "/api/videos/01J0000000000000000000000"])
def test_unknown_videos_are_404_in_the_error_shape(videos, path):
    answer = videos.client.get(path)

    assert answer.status_code == 404
    assert answer.get_json()["error"]["code"] == "not_found"


def test_the_transcoder_follows_the_configuration(tmp_path):
    embedded = create_app({"TOGETHER_DATA_DIR": str(tmp_path), "TOGETHER_SECRET_KEY": "t"})
    aws = create_app({**AWS_ENV, "TOGETHER_MEDIACONVERT_ROLE_ARN": "arn:aws:iam::1:role/mc"})

    assert isinstance(embedded.extensions["together"].transcode, FfmpegTranscoder)
    assert embedded.extensions["together"].worker is not None
    transcoder = aws.extensions["together"].transcode
    assert isinstance(transcoder, MediaConvertTranscoder)
    assert (transcoder.bucket, transcoder.role_arn) == ("b", "arn:aws:iam::1:role/mc")
    assert aws.extensions["together"].worker is None  # S3's event starts the worker there
    for wrong, named in (({"TOGETHER_TRANSCODE": "gstreamer"}, "TOGETHER_TRANSCODE"),
                         ({"TOGETHER_TRANSCODE": "mediaconvert"}, "TOGETHER_MEDIA=s3")):
        with pytest.raises(ConfigError, match=named):
            Config.from_env({"TOGETHER_DATA_DIR": str(tmp_path), **wrong})


class Crash(BaseException):
    """The worker process dies here (not an error the code could catch and record)."""


def crashing(monkeypatch, transcoder):
    def die(job):
        raise Crash()

    monkeypatch.setattr(transcoder, "submit", die)


def test_a_video_a_crash_left_processing_is_requeued_by_the_sweep(videos, app, clips, clock,
                                                                 monkeypatch):
    from functions.videos.sweep import STUCK_S
    from functions.workers import sweep_videos

    a = app.extensions["together"]
    real = a.transcode.submit
    crashing(monkeypatch, a.transcode)
    video_id = videos.upload(clips["clip_webm"])
    assert videos.get(video_id)["status"] == "processing"  # for ever, without the sweep
    assert videos.client.post(f"/api/videos/{video_id}/retry").status_code == 409

    # Not stuck yet: it may be working.
    assert sweep_videos(a) == {"requeued": 0, "failed": 0, "abandoned": 0}
    monkeypatch.setattr(a.transcode, "submit", real)
    clock.advance(STUCK_S + 1)
    assert sweep_videos(a) == {"requeued": 1, "failed": 0, "abandoned": 0}
    videos.settle()

    assert videos.get(video_id)["status"] == "ready"
    assert sweep_videos(a) == {"requeued": 0, "failed": 0, "abandoned": 0}


def test_a_video_stuck_twice_fails_with_a_reason_and_can_be_retried(videos, app, clips, clock,
                                                                   monkeypatch):
    from functions.workers import sweep_videos

    a = app.extensions["together"]
    real = a.transcode.submit
    crashing(monkeypatch, a.transcode)
    video_id = videos.upload(clips["clip_webm"])
    # At start-up.
    assert sweep_videos(a, everything=True) == {"requeued": 1, "failed": 0, "abandoned": 0}
    videos.settle()  # it crashes again
    assert sweep_videos(a, everything=True) == {"requeued": 0, "failed": 1, "abandoned": 0}

    failed = videos.get(video_id)
    assert (failed["status"], failed["reason"]) == ("failed", "internal")
    monkeypatch.setattr(a.transcode, "submit", real)
    assert videos.client.post(f"/api/videos/{video_id}/retry").status_code == 202
    videos.settle()
    assert videos.get(video_id)["status"] == "ready"


def test_an_upload_left_unfinished_for_a_day_is_aborted_and_its_video_fails(videos, app, clock):
    from functions.videos.sweep import ABANDONED_S
    from functions.workers import sweep_videos

    a = app.extensions["together"]
    data = b"v" * 100
    upload = videos.start(data)
    videos.send(upload, data)  # every part sent, never completed
    video = service.get(a.store, upload["video_id"])
    clock.advance(ABANDONED_S - 1)
    assert sweep_videos(a, everything=True)["abandoned"] == 0  # a restart keeps uploads going
    clock.advance(2)

    assert sweep_videos(a) == {"requeued": 0, "failed": 0, "abandoned": 1}

    failed = videos.get(upload["video_id"])
    assert (failed["status"], failed["reason"]) == ("failed", "abandoned")
    assert failed["reason_message"] == "上传未在一天内完成，请重新发送视频。"
    with pytest.raises(MediaNotFound):
        a.media.list_parts(video["original_key"], video["upload_id"])
    assert videos.complete(upload["video_id"]).get_json()["status"] == "failed"
    assert a.media.head(video["original_key"]) is None
    assert sweep_videos(a)["abandoned"] == 0


def test_the_sweep_leaves_a_completed_upload_alone(videos, app, clock, clips):
    from functions.videos.sweep import ABANDONED_S
    from functions.workers import sweep_videos

    video_id = videos.upload(clips["clip_webm"])
    clock.advance(ABANDONED_S + 1)

    assert sweep_videos(app.extensions["together"])["abandoned"] == 0
    assert videos.get(video_id)["status"] == "ready"
