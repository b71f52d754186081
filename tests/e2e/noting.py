"""Helpers for issue 14's end-to-end tests (encouragement notes): people picked from the demo
directory by where they work, more browsers signed in as them, and HR's API calls.

The backend of issue 14 comes in its own branch: until functions/notes exists, the tests that
need it are skipped (`needs_notes`), and run as they are once it is merged.
"""

import csv
import re
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from functions.seed import DEMO_CSV
from tests.e2e.conftest import BROWSER_NETWORK_MESSAGES, OUTBOX_EMPTY, Accounts, wait_until

ROOT = Path(__file__).resolve().parents[2]

needs_notes = pytest.mark.skipif(
    not (ROOT / "functions" / "notes").is_dir(),
    reason="issue 14's backend (functions/notes) is not in this branch")


def people(*, site: str, language: str = "en") -> list[dict]:
    """Plain employees (no other role) of a site who read the app in `language`, from the demo
    directory the e2e server imports."""
    with DEMO_CSV.open(encoding="utf-8") as file:
        return [row for row in csv.DictReader(file)
                if row["site"] == site and row["language"] == language
                and row["roles"] == "employee"]


def unique(text: str) -> str:
    """A text no other test writes: tests share one server."""
    return f"{text} #{uuid.uuid4().hex[:6]}"


@contextmanager
def person_page(browser: Browser, context_args: dict, accounts: Accounts, email: str | None,
                **extra):
    """A page in a browser of its own, signed in as email (None: nobody, as in a lobby), that
    fails the test if it throws."""
    context = browser.new_context(**{**context_args, **extra})
    if email:
        accounts.sign_in(context, email)
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda msg: msg.type == "error"
            and not msg.text.startswith(BROWSER_NETWORK_MESSAGES) and problems.append(msg.text))
    try:
        yield page
    finally:
        context.close()
    assert problems == [], f"{email}: {problems}"


def open_campaign(page: Page, *, site: str, title: str) -> dict:
    """HR opens a campaign for a site through the API (page signed in as HR)."""
    response = page.request.post("/api/campaigns", data={
        "title": {"en": title, "zh-CN": title},
        "intro": {"en": f"Kind words for our colleagues in {site}."},
        "audience": {"kind": "site", "site": site}})
    assert response.status == 201, response.text()
    return response.json()


def display_link(page: Page, campaign_id: str, name: str = "Lobby") -> str:
    """HR makes a big-screen link for the campaign; its path (/wall/<token>)."""
    response = page.request.post(f"/api/campaigns/{campaign_id}/displays", data={"name": name})
    assert response.status == 201, response.text()
    return response.json()["url"]


def loaded(page: Page) -> None:
    """Waits until every list on the screen has its first page (or said why not)."""
    expect(page.locator(".paged > .app-loading")).to_have_count(0)


def card(page: Page, text: str):
    """The note card showing text."""
    return page.locator(".note-card").filter(has_text=re.compile(re.escape(text)))


def sent(page: Page, done: str) -> None:
    """A write went out through the outbox: the screen says `done`, or — when the answer took
    longer than the screen waits for, on a loaded machine — that it is kept on this phone;
    either way, then, the outbox has nothing left."""
    said = re.compile(f"^({re.escape(done)}|Kept on this phone|已保存在本机)")
    expect(page.get_by_text(said).first).to_be_visible()
    wait_until(page, OUTBOX_EMPTY)
