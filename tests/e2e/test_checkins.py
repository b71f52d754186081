""""Are you safe?" check-ins end to end, in English: HR starts one for the Wuhan site in the
app; one colleague answers from Home's card while offline (it arrives once when back online),
another answers "I need help" from the notification's button (the service worker's own
notificationclick, with the action) and adds a note; HR's live view shows both, the note, the
case and the people who have not answered; the emailed one-time link answers without signing
in, once; a colleague without checkins.run has no such tool."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.checking import (
    checkins_server,
    close,
    counts,
    emailed_link,
    needs_checkins,
    notification_actions,
    phones,
    push_payload,
    start,
    tap_action,
)
from tests.e2e.conftest import OUTBOX_EMPTY, screenshot, tab, wait_until
from tests.e2e.notifying import PushService
from tests.e2e.test_accessibility import serious_violations

__all__ = ["checkins_server", "phones"]  # fixtures, used by name

pytestmark = [pytest.mark.e2e, needs_checkins]

NOTE = "Gather at the north car park."
HELP = "Twisted my ankle on floor 3, cannot walk down."
POLLED_MS = 30_000  # the live view reads its counts every 10 s, on a loaded machine
WUHAN = 23  # people at the Wuhan site in the demo directory


def number(page, key: str):
    return page.locator(f".live-number.is-{key} .live-number-value")


def test_hr_sees_live_who_is_safe_and_who_needs_help_answered_offline_and_from_the_notification(
        phones, checkins_server):
    app, url = checkins_server
    hr = phones("hr@example.com", bypass_csp=True)  # axe is injected as an inline script
    hr.home()
    page = hr.page
    tab(page, "More").click()
    page.get_by_role("link", name="Safety check-ins").click()
    page.get_by_role("link", name="Start a check-in").click()
    expect(page.get_by_label("In English")).to_have_value("Are you safe?")
    expect(page.get_by_label("In Chinese")).to_have_value("你安全吗？")
    page.get_by_label("Audience").select_option("site")
    page.get_by_label("Site").select_option("Wuhan")
    page.locator("label.choice", has_text="Real event").click()
    expect(page.get_by_text("it alerts everyone in the audience")).to_be_visible()
    page.get_by_label("A note from HR (optional)").fill(NOTE)
    expect(page.get_by_text(f"{len(NOTE)} / 200")).to_be_visible()
    screenshot(page, "checkins-start-en")
    assert serious_violations(page) == [], "the start form"
    page.get_by_role("button", name="Start the real check-in").click()
    confirm = page.get_by_role("alertdialog", name="Start a real check-in?")
    expect(confirm).to_be_visible()  # a real event is asked twice
    confirm.get_by_role("button", name="Yes, alert them now").click()
    expect(page).to_have_url(re.compile(r"/tools/checkins/(?!new$)\w+$"))
    checkin_id = page.url.rsplit("/", 1)[1]
    expect(page.get_by_role("heading", level=1, name="Are you safe?")).to_be_visible()
    expect(page.locator(".checkin-kind.is-real")).to_have_text("Real event")
    expect(number(page, "no_answer")).to_have_text(str(WUHAN))

    try:
        # Marcus answers from Home's card with no network: kept, then sent once.
        marcus = phones("marcus.lee@example.com", bypass_csp=True)
        marcus.home()
        card = marcus.page.locator(".checkin-card")
        expect(card.get_by_role("heading", name="Are you safe?")).to_be_visible()
        expect(card.get_by_text("Real event")).to_be_visible()
        expect(card.get_by_text(NOTE)).to_be_visible()
        screenshot(marcus.page, "checkin-home-en")
        assert serious_violations(marcus.page) == [], "Home's check-in card"
        marcus.context.set_offline(True)
        card.get_by_role("button", name="I'm safe").click()
        expect(card.get_by_text("Kept on this phone")).to_be_visible()
        assert counts(hr.context, checkin_id)["safe"] == 0
        marcus.context.set_offline(False)
        wait_until(marcus.page, OUTBOX_EMPTY)
        expect(card.get_by_text("You answered: I'm safe")).to_be_visible()
        expect(number(page, "safe")).to_have_text("1", timeout=POLLED_MS)

        # Hannah answers "I need help" from the notification's button, then adds a note.
        hannah = phones("hannah.cohen@example.com")
        hannah.context.grant_permissions(["notifications"])
        hannah.home()
        payload = push_payload(app, hannah.context, checkin_id)
        assert [a["action"] for a in payload["actions"]] == ["safe", "need_help", "not_affected"]
        PushService(hannah.page, url).deliver(payload)
        tag = payload["id"]
        wait_until(hannah.page, "navigator.serviceWorker.ready.then((r) => r.getNotifications("
                                f"{{tag: '{tag}'}})).then((list) => list.length === 1)")
        # Chromium shows at most two buttons: the two that matter most come first.
        assert notification_actions(hannah.page, tag)[:2] == ["safe", "need_help"]
        tap_action(hannah.page, tag, "need_help")
        expect(hannah.page).to_have_url(re.compile(rf"/checkins/{checkin_id}\?help=1$"))
        wait_until(hannah.page, OUTBOX_EMPTY)  # the worker sent the answer itself
        assert counts(hr.context, checkin_id)["need_help"] == 1
        hannah.page.get_by_label("What do you need? (optional)").fill(HELP)
        hannah.page.get_by_role("button", name="Send “I need help”").click()
        expect(hannah.page.get_by_text("Sent: I need help.")).to_be_visible()
        expect(hannah.page.get_by_text("You answered: I need help")).to_be_visible()
        expect(hannah.page.get_by_text(HELP)).to_be_visible()
        screenshot(hannah.page, "checkin-page-en")

        # HR's live view: both answers counted once each, the note, the people not answered.
        expect(number(page, "need_help")).to_have_text("1", timeout=POLLED_MS)
        expect(number(page, "safe")).to_have_text("1")
        expect(number(page, "no_answer")).to_have_text(str(WUHAN - 2))
        assert counts(hr.context, checkin_id) == {"safe": 1, "need_help": 1, "not_affected": 0,
                                                  "no_answer": WUHAN - 2, "audience_size": WUHAN}
        helped = page.locator(".checkin-people.is-need_help .checkin-person")
        expect(helped).to_have_count(1)
        expect(helped.get_by_role("heading", name="Hannah Cohen")).to_be_visible()
        expect(helped.get_by_text(HELP)).to_be_visible()
        expect(helped.get_by_role("link", name="Call Hannah Cohen")).to_have_attribute(
            "href", "tel:+86 27 5550 0130")
        expect(helped.get_by_role("link", name="Email Hannah Cohen")).to_have_attribute(
            "href", "mailto:hannah.cohen@example.com")
        silent = page.locator(".checkin-people.is-no_answer")
        expect(silent.get_by_role("heading", name="Li Na 李娜")).to_be_visible()
        expect(silent.get_by_role("heading", name="Marcus Lee")).to_have_count(0)
        screenshot(page, "checkins-live-en")
        assert serious_violations(page) == [], "the live view"
        helped.scroll_into_view_if_needed()
        screenshot(page, "checkins-live-help-en")

        helped.get_by_label("Case", exact=True).select_option("contacted")
        helped.get_by_label("Note", exact=True).fill("Called her: a colleague is with her.")
        helped.get_by_role("button", name="Save").click()
        expect(helped.get_by_text("Called her: a colleague is with her.")).to_be_visible()

        page.get_by_role("button", name="Remind again").click()
        expect(page.get_by_text(f"Reminder sent to {WUHAN - 2} people.")).to_be_visible()
        page.get_by_role("button", name="Remind again").click()
        expect(page.get_by_text("You can remind again in 5 min.")).to_be_visible()

        page.get_by_role("button", name="Close check-in").click()
        page.get_by_role("alertdialog", name="Close this check-in?").get_by_role(
            "button", name="Close it").click()
        expect(page.locator(".live-state")).to_have_text("Closed")
        expect(page.get_by_role("button", name="Remind again")).to_have_count(0)
        page.get_by_role("link", name="Safety check-ins").click()
        closed = page.get_by_role("region", name="Closed").get_by_role("link")
        expect(closed.first).to_contain_text("Are you safe?")
        expect(closed.first).to_contain_text("1 need help")
        screenshot(page, "checkins-list-en")
    finally:
        close(hr.context, checkin_id)


def test_the_emailed_link_answers_without_signing_in_and_only_once(phones, checkins_server):
    app, _ = checkins_server
    hr = phones("hr@example.com")
    checkin = start(hr.context, {"kind": "people", "people": ["E0039"]}, note="Fire drill at 10.")
    try:
        path = emailed_link(app, checkin["id"], "victor.ong@example.com")
        visitor = phones(None)
        visitor.page.goto(path)
        expect(visitor.page.get_by_role("heading", level=1, name="Are you safe?")).to_be_visible()
        expect(visitor.page.get_by_text("Hello Victor, please answer:")).to_be_visible()
        expect(visitor.page.locator(".checkin-kind")).to_have_text("Drill")
        expect(visitor.page.get_by_text("Fire drill at 10.")).to_be_visible()
        screenshot(visitor.page, "checkin-link-en")
        visitor.page.get_by_role("button", name="Not affected").click()
        expect(visitor.page.get_by_role("heading", name="Thank you")).to_be_visible()
        assert counts(hr.context, checkin["id"])["not_affected"] == 1

        visitor.page.goto(path)  # the same link again
        spent = "This link was already used or is out of date"
        expect(visitor.page.get_by_role("heading", name=spent)).to_be_visible()
        expect(visitor.page.get_by_text("it works once")).to_be_visible()
        visitor.page.goto("/answer/not-a-real-token")
        expect(visitor.page.get_by_role("heading", name="This link does not work")).to_be_visible()
        assert counts(hr.context, checkin["id"])["not_affected"] == 1
    finally:
        close(hr.context, checkin["id"])


def test_hr_lists_people_by_name_for_a_check_in(phones):
    hr = phones("hr@example.com")
    hr.home()
    page = hr.page
    page.goto("/tools/checkins/new")
    page.get_by_label("Audience").select_option("people")
    page.get_by_role("button", name="Start the drill").click()
    expect(page.get_by_text("Choose at least one person.")).to_be_visible()
    page.get_by_label("People", exact=True).fill("Victor")
    page.get_by_role("button", name=re.compile("^Victor Ong")).click()
    expect(page.get_by_role("button", name="Remove Victor Ong")).to_be_visible()
    page.get_by_role("button", name="Start the drill").click()
    expect(page).to_have_url(re.compile(r"/tools/checkins/(?!new$)\w+$"))
    checkin_id = page.url.rsplit("/", 1)[1]
    try:
        expect(page.locator(".checkin-kind")).to_have_text("Drill")
        expect(number(page, "no_answer")).to_have_text("1")
        expect(page.locator(".checkin-people.is-no_answer").get_by_role(
            "heading", name="Victor Ong")).to_be_visible()
    finally:
        close(hr.context, checkin_id)


def test_a_colleague_without_checkins_run_has_no_such_tool_and_may_not_open_it(phones):
    colleague = phones("employee@example.com")
    colleague.home()
    page = colleague.page
    tab(page, "More").click()
    expect(page.get_by_role("heading", level=1, name="More")).to_be_visible()
    expect(page.get_by_role("link", name="Safety check-ins")).to_have_count(0)
    page.goto("/tools/checkins")
    expect(page).to_have_url(re.compile("/more$"))
    answer = colleague.context.request.get("/api/checkins?state=open")
    assert answer.status == 403
    assert answer.json()["error"]["message"] == "Only HR and safety operators can do this."
