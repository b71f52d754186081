"""What the stories tests share: a server of their own, phones signed in on it, a recording."""

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import demo_app, serving, wait_until
from tests.e2e.test_news import Phone
from tests.e2e.uploads import wait_until_processed

# The chunks a recording has kept in IndexedDB so far (a condition's value, in the page).
STORED_CHUNKS = ("import('/app/video/chunk-store.js').then((c) => c.recordings())"
                 ".then((r) => r.reduce((n, x) => n + x.stored, 0))")


@pytest.fixture(scope="module")
def stories_server(tmp_path_factory):
    app = demo_app(tmp_path_factory.mktemp("stories"))
    with serving(app) as url:
        yield app, url


@pytest.fixture
def phones(browser, browser_context_args, stories_server):
    app, url = stories_server
    opened = []

    def open_as(email: str, language: str = "en", **extra) -> Phone:
        phone = Phone(browser, browser_context_args, app, url, email, **extra)
        phone.page.request.patch("/api/me", data={"language": language})
        opened.append(phone)
        return phone

    yield open_as
    for phone in opened:
        phone.close()


def open_recorder(page: Page) -> None:
    page.goto("/stories/record")
    expect(page.get_by_role("button", name="Start recording")).to_be_enabled()
    wait_until(page, "document.querySelector('.record-live')?.readyState >= 2")


def record(page: Page, seconds: int, *, stop: bool = True) -> None:
    """Presses record, lets the countdown run, and records `seconds` of the fake camera."""
    page.get_by_role("button", name="Start recording").click()
    timer = page.get_by_role("timer")
    expect(timer).to_have_text(re.compile(rf"^0:0{seconds}"), timeout=(seconds + 3) * 1000 + 15_000)
    if stop:
        page.get_by_role("button", name="Stop recording").click()
        expect(page.get_by_label("Your recording")).to_be_visible()


def share_recording(page: Page, caption: str, tag: str | None = "Working from home") -> None:
    """Writes the caption, picks a tag and shares the recording on screen."""
    page.get_by_label("Caption").fill(caption)
    if tag:
        page.locator(".tag-choice", has_text=tag).click()
    page.get_by_role("button", name="Share story").click()


def story_of_video(app, video_id: str) -> dict:
    from functions.videos import service as videos
    return videos.get(app.extensions["together"].store, video_id)


def upload_clip(page: Page, app, clip: Path) -> str:
    """A story posted, uploaded and processed through the API as the page's person: its id."""
    data = clip.read_bytes()
    answer = page.request.post("/api/stories", data={
        "caption": "Morning at the warehouse", "caption_lang": "en", "tags": ["front_line"],
        "filename": clip.name, "content_type": "video/mp4", "size": len(data)})
    assert answer.status == 201, answer.text()
    story, upload = answer.json()["story"], answer.json()["upload"]
    for part in upload["parts"]:
        start = (part["part_number"] - 1) * upload["part_size"]
        sent = page.request.put(part["url"], data=data[start:start + part["size"]])
        assert sent.ok, sent.text()
    done = page.request.post(f"/api/videos/uploads/{upload['video_id']}/complete")
    assert done.status == 202, done.text()
    video = wait_until_processed(page, app, upload["video_id"], 2)
    assert video["status"] == "ready", video
    return story["id"]


def released_stories(page: Page, app, clip: Path, count: int) -> list[str]:
    """`count` released stories sharing one transcoded clip (ffmpeg runs once): oldest first.

    The first goes through the API; the others are made by the stories service with a copy of
    its ready video item (same rendition files), then released by HR, as the API would.
    """
    from functions.directory.service import find_by_email
    from functions.stories import moderation
    from functions.stories import service as stories
    from functions.videos.service import video_key

    store, media = app.extensions["together"].store, app.extensions["together"].media
    first = upload_clip(page, app, clip)
    ready = store.get(*video_key(stories.get(store, first)["video_id"]))
    hr = find_by_email(store, "hr@example.com")
    now = int(time.time())
    ids = [first]
    for n in range(count - 1):
        author = find_by_email(store, f"staff{n % 8 + 13:04d}@example.com")
        story, upload = stories.create(store, media, author, {
            "caption": f"Story {n + 2} of {count}", "caption_lang": "en", "tags": [],
            "filename": "story.mp4", "content_type": "video/mp4", "size": clip.stat().st_size},
            now)
        video = {k: v for k, v in ready.items() if not k.startswith("gsi")}
        video |= {"pk": video_key(upload["video_id"])[0], "video_id": upload["video_id"],
                  "story_id": story["id"], "owner_id": author["id"]}
        store.put(video)
        stories.video_settled(store, video)
        ids.append(story["id"])
    for n, story_id in enumerate(ids):
        moderation.release(store, hr, story_id, now + n)
    return ids
