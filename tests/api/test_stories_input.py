"""Stories with bad input: the author reads why in words, in their language; HR's settings."""

import pytest

from functions.transcode.ffmpeg import FfmpegTranscoder
from functions.transcode.port import Outcome, Output
from tests.api.stories_helpers import AUTHOR, COLLEAGUE, EDITOR, HR, Stories, make_clips

MiB = 1024 * 1024


@pytest.fixture(scope="session")
def story_clips(tmp_path_factory):
    return make_clips(tmp_path_factory.mktemp("story-input-clips"))


@pytest.fixture
def stories(app, clock, story_clips):
    return Stories(app, clock, story_clips)


def test_a_story_video_over_100_mb_is_refused_in_words_in_the_persons_language(stories):
    too_big = stories.start(AUTHOR, size=100 * MiB + 1)
    chinese = stories.start(EDITOR, size=300 * MiB)

    assert too_big.status_code == 422
    assert too_big.get_json()["error"]["fields"]["size"] == [
        "This video is too large. Videos can be up to 100 MB."]
    assert chinese.get_json()["error"]["message"] == "视频太大。视频最大为 100 MB。"
    assert stories.page(AUTHOR, "/api/stories/mine")["items"] == []


def test_news_uploads_keep_their_own_limit_and_stay_closed_to_employees(stories):
    employee = stories.phone(AUTHOR).post("/api/videos/uploads", json={
        "filename": "a.webm", "content_type": "video/webm", "size": 1000})
    editor = stories.phone(EDITOR).post("/api/videos/uploads", json={
        "filename": "a.webm", "content_type": "video/webm", "size": 300 * MiB})

    assert employee.status_code == 403
    assert editor.status_code == 201


@pytest.mark.parametrize(("clip", "reason", "en"), [
    ("text", "not_video", "The file is not a video."),
    ("long_mp4", "too_long", "The video is longer than 60 seconds."),
    ("damaged_webm", "damaged", "The video file is damaged. Record or export it again."),
])
def test_a_story_whose_video_fails_tells_its_author_why_in_words(stories, clip, reason, en):
    story_id = stories.post(AUTHOR, clip=clip)

    shown = stories.story(AUTHOR, story_id)
    assert (shown["status"], shown["reason"], shown["reason_message"]) == ("failed", reason, en)
    assert stories.feed(HR, "/api/stories/queue") == []


def test_the_too_long_message_follows_hr_s_limit_and_the_authors_language(stories):
    stories.phone(HR).put("/api/stories/settings", json={
        "max_seconds": 30, "tags": [{"id": "wfh", "label": {"en": "WFH", "zh-CN": "居家"}}]})

    story_id = stories.post(EDITOR, clip="long_mp4")

    assert stories.story(EDITOR, story_id)["reason_message"] == "视频时长超过 30 秒。"


def test_a_recording_without_a_duration_comes_out_with_one_and_plays_while_loading(
        stories, tmp_path):
    assert FfmpegTranscoder(None).probe(_saved(tmp_path / "in.webm", stories.clips[
        "recorded_webm"])).duration_s is None  # as MediaRecorder writes it

    story_id = stories.post(AUTHOR, clip="recorded_webm")

    video = stories.story(AUTHOR, story_id)["video"]
    assert video["duration_s"] == pytest.approx(2.0, abs=0.1)
    for rendition in video["renditions"]:
        with stories.phone(AUTHOR).get(rendition["url"]) as answer:
            whole = answer.get_data()
        assert whole.index(b"moov") < whole.index(b"mdat")  # +faststart: seekable at once
        made = FfmpegTranscoder(None).probe(_saved(tmp_path / "out.mp4", whole))
        assert made.duration_s == pytest.approx(2.0, abs=0.15)  # in the file's own header
    assert video["poster"]


def _saved(path, data: bytes):
    path.write_bytes(data)
    return path


