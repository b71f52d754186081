"""Signing in with an emailed code, on a phone-sized Chromium, through the real UI."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import GREETING, screenshot

pytestmark = pytest.mark.e2e

DEMO_ACCOUNTS = ["employee@example.com", "editor@example.com", "hr@example.com",
                 "health@example.com", "guard@example.com", "admin@example.com"]
# Home greets a person in their profile's language (infra/demo-directory.csv).
GREETINGS = {"en": "Hello, {name}", "zh-CN": "你好，{name}"}


@pytest.mark.parametrize("email", DEMO_ACCOUNTS)
def test_each_demo_account_signs_in_and_is_greeted_by_name(page: Page, signin, email):
    signin.open()
    if email == "employee@example.com":
        screenshot(page, "1-sign-in")
    signin.request_code(email)
    if email == "employee@example.com":
        screenshot(page, "2-code")

    signin.enter_code(signin.latest_code(email))

    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(GREETING)
    me = page.request.get("/api/me").json()  # the session cookie now exists
    expect(heading).to_have_text(GREETINGS[me["language"]].format(name=me["name"]))
    expect(page.locator("html")).to_have_attribute("lang", me["language"])
    expect(page).to_have_url(re.compile(r"/$"))
    if email == "employee@example.com":
        screenshot(page, "4-hello")


def test_a_wrong_code_shows_the_reason_and_keeps_the_code_step(page: Page, signin):
    email = "employee@example.com"
    signin.open()
    signin.request_code(email)
    right = signin.latest_code(email)
    wrong = "000000" if right != "000000" else "111111"

    signin.enter_code(wrong)

    expect(page.get_by_text("That code is not right.")).to_be_visible()
    expect(page.get_by_label("6-digit code")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    screenshot(page, "3-wrong-code")

    signin.enter_code(right)  # the same code still works after one wrong try
    expect(page.get_by_role("heading", name=GREETING)).to_be_visible()


def test_the_code_step_survives_a_reload(page: Page, signin):
    """People leave for their mail app; the phone may reload the page meanwhile."""
    email = "hr@example.com"
    signin.open()
    signin.request_code(email)

    page.reload()

    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    expect(page.get_by_text(email)).to_be_visible()
    signin.enter_code(signin.latest_code(email))
    expect(page.get_by_role("heading", name=GREETING)).to_be_visible()


def test_sign_out_returns_to_sign_in(page: Page, signin):
    signin.as_("admin@example.com")

    page.get_by_role("link", name="More").click()  # sign out lives in More, with the profile
    page.get_by_role("button", name="Sign out").click()

    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/signin$"))
    assert page.request.get("/api/me").status == 401
    page.goto("/")  # the session is gone on the server, not only on screen
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()


def test_a_signed_in_person_stays_signed_in_on_reload(page: Page, signin):
    signin.as_("editor@example.com")  # Chen Hao's profile says zh-CN

    page.reload()

    expect(page.get_by_role("heading", name=re.compile(r"^你好，Chen Hao"))).to_be_visible()


def test_chinese_browsers_get_chinese_screens_and_dark_mode_works(browser,
                                                                  browser_context_args):
    context = browser.new_context(**{**browser_context_args, "locale": "zh-CN",
                                     "color_scheme": "dark"})
    try:
        page = context.new_page()
        page.goto("/")

        expect(page.get_by_role("heading", name="登录")).to_be_visible()
        expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
        screenshot(page, "5-sign-in-zh-dark")
    finally:
        context.close()


def test_the_pwa_is_served_with_a_strict_policy(page: Page):
    index = page.request.get("/")
    csp = index.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert index.headers["x-content-type-options"] == "nosniff"
    assert index.headers["cache-control"] == "no-cache"
    assert page.request.get("/app/main.js").headers["content-type"].startswith("text/javascript")
    manifest = page.request.get("/manifest.webmanifest")
    assert manifest.headers["content-type"].startswith("application/manifest+json")
    assert manifest.json()["start_url"] == "/"
