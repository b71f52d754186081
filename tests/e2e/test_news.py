"""Daily video news end to end: a resumable upload, processing, the feed, playback and offline."""

import csv
import re
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from functions.seed import DEMO_CSV
from tests.e2e import uploads
from tests.e2e.clips import grainy_clip, not_a_video, parts_of, short_clip, six_part_clip
from tests.e2e.conftest import (
    GREETING,
    Accounts,
    demo_app,
    ready_offline,
    screenshot,
    serving,
    tab,
    wait_until,
)
from tests.e2e.test_accessibility import serious_violations
from tests.e2e.test_languages import english_left

pytestmark = pytest.mark.e2e

RESULTS = Path(__file__).resolve().parents[2] / "test-results"
PARTS = re.compile(r"/api/media/local/parts\?")
TITLE = "Stores reopen on Monday"
TITLE_ZH = "门店周一恢复营业"
CLIP_S = 6  # the six-part clip's length
HELD_FROM = 4  # parts from this one on wait until the page is reloaded: an interruption at 50%


@pytest.fixture(scope="session")
def clip(tmp_path_factory) -> Path:
    return six_part_clip(tmp_path_factory.mktemp("clips"))


@pytest.fixture(scope="module")
def news_server(tmp_path_factory):
    """A server of this module's own: its media adapter is watched, its feeds start empty."""
    app = demo_app(tmp_path_factory.mktemp("news"))
    with serving(app) as url:
        yield app, url


class Phone:
    """A phone-sized browser context signed in as someone, failing on any page error."""

    def __init__(self, browser: Browser, context_args: dict, app, url: str, email: str, **extra):
        self.context = browser.new_context(**{**context_args, "base_url": url, **extra})
        self.person = Accounts(app, url).sign_in(self.context, email)
        self.page = self.context.new_page()
        self.errors = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda msg: msg.type == "error"
                     and not msg.text.startswith("Failed to load resource")
                     and self.errors.append(msg.text))

    def close(self):
        self.context.close()
        assert self.errors == []


@pytest.fixture
def phones(browser, browser_context_args, news_server):
    app, url = news_server
    opened = []

    def open_as(email: str, **extra) -> Phone:
        opened.append(Phone(browser, browser_context_args, app, url, email, **extra))
        return opened[-1]

    yield open_as
    for phone in opened:
        phone.close()


def part_number(url: str) -> int:
    """The part a signed URL is for."""
    return uploads.part_number(urlsplit(url).query)


