"""The installable shell: tabs, role tools, manifest and icons, service worker and updates."""

import re
import shutil
import struct
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect

from tests.e2e.conftest import (
    GREETING,
    Accounts,
    demo_app,
    open_home,
    ready_offline,
    screenshot,
    serving,
    tab,
    wait_until,
)

pytestmark = pytest.mark.e2e

PWA = Path(__file__).resolve().parents[2] / "pwa"
IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
          "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")
# What each demo account finds under "Your tools", in their profile's language.
TOOLS = {
    "employee@example.com": [],
    "editor@example.com": ["发布新闻", "发送通知", "故事审核", "主持活动", "发布小贴士"],
    "hr@example.com": ["Safety check-ins", "Directory import", "Publish news", "Notify",
                       "Campaigns", "Moderation", "Story review", "Host events", "Publish tips",
                       "Story settings", "Supplies desk", "Health today", "Entrance scans"],
    "health@example.com": ["今日健康", "暂停通行人员", "健康规则", "健康审计日志", "入口扫码"],
    "guard@example.com": ["扫描通行码"],
    "admin@example.com": ["Safety check-ins", "Directory import", "Publish news", "Notify",
                          "Campaigns", "Moderation", "Story review", "Host events", "Publish tips",
                          "Story settings", "Supplies desk"],
}


def test_the_tab_bar_moves_between_screens_and_marks_the_current_one(page: Page, accounts):
    open_home(page, accounts, "employee@example.com")
    expect(tab(page, "Home")).to_have_attribute("aria-current", "page")
    screenshot(page, "home-en-light")

    for name, path, text in [("News", "/news", "a short edition from Retail each morning"),
                             ("Stories", "/stories", "Short videos from colleagues"),
                             ("Notes", "/notes", "Walls"),
                             ("Pass", "/pass", "Health pass"),
                             ("More", "/more", "employee@example.com")]:
        tab(page, name).click()
        expect(page).to_have_url(re.compile(f"{path}$"))
        expect(page.get_by_role("heading", level=1, name=name)).to_be_visible()
        expect(page.get_by_text(text)).to_be_visible()
        expect(page.locator("nav [aria-current=page]")).to_have_count(1)
        expect(tab(page, name)).to_have_attribute("aria-current", "page")
        assert page.title() == f"{name} · Together"
        screenshot(page, f"{name.lower()}-en-light")

    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    screenshot(page, "more-en-light-bottom")

    page.go_back()  # the browser's back button walks the same history
    expect(page.get_by_role("heading", level=1, name="Pass")).to_be_visible()


@pytest.mark.parametrize("email", TOOLS)
def test_role_tools_are_listed_in_more_only_for_their_roles(page: Page, accounts, email):
    open_home(page, accounts, email)
    page.get_by_role("navigation").get_by_role("link").last.click()  # More, in any language

    tools = page.locator("#tools-title + ul a")
    expect(tools).to_have_text(TOOLS[email])
    if TOOLS[email]:
        tools.first.click()
        expect(page.get_by_role("heading", level=1, name=TOOLS[email][0])).to_be_visible()
        screenshot(page, f"tool-{email.split('@')[0]}")
    mine = {"/tools/checkins": ["hr@example.com", "admin@example.com"],
            "/tools/directory": ["hr@example.com", "admin@example.com"],
            "/tools/publish": ["editor@example.com", "hr@example.com", "admin@example.com"],
            "/tools/notify": ["editor@example.com", "hr@example.com", "admin@example.com"],
            "/tools/health": ["health@example.com", "hr@example.com"],
            "/tools/health/holds": ["health@example.com"],
            "/tools/health/scans": ["health@example.com", "hr@example.com"],
            "/tools/scan": ["guard@example.com"],
            "/tools/stories": ["editor@example.com", "hr@example.com", "admin@example.com"],
            "/tools/supplies": ["hr@example.com", "admin@example.com"],
            "/tools/supplies/picklist": ["hr@example.com", "admin@example.com"],
            "/tools/events": ["editor@example.com", "hr@example.com", "admin@example.com"],
            "/tools/tips": ["editor@example.com", "hr@example.com", "admin@example.com"]}
    for path, holders in mine.items():
        page.goto(path)
        expect(page).to_have_url(re.compile(f"{path if email in holders else '/more'}$"))


