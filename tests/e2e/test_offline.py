"""Offline: the shell opens and navigates without a network, and writes wait in the outbox."""

import re

import pytest
from playwright.sync_api import Page, Route, expect

from tests.e2e.conftest import (
    GREETING,
    OUTBOX_EMPTY,
    SW_READY_MS,
    open_home,
    ready_offline,
    screenshot,
    tab,
    wait_until,
)

pytestmark = pytest.mark.e2e

DECLARATION = {"temperature_c": 36.6, "symptoms": [], "close_contact": False,
               "visited_high_risk_area": False}
ENQUEUE = """(request) => import('/app/outbox.js').then((outbox) => outbox.enqueue(request))"""


def waiting_badge(page: Page):
    return tab(page, "More").locator(".badge")


def test_after_one_visit_the_app_opens_and_moves_between_screens_offline(page: Page, signin):
    signin.as_("hr@example.com")  # the real sign-in, then nothing from the network
    expect(page.get_by_role("status").filter(has_text="Ready to work offline.")).to_be_visible()
    ready_offline(page)

    page.context.set_offline(True)
    page.reload()

    expect(page.get_by_role("heading", level=1, name=GREETING)).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="You're offline")).to_be_visible()
    screenshot(page, "offline-home")
    for name, heading in [("News", "News"), ("Stories", "Stories"), ("Notes", "Notes"),
                          ("Pass", "Pass"), ("More", "More"), ("Home", GREETING)]:
        tab(page, name).click()
        expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
        expect(tab(page, name)).to_have_attribute("aria-current", "page")
    tab(page, "More").click()
    page.get_by_role("link", name="Directory import").click()  # a role tool, offline too
    expect(page.get_by_role("heading", level=1, name="Directory import")).to_be_visible()

    page.context.set_offline(False)
    page.get_by_role("button", name="Refresh").click()
    expect(page.get_by_role("status").filter(has_text="You're offline")).to_be_hidden()


def test_a_profile_still_on_its_way_when_the_worker_takes_over_is_kept_for_offline(
        page: Page, accounts):
    # The first visit: the profile is asked for before any service worker runs, so that answer
    # goes around it and is not kept. Held here until the worker controls the page, the race
    # a slow network makes likely: the person must still open the app offline right after.
    held: list[Route] = []
    page.route("**/api/me", lambda route: held.append(route) if not held else route.continue_())
    accounts.sign_in(page.context, "guard@example.com")
    page.goto("/")
    wait_until(page, "navigator.serviceWorker.ready.then(() => "
                     "navigator.serviceWorker.controller !== null)", SW_READY_MS)
    assert len(held) == 1
    held[0].continue_()
    expect(page.get_by_role("heading", level=1, name=GREETING)).to_be_visible()
    ready_offline(page)

    page.context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", level=1, name=re.compile("王军"))).to_be_visible()


def test_a_page_the_worker_did_not_claim_is_taken_and_then_opens_offline(page: Page, accounts):
    # A hard reload (like a page whose navigation began while the first worker activated,
    # after its claim) leaves the page without a controller although a worker is active.
    open_home(page, accounts, "leah.goh@example.com")
    page.context.new_cdp_session(page).send("Page.reload", {"ignoreCache": True})
    expect(page.get_by_role("heading", level=1, name=GREETING)).to_be_visible()
    ready_offline(page)  # controlled again, with no second visit

    page.context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", level=1, name=re.compile("Leah"))).to_be_visible()


def test_a_write_made_offline_arrives_once_after_a_reload_and_a_lost_answer(
        page: Page, accounts, live_app):
    employee = open_home(page, accounts, "employee@example.com")
    before = len(stored_declarations(live_app, employee["id"]))  # every declaration is kept
    page.context.set_offline(True)

    entry = page.evaluate(ENQUEUE, {"method": "POST", "url": "/api/health/declarations",
                                    "body": DECLARATION, "label": "outbox.declaration"})
    expect(waiting_badge(page)).to_have_text("1")
    page.reload()  # the entry lives in IndexedDB, not in the page
    expect(waiting_badge(page)).to_have_text("1")
    tab(page, "More").click()
    expect(page.get_by_text("Health declaration")).to_be_visible()
    expect(page.get_by_text("Sent when you're back online")).to_be_visible()
    screenshot(page, "outbox-waiting")

    # The first attempt reaches the server, but its answer is lost on the way back.
    attempts = []

    def lose_first_answer(route: Route):
        response = route.fetch()
        attempts.append({"key": route.request.headers.get("idempotency-key"),
                         "status": response.status,
                         "replayed": response.headers.get("idempotent-replayed"),
                         "stored": len(stored_declarations(live_app, employee["id"]))})
        if len(attempts) == 1:
            route.abort("connectionreset")
        else:
            route.fulfill(response=response)

    page.context.route("**/api/health/declarations", lose_first_answer)
    page.context.set_offline(False)

    expect(waiting_badge(page)).to_be_hidden(timeout=15000)  # retried after a short backoff
    expect(page.get_by_text("Everything you wrote has reached Together.")).to_be_visible()
    assert [a["key"] for a in attempts] == [entry["id"], entry["id"]]
    assert [(a["status"], a["replayed"]) for a in attempts] == [(201, None), (201, "true")]
    # the first attempt stored one declaration; the retry wrote nothing
    assert [a["stored"] for a in attempts] == [before + 1, before + 1]
    declarations = page.request.get(f"/api/health/declarations/{employee['id']}").json()
    assert len(declarations["items"]) == before + 1


