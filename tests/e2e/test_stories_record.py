"""Recording a story on the phone: the fake camera, the preview, a crash, a refused camera."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import screenshot, wait_until
from tests.e2e.stories import (
    STORED_CHUNKS,
    open_recorder,
    phones,
    record,
    share_recording,
    stories_server,
)
from tests.e2e.uploads import PART_S, UploadWatch, poll, wait_until_processed

pytestmark = pytest.mark.e2e
__all__ = ["phones", "stories_server"]


def test_three_seconds_recorded_play_back_in_the_preview(phones):
    page = phones("employee@example.com").page
    open_recorder(page)
    screenshot(page, "stories-recorder-en")
    record(page, 3)
    preview = page.get_by_label("Your recording")
    wait_until(page, "document.querySelector('.record-preview').readyState >= 1")
    kind = page.evaluate("import('/app/video/chunk-store.js').then((c) => c.recordings())"
                         ".then((r) => [r[0].mimeType, r[0].state, r[0].stored])")
    assert kind[0].startswith(("video/webm", "video/mp4")) and kind[1] == "recorded"
    assert kind[2] >= 3, kind  # a chunk a second, kept as they came
    expect(preview).to_be_visible()
    expect(page.get_by_label("Caption")).to_be_visible()
    screenshot(page, "stories-preview-en")


def test_a_recording_cut_off_by_a_reload_is_recovered_and_uploaded(phones, stories_server):
    app, _ = stories_server
    page = phones("employee@example.com").page
    open_recorder(page)
    record(page, 3, stop=False)
    wait_until(page, f"{STORED_CHUNKS}.then((n) => n >= 2)")
    page.reload()  # as a crash or a closed tab would: MediaRecorder never said "stop"
    expect(page.get_by_role("heading", name="You have an unfinished recording")).to_be_visible()
    screenshot(page, "stories-recovered-en")
    page.get_by_role("button", name="Use it").click()
    expect(page.get_by_label("Your recording")).to_be_visible()
    wait_until(page, "document.querySelector('.record-preview').readyState >= 1")
    held = []  # the part waits here, so the progress bar can be seen
    page.route("**/api/media/local/parts**", lambda route: held.append(route))
    with UploadWatch(app, page) as watch:
        share_recording(page, "Recovered after a reload", tag=None)
        poll(page, lambda: held, PART_S, "the part sent")
        bar = page.get_by_role("progressbar", name="Upload progress")
        expect(bar).to_be_visible()
        screenshot(page, "stories-uploading-en")
        for route in held:
            route.continue_()
        page.unroute("**/api/media/local/parts**")
        video_id = watch.wait_for_completion()
    video = wait_until_processed(page, app, video_id, 3)
    assert video["status"] == "ready", video
    # The seconds kept before the reload: not fewer, nor the countdown's too.
    assert 1.5 <= video["duration_s"] <= 4.5, video
    expect(page.get_by_role("heading", name="Shared: waiting for review")).to_be_visible()


def test_a_refused_camera_says_so_and_offers_the_file_picker(phones):
    phone = phones("employee@example.com")
    page = phone.page
    page.add_init_script("""navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException("Permission denied", "NotAllowedError"));""")
    page.goto("/stories/record")
    expect(page.get_by_role("alert")).to_contain_text("The camera is not allowed")
    picker = page.locator(".record-body input[type=file]")
    expect(picker).to_have_attribute("accept", "video/mp4,video/quicktime,video/webm,video/*")
    expect(page.get_by_text("Choose from phone")).to_be_visible()
    screenshot(page, "stories-nocamera-en")


def test_an_upload_cut_off_by_a_reload_carries_on_from_the_stories_tab(phones, stories_server):
    app, _ = stories_server
    page = phones("employee@example.com").page
    open_recorder(page)
    record(page, 2)
    held = []  # the part never gets through before the reload
    page.route("**/api/media/local/parts**", lambda route: held.append(route))
    share_recording(page, "Cut off by a reload", tag=None)
    poll(page, lambda: held, PART_S, "the part sent")
    page.reload()
    page.unroute_all(behavior="ignoreErrors")
    with UploadWatch(app, page) as watch:
        page.goto("/stories?tab=mine")
        video_id = watch.wait_for_completion()
    assert wait_until_processed(page, app, video_id, 2)["status"] == "ready"
    wait_until(page, "import('/app/video/chunk-store.js').then((c) => c.recordings())"
                     ".then((r) => r.length === 0)")
    page.reload()
    expect(page.locator(".story-row").first).to_contain_text("Cut off by a reload")
    expect(page.locator(".story-row").first).to_contain_text("Waiting for review")


def test_the_recording_stops_by_itself_at_hrs_limit(phones):
    hr = phones("hr@example.com").page
    settings = hr.request.get("/api/stories/settings").json()
    assert hr.request.put("/api/stories/settings", data={**settings, "max_seconds": 10}).ok
    try:
        page = phones("employee@example.com").page
        open_recorder(page)
        expect(page.get_by_role("timer")).to_have_text("0:00 / 0:10")
        page.get_by_role("button", name="Start recording").click()
        # Nobody presses stop: at 0:10 the preview comes by itself.
        expect(page.get_by_label("Your recording")).to_be_visible(timeout=(3 + 10) * 1000 + 15_000)
        seconds = page.evaluate("import('/app/video/chunk-store.js').then((c) => c.recordings())"
                                ".then((r) => r[0].seconds)")
        assert seconds == 10
    finally:
        assert hr.request.put("/api/stories/settings", data=settings).ok