def test_tools_follow_the_permissions_in_the_profile_not_its_roles(page: Page, accounts):
    accounts.sign_in(page.context, "employee@example.com")

    def with_permissions(route: Route):
        profile = route.fetch().json()
        route.fulfill(json={**profile, "roles": ["employee"], "permissions": ["health.oversee"]})

    page.context.route("**/api/me", with_permissions)
    page.goto("/more")
    expect(page.locator("#tools-title + ul a")).to_have_text(["People on hold", "Health rules",
                                                               "Health audit log"])
    page.goto("/tools/health/rules")
    expect(page.get_by_role("heading", level=1, name="Health rules")).to_be_visible()
    page.goto("/tools/directory")  # hr's and admins' by role, but not in the permissions sent
    expect(page).to_have_url(re.compile("/more$"))
    # The app may read its profile again (once the worker takes over): let that finish here,
    # not while the context closes.
    page.context.unroute_all(behavior="wait")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_the_app_is_installable_with_png_icons_and_shortcuts(page: Page):
    page.goto("/")
    manifest = page.request.get("/manifest.webmanifest").json()
    assert manifest["display"] == "standalone" and manifest["start_url"] == "/"
    assert manifest["name"] == manifest["short_name"] == "Together"
    assert manifest["theme_color"] and manifest["background_color"]
    pngs = {(icon["sizes"], icon["purpose"]): icon["src"] for icon in manifest["icons"]
            if icon["type"] == "image/png"}
    assert set(pngs) == {("192x192", "any"), ("512x512", "any"), ("192x192", "maskable"),
                         ("512x512", "maskable")}
    for (sizes, _), src in pngs.items():
        size = int(sizes.split("x")[0])
        assert png_size(page.request.get(src).body()) == (size, size), src
    assert {s["url"] for s in manifest["shortcuts"]} == {"/pass", "/news"}
    for shortcut in manifest["shortcuts"]:
        assert png_size(page.request.get(shortcut["icons"][0]["src"]).body()) == (96, 96)

    touch_icon = page.locator("link[rel=apple-touch-icon]").get_attribute("href")
    assert png_size(page.request.get(touch_icon).body()) == (180, 180)
    assert page.locator("meta[name=apple-mobile-web-app-capable]").get_attribute(
        "content") == "yes"


def test_the_service_worker_precaches_the_whole_shell(page: Page, accounts):
    # Every module, stylesheet and vendored script: a new file must be added to SHELL in
    # pwa/sw.js, or the screen that imports it works offline only after its first use.
    listed = re.search(r"const SHELL = \[(.*?)\];", (PWA / "sw.js").read_text(), re.S).group(1)
    shell = set(re.findall(r'"(/[^"]*)"', listed))
    files = {"/" + str(p.relative_to(PWA)) for p in PWA.rglob("*") if p.is_file()
             and p.suffix in {".js", ".mjs", ".css", ".webmanifest"} and p.name != "sw.js"}
    assert files - shell == set(), "add these to SHELL in pwa/sw.js"
    pictures = {"/" + str(p.relative_to(PWA)) for p in (PWA / "icons" / "supplies").glob("*.svg")}
    assert pictures and shell - files == {"/", "/icons/icon.svg"} | pictures  # shown offline

    open_home(page, accounts, "admin@example.com")
    cached = page.evaluate("""async () => {
      const name = (await caches.keys()).find((key) => key.startsWith('together-shell-'));
      const keys = await (await caches.open(name)).keys();
      return keys.map((request) => new URL(request.url).pathname);
    }""")
    assert shell <= set(cached)
    preloaded = page.eval_on_selector_all("link[rel=modulepreload]",
                                          "(links) => links.map((l) => l.getAttribute('href'))")
    assert set(preloaded) <= shell


def test_a_new_version_is_offered_and_taken_on_reload(page: Page, tmp_path):
    """A changed sw.js: the person sees "Update available", and Reload moves them to it."""
    pwa = shutil.copytree(PWA, tmp_path / "pwa")
    app = demo_app(tmp_path / "data", pwa_dir=pwa)
    with serving(app) as url:
        Accounts(app, url).sign_in(page.context, "employee@example.com")
        page.goto(url + "/")
        ready_offline(page)
        page.evaluate("""Promise.all([caches.open('other-app'), caches.open('together-notes'),
                                      caches.open('together-shell-0-old'),
                                      caches.open('together-api-v0')])""")
        sw = pwa / "sw.js"
        sw.write_text(re.sub(r'const VERSION = "[^"]+"', 'const VERSION = "e2e-next"',
                             sw.read_text()))

        page.get_by_role("button", name="Refresh").click()  # also asks for a new version

        update = page.get_by_role("status").filter(has_text="Update available.")
        expect(update).to_be_visible()
        screenshot(page, "update-available", toasts=True)
        with page.expect_event("load"):
            update.get_by_role("button", name="Reload").click()
        expect(page.get_by_role("heading", level=1, name=GREETING)).to_be_visible()
        wait_until(page, "caches.has('together-shell-e2e-next')")
        caches = page.evaluate("caches.keys()")
        assert sorted(caches) == ["other-app", "together-api-v1", "together-notes",
                                  "together-shell-e2e-next"]


def test_on_an_iphone_home_explains_how_to_add_the_app_to_the_home_screen(
        browser, browser_context_args, live_app, live_server):
    context = browser.new_context(**{**browser_context_args, "user_agent": IPHONE})
    try:
        page = context.new_page()
        open_home(page, Accounts(live_app, live_server), "hr@example.com")
        hint = page.get_by_role("complementary", name="Add Together to your Home Screen")
        expect(hint).to_contain_text("Tap Share, then “Add to Home Screen”")
        screenshot(page, "home-ios-hint")

        hint.get_by_role("button", name="Not now").click()
        expect(hint).to_be_hidden()
        page.reload()
        expect(page.get_by_role("heading", level=1, name=GREETING)).to_be_visible()
        expect(hint).to_be_hidden()
    finally:
        context.close()
