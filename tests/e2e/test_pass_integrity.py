"""A pass you can trust: a fever stays on the pass, a phone key cannot be hijacked, and a guard
is told plainly when the pass in front of them is printed."""

import base64
import re
import time

import base45
import cbor2
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import open_home, screenshot
from tests.e2e.test_healthpass import (  # noqa: F401  (module fixtures: the guard's camera)
    RESULT,
    camera,
    declare,
    guard_browser,
    guard_context,
    guard_page,
    live_text,
    open_pass,
)
from tests.e2e.y4m import png_picture, write_clip

pytestmark = pytest.mark.e2e


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def device_key_in(text: str) -> bytes:
    """The device public key a live QR carries (what anyone near the phone can read)."""
    live = cbor2.loads(base45.b45decode(text.removeprefix("TG1L:")))
    credential = cbor2.loads(cbor2.loads(live.value[2])["c"])
    return cbor2.loads(credential.value[2])["dk"]


def test_a_fever_stays_on_the_pass_when_a_normal_temperature_is_declared_the_same_day(
        page: Page, accounts):
    employee = open_pass(page, accounts, "tom.walsh@example.com")
    declare(page, temperature="38.4", symptoms=("Cough",))
    expect(page.get_by_role("status").filter(has_text="Yellow — Stay at home")).to_be_visible()
    page.get_by_role("button", name="Show my pass").click()
    live_text(page)

    declare(page, temperature="36.6")
    expect(page.get_by_role("status").filter(has_text="Yellow — Stay at home")).to_be_visible()
    page.get_by_role("button", name="Show my pass").click()
    expect(page.locator(".hp-card.hp-yellow")).to_contain_text("Tom Walsh")
    live_text(page)

    history = page.request.get(f"/api/health/declarations/{employee['id']}").json()["items"]
    assert [(d["temperature_c"], d["outcome"]) for d in history] == [(36.6, "green"),
                                                                     (38.4, "yellow")]


def test_another_person_cannot_take_over_a_live_pass_seen_in_its_qr(
        page: Page, accounts, browser, browser_context_args):
    open_pass(page, accounts, "marcus.lee@example.com")
    declare(page)
    page.get_by_role("button", name="Show my pass").click()
    victim_key = b64(device_key_in(live_text(page)))

    other = browser.new_context(**browser_context_args)
    try:
        accounts.sign_in(other, "ethan.ng@example.com")
        attacker = other.request
        challenge = attacker.post("/api/health/devices/challenge", data={}).json()["challenge"]
        refused = attacker.post("/api/health/devices", data={
            "public_key": victim_key, "challenge": challenge, "signature": b64(bytes(64))})
        assert refused.status == 403
        assert refused.json()["error"]["message"] == (
            "This phone could not prove it holds its pass key. Reopen the pass to try again.")

        accounts.sign_in(other, "guard@example.com")
        verdict = attacker.post("/api/health/verify", data={"qr": live_text(page)}).json()
        assert (verdict["reason"], verdict["employee_id"], verdict["presentation"]) == (
            "ok", "E0024", "live")
        # Not revoked (other tests on this server may have revoked their own old devices).
        assert victim_key not in attacker.get("/api/health/revocations").json()["devices"]
    finally:
        other.close()


def print_pass(page: Page, make: str, understood: str, shot: str) -> str:
    """From the pass screen to the printed sheet, through the warning; answers the QR text."""
    page.locator(".hp-links a[href='/pass/print']").click()
    expect(page.locator(".pp-warning")).to_be_visible()
    screenshot(page, f"{shot}-warning")
    page.get_by_role("button", name=make).click()
    expect(page.locator("#pp-understood-error")).to_be_visible()  # the warning must be read
    page.get_by_label(understood).check()
    page.get_by_role("button", name=make).click()
    sheet = page.locator(".pp-sheet")
    expect(sheet.locator(".pp-qr svg")).to_be_visible()
    screenshot(page, shot)
    sheet.locator(".pp-how").scroll_into_view_if_needed()
    screenshot(page, f"{shot}-how")
    return sheet.locator(".pp-qr").get_attribute("data-qr")


