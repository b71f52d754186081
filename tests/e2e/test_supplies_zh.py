"""Medical supplies in Chinese (issue 17): a colleague in Wuhan who reads the app in zh-CN asks
for a thermometer at her desk and follows it; HR, reading in Chinese too, approves it and
prints the pick list."""

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.e2e.conftest import open_home, screenshot
from tests.e2e.noting import person_page
from tests.e2e.supplying import (
    accounts,
    browser_context_args,
    item_card,
    loaded,
    request_card,
    requester,
    show_delivery,
    supplies_server,
)

pytestmark = pytest.mark.e2e
__all__ = ["accounts", "browser_context_args", "supplies_server"]  # the fixtures above


def in_chinese(route: Route):
    """HR's profile as if they had chosen 简体中文 (the shared server's profile stays as it is)."""
    route.fulfill(json={**route.fetch().json(), "language": "zh-CN"})


def test_a_thermometer_asked_for_in_chinese_is_approved_and_on_the_pick_list(
        page: Page, browser: Browser, browser_context_args, accounts):
    person = requester("Wuhan", "zh-CN", 0)
    open_home(page, accounts, person["email"])
    page.goto("/supplies")
    expect(page.get_by_role("heading", level=1, name="防护物资")).to_be_visible()
    thermometer = item_card(page, "thermometers")
    expect(thermometer).to_contain_text("电子体温计")
    expect(thermometer).to_contain_text("Wuhan 还剩")
    expect(thermometer).to_contain_text("本周你还可以申请 1")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "supplies-catalogue-zh")
    thermometer.get_by_role("button", name="增加一个：电子体温计").click()
    page.locator("main").get_by_text("寄到家", exact=True).click()
    expect(page.get_by_text("只有处理你申请的 HR 同事能看到这个地址")).to_be_visible()
    show_delivery(page)
    screenshot(page, "supplies-form-zh")
    page.locator("main").get_by_text("送到工位", exact=True).click()
    page.get_by_label("你的工位").fill("5F-31")
    page.get_by_role("button", name="提交申请").click()
    expect(page.get_by_role("heading", level=1, name="物资申请")).to_be_visible()
    expect(page.locator("[aria-current=step]")).to_contain_text("已申请")
    expect(page.locator(".supply-request")).to_contain_text("送到工位 5F-31")

    with person_page(browser, browser_context_args, accounts, "hr@example.com") as hr:
        hr.context.route("**/api/me", in_chinese)
        hr.goto("/tools/supplies?site=Wuhan")
        expect(hr.get_by_role("heading", level=1, name="物资发放")).to_be_visible()
        loaded(hr)
        card = request_card(hr, person["name"])
        expect(card).to_contain_text("1 × 电子体温计")
        screenshot(hr, "supplies-queue-zh")
        card.get_by_role("button", name="批准").click()
        expect(hr.get_by_text(f"已批准：{person['name']}。")).to_be_visible()
        hr.goto("/tools/supplies/picklist?site=Wuhan")
        expect(hr.get_by_role("heading", level=1, name="拣货单 · Wuhan")).to_be_visible()
        expect(hr.locator(".picklist-request").filter(has_text=person["name"])).to_contain_text(
            "送到工位 5F-31")
        screenshot(hr, "supplies-picklist-zh")
        hr.context.unroute_all(behavior="wait")

    page.goto("/supplies/requests")
    expect(page.locator(".supply-request").first).to_contain_text("已批准")
    screenshot(page, "supplies-mine-zh")
