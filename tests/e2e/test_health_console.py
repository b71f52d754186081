"""The health officer's console on a phone: today's counts, a person on hold, their history, an
override with a reason and its audit entry; HR sees only the counts and the scans."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import OUTBOX_EMPTY, screenshot, wait_until
from tests.e2e.test_accessibility import serious_violations
from tests.e2e.test_languages import english_left, proper_names
from tests.e2e.test_news import directory_names

pytestmark = pytest.mark.e2e

# Written by officers: shown as written, in whatever language they wrote.
REASON = "Negative PCR test on the 1st"
OFFLINE_REASON = "Contact was not confirmed"
CLEAN = {"temperature_c": 36.6, "symptoms": [], "close_contact": False,
         "visited_high_risk_area": False}


def declare(browser, accounts, base_url, email, **answers):
    """The person declares from their own phone (their own browser context)."""
    context = browser.new_context(base_url=base_url)
    try:
        accounts.sign_in(context, email)
        response = context.request.post("/api/health/declarations", data={**CLEAN, **answers})
        assert response.status == 201, response.text()
    finally:
        context.close()


def as_officer(page: Page, accounts, language: str) -> None:
    accounts.sign_in(page.context, "health@example.com")
    page.request.patch("/api/me", data={"language": language})  # the demo officer reads Chinese


def test_an_officer_finds_a_person_on_hold_overrides_and_sees_it_audited(
        page: Page, browser, accounts, base_url):
    declare(browser, accounts, base_url, "staff0015@example.com", close_contact=True)  # red
    declare(browser, accounts, base_url, "staff0028@example.com", temperature_c=38.1)  # yellow
    as_officer(page, accounts, "en")

    page.goto("/more")
    page.get_by_role("link", name="Health today").click()
    expect(page.get_by_role("heading", level=1, name="Health today")).to_be_visible()
    today = page.request.get("/api/health/today").json()
    wuhan = next(row for row in today["sites"] if row["name"] == "Wuhan")
    assert wuhan["red"] >= 1 and wuhan["yellow"] >= 1
    row = page.locator("table").first.get_by_role("row", name=re.compile("^Wuhan"))
    expect(row.locator("td")).to_have_text([str(wuhan[c]) for c in
                                            ("green", "yellow", "red", "none")])
    expect(page.get_by_role("img", name=re.compile(f"Red: {wuhan['red']}")).first).to_be_visible()
    screenshot(page, "console-today-en")
    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot(page, "console-today-desktop-en")
    page.set_viewport_size({"width": 390, "height": 844})

    page.get_by_role("navigation", name="Health console").get_by_role("link",
                                                                      name="On hold").click()
    person = page.get_by_role("link", name=re.compile("王芳"))
    expect(person).to_contain_text("Red")
    expect(person).to_contain_text("Close contact with a case")
    screenshot(page, "console-holds-en")

    person.click()
    expect(page.get_by_role("heading", level=1, name="王芳")).to_be_visible()
    history = page.get_by_role("region", name="Declarations (last 21 days)")
    expect(history).to_contain_text("Close contact with a case")
    screenshot(page, "console-person-en")

    form = page.get_by_role("form", name="Override the colour")
    form.get_by_text("Green", exact=True).click()
    form.get_by_label("Reason").fill(REASON)
    form.get_by_role("button", name="Save override").click()
    expect(page.get_by_text("Override saved.")).to_be_visible()
    expect(page.get_by_text("This person is not on hold right now.")).to_be_visible()

    page.get_by_role("navigation", name="Health console").get_by_role("link", name="Audit").click()
    page.get_by_label("Person (employee ID)").fill("E0015")
    page.get_by_label("Kind").select_option("override")
    page.get_by_role("button", name="Filter").click()
    entry = page.locator(".audit-entry").first
    expect(entry).to_contain_text("Colour overridden")
    expect(entry).to_contain_text("by Dr. Zhou Lan 周岚")
    expect(entry).to_contain_text(REASON)
    screenshot(page, "console-audit-en")

    page.goto("/tools/health/rules")
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_text(re.compile(r"With these rules, \d+ would be on hold"))).to_be_visible()
    screenshot(page, "console-rules-en")

    page.goto("/tools/health/scans")
    expect(page.get_by_role("heading", level=2, name="Why entries were refused")).to_be_visible()
    screenshot(page, "console-scans-en")


def test_an_override_made_offline_is_kept_and_sent_once_back_online(page: Page, browser,
                                                                   accounts, base_url):
    declare(browser, accounts, base_url, "staff0018@example.com", close_contact=True)
    as_officer(page, accounts, "en")
    page.goto("/tools/health/person?id=E0018")
    expect(page.get_by_role("heading", level=1, name="胡军")).to_be_visible()
    page.context.set_offline(True)
    form = page.get_by_role("form", name="Override the colour")
    form.get_by_label("Reason").fill(OFFLINE_REASON)
    form.get_by_role("button", name="Save override").click()
    expect(page.get_by_text("Saved on this phone. The override is sent when you're back "
                            "online.")).to_be_visible()
    page.context.set_offline(False)
    wait_until(page, OUTBOX_EMPTY)
    held = [h["employee_id"] for h in page.request.get("/api/health/holds").json()["items"]]
    assert "E0018" not in held
    overrides = page.request.get("/api/health/audit?person=E0018&kind=override").json()
    assert [e["detail"]["reason"] for e in overrides["items"]] == [OFFLINE_REASON]


def test_every_console_screen_reads_in_chinese_and_passes_axe(browser, browser_context_args,
                                                             accounts, base_url):
    declare(browser, accounts, base_url, "staff0013@example.com", symptoms=["cough"])
    context = browser.new_context(**browser_context_args, bypass_csp=True)  # for axe
    try:
        page = context.new_page()
        as_officer(page, accounts, "zh-CN")
        # The holds list shows everyone on hold on this server, whichever test put them there:
        # every name in the directory is a proper name here.
        names = [*proper_names(page.request.get("/api/me").json()), *directory_names(),
                 REASON, OFFLINE_REASON]
        for path, heading, name in (("/tools/health", "今日健康", "today"),
                                    ("/tools/health/holds", "暂停通行人员", "holds"),
                                    ("/tools/health/person?id=E0013", "曹宇", "person"),
                                    ("/tools/health/rules", "健康规则", "rules"),
                                    ("/tools/health/audit", "健康审计日志", "audit"),
                                    ("/tools/health/scans", "入口扫码", "scans")):
            page.goto(path)
            expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
            expect(page.locator(".spinner")).to_have_count(0)
            page.evaluate("document.querySelectorAll('.toast').forEach((t) => t.remove())")
            assert english_left(page, names) == [], name
            assert serious_violations(page) == [], name
            screenshot(page, f"console-{name}-zh-CN")
    finally:
        context.close()


def test_hr_sees_today_and_scans_without_names(page: Page, browser, accounts, base_url):
    declare(browser, accounts, base_url, "staff0016@example.com", close_contact=True)
    accounts.sign_in(page.context, "hr@example.com")
    page.goto("/tools/health")
    expect(page.get_by_role("heading", level=1, name="Health today")).to_be_visible()
    tabs = page.get_by_role("navigation", name="Health console").get_by_role("link")
    expect(tabs).to_have_text(["Today", "Scans"])
    expect(page.get_by_text("fewer than 5").first).to_be_visible()
    expect(page.get_by_text("梁晨")).to_have_count(0)
    screenshot(page, "console-today-hr-en")
    for path in ("/tools/health/holds", "/tools/health/person?id=E0016",
                 "/tools/health/rules", "/tools/health/audit"):
        page.goto(path)
        expect(page).to_have_url(re.compile("/more$"))
    page.goto("/tools/health/scans")
    expect(page.get_by_role("heading", level=1, name="Entrance scans")).to_be_visible()