def test_a_transcoder_that_learns_the_length_only_at_the_end_applies_the_story_limit(
        stories, monkeypatch):
    """MediaConvert: the length is known when the job ends; the story's limit applies then,
    news's ten minutes to a news video."""
    a = stories.adapters

    def transcoded(job):
        key = f"{job.output_prefix}video-720p.mp4"
        a.media.put_bytes(key, b"mp4", "video/mp4")
        return Outcome(job.video_id, duration_s=75.0, renditions={"720p": Output(key, 320, 240)})

    monkeypatch.setattr(a.transcode, "submit", transcoded)
    story_id = stories.post(AUTHOR)
    news_upload = stories.phone(EDITOR).post("/api/videos/uploads", json={
        "filename": "n.webm", "content_type": "video/webm", "size": 3})
    news_id = news_upload.get_json()["video_id"]
    stories.phone(EDITOR).put(news_upload.get_json()["parts"][0]["url"], data=b"abc")
    stories.phone(EDITOR).post(f"/api/videos/uploads/{news_id}/complete")
    assert a.worker.join(timeout=60)

    shown = stories.story(AUTHOR, story_id)
    assert (shown["status"], shown["reason"]) == ("failed", "too_long")
    assert stories.files(stories.video_id(story_id)) == [
        f"uploads/{stories.video_id(story_id)}/original.webm"]  # the outputs are dropped
    assert stories.phone(EDITOR).get(f"/api/videos/{news_id}").get_json()["status"] == "ready"


def test_a_caption_with_markup_is_stored_as_written(stories):
    caption = '<img src=x onerror="alert(1)"> 加油 & <b>thanks</b>'

    story_id = stories.post(AUTHOR, caption=caption, caption_lang="zh-CN")

    shown = stories.story(AUTHOR, story_id)
    assert (shown["caption"], shown["caption_lang"]) == (caption, "zh-CN")


@pytest.mark.parametrize(("body", "field"), [
    ({"caption": "x" * 281}, "caption"),
    ({"caption_lang": "fr"}, "caption_lang"),
    ({"tags": ["gardening"]}, "tags"),
    ({"tags": ["wfh", "family", "front_line", "wfh"]}, "tags"),
    ({"content_type": "application/pdf"}, "content_type"),
    ({"size": 0}, "size"),
])
def test_a_story_outside_the_rules_is_refused_with_the_field(stories, body, field):
    answer = stories.start(AUTHOR, **body)

    assert answer.status_code == 422
    assert field in answer.get_json()["error"]["fields"]


def test_a_caption_of_280_chinese_characters_is_accepted(stories):
    assert stories.start(AUTHOR, caption="加" * 280).status_code == 201


def test_hr_keeps_the_tags_and_the_recording_limit(stories):
    settings = {"max_seconds": 90, "tags": [
        {"id": "night_shift", "label": {"en": "Night shift", "zh-CN": "夜班"}},
        {"id": "family", "label": {"en": "Family", "zh-CN": "家人"}}]}

    assert stories.phone(EDITOR).put("/api/stories/settings", json=settings).status_code == 403
    assert stories.phone(HR).put("/api/stories/settings", json=settings).status_code == 200

    assert stories.page(COLLEAGUE, "/api/stories/settings") == settings
    assert stories.start(AUTHOR, tags=["night_shift"]).status_code == 201
    assert stories.start(AUTHOR, tags=["wfh"]).status_code == 422


def test_ten_stories_a_day_then_the_author_is_asked_to_wait(stories):
    for _ in range(10):
        assert stories.start(AUTHOR).status_code == 201

    assert stories.start(AUTHOR).status_code == 429


def test_a_story_s_video_is_deleted_with_the_story_not_on_its_own(stories):
    story_id = stories.post(AUTHOR)
    video_id = stories.video_id(story_id)

    answer = stories.phone(AUTHOR).delete(f"/api/videos/{video_id}")

    assert answer.status_code == 409
    assert answer.get_json()["error"]["code"] == "conflict"
    assert stories.story(AUTHOR, story_id)["video"]["status"] == "ready"


def test_a_story_whose_video_failed_on_our_side_waits_for_release_once_retried(stories,
                                                                                 monkeypatch):
    transcoder = stories.adapters.transcode
    real = transcoder.submit

    def disk_full(job):
        raise OSError("No space left on device")

    monkeypatch.setattr(transcoder, "submit", disk_full)
    story_id = stories.post(AUTHOR)
    assert stories.story(AUTHOR, story_id)["reason"] == "internal"
    monkeypatch.setattr(transcoder, "submit", real)

    retried = stories.phone(AUTHOR).post(f"/api/videos/{stories.video_id(story_id)}/retry")
    assert retried.status_code == 202
    assert stories.adapters.worker.join(timeout=60)

    shown = stories.story(AUTHOR, story_id)
    assert (shown["status"], shown["reason"]) == ("quarantine", None)
    assert stories.feed(HR, "/api/stories/queue") == [story_id]
