"""Writing notes (issue 14): a person found by name in either script, errors next to their
fields in English and Chinese, a note written offline kept in the outbox and delivered once,
and a cheer that counts once however often the heart is pressed."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import OUTBOX_EMPTY, open_home, screenshot, tab, wait_until
from tests.e2e.noting import card, loaded, needs_notes, people, sent, unique

pytestmark = [pytest.mark.e2e, needs_notes]


def mine(page: Page, text: str) -> list[dict]:
    """The signed-in person's notes with this text, as the server has them."""
    return [note for note in page.request.get("/api/notes/mine?limit=50").json()["items"]
            if note["text"] == text]


def test_the_composers_errors_show_next_to_their_fields(page: Page, accounts):
    accounts.sign_in(page.context, people(site="Hangzhou")[1]["email"])
    page.goto("/notes/write")
    form = page.locator("form.write-form")
    send = form.get_by_role("button", name="Send note")

    send.click()  # nobody chosen, nothing written
    name = form.get_by_label("Name")
    expect(name).to_have_attribute("aria-invalid", "true")
    expect(name).to_have_accessible_description(re.compile("Choose the person from the list."))
    note = form.get_by_label("Your note")
    expect(note).to_have_attribute("aria-invalid", "true")
    expect(note).to_have_accessible_description(re.compile("Write your note first."))
    expect(name).to_be_focused()  # the first field in error

    form.get_by_label("Send to").select_option("site")
    # Every site of the directory is offered, not only the writer's own (Hangzhou).
    expect(form.locator("#write-site-choices option[value='Wuhan']")).to_have_count(1)
    form.get_by_label("Site or region").fill("Atlantis")  # a site the directory does not have
    note.fill("x" * 501)
    expect(form.locator(".write-counter")).to_have_text("501 / 500")
    expect(form.locator(".write-counter")).to_have_class(re.compile("is-over"))
    send.click()
    expect(note).to_have_accessible_description(re.compile("Keep it to 500 characters."))
    note.fill("Thinking of you all 🌸")
    expect(form.locator(".write-counter")).to_have_text("21 / 500")  # an emoji counts as one
    send.click()  # the server's answer, next to the site
    site = form.get_by_label("Site or region")
    expect(site).to_have_attribute("aria-invalid", "true")
    expect(form.locator("#write-site-error")).not_to_be_empty()
    wait_until(page, OUTBOX_EMPTY)  # a refusal shown on the form is not left in the outbox
    screenshot(page, "notes-compose-error-en")


def test_the_composer_in_chinese(page: Page, accounts):
    accounts.sign_in(page.context, people(site="Wuhan", language="zh-CN")[1]["email"])
    page.goto("/notes/write")
    expect(page.get_by_role("heading", level=1, name="写寄语")).to_be_visible()
    form = page.locator("form.write-form")
    form.get_by_role("button", name="发送寄语").click()
    expect(form.get_by_label("你的寄语")).to_have_accessible_description(re.compile("请先写下你的寄语。"))
    expect(form.get_by_label("姓名")).to_have_accessible_description(re.compile("请从列表中选择一个人。"))
    form.get_by_label("姓名").fill("李")  # the directory searched in Chinese script
    form.get_by_role("button", name=re.compile("Li Na 李娜")).click()
    expect(form.locator(".person-chosen")).to_contain_text("Li Na 李娜")
    form.get_by_label("你的寄语").fill("加" * 501)
    form.get_by_role("button", name="发送寄语").click()
    expect(form.get_by_label("你的寄语")).to_have_accessible_description(
        re.compile("请控制在 500 个字以内。"))
    screenshot(page, "notes-compose-error-zh-CN")


