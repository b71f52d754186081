"""HR's Notify tool: a message in two languages to an audience whose size is shown before
sending, errors next to their fields, sent through the outbox; then the sent list with its
figures, and "Remind again" at most every 5 minutes."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import OUTBOX_EMPTY, open_home, screenshot, wait_until
from tests.e2e.notifying import needs_notify

pytestmark = needs_notify


def open_notify(page: Page, accounts, email: str, tool: str) -> None:
    open_home(page, accounts, email)
    page.goto("/more")
    page.get_by_role("link", name=tool).click()


def test_an_editor_sees_the_audience_size_sends_and_reminds(page: Page, accounts):
    open_notify(page, accounts, "mia.fischer@example.com", "Notify")  # editor of Logistics
    form = page.locator("form.notify-form")
    expect(form).to_be_visible()

    form.get_by_role("button", name="Send notification").click()  # nothing written yet
    title = form.get_by_label("Title (English)")
    expect(title).to_have_attribute("aria-invalid", "true")
    expect(form.get_by_text("Write a title in English or Chinese.")).to_be_visible()

    title.fill("Planning meets at 9 tomorrow")
    form.get_by_label("Text (English)").fill("In the big room, or on the call. Please confirm.")
    form.get_by_label("Title (中文)").fill("明天九点规划部开会")
    form.get_by_label("Text (中文)").fill("在大会议室或线上参加，请确认。")
    form.get_by_label("Opens").select_option("/news")
    form.get_by_label("Send to").select_option("department")
    form.get_by_label("Business unit").select_option("Logistics")
    form.get_by_label("Department").select_option("Planning")
    expected = page.request.post("/api/notifications/preview", data={"audience": {
        "kind": "department", "unit": "Logistics", "department": "Planning"}}).json()["size"]
    expect(form.locator(".notify-size")).to_have_text(f"Reaches {expected} people.")
    form.get_by_role("switch", name="Must acknowledge").check()
    form.get_by_label("Send to").scroll_into_view_if_needed()
    screenshot(page, "notify-compose-en")

    form.get_by_role("button", name="Send notification").click()
    # On a slow machine the answer may come after the screen said it is kept: either is right.
    done = re.compile(r"^(Sent\.|Sending now\.|Kept on this phone)")
    expect(page.get_by_text(done)).to_be_visible()
    wait_until(page, OUTBOX_EMPTY)
    card = page.locator(".notify-card").filter(has_text="Planning meets at 9 tomorrow")
    expect(card).to_be_visible()
    expect(card.locator(".stat-audience dd")).to_have_text(str(expected))
    card.scroll_into_view_if_needed()
    screenshot(page, "notify-sent-en")

    card.get_by_role("button", name="Remind again").click()
    expect(page.get_by_text(re.compile(r"^Reminder sent to \d+ people\.$"))).to_be_visible()
    waiting = card.get_by_role("button", name=re.compile(r"^Remind again in \d+ min$"))
    expect(waiting).to_be_disabled()

    # Nobody has confirmed yet: everyone the audience holds is listed, by name, with their unit.
    card.get_by_text("Who has not confirmed yet").click()
    people = card.locator(".notify-person")
    expect(people).to_have_count(min(expected, 100))
    expect(people.first).to_contain_text("Logistics")
    card.get_by_text("Who has not confirmed yet").scroll_into_view_if_needed()
    screenshot(page, "notify-not-confirmed-en")


def test_the_notify_tool_in_chinese(page: Page, accounts):
    # An editor of Cloud who reads Chinese.
    open_notify(page, accounts, "staff0007@example.com", "发送通知")
    form = page.locator("form.notify-form")
    form.get_by_label("标题（中文）").fill("明天办公室关闭")
    form.get_by_label("正文（中文）").fill("周五请在家办公。")
    form.get_by_role("switch", name="需要确认阅读").check()
    form.get_by_label("发送对象").select_option("department")
    form.get_by_label("事业部").select_option("Cloud")
    form.get_by_label("部门").select_option("Solutions")
    expect(form.locator(".notify-size")).to_contain_text(re.compile(r"\d"))
    form.get_by_label("发送对象").scroll_into_view_if_needed()
    screenshot(page, "notify-compose-zh-CN")
    form.get_by_role("button", name="发送通知").click()
    wait_until(page, OUTBOX_EMPTY)
    card = page.locator(".notify-card").filter(has_text="明天办公室关闭")
    expect(card).to_be_visible()
    card.get_by_text("谁还没有确认").click()
    expect(card.locator(".notify-person").first).to_contain_text("Cloud")
    card.scroll_into_view_if_needed()
    screenshot(page, "notify-sent-zh-CN")
