"""Helpers for issue 18's end-to-end tests (live events and tips): a server of their own whose
clock the test moves (an event's start, "on now"), browsers signed in as the demo people, and
the hosts' API calls made from a signed-in browser context."""

import time
import uuid
from contextlib import contextmanager
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from playwright.sync_api import Browser, Page, expect

from functions.app import create_app
from functions.config import Config
from functions.seed import seed_demo
from tests.e2e.conftest import (
    BROWSER_NETWORK_MESSAGES,
    GREETING,
    Accounts,
    ready_offline,
    serving,
)

EMPLOYEE = "employee@example.com"  # Li Na: Retail, Wuhan; reads in English
EDITOR = "editor@example.com"  # Chen Hao: Retail's editor (events.host, tips.publish); Chinese
HR = "hr@example.com"  # events.host and tips.publish anywhere; English
SHANGHAI = "Asia/Shanghai"  # the phones' time zone: times are shown in it, sent as UTC
HOUR = 3600


class Clock:
    """The server's clock, moved on by the test instead of waiting."""

    def __init__(self, start: float | None = None):
        self.now = float(int(start if start is not None else time.time()))

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def iso(epoch: float) -> str:
    return datetime.fromtimestamp(int(epoch), UTC).isoformat().replace("+00:00", "Z")


def unique(text: str) -> str:
    """A text no other test writes: the tests of a module share one server."""
    return f"{text} {uuid.uuid4().hex[:5]}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The app on its own data directory and clock, served on a free port."""
    clock = Clock()
    config = Config.from_env({"TOGETHER_DATA_DIR": str(tmp_path_factory.mktemp("events-e2e")),
                              "TOGETHER_SECRET_KEY": "e2e"})
    app = create_app(config, clock=clock)
    seed_demo(app)
    with serving(app) as url:
        yield SimpleNamespace(url=url, app=app, clock=clock, accounts=Accounts(app, url))


@contextmanager
def phone(browser: Browser, context_args: dict, site, email: str, *, ready: bool = True, **extra):
    """A page in a browser of its own (a phone in Shanghai), signed in as email, that fails
    the test if it throws; ready: Home opened and the service worker in control (its first
    claim reads the screen again, which would race a test's clicks)."""
    args = {**context_args, "timezone_id": SHANGHAI, **extra}
    args.pop("base_url", None)
    context = browser.new_context(base_url=site.url, **args)
    site.accounts.sign_in(context, email)
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda msg: msg.type == "error"
            and not msg.text.startswith(BROWSER_NETWORK_MESSAGES) and problems.append(msg.text))
    try:
        if ready:
            page.goto("/")
            expect(page.get_by_role("heading", level=1, name=GREETING)).to_be_visible()
            ready_offline(page)
        yield page
    finally:
        context.close()
    assert problems == []


def api(page: Page, method: str, path: str, body: dict | None = None) -> dict | None:
    """An API call as the page's signed-in person (a host setting things up)."""
    answer = page.request.fetch(path, method=method, data=body,
                                headers={"Idempotency-Key": str(uuid.uuid4())})
    assert answer.ok, (answer.status, answer.text())
    return answer.json() if answer.status != 204 else None


def karaoke(host: Page, site, *, starts_in: float = HOUR, title: str | None = None,
            zh_title: str | None = None, **fields) -> dict:
    """A karaoke night for Retail, created by host through the API."""
    starts = site.clock() + starts_in
    title = title or unique("Karaoke night")
    return api(host, "POST", "/api/events", {
        "kind": "karaoke", "title": {"en": title, "zh-CN": zh_title or f"K歌之夜 {title[-5:]}"},
        "description": {"en": "Sing with the leadership team.", "zh-CN": "和领导团队一起唱歌。"},
        "starts_at": iso(starts), "ends_at": iso(starts + 2 * HOUR),
        "join_url": "https://meeting.dingtalk.com/j/karaoke",
        "audience": {"kind": "unit", "unit": "Retail"},
        **fields})
