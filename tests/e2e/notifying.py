"""Helpers for issue 13's end-to-end tests (push + inbox): sending as HR through the API, and
a push delivered to the page's service worker through the Chrome DevTools Protocol.

The backend of issue 13 comes in its own branch: until functions/notify exists, the tests that
need it are skipped (`needs_notify`), and run as they are once it is merged.
"""

import json
import time
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page

ROOT = Path(__file__).resolve().parents[2]


def backend_has_notify() -> bool:
    """Whether this checkout has issue 13's backend (functions/notify)."""
    return (ROOT / "functions" / "notify").is_dir()


needs_notify = pytest.mark.skipif(
    not backend_has_notify(), reason="issue 13's backend (functions/notify) is not in this branch")


class Sender:
    """HR (or an editor) sending notifications through the API, from their own browser context."""

    def __init__(self, browser, accounts, base_url: str, email: str = "hr@example.com"):
        self.context = browser.new_context(base_url=base_url)
        accounts.sign_in(self.context, email)

    def send(self, subject: str, people: list[str], **fields) -> dict:
        """Sends an English notification titled subject to people (fields override any part)."""
        body = {"title": {"en": subject}, "body": {"en": f"{subject}: the details."},
                "link": "/news",
                "audience": {"kind": "people", "people": people}, "send_at": None,
                "urgency": "normal", "ttl_s": 3600, "must_acknowledge": False, "topic": "hr",
                **fields}
        response = self.context.request.post("/api/notifications", data=body,
                                             headers={"Idempotency-Key": str(uuid.uuid4())})
        assert response.status == 201, response.text()
        return response.json()

    def stats(self, notification_id: str) -> dict:
        response = self.context.request.get(f"/api/notifications/{notification_id}")
        assert response.ok, response.text()
        return response.json()["stats"]

    def close(self) -> None:
        self.context.close()


def inbox_of(context: BrowserContext) -> dict:
    """The person's inbox as the server has it."""
    response = context.request.get("/api/inbox")
    assert response.ok, response.text()
    return response.json()


def poll(page: Page, condition, timeout_s: float = 15, what: str = "condition"):
    """Waits for a Python-side condition (a CDP event arrived, say), checking every 50 ms."""
    deadline = time.monotonic() + timeout_s
    while not (value := condition()):
        assert time.monotonic() < deadline, f"{what} still false after {timeout_s} s"
        page.wait_for_timeout(50)  # lets Playwright dispatch the events the condition reads
    return value


class PushService:
    """Plays the browser's push service: ServiceWorker.deliverPushMessage over CDP hands the
    page's service worker a real `push` event (headless Chromium cannot subscribe for real)."""

    def __init__(self, page: Page, base_url: str):
        self.page = page
        self.origin = base_url
        self.session = page.context.new_cdp_session(page)
        self.registrations = []
        self.session.on("ServiceWorker.workerRegistrationUpdated",
                        lambda event: self.registrations.extend(event["registrations"]))
        self.session.send("ServiceWorker.enable")

    def deliver(self, payload: dict) -> None:
        live = poll(self.page, lambda: [r for r in self.registrations if not r["isDeleted"]],
                    what="the service worker's registration")
        self.session.send("ServiceWorker.deliverPushMessage", {
            "origin": self.origin, "registrationId": live[-1]["registrationId"],
            "data": json.dumps(payload)})


def payload_of(notification: dict, lang: str = "en") -> dict:
    """The push payload the backend sends for a notification (the contract's shape)."""
    return {"id": notification["id"], "title": notification["title"][lang],
            "body": notification["body"][lang], "link": notification["link"],
            "urgency": notification["urgency"],
            "must_acknowledge": notification["must_acknowledge"], "lang": lang}


def shown_notifications(page: Page, tag: str) -> int:
    """How many notifications with this tag the service worker shows now."""
    return page.evaluate("(tag) => navigator.serviceWorker.ready"
                         ".then((r) => r.getNotifications({tag})).then((list) => list.length)", tag)


def click_notification(page: Page, tag: str) -> None:
    """Taps a shown notification: the service worker's own `notificationclick` listener runs on
    the real Notification object. Playwright cannot click system notifications and CDP has no
    command for it, so the event is dispatched inside the worker; being untrusted, its
    waitUntil() throws there after the listener has started its work (not a page error)."""
    worker = page.context.service_workers[0]
    worker.evaluate("""async (tag) => {
      const [notification] = await self.registration.getNotifications({ tag });
      self.dispatchEvent(new NotificationEvent("notificationclick", { notification }));
    }""", tag)
