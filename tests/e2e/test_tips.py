"""Tips and posters on the phone: HR publishes a poster with its image; an employee finds it by
a word in either language, opens it, and opens it again offline; the budget is shown and
cleared; in Chinese too."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import screenshot, wait_until
from tests.e2e.eventing import EDITOR, EMPLOYEE, HR, phone, site, unique  # noqa: F401

pytestmark = pytest.mark.e2e

POSTER = Path(__file__).resolve().parents[2] / "pwa" / "icons" / "icon-512.png"


def publish(page, title: str, zh_title: str) -> None:
    """HR's Publish tips form, with a poster image."""
    page.goto("/more")
    page.get_by_role("link", name="Publish tips").click()
    page.get_by_label("Title in English").fill(title)
    page.get_by_label("Title in Chinese").fill(zh_title)
    page.get_by_label("Text in English").fill("Stand up every hour.\n\nWalk around the room.")
    page.get_by_label("Text in Chinese").fill("每小时站起来一次。\n\n在房间里走一走。")
    page.get_by_label("Topics").fill("wfh, health")
    page.get_by_label("Image or PDF (optional)").set_input_files(str(POSTER))
    page.get_by_role("button", name="Publish the tip").click()
    expect(page.get_by_text("Tip published.")).to_be_visible()
    published = page.get_by_role("article").filter(has=page.get_by_role("heading", name=title))
    expect(published).to_be_visible()


def test_a_tip_opened_online_opens_again_offline(browser, browser_context_args, site):  # noqa: F811
    title = unique("Move every hour")
    word = title.split()[-1]
    with phone(browser, browser_context_args, site, HR) as hr:
        publish(hr, title, f"每小时活动 {word}")
    with phone(browser, browser_context_args, site, EMPLOYEE) as page:
        page.goto("/tips")
        page.get_by_label("Search tips").fill("每小时活动")  # either language finds it
        page.get_by_role("button", name="Search").click()
        card = page.get_by_role("article").filter(has=page.get_by_role("heading", name=title))
        expect(card).to_contain_text("Working from home")
        card.get_by_role("link", name="Read it").click()
        expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
        poster = page.get_by_role("img", name=title)
        expect(poster).to_be_visible()
        wait_until(page, "document.querySelector('.tip-poster').complete "
                         "&& document.querySelector('.tip-poster').naturalWidth > 0")
        tip_id = page.url.rsplit("/", 1)[-1]
        wait_until(page, f"import('/app/tips-cache.js').then((m) => m.isKept('{tip_id}'))")
        screenshot(page, "tip-en")

        page.context.set_offline(True)
        page.reload()
        expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
        expect(page.get_by_text("Walk around the room.")).to_be_visible()
        wait_until(page, "document.querySelector('.tip-poster').complete "
                         "&& document.querySelector('.tip-poster').naturalWidth > 0")

        page.get_by_role("link", name="All tips").click()
        saved = page.get_by_role("region", name="Saved for offline")
        expect(saved).to_contain_text(re.compile(r"[1-9][\d.]* MB|0\.\d MB of 30 MB used · 1 tips"))
        saved.get_by_role("button", name="Clear").click()
        expect(saved).to_contain_text("0 MB of 30 MB used · 0 tips")
        page.context.set_offline(False)


def test_tips_in_chinese_and_the_tip_of_the_day_on_home(
        browser, browser_context_args, site):  # noqa: F811
    title = unique("Family time")
    with phone(browser, browser_context_args, site, HR) as hr:
        publish(hr, title, f"家庭时光 {title[-5:]}")
    with phone(browser, browser_context_args, site, EDITOR, locale="zh-CN") as page:
        page.goto("/")
        today = page.get_by_role("article").filter(
            has=page.get_by_role("heading", name="每日小贴士"))
        expect(today).to_be_visible()
        expect(today.get_by_role("link", name="阅读小贴士")).to_be_visible()
        page.goto("/tips?tag=health")
        expect(page.get_by_role("heading", level=1, name="小贴士与海报")).to_be_visible()
        expect(page.get_by_role("link", name="健康")).to_have_attribute("aria-current", "page")
        heading = page.get_by_role("heading", name=f"家庭时光 {title[-5:]}")
        card = page.get_by_role("article").filter(has=heading)
        expect(card).to_contain_text("海报")
        screenshot(page, "tips-zh-CN")
        card.get_by_role("link", name="阅读").click()
        expect(page.get_by_text("每小时站起来一次。")).to_be_visible()
        screenshot(page, "tip-zh-CN")


def test_without_tips_publish_there_is_no_publishing(browser, browser_context_args, site):  # noqa: F811
    with phone(browser, browser_context_args, site, EMPLOYEE) as page:
        page.goto("/tips")
        expect(page.get_by_role("heading", level=1, name="Tips and posters")).to_be_visible()
        expect(page.get_by_role("link", name="Publish a tip")).to_have_count(0)
        page.goto("/tools/tips")
        expect(page).to_have_url(re.compile("/more$"))