def test_a_printed_pass_is_a_page_and_the_guard_is_told_to_check_photo_id(
        page: Page, accounts, live_app, guard_context, camera):  # noqa: F811
    from functions.directory.service import set_language

    open_pass(page, accounts, "hannah.cohen@example.com")
    declare(page)
    page.get_by_role("button", name="Show my pass").click()
    live_text(page)
    expect(page.get_by_text("For someone else (health officers)")).to_have_count(0)
    text = print_pass(page, "Make the printed pass", re.compile("^I understand"),
                      "pass-printed-en")
    assert text.startswith("TG1:")
    sheet = page.locator(".pp-sheet")
    expect(sheet).to_contain_text("Hannah Cohen")
    expect(sheet).to_contain_text("Green")
    expect(sheet).to_contain_text("Valid until")
    expect(sheet).to_contain_text("Show this page and your photo ID at the entrance.")
    page.emulate_media(media="print")  # on paper: the sheet alone, no app around it
    expect(page.locator(".tabbar")).to_be_hidden()
    expect(page.get_by_role("button", name="Print")).to_be_hidden()
    expect(sheet).to_be_visible()
    screenshot(page, "pass-printed-en-print")
    page.emulate_media(media="screen")
    write_clip(camera, png_picture(sheet.locator(".pp-qr").screenshot()))

    guard, problems = guard_page(guard_context, accounts, time.time())  # reads Chinese
    guard.goto("/tools/scan")
    result = guard.locator(RESULT)
    expect(result).to_have_attribute("data-presentation", "printed")
    # The answer closes itself after 6 s and the same pass, still before the camera, is read
    # again 4 s later: time stops here so a slow machine sees the one scan made.
    guard.clock.pause_at(guard.evaluate("Date.now()") / 1000 + 0.1)
    expect(result).to_have_class(re.compile(r"\bscan-printed\b"))
    expect(result).to_contain_text("纸质通行码 — 请核对身份证件")
    expect(result.get_by_role("heading", name="绿码 — 可以进入")).to_be_visible()
    expect(result).to_contain_text("Hannah Cohen")
    screenshot(guard, "scanner-printed-zh")
    guard.get_by_role("button", name="扫描下一个").click()
    expect(guard.locator(".scan-count")).to_have_text("本机今天已扫描 1 次")
    guard.clock.resume()

    store = live_app.extensions["together"].store
    set_language(store, "E0005", "en")
    try:
        guard.reload()
        expect(result).to_contain_text("Printed pass — check photo ID")
        guard.clock.pause_at(guard.evaluate("Date.now()") / 1000 + 0.1)  # as above: one scan
        expect(result).to_contain_text("Hannah Cohen")
        screenshot(guard, "scanner-printed-en")
        guard.get_by_role("button", name="Scan next").click()
        expect(guard.locator(".scan-trust")).to_have_text(
            re.compile(r"^Works without a connection — keys updated "))
        expect(guard.locator(".scan-count")).to_have_text("2 scans today on this phone")
    finally:
        set_language(store, "E0005", "zh-CN")
    assert problems == []


def test_a_printed_pass_page_in_chinese(page: Page, accounts):
    open_home(page, accounts, "staff0041@example.com")  # 林峰 reads Chinese
    page.goto("/pass")
    page.get_by_role("link", name="立即申报").click()
    page.get_by_label("体温（°C）").fill("36.5")
    page.get_by_role("button", name="提交申报").click()
    page.get_by_role("button", name="出示通行码").click()
    live_text(page)
    print_pass(page, "生成纸质通行码", re.compile("^我已了解"), "pass-printed-zh")
    expect(page.locator(".pp-sheet")).to_contain_text("林峰")
    expect(page.locator(".pp-sheet")).to_contain_text("使用方法")


def test_a_health_officer_prints_a_pass_for_someone_with_a_reason(
        page: Page, accounts, browser, browser_context_args):
    someone = browser.new_context(**browser_context_args)
    try:
        accounts.sign_in(someone, "samuel.okafor@example.com")
        assert someone.request.post("/api/health/declarations", data={
            "temperature_c": 36.5, "symptoms": [], "close_contact": False,
            "visited_high_risk_area": False}).status == 201
    finally:
        someone.close()
    open_home(page, accounts, "health@example.com")
    page.goto("/pass/print")
    page.get_by_label("员工编号（为自己打印请留空）").fill("E0022")  # Dr. Zhou reads Chinese
    page.get_by_role("button", name="生成纸质通行码").click()
    expect(page.locator("#pp-reason-error")).to_have_text("请说明需要纸质通行码的原因。")
    page.get_by_label("原因").fill("手机在上班路上丢失")
    page.get_by_role("button", name="生成纸质通行码").click()
    expect(page.locator(".pp-sheet")).to_contain_text("Samuel Okafor")


def test_the_guard_is_warned_when_keys_are_over_a_day_old_and_answers_are_flagged(
        page: Page, accounts, guard_context, camera):  # noqa: F811
    open_pass(page, accounts, "aisha.rahman@example.com")
    declare(page)
    page.get_by_role("button", name="Show my pass").click()
    write_clip(camera, None)  # nothing in front of the camera yet

    start = time.time()
    guard, problems = guard_page(guard_context, accounts, start)
    guard.goto("/tools/scan")
    expect(guard.locator(".scan-trust")).to_have_text("无需联网即可使用 — 密钥更新于刚刚")
    expect(guard.locator(".scan-count")).to_have_text(re.compile(r"^本机今天已扫描 \d+ 次$"))
    expect(guard.locator(".scan-warning")).to_be_hidden()

    guard_context.set_offline(True)
    guard_context.clock.set_system_time(start + 25 * 3600)
    write_clip(camera, png_picture(page.locator(".hp-qr").screenshot()))
    guard.reload()
    warning = guard.locator(".scan-warning")
    expect(warning).to_contain_text("密钥与撤销名单已超过一天未更新（更新于昨天）")
    result = guard.locator(RESULT)
    expect(result).to_contain_text("所用密钥已超过一天未更新")  # whatever the answer, flagged
    screenshot(guard, "scanner-stale-keys")
    assert problems == []
