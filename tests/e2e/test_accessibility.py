"""Accessibility: axe-core finds nothing serious on any main screen, in light and dark mode."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Accounts, open_home, screenshot, tab

pytestmark = pytest.mark.e2e

AXE = Path(__file__).parent / "vendor" / "axe.min.js"  # axe-core, MPL-2.0: see vendor/
SIGNED_IN = [("Home", "/"), ("News", "/news"), ("Stories", "/stories"), ("Notes", "/notes"),
             ("Pass", "/pass"), ("More", "/more"), ("Directory import", "/tools/directory"),
             ("Campaigns", "/tools/campaigns"), ("Moderation", "/tools/moderation"),
              ("Supplies desk", "/tools/supplies"), ("Safety check-ins", "/tools/checkins"),
              ("Events", "/events"), ("Tips and posters", "/tips"),
              ("Host events", "/tools/events"), ("Publish tips", "/tools/tips")]
UNDER_MORE = ("/tools/", "/events", "/tips")  # opened from More, not from a tab


def serious_violations(page: Page) -> list[str]:
    """What axe calls serious or critical on the page as it is now, one line each."""
    if not page.evaluate("'axe' in window"):
        page.add_script_tag(path=AXE)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} at "
            + ", ".join(str(node["target"]) for node in v["nodes"])
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.fixture(params=["light", "dark"])
def scheme_page(request, browser, browser_context_args):
    # axe is injected as an inline script, which the app's Content-Security-Policy forbids.
    context = browser.new_context(**{**browser_context_args, "color_scheme": request.param,
                                     "bypass_csp": True})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, request.param
    context.close()
    assert errors == []


def test_every_main_screen_passes_axe(scheme_page, live_app, live_server):
    page, scheme = scheme_page
    page.goto("/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    assert serious_violations(page) == [], "sign in"
    screenshot(page, f"signin-en-{scheme}")

    open_home(page, Accounts(live_app, live_server), "admin@example.com")
    for name, path in SIGNED_IN:
        if path.startswith(UNDER_MORE):
            if page.url != f"{live_server}/more":
                tab(page, "More").click()
            page.get_by_role("link", name=re.compile(f"^{name}")).click()
        else:
            tab(page, name).click()
        expect(page).to_have_url(f"{live_server}{path}")
        expect(page.get_by_role("heading", level=1).first).to_be_visible()
        assert serious_violations(page) == [], name
        screenshot(page, f"{name.lower().replace(' ', '-')}-en-{scheme}")

    # Offline, with one write waiting and one refused: the banner, badge and outbox rows.
    tab(page, "More").click()
    page.evaluate("""import('/app/outbox.js').then((outbox) => outbox.enqueue(
      {method: 'PATCH', url: '/api/me', body: {language: 'xx'}, label: 'outbox.language'}))""")
    expect(page.get_by_text("Not sent:")).to_be_visible()
    page.context.set_offline(True)
    page.evaluate("""import('/app/outbox.js').then((outbox) => outbox.enqueue(
      {method: 'POST', url: '/api/health/declarations', label: 'outbox.declaration',
       body: {temperature_c: 36.6, symptoms: [], close_contact: false,
              visited_high_risk_area: false}}))""")
    expect(page.get_by_text("Sent when you're back online")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="You're offline")).to_be_visible()
    page.get_by_role("heading", name="Waiting to be sent").scroll_into_view_if_needed()
    assert serious_violations(page) == [], "offline, with the outbox"
    screenshot(page, f"outbox-en-{scheme}")
    page.context.set_offline(False)


def test_touch_targets_are_at_least_44_px_and_focus_is_visible(page: Page, accounts):
    open_home(page, accounts, "hr@example.com")
    for name in ["Home", "More"]:
        tab(page, name).click()
        # The screen is shown (its heading takes the focus): views load when their route opens.
        expect(page.locator("main h1")).to_be_focused()
        expect(tab(page, name)).to_have_attribute("aria-current", "page")
        small = page.evaluate("""() => [...document.querySelectorAll('a, button, input, label')]
          .filter((el) => el.checkVisibility() && !el.closest('.visually-hidden, .skip-link'))
          .map((el) => [el, el.closest('label') || el])
          // Layout size, not getBoundingClientRect: a press or entrance animation's transform
          // must not count as a small target (it made this test flaky under load).
          .filter(([el, box]) => el.type !== 'radio'
                  && (box.offsetWidth < 44 || box.offsetHeight < 44))
          .map(([el]) => el.outerHTML.slice(0, 80))""")
        assert small == [], name

    skip = page.get_by_role("link", name="Skip to content")
    skip.focus()  # hidden until a keyboard reaches it
    assert skip.bounding_box()["width"] > 44
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")  # into the screen: its first control shows a focus ring
    assert page.evaluate("document.activeElement.closest('main') !== null")
    ring = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert ring == "solid"
