"""HR keeps the stories' recording limit and topic tags in the app: a missing name is said next
to its field, a new tag is saved with an id of its own, and the recorder's settings follow."""

from playwright.sync_api import Page, expect

from tests.e2e.conftest import open_home, screenshot, wait_until

SETTINGS = "/api/stories/settings"


def open_settings(page: Page, accounts, email: str, tool: str) -> None:
    open_home(page, accounts, email)
    page.goto("/more")
    page.get_by_role("link", name=tool).click()


def test_hr_changes_the_limit_and_adds_a_tag(page: Page, accounts):
    open_settings(page, accounts, "hr@example.com", "Story settings")
    before = page.request.get(SETTINGS).json()
    try:
        change_and_save(page)
    finally:  # the other tests on this server record with the defaults
        page.request.put(SETTINGS, data=before)


def change_and_save(page: Page) -> None:
    form = page.locator("form.story-settings")
    expect(form.get_by_label("Name (English)").first).to_have_value("Working from home")

    form.get_by_label("Longest recording (seconds)").fill("5")
    form.get_by_role("button", name="Save settings").click()
    seconds = form.get_by_label("Longest recording (seconds)")
    expect(seconds).to_have_attribute("aria-invalid", "true")
    expect(form.get_by_text("Give a whole number of seconds between 10 and 180.")).to_be_visible()

    seconds.fill("45")
    form.get_by_role("button", name="Add a tag").click()
    form.get_by_label("Name (English)").last.fill("Night shift")
    form.get_by_role("button", name="Save settings").click()
    chinese = form.get_by_label("Name (中文)").last
    expect(chinese).to_have_attribute("aria-invalid", "true")  # both languages are needed
    expect(form.get_by_text("Name the tag in both languages.")).to_be_visible()

    chinese.fill("夜班")
    screenshot(page, "story-settings-en")
    form.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("Story settings saved.")).to_be_visible()
    saved = page.request.get(SETTINGS).json()
    assert saved["max_seconds"] == 45
    assert saved["tags"][-1] == {"id": "night_shift",
                                 "label": {"en": "Night shift", "zh-CN": "夜班"}}
    assert [t["id"] for t in saved["tags"][:3]] == ["wfh", "front_line", "family"]

    page.get_by_role("button", name="Remove the tag Night shift").click()
    form.get_by_role("button", name="Save settings").click()
    wait_until(page, f"fetch('{SETTINGS}').then((r) => r.json())"
                     ".then((s) => s.tags.length === 3)")


def test_story_settings_in_chinese(page: Page, accounts):
    open_home(page, accounts, "admin@example.com")
    page.request.patch("/api/me", data={"language": "zh-CN"})
    try:
        page.goto("/tools/story-settings")
        expect(page.get_by_role("heading", level=1, name="故事设置")).to_be_visible()
        expect(page.get_by_label("名称（中文）").first).to_have_value("居家办公")
        screenshot(page, "story-settings-zh-CN")
    finally:
        page.request.patch("/api/me", data={"language": "en"})
