"""A story from the phone's camera to a colleague's feed, and what people do with it there."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.clips import short_clip
from tests.e2e.conftest import OUTBOX_EMPTY, screenshot, wait_until
from tests.e2e.stories import (
    open_recorder,
    phones,
    record,
    share_recording,
    stories_server,
    story_of_video,
    upload_clip,
)
from tests.e2e.uploads import UploadWatch, wait_until_processed

pytestmark = pytest.mark.e2e
__all__ = ["phones", "stories_server"]
COLLEAGUE = "staff0009@example.com"  # Retail, Wuhan, like the author


def playing(story_id: str) -> str:
    return (f"(() => {{ const v = document.querySelector(\".story-slide[data-story='{story_id}'] "
            "video\"); return Boolean(v && !v.paused && v.currentTime > 0.2); })()")


def test_a_recorded_story_is_released_by_hr_and_plays_in_a_colleagues_feed(phones, stories_server):
    app, _ = stories_server
    page = phones("employee@example.com").page
    open_recorder(page)
    record(page, 3)
    with UploadWatch(app, page) as watch:
        share_recording(page, "Packing orders at my kitchen table")
        expect(page.locator(".story-progress")).to_be_visible()
        screenshot(page, "stories-sharing-en")
        video_id = watch.wait_for_completion()
    video = wait_until_processed(page, app, video_id, 3)
    assert video["status"] == "ready", video
    story_id = story_of_video(app, video_id)["story_id"]
    expect(page.get_by_role("heading", name="Shared: waiting for review")).to_be_visible()
    wait_until(page, "import('/app/video/chunk-store.js').then((c) => c.recordings())"
                     ".then((r) => r.length === 0)")  # the phone's copy is freed

    page.goto("/stories?tab=mine")
    row = page.locator(f".story-row[data-story='{story_id}']")
    expect(row).to_contain_text("Waiting for review")
    expect(row).to_contain_text("Packing orders at my kitchen table")
    screenshot(page, "stories-mine-en")

    hr = phones("hr@example.com").page
    hr.goto("/tools/stories")
    card = hr.locator(f".review-card[data-story='{story_id}']")
    expect(card).to_contain_text("Packing orders at my kitchen table")
    screenshot(hr, "stories-moderation-en")
    card.get_by_role("button", name="Release").click()
    expect(hr.get_by_text("Released: colleagues see it in their feed.")).to_be_visible()
    expect(card).to_have_count(0)

    colleague = phones(COLLEAGUE).page
    colleague.goto("/stories")
    slide = colleague.locator(f".story-slide[data-story='{story_id}']")
    expect(slide).to_contain_text("Packing orders at my kitchen table")
    wait_until(colleague, playing(story_id))
    assert slide.locator("video").evaluate("(v) => v.muted")  # sound only after a tap
    slide.get_by_role("button", name="Turn sound on").click()
    assert not slide.locator("video").evaluate("(v) => v.muted")
    screenshot(colleague, "stories-feed-en")


def test_a_reaction_counts_once_though_pressed_twice_and_replayed(phones, stories_server, tmp_path):
    app, _ = stories_server
    author = phones("employee@example.com").page
    story_id = upload_clip(author, app, short_clip(tmp_path))
    hr = phones("hr@example.com").page
    assert hr.request.post(f"/api/stories/{story_id}/release").ok

    page = phones(COLLEAGUE).page
    page.goto("/stories")
    slide = page.locator(f".story-slide[data-story='{story_id}']")
    keep_going = slide.get_by_role("button", name="加油 keep going")
    keep_going.click()
    keep_going.click()
    expect(keep_going).to_have_attribute("aria-pressed", "true")
    expect(keep_going.locator(".reaction-count")).to_have_text("1")
    wait_until(page, OUTBOX_EMPTY)
    # The outbox sends it again (its answer lost on the way back): still one.
    page.evaluate(f"""import('/app/outbox.js').then(async (o) => {{
      await o.enqueue({{url: '/api/stories/{story_id}/reactions', body: {{kind: 'keep_going'}}}});
      await o.flush({{force: true}});
    }})""")
    wait_until(page, OUTBOX_EMPTY)
    story = page.request.get(f"/api/stories/{story_id}").json()
    assert story["reactions"]["keep_going"] == 1, story["reactions"]
    assert story["mine"]["keep_going"] is True
    page.reload()
    expect(keep_going).to_have_attribute("aria-pressed", "true")
    expect(keep_going.locator(".reaction-count")).to_have_text("1")


def test_a_story_shared_offline_waits_and_uploads_when_the_network_returns(phones,
                                                                          stories_server):
    app, _ = stories_server
    phone = phones("employee@example.com")
    page = phone.page
    open_recorder(page)
    record(page, 2)
    phone.context.set_offline(True)
    share_recording(page, "Shared from the basement", tag=None)
    expect(page.get_by_role("heading", name="Kept on this phone")).to_be_visible()
    screenshot(page, "stories-kept-offline-en")
    with UploadWatch(app, page) as watch:
        phone.context.set_offline(False)
        video_id = watch.wait_for_completion()
    video = wait_until_processed(page, app, video_id, 2)
    assert video["status"] == "ready", video
    expect(page.get_by_role("heading", name="Shared: waiting for review")).to_be_visible()
    story = story_of_video(app, video_id)
    assert app.extensions["together"].store.get(f"STORY#{story['story_id']}", "STORY")[
        "caption"] == "Shared from the basement"


def test_a_story_kept_on_the_phone_goes_when_the_app_opens_again_on_any_screen(phones,
                                                                             stories_server):
    app, _ = stories_server
    phone = phones("employee@example.com")
    open_recorder(phone.page)
    record(phone.page, 1)
    phone.context.set_offline(True)
    share_recording(phone.page, "Sent while I read the news", tag=None)
    expect(phone.page.get_by_role("heading", name="Kept on this phone")).to_be_visible()
    phone.page.close()  # the tab is closed before the network returns
    phone.context.set_offline(False)
    home = phone.context.new_page()
    with UploadWatch(app, home) as watch:
        home.goto("/news")  # neither Stories nor the recorder
        video_id = watch.wait_for_completion()
    story = story_of_video(app, video_id)
    assert app.extensions["together"].store.get(f"STORY#{story['story_id']}", "STORY")[
        "caption"] == "Sent while I read the news"
    wait_until(home, "import('/app/video/chunk-store.js').then((c) => c.recordings())"
                     ".then((r) => r.length === 0)")  # the phone's copy is freed


def test_a_file_that_is_not_a_video_is_refused_in_words(phones, tmp_path):
    page = phones("employee@example.com", "zh-CN").page
    page.add_init_script("""navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException("no camera", "NotFoundError"));""")
    page.goto("/stories/record")
    expect(page.get_by_role("alert").first).to_contain_text("未找到摄像头")
    notes = tmp_path / "minutes.txt"
    notes.write_text("Minutes of the Monday meeting.\n", encoding="utf-8")
    page.locator(".record-body input[type=file]").set_input_files(notes)
    expect(page.locator(".record-file-error")).to_have_text("这个文件不是视频。请选择视频文件。")
    screenshot(page, "stories-nocamera-zh")


def test_the_story_screens_in_chinese(phones, stories_server, tmp_path):
    app, _ = stories_server
    author = phones("employee@example.com", "zh-CN").page
    released = upload_clip(author, app, short_clip(tmp_path))
    waiting = upload_clip(author, app, short_clip(tmp_path))
    hr = phones("hr@example.com", "zh-CN").page
    assert hr.request.post(f"/api/stories/{released}/release").ok

    author.goto("/stories/record")
    expect(author.get_by_role("button", name="开始录制")).to_be_enabled()
    wait_until(author, "document.querySelector('.record-live')?.readyState >= 2")
    screenshot(author, "stories-recorder-zh")
    author.locator(".record-controls input[type=file]").set_input_files(short_clip(tmp_path))
    expect(author.get_by_label("说明文字", exact=True)).to_be_visible()
    author.get_by_label("说明文字", exact=True).fill("在家打包订单")
    author.locator(".tag-choice", has_text="居家办公").click()
    screenshot(author, "stories-form-zh")
    author.goto("/stories?tab=mine")
    expect(author.locator(f".story-row[data-story='{waiting}']")).to_contain_text("等待审核")
    screenshot(author, "stories-mine-zh")

    hr.goto("/tools/stories")
    expect(hr.locator(f".review-card[data-story='{waiting}']")).to_be_visible()
    screenshot(hr, "stories-moderation-zh")
    colleague = phones(COLLEAGUE, "zh-CN").page
    colleague.goto("/stories")
    expect(colleague.locator(f".story-slide[data-story='{released}']")).to_be_visible()
    wait_until(colleague, playing(released))
    screenshot(colleague, "stories-feed-zh")


def test_the_servers_reason_is_shown_in_the_persons_language(phones, stories_server, tmp_path):
    app, _ = stories_server
    page = phones("employee@example.com", "zh-CN").page
    page.goto("/stories/record")
    expect(page.get_by_role("button", name="开始录制")).to_be_enabled()
    fake = tmp_path / "minutes.mp4"  # named like a video; only the server can tell
    fake.write_text("Minutes of the Monday meeting.\n" * 200, encoding="utf-8")
    page.locator(".record-controls input[type=file]").set_input_files(fake)
    with UploadWatch(app, page) as watch:
        page.get_by_role("button", name="分享故事").click()
        video_id = watch.wait_for_completion()
    assert wait_until_processed(page, app, video_id, 1)["status"] == "failed"
    card = page.locator(".story-progress")
    expect(card.get_by_role("heading")).to_have_text("你的故事无法使用")
    expect(card.get_by_role("status")).to_have_text(re.compile("不是视频"))
    screenshot(page, "stories-failed-zh")
    page.goto("/stories?tab=mine")
    expect(page.locator(".story-row").first).to_contain_text("失败")


def test_a_rejected_story_shows_its_author_the_reason(phones, stories_server, tmp_path):
    app, _ = stories_server
    author = phones("employee@example.com").page
    upload_clip(author, app, short_clip(tmp_path))  # waits above it: the queue is oldest first
    story_id = upload_clip(author, app, short_clip(tmp_path))
    phone = phones("editor@example.com", "zh-CN")  # Retail's editor, in Chinese
    editor = phone.page
    held = []  # the videos and posters, held back until the cards are on screen

    def hold(route):
        return held.append(route) if holding else route.continue_()

    holding = True
    phone.context.route("**/api/media/local/objects**", hold)
    editor.goto("/tools/stories")
    card = editor.locator(f".review-card[data-story='{story_id}']")
    expect(card).to_be_visible()
    top = card.bounding_box()["y"]
    holding = False
    assert held, "no video or poster was asked for"
    for route in held:
        route.continue_()
    wait_until(editor, "[...document.querySelectorAll('.review-video')]"
                       ".every((v) => v.readyState >= 1)")
    assert card.bounding_box()["y"] == top  # the videos above loaded; nothing moved under a thumb
    card.get_by_role("button", name="不通过").click()
    card.get_by_role("button", name="不通过这个故事").click()
    expect(card.locator(".field-error")).to_have_text("请为作者写一个理由。")  # none given
    card.get_by_label("为什么不发布？作者会看到这段说明。").fill("The shelf labels show prices.")
    card.get_by_role("button", name="不通过这个故事").click()
    expect(editor.get_by_text("未通过：已告知作者原因。")).to_be_visible()

    author.goto("/stories?tab=mine")
    expect(author.locator(f".story-row[data-story='{story_id}']")).to_contain_text(
        "Not released: The shelf labels show prices.")


def test_a_story_kept_offline_shows_in_mine_and_can_be_discarded(phones):
    phone = phones("employee@example.com")
    page = phone.page
    open_recorder(page)
    record(page, 1)
    phone.context.set_offline(True)
    share_recording(page, "Never sent", tag=None)
    expect(page.get_by_role("heading", name="Kept on this phone")).to_be_visible()
    page.get_by_role("link", name="See my stories").click()
    row = page.locator(".story-row", has_text="Never sent")
    expect(row).to_contain_text("On this phone: uploads when the network returns")
    page.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name="Discard this story").click()
    expect(row).to_have_count(0)
    wait_until(page, "import('/app/video/chunk-store.js').then((c) => c.recordings())"
                     ".then((r) => r.length === 0)")
