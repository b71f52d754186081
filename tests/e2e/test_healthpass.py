"""The health pass on phones: the declaration, the live pass, and the guard's offline scanner.

The guard's phone is a second Chromium whose fake camera plays a clip that the tests rewrite
before each scan (Chromium opens the file afresh whenever a page starts the camera): a
screenshot of the employee's pass, or an old one.
"""

import base64
import json
import re
import time
from pathlib import Path

import base45
import cbor2
import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.conftest import GREETING, OUTBOX_EMPTY, ready_offline, screenshot, wait_until
from tests.e2e.test_accessibility import serious_violations
from tests.e2e.y4m import png_picture, qr_picture, write_clip

pytestmark = pytest.mark.e2e

VECTORS = json.loads((Path(__file__).parents[1] / "vectors" / "pass-vectors.json").read_text())
RESULTS = Path(__file__).resolve().parents[2] / "test-results"
LIVE_QR = ".hp-qr[data-qr]"
RESULT = "dialog.scan-result[open]"
# PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): how WebCrypto imports a private key.
PKCS8_ED25519 = bytes.fromhex("302e020100300506032b657004220420")

VERIFY_VECTORS = """async (vectors) => {
  const { trustFrom, verifyPass } = await import('/app/pass/verify.js');
  const verdicts = [];
  for (const v of vectors.vectors) {
    const trust = await trustFrom(vectors.jwks,
      { credentials: v.revoked_credentials, devices: v.revoked_devices });
    verdicts.push(await verifyPass(v.qr, trust, v.now));
  }
  return verdicts;
}"""


def module_page(page: Page) -> Page:
    """A page of the app's origin where modules can be imported, without the app running (its
    service worker would still be precaching when the test ends)."""
    page.goto("/manifest.webmanifest")
    return page




def without_toasts(page: Page) -> Page:
    """Hides passing news ("Ready to work offline"), now and to come: a toast fading in is the
    shell's business, and axe would catch it half transparent."""
    page.evaluate("document.getElementById('toasts').style.display = 'none'")
    return page


def vector(name: str) -> dict:
    return next(v for v in VECTORS["vectors"] if v["name"] == name)


def watch(page: Page) -> list[str]:
    """Errors the page throws or logs (the console guard in conftest covers `page` only)."""
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda msg: msg.type == "error"
            and not msg.text.startswith("Failed to load resource") and problems.append(msg.text))
    return problems


# ---------- the verifier and the live pass format, in the browser ----------

def test_the_browser_verifier_gives_every_vector_its_expected_reason(page: Page):
    verdicts = module_page(page).evaluate(VERIFY_VECTORS, VECTORS)

    for case, verdict in zip(VECTORS["vectors"], verdicts, strict=True):
        expected = case["expected"]
        assert (verdict["reason"], verdict["valid"]) == (expected["reason"], expected["valid"]), \
            case["name"]
        assert verdict["claims"] == expected.get("claims"), case["name"]
        if "t" in expected:
            assert verdict["t"] == expected["t"], case["name"]


def test_the_phone_builds_live_passes_byte_for_byte_as_the_format_says(page: Page):
    case = vector("live-green")
    envelope = cbor2.loads(base45.b45decode(case["qr"].removeprefix("TG1L:")))
    payload = cbor2.loads(envelope.value[2])
    credential = "TG1:" + base45.b45encode(payload["c"]).decode()
    seed = unb64url(VECTORS["test_only_device_private_key"])

    text = module_page(page).evaluate("""async ([credential, pkcs8, t]) => {
      const { liveText } = await import('/app/pass/live.js');
      const key = await crypto.subtle.importKey('pkcs8', new Uint8Array(pkcs8),
        { name: 'Ed25519' }, false, ['sign']);
      return liveText(credential, key, t);
    }""", [credential, list(PKCS8_ED25519 + seed), payload["t"]])

    assert text == case["qr"]  # Ed25519 is deterministic: the same bytes, the same text


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


