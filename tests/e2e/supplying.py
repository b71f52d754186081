"""Helpers for issue 17's end-to-end tests (medical supplies): a server of their own with the
demo catalogue and stock, people picked from the demo directory, and HR's look at a site's
stock."""

import re

import pytest
from playwright.sync_api import Page, expect

from functions.seed_supplies import REQUESTS, seed_demo_supplies
from tests.e2e.conftest import Accounts, demo_app, serving
from tests.e2e.noting import people

# The demo requests' people have used some of this week's allowance: tests ask as others.
SEEDED = {person for person, *_ in REQUESTS}


def seed(app) -> None:
    """The demo catalogue, stock at every site and a few requests, once per server."""
    seed_demo_supplies(app, int(app.extensions["together"].clock()))


@pytest.fixture(scope="module")
def supplies_server(tmp_path_factory):
    """A server of the supplies tests' own: HR's steps notify the requesters, plain employees
    whose unread notifications other tests count on the shared server."""
    app = demo_app(tmp_path_factory.mktemp("supplies"))
    seed(app)
    with serving(app) as url:
        yield app, url


@pytest.fixture
def browser_context_args(browser_context_args, supplies_server):
    """Every page of these tests (`page`, person_page's) opens the supplies server."""
    return {**browser_context_args, "base_url": supplies_server[1]}


@pytest.fixture
def accounts(supplies_server) -> Accounts:
    return Accounts(*supplies_server)


def requester(site: str, language: str, n: int) -> dict:
    """The n-th plain employee of a site reading in language who has asked for nothing yet."""
    return [row for row in people(site=site, language=language) if row["id"] not in SEEDED][n]


def free(page: Page, site: str, item: str) -> int:
    """How many of an item a site has free to request (page signed in as HR)."""
    response = page.request.get("/api/supplies/stock", params={"site": site})
    assert response.ok, response.text()
    return next(row["qty"] for row in response.json()["items"] if row["item"]["id"] == item)


def item_card(page: Page, item: str):
    return page.locator(f".supply-item[data-item='{item}']")


def request_card(page: Page, name: str):
    """A request in HR's queue, by its requester's name."""
    return page.locator(".supply-request").filter(
        has=page.get_by_role("heading", name=re.compile(re.escape(name))))


def loaded(page: Page) -> None:
    """The screen's list or catalogue has arrived."""
    expect(page.locator(".app-loading")).to_have_count(0)


def show_delivery(page: Page) -> None:
    """Scrolls the request form's delivery part to the top of the screen, below the app bar."""
    page.locator(".supply-delivery-choice").evaluate(
        "(el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 80)")
