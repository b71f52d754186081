"""HR's notes tools (issue 14): Campaigns (open one for a site, a big-screen link shown once
with Copy, then listed and revocable) and Moderation (a note held by a blocked word waits
until HR approves it; a hidden one tells its author why)."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import open_home, screenshot
from tests.e2e.noting import card, loaded, needs_notes, people, person_page, sent, unique

pytestmark = [pytest.mark.e2e, needs_notes]


def test_hr_opens_a_campaign_and_makes_a_big_screen_link(page: Page, accounts):
    open_home(page, accounts, "hr@example.com")
    page.goto("/more")
    page.get_by_role("link", name="Campaigns").click()
    expect(page.get_by_role("heading", level=1, name="Campaigns")).to_be_visible()
    form = page.locator("form.campaign-form")
    form.get_by_role("button", name="Open campaign").click()  # no title yet
    expect(form.get_by_label("Title (English)")).to_have_accessible_description(
        re.compile("Write a title in English or Chinese."))

    title = unique("Thank you, Hangzhou warehouse")
    form.get_by_label("Title (English)").fill(title)
    form.get_by_label("Title (中文)").fill("谢谢杭州仓库的同事们")
    form.get_by_label("Introduction (English)").fill("They kept parcels moving all month.")
    form.locator("[name=audience_kind]").select_option("site")
    form.locator("[name=audience_site]").select_option("Hangzhou")
    screenshot(page, "notes-campaigns-form-en")
    form.get_by_role("button", name="Open campaign").click()
    sent(page, "Campaign opened.")

    manage = page.locator(".campaign-manage").filter(has_text=title)
    expect(manage).to_contain_text("To Hangzhou")
    expect(manage.locator(".campaign-state")).to_have_text("Open")
    manage.get_by_text("Big-screen links").click()
    expect(manage.get_by_text("No big-screen links yet.")).to_be_visible()
    manage.get_by_role("button", name="Make a link").click()
    expect(manage.get_by_label("Screen name")).to_have_attribute("aria-invalid", "true")
    manage.get_by_label("Screen name").fill("Warehouse canteen")
    manage.get_by_role("button", name="Make a link").click()
    url = manage.get_by_label("Big-screen link")
    expect(url).to_have_value(re.compile(r"^http://127\.0\.0\.1:\d+/wall/[A-Za-z0-9_-]{43}$"))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    manage.get_by_role("button", name="Copy").click()
    expect(page.get_by_text("Link copied.")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == url.input_value()
    expect(manage.locator(".screen-link")).to_contain_text("Warehouse canteen")
    manage.scroll_into_view_if_needed()
    screenshot(page, "notes-campaigns-link-en")

    # Shown once: the list has its name, never its address.
    page.reload()
    manage = page.locator(".campaign-manage").filter(has_text=title)
    manage.get_by_text("Big-screen links").click()
    expect(manage.locator(".screen-link")).to_contain_text("Warehouse canteen")
    expect(manage.locator(".screen-url")).to_have_count(0)

    manage.get_by_role("button", name="Close now").click()
    sent(page, "Campaign closed.")
    expect(manage.locator(".campaign-state")).to_have_text("Closed")


def test_a_held_note_waits_for_hr_and_a_hidden_one_tells_its_author_why(
        page: Page, accounts, browser, browser_context_args):
    open_home(page, accounts, "hr@example.com")
    page.goto("/tools/moderation")
    expect(page.get_by_role("heading", level=1, name="Moderation")).to_be_visible()
    expect(page.locator("form.words-form")).not_to_have_attribute("aria-busy", "true")
    words = page.get_by_label("English words")  # the list as the server has it, one a line
    words.fill(f"{words.input_value()}\ngloomword".strip())
    page.get_by_role("button", name="Save blocked words").click()
    sent(page, "Blocked words saved.")

    recipient = people(site="Wuhan")[3]
    text = unique("Such a gloomword week, but we are with you")
    with person_page(browser, browser_context_args, accounts,
                     people(site="Hangzhou")[3]["email"]) as writer:
        writer.goto("/notes/write")
        writer.get_by_label("Name").fill(recipient["name"].split()[0])
        writer.get_by_role("button", name=re.compile(re.escape(recipient["name"]))).click()
        writer.get_by_label("Your note").fill(text)
        writer.get_by_role("button", name="Send note").click()
        sent(writer, "Sent. It shows once HR has looked at it.")
        writer.goto("/notes?show=mine")
        expect(card(writer, text)).to_contain_text("Held for review")

        with person_page(browser, browser_context_args, accounts, recipient["email"]) as reader:
            reader.goto("/notes")
            loaded(reader)
            expect(card(reader, text)).to_have_count(0)  # nothing until HR approves

            page.reload()
            held = card(page, text)
            expect(held).to_contain_text("Held for: gloomword")
            expect(held).to_contain_text(re.compile(re.escape(people(site="Hangzhou")[3]["name"])))
            held.scroll_into_view_if_needed()
            screenshot(page, "notes-moderation-en")
            held.get_by_role("button", name="Approve").click()
            sent(page, "Approved: readers see it now.")

            reader.reload()
            expect(card(reader, text)).to_be_visible()

            # Reported by the reader, then hidden by HR with a reason the author reads.
            card(reader, text).get_by_role("button", name="Report").click()
            card(reader, text).get_by_text("Its author").click()
            card(reader, text).get_by_role("button", name="Send report").click()
            sent(reader, "Thank you. HR will look at it.")

        page.get_by_role("button", name="Reported").click()
        reported = card(page, text)
        expect(reported).to_contain_text("Reported 1 time")
        reported.get_by_role("button", name="Hide").click()
        reported.get_by_label("What to tell the author").fill("Please keep notes kind and calm.")
        reported.get_by_role("button", name="Hide note").click()
        sent(page, "Hidden. The author has been told.")

        writer.goto("/notes?show=mine")
        mine = card(writer, text)
        expect(mine).to_contain_text("Hidden")
        expect(mine).to_contain_text("From HR: Please keep notes kind and calm.")
        screenshot(writer, "notes-mine-hidden-en")

    page.get_by_role("button", name="Hidden").click()
    restored = card(page, text)
    restored.get_by_role("button", name="Restore").click()
    sent(page, "Restored: readers see it again.")


def test_hr_tools_in_chinese(page: Page, accounts):
    open_home(page, accounts, "hr@example.com")
    assert page.request.patch("/api/me", data={"language": "zh-CN"}).ok
    try:
        page.goto("/tools/campaigns")
        expect(page.get_by_role("heading", level=1, name="寄语活动")).to_be_visible()
        page.locator("form.campaign-form").get_by_role("button", name="发起活动").click()
        expect(page.get_by_label("标题（English）")).to_have_accessible_description(
            re.compile("请填写英文或中文标题。"))
        screenshot(page, "notes-campaigns-zh-CN")
        page.goto("/tools/moderation")
        expect(page.get_by_role("heading", level=1, name="寄语审核")).to_be_visible()
        expect(page.get_by_label("中文词")).to_be_visible()
        screenshot(page, "notes-moderation-zh-CN")
    finally:
        assert page.request.patch("/api/me", data={"language": "en"}).ok
