"""The stories feed on a phone: swiping through many stories keeps few videos alive."""

import pytest
from playwright.sync_api import expect

from tests.e2e.clips import short_clip
from tests.e2e.conftest import OUTBOX_EMPTY, SCREENS, screenshot, wait_until
from tests.e2e.stories import phones, released_stories, stories_server, upload_clip
from tests.e2e.test_accessibility import serious_violations

pytestmark = pytest.mark.e2e
__all__ = ["phones", "stories_server"]

# The most <video> elements the page ever held, seen by a MutationObserver from the start.
COUNT_VIDEOS = """
  window.mostVideos = 0;
  new MutationObserver(() => {
    window.mostVideos = Math.max(window.mostVideos, document.querySelectorAll('video').length);
  }).observe(document, {childList: true, subtree: true});
"""


def test_swiping_through_20_stories_never_holds_more_than_5_videos(phones, stories_server,
                                                                   tmp_path):
    app, _ = stories_server
    author = phones("employee@example.com").page
    ids = released_stories(author, app, short_clip(tmp_path), 20)
    viewer = phones("staff0009@example.com")
    page = viewer.page
    page.add_init_script(COUNT_VIDEOS)
    page.goto("/stories")
    feed = page.locator(".story-feed")
    newest_first = list(reversed(ids))
    expect(page.locator(".story-slide").first).to_have_attribute("data-story", newest_first[0])
    assert page.locator(".story-slide").count() >= 20
    screenshot(page, "stories-feed-many-en")
    for index, story_id in enumerate(newest_first):
        feed.evaluate("(f, i) => f.scrollTo(0, f.clientHeight * i)", index)
        slide = page.locator(f".story-slide[data-story='{story_id}']")
        expect(slide.locator("video")).to_have_count(1)
        video = f"document.querySelector(\".story-slide[data-story='{story_id}'] video\")"
        wait_until(page, f"!{video}.paused")  # the story in view plays
        if index + 1 < len(newest_first):
            following = page.locator(f".story-slide[data-story='{newest_first[index + 1]}'] video")
            expect(following).to_have_attribute("preload", "auto")  # the next one loads ahead
        assert page.locator("video").count() <= 5
    assert page.evaluate("window.mostVideos") <= 5
    assert page.evaluate("window.mostVideos") >= 3


def test_hr_features_a_story_that_opens_from_everyones_home(phones, stories_server, tmp_path):
    app, _ = stories_server
    author = phones("employee@example.com").page
    story_id = upload_clip(author, app, short_clip(tmp_path))
    hr = phones("hr@example.com").page
    assert hr.request.post(f"/api/stories/{story_id}/release").ok
    hr.goto(f"/stories?id={story_id}")
    slide = hr.locator(".story-slide").first
    expect(slide).to_have_attribute("data-story", story_id)
    slide.get_by_role("button", name="Feature on Home").click()
    expect(slide.get_by_role("button", name="Take off Home")).to_have_attribute("aria-pressed",
                                                                             "true")
    page = phones("staff0009@example.com").page
    page.goto("/")
    featured = page.locator(f".featured-item[data-story='{story_id}']")
    expect(featured).to_contain_text("Morning at the warehouse")
    page.locator(".featured-stories").screenshot(path=SCREENS / "stories-home-featured-en.png")
    featured.click()
    expect(page.locator(".story-slide").first).to_have_attribute("data-story", story_id)
    wait_until(page, f"!document.querySelector(\".story-slide[data-story='{story_id}'] video\")"
                     "?.paused")


def test_the_author_deletes_a_story_from_mine(phones, stories_server, tmp_path):
    app, _ = stories_server
    author = phones("employee@example.com").page
    story_id = upload_clip(author, app, short_clip(tmp_path))
    author.goto("/stories?tab=mine")
    row = author.locator(f".story-row[data-story='{story_id}']")
    expect(row).to_contain_text("Waiting for review")
    author.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name="Delete this story").click()
    expect(row).to_have_count(0)
    assert author.request.get(f"/api/stories/{story_id}").status == 404


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_story_screens_pass_axe(phones, stories_server, scheme, tmp_path):
    app, _ = stories_server
    # axe is injected as an inline script, which the app's Content-Security-Policy forbids.
    page = phones("hr@example.com", bypass_csp=True, color_scheme=scheme).page
    if not page.request.get("/api/stories").json()["items"]:  # this test on its own
        author = phones("employee@example.com").page
        story_id = upload_clip(author, app, short_clip(tmp_path))
        assert page.request.post(f"/api/stories/{story_id}/release").ok
    for path, shown in [("/stories", ".story-slide"), ("/stories?tab=mine", ".stories-body > *"),
                        ("/stories/record", ".record-controls"),
                        ("/tools/stories", ".review-list > .card")]:
        page.goto(path)
        expect(page.locator(shown).first).to_be_visible()
        assert serious_violations(page) == [], path