# ---------- the employee's phone ----------

def declare(page: Page, temperature: str = "36.6", symptoms: tuple[str, ...] = (),
            shot: str | None = None) -> None:
    """Fills in today's declaration from the pass screen, the way a person does."""
    page.get_by_role("link", name=re.compile(r"^(Declare now|Update today's declaration)$")).click()
    expect(page.get_by_role("heading", level=1, name="Daily health declaration")).to_be_visible()
    page.get_by_label("Body temperature (°C)").fill(temperature)
    for symptom in symptoms:
        page.get_by_label(symptom).check()
    if shot:
        screenshot(page, shot)
    page.get_by_role("button", name="Send declaration").click()


def open_pass(page: Page, accounts, email: str) -> dict:
    """Signs in, waits until the app works offline, and opens the Pass tab."""
    employee = accounts.sign_in(page.context, email)
    page.goto("/")
    expect(page.get_by_role("heading", level=1, name=GREETING)).to_be_visible()
    ready_offline(page)
    page.get_by_role("navigation").get_by_role("link", name=re.compile("^Pass")).click()
    expect(page.get_by_role("heading", level=1, name="Health pass")).to_be_visible()
    return employee


def live_text(page: Page) -> str:
    expect(page.locator(LIVE_QR)).to_have_attribute("data-qr", re.compile(r"^TG1L:"))
    return page.locator(LIVE_QR).get_attribute("data-qr")


def test_without_a_declaration_the_pass_screen_asks_for_one_and_a_fever_makes_it_yellow(
        page: Page, accounts):
    open_pass(page, accounts, "lucas.weber@example.com")
    expect(page.get_by_role("heading", name="Declare to get today's pass")).to_be_visible()
    screenshot(page, "pass-declare-first")

    declare(page, temperature="38,2", symptoms=("Cough",))

    expect(page.get_by_role("status").filter(has_text="Yellow — Stay at home")).to_be_visible()
    page.get_by_role("button", name="Show my pass").click()
    expect(page.locator(".hp-card.hp-yellow")).to_contain_text("Lucas Weber")
    live_text(page)
    screenshot(page, "pass-yellow")


def test_the_pass_and_the_declaration_pass_axe_in_chinese_in_dark_mode(
        browser, browser_context_args, accounts, live_server):
    # axe is injected as an inline script, which the app's Content-Security-Policy forbids.
    context = browser.new_context(**{**browser_context_args, "color_scheme": "dark",
                                     "bypass_csp": True})
    try:
        page = context.new_page()
        problems = watch(page)
        accounts.sign_in(context, "staff0009@example.com")  # 孙杰 reads Chinese
        page.goto("/pass/declare")
        expect(page.get_by_role("heading", level=1, name="每日健康申报")).to_be_visible()
        expect(page.get_by_label("咳嗽")).to_be_visible()
        assert serious_violations(without_toasts(page)) == [], "declaration"
        screenshot(page, "declaration-zh-dark")

        page.get_by_label("体温（°C）").fill("36.4")
        page.get_by_role("button", name="提交申报").click()
        expect(page.get_by_role("status").filter(has_text="绿码 — 可以进入")).to_be_visible()
        assert serious_violations(without_toasts(page)) == [], "declared"
        page.get_by_role("button", name="出示通行码").click()
        live_text(page)
        expect(page.locator(".hp-card")).to_contain_text("孙杰")
        assert serious_violations(without_toasts(page)) == [], "pass"
        screenshot(page, "pass-green-zh-dark")
        assert problems == []
    finally:
        context.close()