def test_a_phone_that_reached_nothing_sees_by_itself_that_it_is_back(page: Page, accounts):
    # Wifi that reaches nothing: the browser says online, so no `online` event will ever come.
    open_home(page, accounts, "employee@example.com")
    banner = page.get_by_role("status").filter(has_text="You're offline")
    page.context.route("**/api/**", lambda route: route.abort("connectionrefused"))
    page.evaluate("import('/app/api.js').then((api) => api.get('/api/me')).catch(() => null)")
    expect(banner).to_be_visible()

    page.context.unroute("**/api/**")  # the server answers again; the browser says nothing
    expect(banner).to_be_hidden()  # the app asked the server by itself (within a second or two)
    assert page.evaluate("navigator.onLine")


def stored_declarations(app, employee_id: str) -> list[dict]:
    """The person's declarations as the server stored them, newest first (each is kept)."""
    store = app.extensions["together"].store
    with app.app_context():
        return list(store.iter_query(f"HEALTH#{employee_id}", prefix="DECL#", reverse=True))


def test_background_sync_sends_it_when_the_network_returns_with_the_app_closed(
        page: Page, accounts, live_app):
    employee = open_home(page, accounts, "guard@example.com")
    context = page.context
    context.set_offline(True)
    entry = page.evaluate(ENQUEUE, {"method": "POST", "url": "/api/health/declarations",
                                    "body": DECLARATION, "label": "outbox.declaration"})
    tags = "navigator.serviceWorker.ready.then((registration) => registration.sync.getTags())"
    # The browser holds it for the network (registered just after the entry is stored).
    wait_until(page, f"{tags}.then((tags) => tags.join() === 'together-outbox')")
    page.close()  # nothing of the app is open any more: only its service worker

    with context.expect_event("requestfinished", timeout=15000,
                              predicate=lambda r: r.url.endswith("/declarations")) as sent:
        context.set_offline(False)

    assert sent.value.service_worker is not None  # sent by the worker's `sync` handler
    assert sent.value.headers["idempotency-key"] == entry["id"]
    assert sent.value.response().status == 201
    assert stored_declarations(live_app, employee["id"])[0]["temperature_c"] == 36.6


def test_a_write_the_server_refuses_is_shown_with_its_reason_and_not_retried(
        page: Page, accounts):
    open_home(page, accounts, "admin@example.com")

    page.evaluate(ENQUEUE, {"method": "PATCH", "url": "/api/me", "body": {"language": "fr"},
                            "label": "outbox.language"})

    tab(page, "More").click()
    failed = page.locator(".outbox-entry.is-failed")
    expect(failed).to_contain_text("Your language setting")
    expect(failed).to_contain_text(re.compile(r"Not sent: Some details need correcting\. .*en"))
    expect(waiting_badge(page)).to_have_text("1")
    screenshot(page, "outbox-failed")

    failed.get_by_role("button", name="Discard").click()
    expect(waiting_badge(page)).to_be_hidden()
    assert page.request.get("/api/me").json()["language"] == "en"


