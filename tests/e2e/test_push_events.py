"""The service worker's push handlers, driven for real: a push delivered through the Chrome
DevTools Protocol (ServiceWorker.deliverPushMessage) shows a notification, updates the bell
and reports "received"; tapping it (the worker's own notificationclick listener) opens its link
in the app and reports "opened". Reports made offline reach HR's figures once back online."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import OUTBOX_EMPTY, open_home, wait_until
from tests.e2e.notifying import (
    PushService,
    Sender,
    click_notification,
    needs_notify,
    payload_of,
    shown_notifications,
)

pytestmark = needs_notify

# Five people, so that no figure is a group small enough to be hidden.
AUDIENCE = ["E0039", "E0040", "E0044", "E0047", "E0048"]
WAITING_EVENT = ("import('/app/outbox.js').then((o) => o.list()).then((entries) => "
                 "entries.some((e) => e.url.endsWith('/events') && e.body.kind === '{kind}'))")


def test_a_push_received_and_opened_offline_reaches_the_stats(page: Page, browser, accounts,
                                                               base_url):
    hr = Sender(browser, accounts, base_url)
    try:
        sent = hr.send("Masks at reception", AUDIENCE, link="/news")
        page.context.grant_permissions(["notifications"])  # as after "Turn on"
        open_home(page, accounts, "victor.ong@example.com")
        bell = page.get_by_role("banner").get_by_role("link", name=re.compile("^Inbox"))
        expect(bell).to_have_accessible_name("Inbox, 1 unread")
        push = PushService(page, base_url)

        page.context.set_offline(True)
        push.deliver(payload_of(sent))
        wait_until(page, f"navigator.serviceWorker.ready.then((r) => r.getNotifications("
                         f"{{tag: '{sent['id']}'}})).then((list) => list.length === 1)")
        wait_until(page, WAITING_EVENT.format(kind="received"))  # kept by the worker's outbox

        click_notification(page, sent["id"])
        expect(page).to_have_url(re.compile(r"/news$"))  # the open window went to the link
        assert shown_notifications(page, sent["id"]) == 0  # closed once tapped
        wait_until(page, WAITING_EVENT.format(kind="opened"))

        page.context.set_offline(False)
        wait_until(page, OUTBOX_EMPTY)
        stats = hr.stats(sent["id"])
        assert stats["received"] == 1
        assert stats["opened"] == 1
        expect(bell).to_have_accessible_name("Inbox")  # opening it read it
    finally:
        hr.close()


def test_a_push_updates_the_bell_of_an_open_app(page: Page, browser, accounts, base_url):
    page.context.grant_permissions(["notifications"])
    open_home(page, accounts, "felix.braun@example.com")
    bell = page.get_by_role("banner").get_by_role("link", name=re.compile("^Inbox"))
    expect(bell).to_have_accessible_name("Inbox")
    push = PushService(page, base_url)
    hr = Sender(browser, accounts, base_url)
    try:
        sent = hr.send("Today's news is out", ["E0055"], topic="news")
        push.deliver(payload_of(sent))  # the worker tells the page, which asks the server again
        expect(bell).to_have_accessible_name("Inbox, 1 unread")
    finally:
        hr.close()