def test_a_declaration_made_offline_waits_on_the_phone_and_the_pass_follows_it(
        page: Page, accounts):
    open_pass(page, accounts, "sofia.martins@example.com")
    page.get_by_role("link", name="Declare now").click()
    expect(page.get_by_label("Cough")).to_be_visible()  # the questions came while online

    page.context.set_offline(True)
    page.get_by_label("Body temperature (°C)").fill("36.8")
    page.get_by_role("button", name="Send declaration").click()
    expect(page.get_by_role("status").filter(has_text="Saved on this phone.")).to_be_visible()
    page.get_by_role("link", name="Back to your pass").click()
    waiting = page.get_by_role("heading", name="Your declaration is waiting to be sent")
    expect(waiting).to_be_visible()
    screenshot(page, "pass-declaration-waiting")

    page.context.set_offline(False)  # the outbox sends it, and the pass screen hears back
    expect(page.locator(".hp-card.hp-green")).to_contain_text("Sofia Martins")
    live_text(page)


# ---------- the guard's phone ----------

@pytest.fixture(scope="module")
def camera(tmp_path_factory) -> Path:
    """What the guard's fake camera sees; a test writes it before the scanner starts."""
    return write_clip(tmp_path_factory.mktemp("camera") / "camera.y4m", None)


@pytest.fixture(scope="module")
def guard_browser(playwright, browser_type_launch_args, camera):
    args = [*browser_type_launch_args.get("args", []),
            f"--use-file-for-fake-video-capture={camera}"]
    browser = playwright.chromium.launch(**{**browser_type_launch_args, "args": args})
    yield browser
    browser.close()


@pytest.fixture
def guard_context(guard_browser, browser_context_args):
    context = guard_browser.new_context(**browser_context_args)
    yield context
    context.close()


def guard_page(context: BrowserContext, accounts, at: float) -> tuple[Page, list[str]]:
    """The guard signed in on their own phone, its clock at `at` (epoch seconds)."""
    context.clock.install(time=at)
    accounts.sign_in(context, "guard@example.com")
    page = context.new_page()
    problems = watch(page)
    page.goto("/")
    ready_offline(page)
    return page, problems


def show_to_camera(camera: Path, phone: Page) -> None:
    """Points the guard's camera at the pass on the phone's screen."""
    write_clip(camera, png_picture(phone.locator(".hp-qr").screenshot()))


def test_a_guard_offline_accepts_the_live_pass_of_an_employee_offline(
        page: Page, accounts, live_app, guard_context, camera):
    page.clock.install(time=time.time())
    open_pass(page, accounts, "employee@example.com")
    declare(page, shot="declaration-form")
    expect(page.get_by_role("status").filter(has_text="Green — OK to enter")).to_be_visible()
    page.get_by_role("button", name="Show my pass").click()
    live_text(page)
    expect(page.locator(".hp-card.hp-green")).to_contain_text("Li Na 李娜")
    expect(page.locator(".hp-clock")).to_have_text(re.compile(r"^\d\d:\d\d:\d\d$"))
    screenshot(page, "pass-green")

    # The guard's phone fetches the keys and the revocation list while it has a network.
    guard, problems = guard_page(guard_context, accounts, page.evaluate("Date.now() / 1000"))
    guard.goto("/tools/scan")
    expect(guard.get_by_role("heading", level=1, name="扫描通行码")).to_be_visible()
    expect(guard.locator(".scan-trust")).to_contain_text("无需联网即可使用 — 密钥更新于")
    screenshot(guard, "scanner-waiting")

    # Airplane mode for both; the pass comes back from this phone alone and keeps renewing.
    page.context.set_offline(True)
    page.reload()
    shown, signed_at = live_text(page), int(page.locator(LIVE_QR).get_attribute("data-t"))
    page.clock.fast_forward(16_000)
    page.wait_for_function("(before) => document.querySelector('.hp-qr').dataset.qr !== before",
                           arg=shown)
    assert int(page.locator(LIVE_QR).get_attribute("data-t")) - signed_at >= 15
    expect(page.get_by_text("Offline — your pass still works")).to_be_visible()
    screenshot(page, "pass-green-offline")

    guard_context.set_offline(True)
    guard_context.clock.set_system_time(page.evaluate("Date.now() / 1000"))
    show_to_camera(camera, page)
    guard.reload()  # starts the camera afresh, offline: keys and list come from the phone

    result = guard.locator(RESULT)
    expect(result).to_have_attribute("data-reason", "ok")
    expect(result).to_have_class(re.compile(r"\bscan-green\b"))
    expect(result.get_by_role("heading", name="绿码 — 可以进入")).to_be_visible()
    expect(result).to_contain_text("Li Na 李娜")
    expect(result).to_contain_text("E0001")
    screenshot(guard, "scanner-green")

    # The scan waits in the outbox, and reaches the log once the guard is back online.
    waiting = guard.evaluate("import('/app/outbox.js').then((o) => o.list())")
    scans = [e for e in waiting if e["url"] == "/api/health/scans"]
    assert [(s["body"]["result"], s["body"]["employee_id"], s["body"]["site"])
            for s in scans] == [("ok", "E0001", "Wuhan")]
    guard_context.set_offline(False)
    wait_until(guard, OUTBOX_EMPTY)
    store = live_app.extensions["together"].store
    logged = store.get(f"HSCANID#E0005#{scans[0]['body']['id']}", "#")
    assert (logged["result"], logged["employee_id"], logged["site"]) == ("ok", "E0001", "Wuhan")
    assert problems == []


