"""Turning notifications on: our own card first, the browser's question only after a tap, a
clear message where the browser has no push service (headless Chromium), "Not now" for 30
days; and the notification settings (muted topics, quiet hours) saved through the outbox."""

from playwright.sync_api import Page, expect

from tests.e2e.conftest import OUTBOX_EMPTY, open_home, screenshot, wait_until
from tests.e2e.notifying import needs_notify

pytestmark = needs_notify

# Counts the page's calls of Notification.requestPermission() (the browser's own question).
COUNT_ASKS = """window.permissionAsked = 0;
const ask = Notification.requestPermission.bind(Notification);
Notification.requestPermission = (...args) => {
  window.permissionAsked += 1;
  return ask(...args);
};"""


def test_the_browser_is_asked_only_after_a_tap_and_a_missing_push_service_is_explained(
        page: Page, accounts):
    page.add_init_script(COUNT_ASKS)
    keys = []
    page.on("request", lambda r: r.url.endswith("/api/push/key") and keys.append(r))
    open_home(page, accounts, "nora.jensen@example.com")

    card = page.get_by_role("complementary").filter(has_text="Turn on notifications")
    expect(card).to_be_visible()
    assert page.evaluate("window.permissionAsked") == 0  # never on page load
    screenshot(page, "push-prompt-en")

    page.context.grant_permissions(["notifications"])  # the person says yes to the browser
    card.get_by_role("button", name="Turn on").click()
    expect(card.get_by_role("alert")).to_contain_text("couldn't reach its notification service")
    assert page.evaluate("window.permissionAsked") == 1
    assert len(keys) == 1  # the server's key was fetched for the subscription
    screenshot(page, "push-prompt-unavailable-en")

    card.get_by_role("button", name="Not now").click()
    expect(card).to_be_hidden()
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text("Turn on notifications")).to_have_count(0)
    rested = page.evaluate("Date.now() - Number(localStorage.getItem('together.push.dismissed'))")
    assert 0 <= rested < 60_000


def test_the_prompt_in_chinese(page: Page, accounts):
    open_home(page, accounts, "staff0042@example.com")  # reads Chinese
    expect(page.get_by_role("heading", name="开启通知")).to_be_visible()
    screenshot(page, "push-prompt-zh-CN")


def test_muted_topics_and_quiet_hours_are_saved_through_the_outbox(page: Page, accounts):
    open_home(page, accounts, "priya.raman@example.com")
    page.goto("/more")
    page.get_by_role("link", name="Notifications").click()
    expect(page.get_by_role("heading", level=1, name="Notifications")).to_be_visible()
    expect(page.get_by_text("Off", exact=True)).to_be_visible()  # push is off on this phone

    page.get_by_role("switch", name="Events").uncheck()
    page.get_by_role("switch", name="News").uncheck()
    page.get_by_role("switch", name="Quiet hours").check()
    page.get_by_label("From", exact=True).fill("21:30")
    page.get_by_label("Until", exact=True).fill("06:45")
    screenshot(page, "push-settings-en")
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("Settings saved.")).to_be_visible()
    wait_until(page, OUTBOX_EMPTY)

    saved = page.request.get("/api/push/preferences").json()
    assert sorted(saved["muted_topics"]) == ["events", "news"]
    assert saved["quiet_hours"] == {"start": "21:30", "end": "06:45"}