def test_an_editor_publishes_a_clip_its_unit_watches_online_and_offline_and_no_one_else_sees(
        phones, news_server, clip):
    app, _ = news_server
    sizes = parts_of(clip.stat().st_size)
    editor = phones("editor@example.com")
    page = editor.page
    page.request.patch("/api/me", data={"language": "en"})  # the demo editor reads Chinese
    page.goto("/tools/publish")
    expect(page.get_by_role("heading", level=1, name="Publish news")).to_be_visible()

    held: list[Route] = []

    def interrupt_at_half(route: Route):
        if part_number(route.request.url) >= HELD_FROM and not reloaded:
            held.append(route)  # never answered: the reload below cancels it
        else:
            route.continue_()

    reloaded = False
    with uploads.UploadWatch(app, page) as received:
        page.route(PARTS, interrupt_at_half)
        page.locator("input[type=file][data-kind=choose]").set_input_files(clip)

        received.wait_for_parts(HELD_FROM - 1)
        expect(page.locator(".upload-parts")).to_have_text(f"3 of {len(sizes)} parts")
        wait_until(page, "Number(document.querySelector('[role=progressbar]')"
                         ".getAttribute('aria-valuenow')) >= 50")
        screenshot(page, "news-publish-uploading")
        assert sorted(received.stored) == [1, 2, 3]
        before = list(received.stored)
        page.get_by_label("Title in English").fill(TITLE)  # kept with the draft, on the phone
        wait_until(page, f"""import('/app/storage.js').then((db) => db.all('uploads'))
          .then((records) => records.some((r) => r.form?.title_en === {TITLE!r}))""")

        # Still routed, so the parts held back are cancelled by the reload, never released.
        reloaded = True
        page.reload()  # the File waits in IndexedDB; the server says which parts it has

        received.wait_for_parts(len(sizes))
        video = uploads.wait_until_processed(page, app, received.wait_for_completion(), CLIP_S)
        assert video["status"] == "ready"
        ready = page.locator(".upload[data-stage=ready]")
        expect(ready).to_contain_text("Ready to publish.")
        assert sorted(received.stored) == list(range(1, len(sizes) + 1))  # each exactly once
        assert received.bytes == sum(sizes)
        assert len(held) == len(sizes) - len(before)
    resent = [n for n in received.stored[len(before):] if n in before]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "upload-resend.txt").write_text(
        f"parts {len(before)} of {len(sizes)} done at interruption; re-sent "
        f"{received.bytes - sum(sizes)} bytes ({len(resent)} parts)\n")

    expect(page.get_by_label("Title in English")).to_have_value(TITLE)  # as typed before
    page.get_by_label("Title in Chinese").fill(TITLE_ZH)
    page.get_by_label("Text in English").fill(
        "All our stores in Hubei open again on Monday, with new hours and safety steps.\n\n"
        "Please watch before your first shift.")
    expect(page.get_by_label("Business unit")).to_have_value("Retail")
    page.get_by_label("Ask people to acknowledge").check()
    page.evaluate("scrollTo(0, 0)")
    screenshot(page, "news-publish-ready")
    page.get_by_role("button", name="Publish").click()

    expect(page.get_by_role("heading", level=1, name="Reach")).to_be_visible()
    news_id = re.search(r"id=(\w+)", page.url).group(1)
    expect(page.get_by_text("Not acknowledged yet · 20")).to_be_visible()

    # Li Na works in Retail: today's news on Home, then in News, plays, acknowledges, saves.
    employee = phones("employee@example.com")
    page = employee.page
    page.goto("/")
    expect(page.get_by_role("heading", level=1, name=GREETING)).to_be_visible()
    ready_offline(page)
    today = page.locator(".today")
    expect(today).to_contain_text(TITLE)
    expect(today).to_contain_text("Today's edition · Retail")
    screenshot(page, "news-home")
    tab(page, "News").click()
    card = page.locator(".news-card", has_text=TITLE)
    expect(card).to_contain_text("Please acknowledge")
    expect(card.locator(".news-poster img")).to_have_js_property("complete", True)
    screenshot(page, "news-feed")

    card.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    expect(page.locator(".player")).to_have_attribute("data-rendition", "720p")
    page.get_by_role("button", name="Play").click()
    wait_until(page, "document.querySelector('video').currentTime > 0.5")
    expect(page.locator(".watch-states")).to_contain_text(re.compile("Started|Watched"))
    page.locator("video").evaluate("(video) => video.pause()")
    page.get_by_role("button", name="Acknowledge").click()
    expect(page.get_by_role("heading", name="Acknowledged")).to_be_visible()
    page.get_by_role("button", name="Save for offline").click()
    expect(page.get_by_text("Saved on this phone")).to_be_visible()
    page.evaluate("scrollTo(0, 0)")
    screenshot(page, "news-watch")

    employee.context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    page.get_by_role("button", name=re.compile(r"^(Play|Resume at)")).click()
    start = page.evaluate("document.querySelector('video').currentTime")
    wait_until(page, f"document.querySelector('video').currentTime > {start} + 0.5")
    expect(page.locator(".watch-states")).to_contain_text("Acknowledged")  # as I left it
    screenshot(page, "news-watch-offline")
    tab(page, "News").click()
    saved = page.locator(".feed-saved")
    expect(saved).to_contain_text(TITLE)
    saved.scroll_into_view_if_needed()
    screenshot(page, "news-feed-offline")
    employee.context.set_offline(False)

    # Lucas works in Logistics: the item is not his to see, on Home, in News or by its id.
    other = phones("lucas.weber@example.com")
    page = other.page
    with page.expect_response(re.compile(r"/api/news\?limit=1$")):
        page.goto("/")
    expect(page.get_by_role("heading", level=1, name=GREETING)).to_be_visible()
    expect(page.locator(".feature-news")).to_contain_text("Logistics's daily video news")
    tab(page, "News").click()
    expect(page.get_by_role("heading", name="Daily video news")).to_be_visible()
    expect(page.get_by_text(TITLE)).to_have_count(0)
    assert page.request.get(f"/api/news/{news_id}").status == 404

    # Back with the editor: one of twenty viewed and acknowledged; nineteen still to go.
    page = editor.page
    page.goto(f"/tools/reach?id={news_id}")
    expect(page.locator(".reach-viewed")).to_contain_text("1 of 20 · 5%")
    expect(page.locator(".reach-acknowledged")).to_contain_text("1 of 20 · 5%")
    expect(page.get_by_text("Not acknowledged yet · 19")).to_be_visible()
    expect(page.locator(".reach-people li")).to_have_count(19)
    expect(page.locator(".reach-people")).not_to_contain_text("Li Na")
    screenshot(page, "news-reach")