def test_a_language_chosen_offline_shows_at_once_and_reaches_the_profile(
        page: Page, accounts):
    open_home(page, accounts, "hr@example.com")
    tab(page, "More").click()
    page.context.set_offline(True)

    page.get_by_text("简体中文").click()

    expect(page.get_by_role("heading", level=1, name="更多")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    expect(page.get_by_text("语言设置")).to_be_visible()  # waiting in the outbox
    page.reload()
    expect(page.get_by_role("heading", level=1, name="更多")).to_be_visible()
    assert page.request.get("/api/me").json()["language"] == "en"  # not sent yet

    page.context.set_offline(False)

    expect(page.get_by_text("你写下的内容都已送达。")).to_be_visible()
    assert page.request.get("/api/me").json()["language"] == "zh-CN"
    page.get_by_text("English").click()  # online, it goes straight through
    expect(page.get_by_role("heading", level=1, name="More")).to_be_visible()
    expect(page.get_by_text("Everything you wrote has reached Together.")).to_be_visible()
    assert page.request.get("/api/me").json()["language"] == "en"


def test_saved_media_plays_offline_by_byte_range(page: Page, accounts, live_app):
    open_home(page, accounts, "employee@example.com")
    media = live_app.extensions["together"].media
    data = bytes(range(256)) * 40  # 10,240 bytes
    with live_app.app_context():
        media.put_bytes("e2e/clip.mp4", data, "video/mp4")
        url = media.download_url("e2e/clip.mp4")

    size = page.evaluate("(url) => import('/app/media.js').then((m) => m.saveMedia(url))", url)
    assert size == len(data)
    page.context.set_offline(True)

    fetch = """async ([url, range]) => {
      const response = await fetch(url, range ? {headers: {Range: range}} : {});
      const bytes = new Uint8Array(await response.arrayBuffer());
      return {status: response.status, range: response.headers.get('Content-Range'),
              first: bytes[0], length: bytes.length};
    }"""
    assert page.evaluate(fetch, [url, None]) == {
        "status": 200, "range": None, "first": 0, "length": len(data)}
    assert page.evaluate(fetch, [url, "bytes=300-399"]) == {
        "status": 206, "range": "bytes 300-399/10240", "first": 300 % 256, "length": 100}
    assert page.evaluate(fetch, [url, "bytes=10000-"]) == {
        "status": 206, "range": "bytes 10000-10239/10240", "first": 10000 % 256, "length": 240}
    assert page.evaluate(fetch, [url, "bytes=-16"]) == {
        "status": 206, "range": "bytes 10224-10239/10240", "first": 10224 % 256, "length": 16}
    assert page.evaluate(fetch, [url, "bytes=20000-"])["status"] == 416


def test_only_good_answers_to_reads_are_kept_for_offline(page: Page, accounts):
    open_home(page, accounts, "employee@example.com")

    forbidden = page.evaluate("fetch('/api/directory/employees?unit=Retail').then(r => r.status)")
    assert forbidden == 403  # an employee may not list a unit
    kept = page.evaluate("""caches.open('together-api-v1')
      .then((cache) => cache.keys()).then((keys) => keys.map((r) => new URL(r.url).pathname))""")
    # The profile, and never an error, /api/auth/* or /api/dev/*. (Home's other reads may be
    # kept too, or not: that depends on when the service worker took over the page.)
    assert "/api/me" in kept
    assert not [path for path in kept if path.startswith(("/api/directory/", "/api/auth/",
                                                          "/api/dev/"))]

    page.context.set_offline(True)
    offline = page.evaluate("""fetch('/api/directory/employees?unit=Retail')
      .then((r) => r.status, (error) => error.name)""")
    assert offline == "TypeError"  # the refusal was not kept, so offline there is nothing


def test_on_a_shared_phone_a_write_waits_for_its_own_writer_never_the_next_person(
        page: Page, accounts, live_app):
    first = open_home(page, accounts, "ryan.koh@example.com")
    page.context.set_offline(True)
    page.evaluate(ENQUEUE, {"method": "POST", "url": "/api/health/declarations",
                            "body": DECLARATION, "label": "outbox.declaration"})
    expect(waiting_badge(page)).to_have_text("1")

    # Ryan's session ends (it expired) and Mia signs in on the same phone.
    page.context.clear_cookies()
    page.context.set_offline(False)
    page.reload()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    second = accounts.sign_in(page.context, "mia.fischer@example.com")
    page.goto("/")
    expect(page.get_by_role("heading", level=1, name="Hello, Mia Fischer")).to_be_visible()
    expect(waiting_badge(page)).to_be_hidden()  # Ryan's write is not hers to see

    # Her own write goes out; Ryan's, older and first in line, does not go with it.
    page.evaluate(ENQUEUE, {"method": "POST", "url": "/api/health/declarations",
                            "body": DECLARATION, "label": "outbox.declaration"})
    wait_until(page, OUTBOX_EMPTY)
    assert len(stored_declarations(live_app, second["id"])) == 1
    assert stored_declarations(live_app, first["id"]) == []
    kept = page.evaluate("import('/app/storage.js').then((db) => db.all('outbox'))")
    assert [entry["owner"] for entry in kept if entry["id"] != "#owner"] == [first["id"]]

    # Back with Ryan: his write is delivered, once.
    page.context.clear_cookies()
    accounts.sign_in(page.context, "ryan.koh@example.com")
    page.goto("/")
    expect(page.get_by_role("heading", level=1, name="Hello, Ryan Koh")).to_be_visible()
    wait_until(page, OUTBOX_EMPTY)
    assert len(stored_declarations(live_app, first["id"])) == 1


def test_offline_before_the_worker_installed_no_error_then_it_installs_back_online(
        page: Page, accounts):
    # The network drops while the service worker's script is on its way (set_offline cannot
    # time that; a refused request can): the person sees no error.
    page.context.route("**/sw.js", lambda route: route.abort("internetdisconnected"))
    accounts.sign_in(page.context, "chloe.dubois@example.com")
    page.goto("/")
    expect(page.get_by_role("heading", level=1, name=GREETING)).to_be_visible()
    wait_until(page, "navigator.serviceWorker.getRegistration().then((r) => r === undefined)")

    page.context.unroute("**/sw.js")
    page.evaluate("dispatchEvent(new Event('online'))")  # what the browser fires on return
    ready_offline(page)
    expect(page.get_by_role("alert")).to_have_count(0)
