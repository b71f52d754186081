"""Helpers for issue 16's end-to-end tests ("Are you safe?" check-ins): HR's API calls, the real
push payload of a check-in, a tap on one of its notification's buttons, and the one-time link
that the email wave sends.

The backend of issue 16 comes in its own branch: until functions/checkins exists, the tests that
need it are skipped (`needs_checkins`).
"""

import re
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.e2e.conftest import (
    BROWSER_NETWORK_MESSAGES,
    GREETING,
    Accounts,
    demo_app,
    ready_offline,
    serving,
)

ROOT = Path(__file__).resolve().parents[2]

needs_checkins = pytest.mark.skipif(
    not (ROOT / "functions" / "checkins").is_dir(),
    reason="issue 16's backend (functions/checkins) is not in this branch")


def start(context: BrowserContext, audience: dict, *, drill: bool = True, note: str = "",
          question: dict | None = None) -> dict:
    """HR starts a check-in through the API (context signed in as someone with checkins.run)."""
    response = context.request.post("/api/checkins", headers={"Idempotency-Key": str(uuid.uuid4())},
                                    data={"question": question or {"en": "Are you safe?",
                                                                   "zh-CN": "你安全吗？"},
                                          "audience": audience, "drill": drill, "note": note,
                                          "remind_after_s": 900, "email_after_s": 3600})
    assert response.status == 201, response.text()
    return response.json()


def counts(context: BrowserContext, checkin_id: str) -> dict:
    """HR's live counts as the server has them."""
    response = context.request.get(f"/api/checkins/{checkin_id}")
    assert response.ok, response.text()
    return response.json()["counts"]


def close(context: BrowserContext, checkin_id: str) -> None:
    """Closes a check-in (tests share one server: an open one would show on others' Home)."""
    response = context.request.post(f"/api/checkins/{checkin_id}/close",
                                    headers={"Idempotency-Key": str(uuid.uuid4())})
    assert response.status in (200, 409), response.text()


def push_payload(live_app, context: BrowserContext, checkin_id: str, lang: str = "en") -> dict:
    """The push the backend sends this person for the check-in: found through their inbox,
    built by notify's own fanout.payload (actions, checkin and drill included)."""
    import json

    from functions.notify import fanout
    from functions.notify import service as notify

    response = context.request.get("/api/inbox")
    assert response.ok, response.text()
    found = [i for i in response.json()["items"] if i["link"] == f"/checkins/{checkin_id}"]
    assert found, "the check-in is not in this person's inbox"
    item = notify.get(live_app.extensions["together"].store, found[0]["id"])
    return json.loads(fanout.payload(item, lang))


def tap_action(page: Page, tag: str, action: str) -> None:
    """Taps one of a shown notification's buttons: the service worker's own notificationclick
    listener runs with event.action (dispatched inside the worker, as notifying.click_notification
    does for a tap on the notification itself)."""
    worker = page.context.service_workers[0]
    worker.evaluate("""async ([tag, action]) => {
      const [notification] = await self.registration.getNotifications({ tag });
      self.dispatchEvent(new NotificationEvent("notificationclick", { notification, action }));
    }""", [tag, action])


def notification_actions(page: Page, tag: str) -> list[str]:
    """The buttons of the shown notification with this tag."""
    return page.evaluate("(tag) => navigator.serviceWorker.ready"
                         ".then((r) => r.getNotifications({tag}))"
                         ".then(([n]) => (n?.actions ?? []).map((a) => a.action))", tag)


def emailed_link(live_app, checkin_id: str, email: str) -> str:
    """Runs the email wave now (the schedule would, after email_after_s) and returns the path
    (/answer/<token>) of the one-time link mailed to `email`."""
    from functions.checkins import service, waves
    from functions.mail.outbox import read_outbox

    adapters = live_app.extensions["together"]
    checkin = service.get(adapters.store, checkin_id)
    waves.email(adapters, checkin, int(adapters.clock()))
    message = read_outbox(adapters.store, to=email)[0]
    return re.search(r"https?://[^/\s]+(/answer/\S+)", message["text"]).group(1)


@pytest.fixture(scope="module")
def checkins_server(tmp_path_factory):
    """A server of the check-in tests' own: a check-in for Wuhan puts an item in 23 inboxes and
    a card on their Home, which the shared server's other tests must not see."""
    app = demo_app(tmp_path_factory.mktemp("checkins"))
    with serving(app) as url:
        yield app, url


class Phone:
    """A phone-sized browser context signed in as someone (None: nobody), failing on page errors."""

    def __init__(self, browser: Browser, context_args: dict, app, url: str, email: str | None,
                 **extra):
        self.url = url
        self.context = browser.new_context(**{**context_args, "base_url": url, **extra})
        self.person = Accounts(app, url).sign_in(self.context, email) if email else None
        self.page = self.context.new_page()
        self.errors = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda msg: msg.type == "error"
                     and not msg.text.startswith(BROWSER_NETWORK_MESSAGES)
                     and self.errors.append(msg.text))

    def home(self) -> None:
        """Opens Home and waits until the app works offline."""
        self.page.goto("/")
        expect(self.page.get_by_role("heading", level=1, name=GREETING)).to_be_visible()
        ready_offline(self.page)

    def close(self) -> None:
        self.context.close()
        assert self.errors == []


@pytest.fixture
def phones(browser, browser_context_args, checkins_server):
    """open_as(email, **context options): a Phone on the check-in tests' server."""
    app, url = checkins_server
    opened = []

    def open_as(email: str | None, **extra) -> Phone:
        opened.append(Phone(browser, browser_context_args, app, url, email, **extra))
        return opened[-1]

    yield open_as
    for phone in opened:
        phone.close()
