"""Check-ins in Chinese: HR (reading the app in Chinese) starts a drill for Wuhan; a colleague
answers from Home's card, undoes it within 5 seconds and answers again (counted once, the
latest); another asks for help through the emailed link, with a note; HR's live view says so."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.checking import (
    checkins_server,
    close,
    counts,
    emailed_link,
    needs_checkins,
    phones,
)
from tests.e2e.conftest import screenshot

__all__ = ["checkins_server", "phones"]  # fixtures, used by name

pytestmark = [pytest.mark.e2e, needs_checkins]

POLLED_MS = 30_000  # the live view reads its counts every 10 s, on a loaded machine
HELP = "我在三楼，腿受伤了，走不下楼。"


def number(page, key: str):
    return page.locator(f".live-number.is-{key} .live-number-value")


def test_a_drill_in_chinese_answered_undone_answered_again_and_by_link(phones, checkins_server):
    app, _ = checkins_server
    hr = phones("hr@example.com")
    assert hr.context.request.patch("/api/me", data={"language": "zh-CN"}).ok
    hr.home()
    page = hr.page
    page.goto("/tools/checkins/new")
    expect(page.get_by_role("heading", level=1, name="发起安全确认")).to_be_visible()
    page.get_by_label("对象", exact=True).select_option("site")
    page.get_by_label("办公地点", exact=True).select_option("Wuhan")
    page.get_by_label("HR 留言（可选）").fill("这是演练：请在北门集合。")
    expect(page.get_by_text("演练：处处标明“演练”")).to_be_visible()
    screenshot(page, "checkins-start-zh")
    page.get_by_role("button", name="开始演练").click()
    expect(page).to_have_url(re.compile(r"/tools/checkins/(?!new$)\w+$"))
    checkin_id = page.url.rsplit("/", 1)[1]
    try:
        expect(page.locator(".checkin-kind")).to_have_text("演练")

        # 孙杰, Wuhan, reads Chinese, in dark mode (the card's colours have their dark tokens)
        colleague = phones("staff0009@example.com", color_scheme="dark")
        colleague.home()
        card = colleague.page.locator(".checkin-card")
        expect(card.get_by_role("heading", name="你安全吗？")).to_be_visible()
        expect(card.locator(".checkin-kind")).to_have_text("演练")
        screenshot(colleague.page, "checkin-home-zh-dark")
        card.get_by_role("button", name="我很安全").click()
        expect(card.get_by_text("已发送：我很安全。")).to_be_visible()
        screenshot(colleague.page, "checkin-home-sent-zh-dark")
        card.get_by_role("button", name="撤销").click()
        expect(card.get_by_role("button", name="未受影响")).to_be_visible()
        assert counts(hr.context, checkin_id)["safe"] == 0
        card.get_by_role("button", name="未受影响").click()
        expect(card.get_by_text("你的回答：未受影响")).to_be_visible()  # once the undo is gone

        path = emailed_link(app, checkin_id, "staff0015@example.com")  # 王芳
        visitor = phones(None, locale="zh-CN")
        visitor.page.goto(path)
        expect(visitor.page.get_by_role("heading", level=1, name="你安全吗？")).to_be_visible()
        expect(visitor.page.locator(".checkin-kind")).to_have_text("演练")
        screenshot(visitor.page, "checkin-link-zh")
        visitor.page.get_by_role("button", name="我需要帮助").click()
        visitor.page.get_by_label("你需要什么帮助？（可选）").fill(HELP)
        visitor.page.get_by_role("button", name="发送“我需要帮助”").click()
        expect(visitor.page.get_by_role("heading", name="谢谢")).to_be_visible()

        expect(number(page, "need_help")).to_have_text("1", timeout=POLLED_MS)
        expect(number(page, "not_affected")).to_have_text("1")
        expect(number(page, "safe")).to_have_text("0")
        helped = page.locator(".checkin-people.is-need_help .checkin-person")
        expect(helped.get_by_role("heading", name="王芳")).to_be_visible()
        expect(helped.get_by_text(HELP)).to_be_visible()
        screenshot(page, "checkins-live-zh")
        helped.scroll_into_view_if_needed()
        screenshot(page, "checkins-live-help-zh")
    finally:
        close(hr.context, checkin_id)
