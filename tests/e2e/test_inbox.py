"""The inbox and the bell: what HR sends reaches a person's inbox, in their language, with an
unread count on the app bar; reading and acknowledging work offline, through the outbox."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import OUTBOX_EMPTY, open_home, screenshot, wait_until
from tests.e2e.notifying import Sender, inbox_of, needs_notify

pytestmark = needs_notify


def test_the_bell_counts_unread_and_the_inbox_reads_and_acknowledges_even_offline(
        page: Page, browser, accounts, base_url):
    hr = Sender(browser, accounts, base_url)
    try:
        closed = hr.send("Office closed tomorrow", ["E0032"], must_acknowledge=True, urgency="high",
                         link="/news")
        hr.send("Masks at reception", ["E0032"], link="/pass")
        open_home(page, accounts, "amara.obi@example.com")

        bell = page.get_by_role("banner").get_by_role("link", name=re.compile("^Inbox"))
        expect(bell).to_have_accessible_name("Inbox, 2 unread")
        expect(bell).to_contain_text("2")
        screenshot(page, "inbox-bell-en")
        bell.click()
        items = page.locator(".inbox-item")
        expect(items).to_have_count(2)
        expect(items.nth(0)).to_contain_text("Masks at reception")  # newest first
        expect(items.nth(1)).to_contain_text("Office closed tomorrow")
        expect(page.locator(".inbox-item.is-unread")).to_have_count(2)
        screenshot(page, "inbox-en")

        # Offline, "I have read this" is kept on the phone and the count drops at once.
        page.context.set_offline(True)
        items.nth(1).get_by_role("button", name="I have read this").click()
        expect(items.nth(1)).to_contain_text("You confirmed you read this.")
        expect(bell).to_have_accessible_name("Inbox, 1 unread")
        page.context.set_offline(False)
        wait_until(page, OUTBOX_EMPTY)
        server = {item["id"]: item for item in inbox_of(page.context)["items"]}
        assert server[closed["id"]]["acknowledged_at"] is not None
        assert server[closed["id"]]["read_at"] is not None

        # Tapping an item marks it read and follows its link, inside the app.
        items.nth(0).get_by_role("button", name=re.compile("Masks at reception")).click()
        expect(page).to_have_url(re.compile(r"/pass$"))
        expect(bell).to_have_accessible_name("Inbox")
        wait_until(page, OUTBOX_EMPTY)
        assert inbox_of(page.context)["unread"] == 0
    finally:
        hr.close()


def test_the_inbox_speaks_the_persons_language(page: Page, browser, accounts, base_url):
    hr = Sender(browser, accounts, base_url)
    try:
        hr.send("Office closed tomorrow", ["E0045"], must_acknowledge=True,
                title={"en": "Office closed tomorrow", "zh-CN": "明天办公室关闭"},
                body={"en": "Work from home on Friday.", "zh-CN": "周五请在家办公。"})
        hr.send("Today's news is out", ["E0045"], topic="news")  # English only: shown in English
        open_home(page, accounts, "staff0045@example.com")  # reads Chinese

        bell = page.get_by_role("banner").get_by_role("link", name=re.compile("^收件箱"))
        expect(bell).to_have_accessible_name("收件箱，2 条未读")
        screenshot(page, "inbox-bell-zh-CN")
        bell.click()
        items = page.locator(".inbox-item")
        expect(items).to_have_count(2)
        expect(items.nth(1)).to_contain_text("明天办公室关闭")
        expect(items.nth(1).get_by_role("button", name="我已阅读")).to_be_visible()
        expect(items.nth(0).locator("[lang=en]").first).to_contain_text("Today's news is out")
        screenshot(page, "inbox-zh-CN")
    finally:
        hr.close()


def test_an_empty_inbox_says_what_will_come(page: Page, accounts):
    open_home(page, accounts, "grace.lim@example.com")
    page.get_by_role("banner").get_by_role("link", name="Inbox").click()
    expect(page.get_by_role("heading", name="Nothing here yet")).to_be_visible()
    screenshot(page, "inbox-empty-en")