def test_an_upload_cut_off_by_the_network_waits_for_it_and_carries_on(
        phones, news_server, tmp_path):
    app, _ = news_server
    clip = grainy_clip(tmp_path, 2)
    sizes = parts_of(clip.stat().st_size)
    assert len(sizes) == 2
    phone = phones("admin@example.com")
    page = phone.page
    page.goto("/tools/publish")
    held: list[Route] = []

    def hold_the_second(route: Route):
        if part_number(route.request.url) == 2:
            held.append(route)
        else:
            route.continue_()

    with uploads.UploadWatch(app, page) as received:
        page.route(PARTS, hold_the_second)
        page.locator("input[type=file][data-kind=choose]").set_input_files(clip)
        received.wait_for_parts(1)
        expect(page.locator(".upload-parts")).to_have_text("1 of 2 parts")
        uploads.poll(page, lambda: held, uploads.PART_S, "the second part sent")
        phone.context.set_offline(True)
        held[0].abort("internetdisconnected")

        waiting = page.locator(".upload[data-stage=waiting]")
        expect(waiting).to_contain_text("Waiting for the network.")
        screenshot(page, "news-publish-waiting")
        page.unroute(PARTS)
        phone.context.set_offline(False)

        received.wait_for_parts(2)
        video = uploads.wait_until_processed(page, app, received.wait_for_completion(), 2)
        assert video["status"] == "ready"
        expect(page.locator(".upload[data-stage=ready]")).to_be_visible()
        assert sorted(received.stored) == [1, 2]
        assert received.bytes == sum(sizes)


def test_a_file_that_is_not_a_video_is_turned_down_in_words(phones, news_server, tmp_path):
    app, _ = news_server
    page = phones("hr@example.com").page
    page.goto("/tools/publish")
    with uploads.UploadWatch(app, page) as received:
        page.locator("input[type=file][data-kind=choose]").set_input_files(not_a_video(tmp_path))
        video = uploads.wait_until_processed(page, app, received.wait_for_completion(), 0)
    assert video["reason"] == "not_video"

    failed = page.locator(".upload[data-stage=failed]")
    expect(failed).to_contain_text("This video cannot be used. The file is not a video.")
    expect(page.get_by_role("button", name="Publish")).to_be_disabled()
    screenshot(page, "news-publish-failed")

    page.reload()  # the draft is still there, and still says why
    expect(failed).to_contain_text("The file is not a video.")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Choose another video").click()
    expect(page.get_by_text("Record today's edition, or choose a video")).to_be_visible()


def publish_via_api(phone: Phone, app, clip: Path, **body) -> dict:
    """Uploads a one-part clip and publishes it, through the API as the app does."""
    request = phone.page.request
    data = clip.read_bytes()
    upload = request.post("/api/videos/uploads", data={
        "filename": clip.name, "content_type": "video/mp4", "size": len(data)}).json()
    assert request.put(upload["parts"][0]["url"], data=data).ok
    assert request.post(f"/api/videos/uploads/{upload['video_id']}/complete", data={}).ok
    uploads.wait_until_processed(phone.page, app, upload["video_id"], 2)
    answer = request.post("/api/news", data={"video_id": upload["video_id"], **body})
    assert answer.status == 201, answer.text()
    return answer.json()


def directory_names() -> list[str]:
    """Every name a screen may show as it is: people, units, departments, sites."""
    names = {"Together", "MB", "KB", "MP4", "MOV", "WebM"}  # the app, sizes, file formats
    for row in csv.DictReader(DEMO_CSV.read_text(encoding="utf-8").splitlines()):
        names |= {row["name"], row["business_unit"], row["department"], row["site"]}
        names |= {"".join(part[0].upper() for part in row["name"].split()[:2])}  # avatars
    return sorted(names)


def test_the_news_screens_speak_chinese(phones, news_server, tmp_path):
    app, _ = news_server
    editor = phones("editor@example.com")  # Chen Hao reads Chinese; so does Sun Jie
    editor.page.request.patch("/api/me", data={"language": "zh-CN"})
    item = publish_via_api(editor, app, short_clip(tmp_path), title={
        "en": "Masks for every store", "zh-CN": "每家门店都有口罩"}, text={"zh-CN": "今天到货。"},
        audience={"kind": "unit", "unit": "Retail"}, must_acknowledge=True)
    names = directory_names()

    reader = phones("staff0009@example.com").page
    reader.goto("/news")
    card = reader.locator(".news-card", has_text="每家门店都有口罩")
    expect(card).to_contain_text("请确认")
    assert english_left(reader, names) == []
    card.get_by_role("link").click()
    expect(reader.get_by_role("heading", level=1, name="每家门店都有口罩")).to_be_visible()
    expect(reader.get_by_role("button", name="离线保存")).to_be_visible()
    assert english_left(reader, names) == []
    screenshot(reader, "news-watch-zh")

    page = editor.page
    page.goto("/tools/publish")
    expect(page.get_by_role("heading", level=1, name="发布新闻")).to_be_visible()
    expect(page.get_by_text("每家门店都有口罩")).to_be_visible()  # in 你发布的新闻
    assert english_left(page, names) == []
    page.goto(f"/tools/reach?id={item['id']}")
    expect(page.get_by_text("尚未确认 · 20")).to_be_visible()
    expect(page.locator(".reach-people li")).to_have_count(20)
    assert english_left(page, names) == []
    screenshot(page, "news-reach-zh")