def test_a_note_written_offline_waits_in_the_outbox_and_arrives_once(page: Page, accounts):
    writer = people(site="Singapore")[1]
    open_home(page, accounts, writer["email"])
    page.goto("/notes/write")
    form = page.locator("form.write-form")
    form.get_by_label("Name").fill("li na")  # Latin, any case
    form.get_by_role("button", name=re.compile("Li Na 李娜")).click()
    text = unique("Written on the train, sent when the train came out of the tunnel.")
    form.get_by_label("Your note").fill(text)
    form.get_by_text("A colleague", exact=True).click()  # anonymous

    page.context.set_offline(True)
    form.get_by_role("button", name="Send note").click()
    expect(page.get_by_text("Kept on this phone; your note goes out when you're back online."))\
        .to_be_visible()
    expect(tab(page, "More").locator(".badge")).to_have_text("1")
    assert page.evaluate("import('/app/outbox.js').then((o) => o.list())")[0]["url"] == "/api/notes"
    waiting = page.locator(".note-card.is-waiting")  # under Mine, where the composer went
    expect(waiting).to_contain_text(text)
    expect(waiting).to_contain_text("Waiting to be sent")
    screenshot(page, "notes-mine-waiting-en")

    page.context.set_offline(False)
    wait_until(page, OUTBOX_EMPTY)
    stored = mine(page, text)
    assert len(stored) == 1
    assert stored[0]["anonymous"] is True
    assert stored[0]["audience"]["kind"] == "person"
    expect(waiting).to_have_count(0)
    expect(card(page, text)).to_have_count(1)  # the server's, once
    expect(card(page, text)).to_contain_text("To Li Na 李娜")

    # The author deletes it: gone for everyone.
    card(page, text).get_by_role("button", name="Delete").click()
    card(page, text).get_by_role("button", name="Delete note").click()
    sent(page, "Note deleted.")
    expect(card(page, text)).to_have_count(0)
    assert mine(page, text) == []


def test_a_cheer_counts_once_however_often_it_is_pressed(page: Page, accounts, browser,
                                                         browser_context_args):
    writer = accounts.sign_in(page.context, people(site="Hangzhou")[2]["email"])
    text = unique("Proud of the Wuhan team this week.")
    response = page.request.post("/api/notes", data={
        "text": text, "audience": {"kind": "site", "site": "Wuhan"}})
    assert response.status == 201, response.text()
    note_id = response.json()["id"]
    assert writer["site"] == "Hangzhou"

    reader = people(site="Wuhan")[2]
    accounts.sign_in(page.context, reader["email"])  # the same browser, now the reader
    page.goto("/notes")
    heart = card(page, text).get_by_role("button", name="0 cheers: cheer this note")
    expect(heart).to_have_attribute("aria-pressed", "false")
    heart.click()
    heart = card(page, text).locator(".cheer")
    heart.click()  # pressed again: still one
    expect(heart).to_have_attribute("aria-pressed", "true")
    expect(heart).to_have_text("1")
    wait_until(page, OUTBOX_EMPTY)
    read = page.request.get("/api/notes/for-me?limit=50").json()["items"]
    assert [(n["cheers"], n["cheered"]) for n in read if n["id"] == note_id] == [(1, True)]

    page.reload()
    loaded(page)
    expect(card(page, text).locator(".cheer")).to_have_text("1")
    expect(card(page, text).locator(".cheer")).to_have_attribute("aria-pressed", "true")
    card(page, text).locator(".cheer").click()
    expect(card(page, text).locator(".cheer")).to_have_text("1")
    screenshot(page, "notes-cheered-en")

    # Write back to the author: the composer has them chosen already.
    card(page, text).get_by_role("link", name=f"Write back to {writer['name']}").click()
    form = page.locator("form.write-form")
    expect(form.get_by_label("Name")).to_have_value(writer["name"])
    expect(form.locator(".person-chosen")).to_contain_text(writer["name"])
    page.go_back()

    # A report goes to HR once.
    card(page, text).get_by_role("button", name="Report").click()
    card(page, text).get_by_label("Tell HR why (optional)").fill("Testing the report form")
    card(page, text).get_by_role("button", name="Send report").click()
    sent(page, "Thank you. HR will look at it.")
