"""Two languages: in Simplified Chinese, no English is left on any screen but proper names."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Accounts, demo_app, open_home, screenshot, serving, tab

pytestmark = pytest.mark.e2e

SCREENS = [("首页", "你好，"), ("新闻", "新闻"), ("故事", "故事"), ("寄语", "寄语"),
           ("通行码", "通行码"), ("更多", "更多")]
# Every piece of text a person can see or hear: text nodes (screen-reader-only ones too),
# accessible names, placeholders and the title. Text marked with another `lang` on purpose
# (a language's own name in the switch) is not a translation that was missed.
VISIBLE_TEXT = """() => {
  const texts = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || el.closest('script, style, noscript')) continue;
    if (!el.checkVisibility({visibilityProperty: true})) continue;
    if (el.closest('[lang]').getAttribute('lang') !== 'zh-CN') continue;
    texts.push(node.textContent.trim());
  }
  for (const el of document.querySelectorAll('[aria-label], [placeholder], [title], img[alt]')) {
    if (!el.checkVisibility()) continue;
    for (const attr of ['aria-label', 'placeholder', 'title', 'alt']) {
      if (el.getAttribute(attr)) texts.push(el.getAttribute(attr));
    }
  }
  return texts;
}"""


def english_left(page: Page, proper_names: list[str]) -> list[str]:
    """Latin words on screen, once names, emails and the app's own name are taken out."""
    left = []
    for text in page.evaluate(VISIBLE_TEXT):
        text = re.sub(r"\S+@\S+", "", text)
        for name in sorted(proper_names, key=len, reverse=True):
            text = text.replace(name, "")
        left += re.findall(r"[A-Za-z]{2,}", text)
    return left


def proper_names(profile: dict) -> list[str]:
    initials = "".join(part[0].upper() for part in profile["name"].split()[:2])  # the avatar
    return ["Together", profile["name"], initials, profile["business_unit"],
            profile["department"], profile["site"], profile["region"], *profile["editor_units"]]


@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    """A server of this module's own: the language chosen here stays in these profiles."""
    app = demo_app(tmp_path_factory.mktemp("languages"))
    with serving(app) as url:
        yield app, url


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_switching_to_chinese_changes_every_string_on_every_screen(
        browser, browser_context_args, own_server, scheme):
    app, url = own_server
    context = browser.new_context(**{**browser_context_args, "color_scheme": scheme,
                                     "base_url": url})
    try:
        page = context.new_page()
        email = "hr@example.com" if scheme == "light" else "admin@example.com"
        profile = open_home(page, Accounts(app, url), email)
        tab(page, "More").click()

        page.get_by_text("简体中文").click()

        expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
        names = proper_names(profile)
        for label, heading in SCREENS:
            tab(page, label).click()
            title = page.get_by_role("heading", level=1, name=re.compile(f"^{heading}"))
            expect(title).to_be_visible()
            assert english_left(page, names) == [], label
            screenshot(page, f"{label_slug(label)}-zh-{scheme}")
        page.get_by_role("link", name="导入通讯录").click()  # a role tool
        expect(page.get_by_role("heading", level=1, name="导入通讯录")).to_be_visible()
        assert english_left(page, names) == []

        # Offline, with something waiting: the banner, the badge and the list speak Chinese too.
        context.set_offline(True)
        page.evaluate("""import('/app/outbox.js').then((outbox) => outbox.enqueue({
          method: 'POST', url: '/api/health/declarations', label: 'outbox.declaration',
          body: {temperature_c: 36.6, symptoms: [], close_contact: false,
                 visited_high_risk_area: false}}))""")
        tab(page, "更多").click()
        expect(page.get_by_text("健康申报")).to_be_visible()
        expect(page.get_by_role("status").filter(has_text="当前离线")).to_be_visible()
        assert english_left(page, names) == []
        screenshot(page, f"more-offline-zh-{scheme}")
        context.set_offline(False)
        expect(page.get_by_text("你写下的内容都已送达。")).to_be_visible()
        assert page.request.get("/api/me").json()["language"] == "zh-CN"
    finally:
        context.close()


def label_slug(label: str) -> str:
    return {"首页": "home", "新闻": "news", "故事": "stories", "寄语": "notes", "通行码": "pass",
            "更多": "more"}[label]


def test_a_chinese_browser_gets_chinese_before_signing_in(browser, browser_context_args):
    context = browser.new_context(**{**browser_context_args, "locale": "zh-CN"})
    try:
        page = context.new_page()
        page.goto("/")
        expect(page.get_by_role("heading", name="登录")).to_be_visible()
        assert english_left(page, ["Together"]) == []
    finally:
        context.close()