def test_the_feed_narrows_to_a_tag(phones, stories_server, tmp_path):
    app, _ = stories_server
    page = phones("staff0009@example.com").page
    if not page.request.get("/api/stories", params={"tag": "front_line"}).json()["items"]:
        author = phones("employee@example.com").page
        story_id = upload_clip(author, app, short_clip(tmp_path))  # tagged front_line
        assert phones("hr@example.com").page.request.post(
            f"/api/stories/{story_id}/release").ok
    tagged = page.request.get("/api/stories", params={"tag": "front_line", "limit": 100}).json()
    page.goto("/stories")
    expect(page.locator(".story-slide").first).to_be_visible()
    page.get_by_label("Show stories from").select_option(label="#On the front line")
    slides = page.locator(".story-slide")
    expect(slides).to_have_count(len(tagged["items"]))
    expect(slides.first).to_contain_text("#On the front line")


def test_the_feed_narrows_to_any_site_not_only_my_own(phones, stories_server, tmp_path):
    app, _ = stories_server
    page = phones("lucas.weber@example.com").page  # Singapore
    if not page.request.get("/api/stories", params={"site": "Wuhan"}).json()["items"]:
        author = phones("employee@example.com").page  # Wuhan
        story_id = upload_clip(author, app, short_clip(tmp_path))
        assert phones("hr@example.com").page.request.post(
            f"/api/stories/{story_id}/release").ok
    wuhan = page.request.get("/api/stories", params={"site": "Wuhan", "limit": 100}).json()
    page.goto("/stories")
    expect(page.locator(".story-slide").first).to_be_visible()
    chooser = page.get_by_label("Show stories from")
    expect(chooser.locator("optgroup[label='Sites'] option")).to_have_text(["Hangzhou", "Wuhan"])
    chooser.select_option(label="Wuhan")
    slides = page.locator(".story-slide")
    expect(slides).to_have_count(len(wuhan["items"]))
    expect(slides.first).to_contain_text("Wuhan")


def test_a_reported_story_is_hidden_by_hr_and_restored(phones, stories_server, tmp_path):
    app, _ = stories_server
    author = phones("employee@example.com").page
    story_id = upload_clip(author, app, short_clip(tmp_path))
    hr = phones("hr@example.com").page
    assert hr.request.post(f"/api/stories/{story_id}/release").ok

    page = phones("staff0009@example.com").page
    page.goto(f"/stories?id={story_id}")
    slide = page.locator(f".story-slide[data-story='{story_id}']")
    page.once("dialog", lambda dialog: dialog.accept())
    slide.get_by_role("button", name="Report this story").click()
    expect(page.get_by_text("Thank you. HR will look at this story.")).to_be_visible()
    wait_until(page, OUTBOX_EMPTY)

    hr.goto("/tools/stories?show=reported")
    card = hr.locator(f".review-card[data-story='{story_id}']")
    expect(card).to_contain_text("Reported 1 time")
    screenshot(hr, "stories-reported-en")
    card.get_by_role("button", name="Hide").click()
    card.get_by_label("Why is it hidden? (optional)").fill("Shows a customer's address")
    card.get_by_role("button", name="Hide story").click()
    expect(hr.get_by_text("Hidden from the feed.")).to_be_visible()
    assert story_id not in [s["id"] for s in page.request.get(
        "/api/stories", params={"limit": 100}).json()["items"]]

    hr.goto("/tools/stories?show=hidden")
    hidden = hr.locator(f".review-card[data-story='{story_id}']")
    hidden.get_by_role("button", name="Restore").click()
    expect(hr.get_by_text("Back in the feed.")).to_be_visible()
    assert story_id in [s["id"] for s in page.request.get(
        "/api/stories", params={"limit": 100}).json()["items"]]
