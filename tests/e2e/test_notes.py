"""Encouragement notes (issue 14) across people: a note written in Hangzhou to a campaign for
the Wuhan site reaches the people there ("For me" and the wall), not Singapore's "For me"
(though Singapore reads the wall), and the lobby's big screen shows it — as text, even with
markup in it — until HR revokes the link."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot, tab
from tests.e2e.noting import (
    card,
    display_link,
    loaded,
    needs_notes,
    open_campaign,
    people,
    person_page,
    sent,
    unique,
)
from tests.e2e.test_accessibility import serious_violations

pytestmark = [pytest.mark.e2e, needs_notes]

MARKUP = '<b>bold</b> <script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'


@pytest.fixture
def others(browser, browser_context_args, accounts):
    """Opens a page signed in as someone else: others(email) (None for nobody)."""
    stack = []

    def open_as(email, **extra):
        manager = person_page(browser, browser_context_args, accounts, email, **extra)
        stack.append(manager)
        return manager.__enter__()

    yield open_as
    for manager in reversed(stack):
        manager.__exit__(None, None, None)


def test_a_note_to_the_wuhan_site_reaches_wuhan_the_wall_and_the_big_screen(page: Page, accounts,
                                                                             others):
    accounts.sign_in(page.context, "hr@example.com")
    page.goto("/notes")
    title = unique("Messages for Wuhan")
    campaign = open_campaign(page, site="Wuhan", title=title)
    screen_path = display_link(page, campaign["id"], "Wuhan lobby")

    # Someone in Hangzhou writes on the campaign's wall (a note with markup in it).
    writer = others(people(site="Hangzhou")[0]["email"], bypass_csp=True)  # axe is inline
    writer.goto("/notes?show=walls")
    writer.locator(".campaign-card").filter(has_text=title).get_by_role("link").click()
    expect(writer.get_by_role("heading", level=1, name=title)).to_be_visible()
    writer.get_by_role("link", name="Write to this campaign").click()
    expect(writer.locator(".write-campaign")).to_contain_text("To Wuhan")
    text = unique(f"Stay strong, Wuhan! 加油 {MARKUP}")
    writer.get_by_label("Your note").fill(text)
    expect(writer.locator(".write-counter")).to_have_text(f"{len(text)} / 500")
    assert serious_violations(writer) == [], "the composer"
    writer.get_by_role("button", name="Send note").click()
    sent(writer, "Note sent.")
    if "/notes/walls/" not in writer.url:  # the answer came after the screen said it is kept
        writer.goto(f"/notes/walls/{campaign['id']}")
    expect(writer.get_by_role("heading", level=1, name=title)).to_be_visible()  # back on the wall
    expect(card(writer, text)).to_be_visible()
    assert serious_violations(writer) == [], "a wall"
    screenshot(writer, "notes-wall-en")

    # Someone at the Wuhan site finds it under "For me", and on the wall.
    wuhan = others(people(site="Wuhan")[0]["email"])
    wuhan.goto("/notes")
    expect(card(wuhan, text)).to_be_visible()
    expect(card(wuhan, text).locator(".note-text")).to_have_text(text)
    expect(card(wuhan, text).locator(".note-text *")).to_have_count(0)  # markup shown as text
    expect(card(wuhan, text)).to_contain_text("To Wuhan")
    screenshot(wuhan, "notes-for-me-en")
    tab(wuhan, "Home").click()
    expect(wuhan.locator(".home-notes-card")).to_contain_text(text)
    wuhan.locator(".home-notes-card").scroll_into_view_if_needed()
    screenshot(wuhan, "home-notes-en")

    # Someone in Singapore does not get it as "for me", but reads the wall.
    singapore = others(people(site="Singapore")[0]["email"])
    singapore.goto("/notes")
    loaded(singapore)
    expect(card(singapore, text)).to_have_count(0)
    singapore.get_by_role("link", name="Walls").click()
    singapore.locator(".campaign-card").filter(has_text=title).get_by_role("link").click()
    expect(card(singapore, text)).to_be_visible()

    # The lobby's big screen: nobody signed in, no tabs, the note as text.
    lobby = others(None, viewport={"width": 1280, "height": 720}, is_mobile=False,
                   has_touch=False, bypass_csp=True)
    lobby.goto(screen_path)
    expect(lobby.locator(".screen-campaign")).to_have_text(title)
    expect(lobby.locator(".screen-text")).to_have_text(text)
    expect(lobby.locator(".screen-text *")).to_have_count(0)  # <b>, <script>, <img> as text
    assert lobby.evaluate("window.__pwned") is None
    expect(lobby.get_by_role("navigation")).to_have_count(0)
    expect(lobby.locator(".appbar")).to_have_count(0)
    assert serious_violations(lobby) == [], "the big screen"
    screenshot(lobby, "notes-big-screen")

    # HR revokes the link: the screen stops working.
    page.goto("/tools/campaigns")
    manage = page.locator(".campaign-manage").filter(has_text=title)
    manage.get_by_text("Big-screen links").click()
    manage.get_by_role("button", name="Revoke the link for Wuhan lobby").click()
    expect(manage.get_by_text("Revoked: it no longer works")).to_be_visible()
    lobby.reload()
    expect(lobby.get_by_text("This screen's link no longer works")).to_be_visible()
    expect(lobby.locator(".screen-text")).to_have_count(0)
    screenshot(lobby, "notes-big-screen-revoked")


def test_the_big_screen_advances_polls_and_pauses(page: Page, accounts, others):
    accounts.sign_in(page.context, "hr@example.com")
    page.goto("/notes")
    title = unique("Big screen")
    campaign = open_campaign(page, site="Singapore", title=title)
    path = display_link(page, campaign["id"])

    def write(text):  # HR writes on the campaign (the company may write to it)
        response = page.request.post("/api/notes", data={"text": text,
                                                          "campaign_id": campaign["id"]})
        assert response.status == 201, response.text()

    texts = [unique("First note"), unique("Second note"), unique("Third note")]
    write(texts[0])
    write(texts[1])
    lobby = others(None, viewport={"width": 1280, "height": 720}, is_mobile=False,
                   has_touch=False)
    lobby.clock.install()  # the screen's 8 s and 30 s, moved on by the test
    lobby.goto(path)
    note = lobby.locator(".screen-text")
    expect(note).to_have_text(texts[1])  # the newest first, one at a time
    lobby.clock.run_for(8_000)
    expect(note).to_have_text(texts[0])
    lobby.clock.run_for(8_000)
    expect(note).to_have_text(texts[1])  # nothing new: the approved ones again
    expect(lobby.locator(".screen-footer")).to_have_text("2 notes")

    write(texts[2])
    lobby.clock.run_for(30_000)  # the screen asks for new notes
    expect(lobby.locator(".screen-footer")).to_have_text("3 notes")
    lobby.clock.run_for(8_000)
    expect(note).to_have_text(texts[2])  # a new one goes before the rest

    response = page.request.post(f"/api/campaigns/{campaign['id']}/pause")
    assert response.status == 204, response.text()
    lobby.clock.run_for(30_000)
    expect(lobby.get_by_text("Paused", exact=True)).to_be_visible()
    expect(note).to_have_count(0)
    screenshot(lobby, "notes-big-screen-paused")
    lobby.clock.run_for(16_000)
    expect(lobby.get_by_text("Paused", exact=True)).to_be_visible()  # not advancing

    response = page.request.delete(f"/api/campaigns/{campaign['id']}/pause")
    assert response.status == 204, response.text()
    lobby.clock.run_for(30_000)
    expect(note).to_be_visible()


def test_the_notes_screens_in_chinese(page: Page, accounts, others):
    accounts.sign_in(page.context, "hr@example.com")
    page.goto("/notes")
    title = unique("致武汉的同事们")
    campaign = open_campaign(page, site="Wuhan", title=title)
    text = unique("武汉加油！我们一直在你们身边。")
    response = page.request.post("/api/notes", data={"text": text, "campaign_id": campaign["id"],
                                                     "anonymous": True})
    assert response.status == 201, response.text()

    reader = others(people(site="Wuhan", language="zh-CN")[0]["email"])
    reader.goto("/notes")
    expect(reader.get_by_role("heading", level=1, name="寄语")).to_be_visible()
    expect(card(reader, text)).to_contain_text("一位同事")  # anonymous
    expect(card(reader, text)).to_contain_text("致 Wuhan")
    screenshot(reader, "notes-for-me-zh-CN")
    reader.get_by_role("link", name="寄语墙").click()
    reader.locator(".campaign-card").filter(has_text=title).get_by_role("link").click()
    expect(reader.get_by_role("button", name="最多点赞")).to_be_visible()
    expect(card(reader, text)).to_be_visible()
    screenshot(reader, "notes-wall-zh-CN")
    tab(reader, "首页").click()
    expect(reader.locator(".home-notes-card")).to_contain_text(text)
    reader.locator(".home-notes-card").scroll_into_view_if_needed()
    screenshot(reader, "home-notes-zh-CN")

    lobby = others(None, locale="zh-CN")  # a phone held up as a screen works too
    lobby.goto(display_link(page, campaign["id"]))
    expect(lobby.locator(".screen-text")).to_have_text(text)
    expect(lobby.locator(".screen-author")).to_have_text("一位同事")
    screenshot(lobby, "notes-big-screen-zh-CN")


def test_a_closed_campaign_says_why_one_cannot_write(page: Page, accounts, others):
    accounts.sign_in(page.context, "hr@example.com")
    page.goto("/notes")
    title = unique("Closed campaign")
    campaign = open_campaign(page, site="Hangzhou", title=title)
    response = page.request.patch(f"/api/campaigns/{campaign['id']}", data={"state": "closed"})
    assert response.status == 200, response.text()

    reader = others(people(site="Wuhan")[1]["email"])
    reader.goto(f"/notes/walls/{campaign['id']}")
    write = reader.get_by_role("button", name="Write to this campaign")
    expect(write).to_be_disabled()
    expect(write).to_have_accessible_description(re.compile("This campaign is closed"))
    expect(reader.get_by_text("Closed", exact=True)).to_be_visible()


def test_a_long_list_shows_older_pages_on_demand(page: Page, accounts, others):
    accounts.sign_in(page.context, "hr@example.com")
    page.goto("/notes")
    titles = [open_campaign(page, site="Hangzhou", title=unique(f"Campaign {n}"))["title"]["en"]
              for n in range(21)]  # one more than a page

    reader = others(people(site="Singapore")[2]["email"])
    reader.goto("/notes?show=walls")
    newest = reader.locator(".campaign-card").filter(has_text=titles[-1])
    expect(newest).to_be_visible()
    oldest = reader.locator(".campaign-card").filter(has_text=titles[0])
    expect(oldest).to_have_count(0)  # on the next page
    older = reader.get_by_role("button", name="Show older")
    older.click()
    expect(oldest).to_be_visible()
    expect(reader.locator(".campaign-card").filter(has_text=titles[1])).to_have_count(1)  # once