def test_a_screenshot_of_a_live_pass_90_seconds_later_is_refused_as_replayed(
        page: Page, accounts, live_app, guard_context, camera):
    from functions.directory.service import set_language

    page.clock.install(time=time.time())
    open_pass(page, accounts, "employee@example.com")
    expect(page.locator(f"{LIVE_QR}, .hp-none").first).to_be_visible()
    if not page.locator(LIVE_QR).count():
        declare(page)
        page.get_by_role("button", name="Show my pass").click()
    live_text(page)
    taken_at = page.evaluate("Date.now() / 1000")
    show_to_camera(camera, page)  # the screenshot someone passes on

    store = live_app.extensions["together"].store
    set_language(store, "E0005", "en")  # this guard reads English (theirs is Chinese)
    try:
        guard, problems = guard_page(guard_context, accounts, taken_at + 90)
        guard.goto("/tools/scan")
        result = guard.locator(RESULT)
        expect(result).to_have_attribute("data-reason", "replayed")
        expect(result.get_by_role("heading", name="Replayed screenshot")).to_be_visible()
        expect(result).to_contain_text("Do not let in")
        expect(result).to_contain_text("Ask to see the live pass.")
        expect(result).to_contain_text("Li Na 李娜")  # whose pass it was: the signature held
        screenshot(guard, "scanner-replayed")

        guard.get_by_role("button", name="Scan next").click()
        expect(result).to_be_hidden()
        assert problems == []
    finally:
        set_language(store, "E0005", "zh-CN")


def test_a_code_that_is_not_a_pass_is_named_as_such(
        accounts, guard_browser, browser_context_args, camera):
    write_clip(camera, qr_picture("HC1:NOT-A-TOGETHER-PASS"))
    context = guard_browser.new_context(**browser_context_args, bypass_csp=True)  # for axe
    try:
        guard, problems = guard_page(context, accounts, time.time())
        guard.goto("/tools/scan")

        result = guard.locator(RESULT)
        expect(result).to_have_attribute("data-reason", "not_together")
        expect(result.get_by_role("heading", name="不是 Together 通行码")).to_be_visible()
        expect(result.get_by_role("button", name="扫描下一个")).to_be_focused()
        assert serious_violations(without_toasts(guard)) == [], "scan result"
        screenshot(guard, "scanner-not-together")

        guard.keyboard.press("Escape")
        expect(result).to_be_hidden()
        assert serious_violations(without_toasts(guard)) == [], "scanner"
        assert problems == []
    finally:
        context.close()

