"""What the stories tests share: a server of their own, phones signed in on it, a recording."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import demo_app, serving, wait_until
from tests.e2e.test_news import Phone

# The chunks a recording has kept in IndexedDB so far (a condition's value, in the page).
STORED_CHUNKS = ("import('/app/video/chunk-store.js').then((c) => c.recordings())"
                 ".then((r) => r.reduce((n, x) => n + x.stored, 0))")


@pytest.fixture(scope="module")
def stories_server(tmp_path_factory):
    app = demo_app(tmp_path_factory.mktemp("stories"))
    with serving(app) as url:
        yield app, url


@pytest.fixture
def phones(browser, browser_context_args, stories_server):
    app, url = stories_server
    opened = []

    def open_as(email: str, language: str = "en", **extra) -> Phone:
        phone = Phone(browser, browser_context_args, app, url, email, **extra)
        phone.page.request.patch("/api/me", data={"language": language})
        opened.append(phone)
        return phone

    yield open_as
    for phone in opened:
        phone.close()


def open_recorder(page: Page) -> None:
    page.goto("/stories/record")
    expect(page.get_by_role("button", name="Start recording")).to_be_enabled()
    wait_until(page, "document.querySelector('.record-live')?.readyState >= 2")


def record(page: Page, seconds: int, *, stop: bool = True) -> None:
    """Presses record, lets the countdown run, and records `seconds` of the fake camera."""
    page.get_by_role("button", name="Start recording").click()
    timer = page.get_by_role("timer")
    expect(timer).to_have_text(re.compile(rf"^0:0{seconds}"), timeout=(seconds + 3) * 1000 + 15_000)
    if stop:
        page.get_by_role("button", name="Stop recording").click()
        expect(page.get_by_label("Your recording")).to_be_visible()
