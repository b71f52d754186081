"""Medical supplies on the phone (issue 17): an employee asks for masks while offline and the
request arrives once; HR approves, packs and dispatches it; the employee follows each step."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import OUTBOX_EMPTY, open_home, screenshot, wait_until
from tests.e2e.noting import person_page
from tests.e2e.supplying import (
    accounts,
    browser_context_args,
    free,
    item_card,
    loaded,
    request_card,
    requester,
    show_delivery,
    supplies_server,
)
from tests.e2e.test_accessibility import serious_violations

pytestmark = pytest.mark.e2e
__all__ = ["accounts", "browser_context_args", "supplies_server"]  # the fixtures above

TRACKING = "SF Express SF1402 7781 0032"


def test_masks_asked_for_offline_arrive_once_and_the_employee_sees_them_dispatched(
        page: Page, browser: Browser, browser_context_args, accounts):
    person = requester("Wuhan", "en", 0)
    open_home(page, accounts, person["email"])
    with person_page(browser, browser_context_args, accounts, "hr@example.com") as hr:
        before = free(hr, "Wuhan", "masks")

        page.goto("/supplies")
        masks = item_card(page, "masks")
        expect(masks).to_contain_text("Surgical masks")
        expect(masks).to_contain_text("box of 10")
        expect(masks).to_contain_text(f"{before} left at Wuhan")
        expect(masks).to_contain_text("You may ask for 2 more this week")
        more = masks.get_by_role("button", name="One more: Surgical masks")
        more.click()
        more.click()
        expect(more).to_be_disabled()  # the weekly limit: 2
        expect(masks.get_by_role("spinbutton", name="How many: Surgical masks")).to_have_value("2")
        page.evaluate("window.scrollTo(0, 0)")
        screenshot(page, "supplies-catalogue-en")

        page.context.set_offline(True)
        page.get_by_text("Reception", exact=True).click()
        page.get_by_role("button", name="Send request").click()
        expect(page.get_by_text("Kept on this phone: sent when you're back online.")
               ).to_be_visible()
        expect(page.get_by_text("Waiting to be sent: it goes when you're back online")
               ).to_be_visible()
        expect(page.locator(".supply-waiting")).to_contain_text("2 × Surgical masks")
        assert free(hr, "Wuhan", "masks") == before  # nothing left the phone

        page.context.set_offline(False)
        wait_until(page, OUTBOX_EMPTY)
        mine = page.locator(".supply-list:not(.supply-waiting) .supply-request")
        expect(mine).to_have_count(1)
        expect(mine).to_contain_text("Requested")
        # once, however many times the phone tried
        assert free(hr, "Wuhan", "masks") == before - 2

        # HR: one request from this person in Wuhan's queue; approved in bulk, packed, dispatched.
        hr.goto("/tools/supplies?site=Wuhan")
        loaded(hr)
        card = request_card(hr, person["name"])
        expect(card).to_have_count(1)
        expect(card).to_contain_text("Pickup at reception")
        screenshot(hr, "supplies-queue-en")
        card.get_by_role("checkbox").check()
        hr.get_by_role("button", name="Approve selected").click()
        expect(hr.get_by_text("1 request approved.")).to_be_visible()
        expect(request_card(hr, person["name"])).to_have_count(0)

        hr.get_by_role("link", name="Approved", exact=True).click()
        loaded(hr)
        hr.get_by_role("link", name="Pick list").click()
        sheet = hr.locator(".picklist-sheet")
        expect(sheet.locator(".picklist-request").filter(has_text=person["name"])).to_contain_text(
            "2 × Surgical masks")
        expect(sheet.locator(".picklist-table")).to_contain_text("Surgical masks")
        expect(hr.get_by_role("button", name="Print")).to_be_visible()
        screenshot(hr, "supplies-picklist-en")

        hr.goto("/tools/supplies?site=Wuhan&state=approved")
        loaded(hr)
        request_card(hr, person["name"]).get_by_role("button", name="Packed").click()
        expect(hr.get_by_text(f"Packed: {person['name']}.")).to_be_visible()
        hr.goto("/tools/supplies?site=Wuhan&state=packed")
        loaded(hr)
        card = request_card(hr, person["name"])
        card.get_by_role("button", name="Dispatch").click()
        card.get_by_label("Tracking note").fill(TRACKING)
        card.get_by_role("button", name="Dispatch").click()
        expect(hr.get_by_text(f"Dispatched: {person['name']} is told.")).to_be_visible()

    page.reload()
    mine = page.locator(".supply-list:not(.supply-waiting) .supply-request")
    expect(mine.first).to_contain_text("Dispatched")
    expect(mine.first).to_contain_text(f"Tracking: {TRACKING}")
    screenshot(page, "supplies-mine-en")
    mine.first.get_by_role("link").click()  # the page a notification opens
    expect(page).to_have_url(re.compile(r"/supplies/requests/\w+$"))
    expect(page.locator("[aria-current=step]")).to_contain_text("Dispatched")
    expect(page.get_by_role("button", name="Cancel this request")).to_have_count(0)


def test_asking_over_the_weekly_limit_is_refused_in_words_by_the_item(page: Page, accounts):
    person = requester("Wuhan", "en", 1)
    open_home(page, accounts, person["email"])
    page.goto("/supplies")
    masks = item_card(page, "masks")
    more = masks.get_by_role("button", name="One more: Surgical masks")
    more.click()
    more.click()
    # Meanwhile the same person asks for one box from another phone.
    asked = page.request.post("/api/supplies/requests", data={
        "lines": [{"item": "masks", "qty": 1}], "delivery": {"kind": "pickup"}, "note": ""})
    assert asked.status == 201, asked.text()

    page.get_by_label("Your desk").fill("3F-20")
    page.get_by_role("button", name="Send request").click()
    expect(masks.get_by_role("alert")).to_have_text(
        "You can ask for 1 more of Surgical masks this week.")
    wait_until(page, OUTBOX_EMPTY)  # the form says what to change: nothing waits to be retried
    expect(masks).to_contain_text("You may ask for 1 more this week")  # read again
    expect(masks.get_by_role("spinbutton")).to_have_value("1")
    screenshot(page, "supplies-refused-en")


def test_asking_for_more_than_is_left_is_refused_in_words_by_the_item(
        page: Page, browser: Browser, browser_context_args, accounts):
    person = requester("Wuhan", "en", 3)
    open_home(page, accounts, person["email"])
    page.goto("/supplies")
    kits = item_card(page, "test-kits")
    more = kits.get_by_role("button", name="One more: Rapid antigen test")
    more.click()
    more.click()
    with person_page(browser, browser_context_args, accounts, "hr@example.com") as hr:
        # Meanwhile all but one kit at Wuhan are counted out.
        left = free(hr, "Wuhan", "test-kits")
        counted = hr.request.post("/api/supplies/movements", data={
            "site": "Wuhan", "item": "test-kits", "kind": "adjusted", "qty": 1 - left,
            "reason": "Stock count"})
        assert counted.status == 201, counted.text()
        try:
            page.locator("main").get_by_text("Reception", exact=True).click()
            page.get_by_role("button", name="Send request").click()
            expect(kits.get_by_role("alert")).to_have_text(
                "Rapid antigen test is out of stock at your site: 1 left.")
            expect(kits).to_contain_text("1 left at Wuhan")  # read again
            expect(kits.get_by_role("spinbutton")).to_have_value("1")
        finally:
            hr.request.post("/api/supplies/movements", data={
                "site": "Wuhan", "item": "test-kits", "kind": "adjusted", "qty": left - 1,
                "reason": "Found in the back room"})


def test_approving_in_bulk_says_which_were_refused_and_why(
        page: Page, browser: Browser, browser_context_args, accounts):
    person = requester("Wuhan", "en", 4)
    accounts.sign_in(page.context, person["email"])
    made = []
    for desk in ("1F-01", "1F-02"):
        answer = page.request.post("/api/supplies/requests", data={
            "lines": [{"item": "sanitiser", "qty": 1}], "delivery": {"kind": "desk", "desk": desk},
            "note": ""})
        assert answer.status == 201, answer.text()
        made.append(answer.json()["id"])
    with person_page(browser, browser_context_args, accounts, "hr@example.com") as hr:
        hr.goto("/tools/supplies?site=Wuhan")
        loaded(hr)
        cards = request_card(hr, person["name"])
        expect(cards).to_have_count(2)
        # Meanwhile the employee cancels one of them.
        assert page.request.post(f"/api/supplies/requests/{made[0]}/cancel").ok
        for box in cards.get_by_role("checkbox").all():
            box.check()
        hr.get_by_role("button", name="Approve selected").click()
        expect(hr.get_by_text("1 request approved. 1 could not be approved")).to_be_visible()
        expect(hr.locator(".supply-bulk-notice")).to_have_text(
            f"{person['name']}: not approved: "
            "This request is cancelled, so it cannot be approved now.")
        screenshot(hr, "supplies-bulk-refused-en")


def test_a_request_is_cancelled_while_it_waits_and_the_home_address_is_for_hr_only(
        browser: Browser, browser_context_args, accounts):
    person = requester("Wuhan", "en", 2)
    # axe is injected as an inline script, which the app's Content-Security-Policy forbids.
    with person_page(browser, browser_context_args, accounts, person["email"],
                     bypass_csp=True) as page:
        page.goto("/supplies")
        item_card(page, "sanitiser").get_by_role("button", name="One more: Hand sanitiser").click()
        page.locator("main").get_by_text("Home", exact=True).click()
        expect(page.get_by_text("Only the HR colleagues handling your request see this address")
               ).to_be_visible()
        page.get_by_label("Address", exact=True).fill("Building 7, Room 1203")
        page.get_by_label("City").fill("Wuhan")
        page.get_by_label("Phone for the courier").fill("+86 27 5555 0199")
        assert serious_violations(page) == [], "the request form"
        show_delivery(page)
        screenshot(page, "supplies-form-en")
        page.get_by_role("button", name="Send request").click()
        expect(page.get_by_role("heading", level=1, name="Supplies request")).to_be_visible()
        expect(page.locator(".supply-request")).to_contain_text("To a home address in Wuhan")
        expect(page.locator(".supply-request")).not_to_contain_text("Building 7")
        assert serious_violations(page) == [], "a request"

        with person_page(browser, browser_context_args, accounts, "hr@example.com") as hr:
            hr.goto("/tools/supplies?site=Wuhan")
            loaded(hr)
            expect(request_card(hr, person["name"])).to_contain_text("Building 7, Room 1203")

        page.once("dialog", lambda dialog: dialog.accept())
        page.get_by_role("button", name="Cancel this request").click()
        expect(page.get_by_text("Request cancelled.")).to_be_visible()
        expect(page.locator("[aria-current=step]")).to_contain_text("Cancelled")


def test_someone_without_supplies_manage_gets_no_hr_tool(page: Page, accounts):
    open_home(page, accounts, "employee@example.com")
    page.goto("/more")
    expect(page.get_by_role("link", name=re.compile("^Supplies"))).to_be_visible()
    expect(page.get_by_role("link", name="Supplies desk")).to_have_count(0)
    page.goto("/tools/supplies/picklist?site=Wuhan")
    expect(page).to_have_url(re.compile("/more$"))
    assert page.request.get("/api/supplies/queue", params={"site": "Wuhan"}).status == 403


def test_hr_receives_stock_with_a_reason_and_finds_it_in_the_movements(
        browser: Browser, browser_context_args, accounts):
    with person_page(browser, browser_context_args, accounts, "hr@example.com",
                     bypass_csp=True) as hr:
        before = free(hr, "Hangzhou", "gloves")
        hr.goto("/tools/supplies/stock?site=Hangzhou")
        gloves = hr.locator(".supply-stock[data-item='gloves']")
        expect(gloves).to_contain_text("Disposable gloves")
        gloves.get_by_role("button", name="Receive stock").click()
        gloves.get_by_label("How many arrived").fill("25")
        gloves.get_by_role("button", name="Add to stock").click()
        expect(gloves.get_by_text("Write why.")).to_be_visible()  # a movement always says why
        gloves.get_by_label("Why").fill("Donation from the Hangzhou office")
        gloves.get_by_role("button", name="Add to stock").click()
        expect(hr.get_by_text("Stock received.")).to_be_visible()
        in_stock = hr.locator(".supply-stock[data-item='gloves'] .supply-figure").first
        expect(in_stock).to_contain_text(str(before + 25))
        assert serious_violations(hr) == [], "stock"
        screenshot(hr, "supplies-stock-en")

        hr.get_by_role("link", name="Movements").click()
        first = hr.locator(".supply-movement").first
        expect(first).to_contain_text("+25")
        expect(first).to_contain_text("Donation from the Hangzhou office")
        csv = hr.get_by_role("link", name="Download CSV")
        expect(csv).to_have_attribute("href", re.compile(
            r"^/api/supplies/movements.csv\?site=Hangzhou&from=\d{4}-\d\d-\d\d&to=\d{4}-"))
        exported = hr.request.get(csv.get_attribute("href"))
        assert exported.headers["content-type"].startswith("text/csv"), exported.text()
        assert "Donation from the Hangzhou office" in exported.text()
        assert serious_violations(hr) == [], "movements"
        screenshot(hr, "supplies-movements-en")