def test_the_news_screens_pass_axe_in_light_and_dark(phones, news_server, tmp_path):
    app, _ = news_server
    hr = phones("hr@example.com", bypass_csp=True)  # axe is injected as an inline script
    item = publish_via_api(hr, app, short_clip(tmp_path), title={"en": "Thank you, Wuhan"},
                           audience={"kind": "unit", "unit": "Cloud"}, must_acknowledge=True,
                           pinned=True)
    page = hr.page
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        for path, ready in [("/news", ".feed-pinned .news-card"),
                            (f"/watch?id={item['id']}", ".ack"),
                            ("/tools/publish", ".picker"),
                            (f"/tools/reach?id={item['id']}", ".reach-people li")]:
            page.goto(path)
            expect(page.locator(ready).first).to_be_visible()
            assert serious_violations(page) == [], (scheme, path)
        screenshot(page, f"news-reach-{scheme}")


def fake_item(n: int, **extra) -> dict:
    item = {"id": f"N{n:04d}", "title": {"en": f"Update {n}"} if n % 2 else {"zh-CN": f"更新 {n}"},
            "text": {}, "audience": {"kind": "unit", "unit": "Retail"},
            "publish_at": 1795421700 - n * 3600, "pinned": False, "must_acknowledge": n % 3 == 0,
            "author": {"id": "E0002", "name": "Chen Hao 陈浩"},
            "video": {"video_id": f"V{n:04d}", "status": "ready", "duration_s": 30 + n,
                      "width": 1280, "height": 720, "poster": None, "renditions": []},
            "me": {"viewed": n % 4 == 0, "completed": n % 8 == 0, "acknowledged": n % 6 == 0}}
    return item | extra


def test_the_feed_loads_the_next_page_by_cursor_as_the_person_scrolls(phones):
    employee = phones("employee@example.com", color_scheme="dark")
    page = employee.page
    pages = {
        None: {"pinned": [fake_item(0, pinned=True, audience={"kind": "company"})],
               "edition": {"unit": "Retail", "day": date.today().isoformat(),
                           "items": [fake_item(1)]},
               "items": [fake_item(n) for n in range(2, 12)], "cursor": "c1"},
        "c1": {"pinned": [], "edition": None, "items": [fake_item(n) for n in range(12, 22)],
               "cursor": "c2"},
        "c2": {"pinned": [], "edition": None, "items": [fake_item(n) for n in range(22, 27)],
               "cursor": None},
    }
    asked = []

    def feed(route: Route):
        from urllib.parse import parse_qs, urlsplit

        cursor = parse_qs(urlsplit(route.request.url).query).get("cursor", [None])[0]
        asked.append(cursor)
        route.fulfill(json=pages[cursor])

    employee.context.route(re.compile(r"/api/news\?"), feed)
    page.goto("/news")
    expect(page.locator(".news-card")).to_have_count(12)
    expect(page.locator(".feed-pinned")).to_contain_text("From leadership")
    expect(page.locator(".feed-edition")).to_contain_text("Today's edition · Retail")
    screenshot(page, "news-feed-pages-dark")

    for count in (22, 27):
        page.mouse.wheel(0, 20000)
        expect(page.locator(".news-card")).to_have_count(count)
    expect(page.get_by_text("You're all caught up.")).to_be_visible()
    assert asked == [None, "c1", "c2"]
    # A title only in Chinese is shown as it is, marked as Chinese for screen readers.
    expect(page.locator(".news-card[data-id=N0002] .news-title")).to_have_attribute("lang", "zh-CN")


@pytest.mark.parametrize("connection, rendition", [
    ({"effectiveType": "4g", "saveData": False}, "720p"),
    ({"effectiveType": "3g", "saveData": False}, "360p"),
    ({"effectiveType": "4g", "saveData": True}, "360p"),
    (None, "720p"),  # no Network Information API (Safari, Firefox)
])
def test_the_player_picks_the_rendition_for_the_connection(page: Page, connection, rendition):
    page.goto("/")
    chosen = page.evaluate("""async (connection) => {
      const { chooseRendition } = await import('/app/video/player.js');
      const renditions = [{name: '720p', url: 'a'}, {name: '360p', url: 'b'}];
      return chooseRendition(renditions, connection).name;
    }""", connection)
    assert chosen == rendition
