"""Live events on the phone: answer, calendar file, a song in the running order, "On now" on
Home at the start (the server's clock moved on), hosts' tools, in English and Chinese."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.e2e import test_accessibility as axe
from tests.e2e.conftest import GREETING, OUTBOX_EMPTY, screenshot, wait_until
from tests.e2e.eventing import (  # noqa: F401
    EDITOR,
    EMPLOYEE,
    HOUR,
    HR,
    SHANGHAI,
    api,
    karaoke,
    phone,
    site,
)

pytestmark = pytest.mark.e2e


def test_an_employee_answers_going_gets_the_calendar_signs_up_and_joins_when_it_is_on(
        browser, browser_context_args, site):  # noqa: F811
    with phone(browser, browser_context_args, site, HR, ready=False) as host, \
            phone(browser, browser_context_args, site, EMPLOYEE) as page:
        event = karaoke(host, site, starts_in=HOUR)
        title = event["title"]["en"]
        page.goto("/")
        expect(page.get_by_role("heading", level=1, name=GREETING)).to_be_visible()
        expect(page.get_by_text("On now")).to_have_count(0)  # Home stays calm before it starts

        page.goto("/events")
        card = page.get_by_role("article").filter(has=page.get_by_role("heading", name=title))
        expect(card).to_contain_text("Karaoke night")
        expect(card).to_contain_text("GMT+8")  # the phone's own time zone
        card.get_by_role("link", name="See the event").click()
        expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
        expect(page.get_by_text("Answer “Going” to sign up for a song.")).to_be_visible()

        page.get_by_text("Going", exact=True).click()
        expect(page.get_by_text("1 going · 0 maybe")).to_be_visible()
        expect(page.get_by_role("radio", name="Going", exact=True)).to_be_checked()

        with page.expect_download() as download:
            page.get_by_role("link", name="Add to calendar").click()
        calendar = download.value.path().read_bytes()
        assert_calendar(calendar, event)

        page.get_by_label("Your song").fill("Yesterday – The Beatles")
        page.get_by_role("button", name="Sign up for a song").click()
        order = page.get_by_role("list").filter(has_text="Yesterday – The Beatles")
        expect(order).to_contain_text("You")
        expect(page.get_by_role("button", name="Sign up for a song")).to_have_count(0)
        screenshot(page, "event-en")

        site.clock.advance(HOUR + 60)  # the start, by the server's clock
        page.goto("/")
        now = page.get_by_role("article").filter(has=page.get_by_role("heading", name=title))
        expect(now).to_contain_text("On now")
        expect(now).to_contain_text("Hosted by")
        join = now.get_by_role("link", name="Join")
        expect(join).to_have_attribute("href", event["join_url"])
        expect(join).to_have_attribute("target", "_blank")
        expect(join).to_have_attribute("rel", re.compile(r"\bnoopener\b"))
        screenshot(page, "home-on-now-en")
        site.clock.advance(-HOUR - 60)


def assert_calendar(data: bytes, event: dict) -> None:
    """The .ics names the event by its stable UID and starts at the right UTC instant."""
    try:
        import icalendar
    except ImportError:  # a venv without it: the lines themselves
        text = data.decode()
        assert f"UID:{event['id']}@together" in text
        start = event["starts_at"].replace("-", "").replace(":", "")
        assert f"DTSTART:{start}" in text
        return
    from datetime import datetime
    (vevent,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(vevent["UID"]) == f"{event['id']}@together"
    starts = datetime.fromisoformat(event["starts_at"].replace("Z", "+00:00"))
    assert vevent.decoded("DTSTART") == starts


def test_a_host_reorders_the_running_order_with_buttons(browser, browser_context_args, site):  # noqa: F811
    with phone(browser, browser_context_args, site, HR) as host:
        event = karaoke(host, site, starts_in=3 * HOUR)
        api(host, "POST", f"/api/events/{event['id']}/rsvp", {"answer": "going"})
        api(host, "POST", f"/api/events/{event['id']}/slots", {"song": "Song A"})
        with phone(browser, browser_context_args, site, EMPLOYEE, ready=False) as singer:
            api(singer, "POST", f"/api/events/{event['id']}/rsvp", {"answer": "going"})
            api(singer, "POST", f"/api/events/{event['id']}/slots", {"song": "Song B"})
        host.goto(f"/events/{event['id']}")
        rows = host.locator(".order-slot .row-title")
        expect(rows).to_have_text(["Song A", "Song B"])
        host.get_by_role("button", name="Move “Song B” up").click()
        expect(rows).to_have_text(["Song B", "Song A"])
        expect(host.get_by_role("heading", name="Who is going")).to_be_visible()
        expect(host.get_by_text("Li Na")).not_to_have_count(0)
        host.reload()
        expect(rows).to_have_text(["Song B", "Song A"])  # the server kept the order


def test_the_host_form_refuses_a_link_that_is_not_https_and_creates_the_event(
        browser, browser_context_args, site):  # noqa: F811
    with phone(browser, browser_context_args, site, HR) as page:
        page.goto("/more")
        page.get_by_role("link", name="Host events").click()
        expect(page.get_by_role("heading", level=1, name="Host events")).to_be_visible()
        expect(page.get_by_text("In your time zone: Asia/Shanghai")).to_be_visible()
        page.get_by_label("Title in English").fill("Town hall with the CEO")
        page.get_by_label("Kind of event").select_option("town_hall")
        day = (datetime.now(ZoneInfo(SHANGHAI)) + timedelta(days=30)).date()
        page.get_by_label("Starts").fill(f"{day.isoformat()}T20:00")
        page.get_by_label("Ends").fill(f"{day.isoformat()}T21:00")
        expect(page.get_by_text("Sent as")).to_contain_text("12:00")  # 20:00 in Shanghai
        page.get_by_label("Join link").fill("http://zoom.us/j/1")
        page.get_by_role("button", name="Create the event").click()
        expect(page.get_by_label("Join link")).to_have_attribute("aria-invalid", "true")
        expect(page.get_by_text("Only https:// links can be used")).to_be_visible()
        screenshot(page, "host-form-en")
        page.get_by_label("Join link").fill("https://zoom.us/j/1")
        page.get_by_role("button", name="Create the event").click()
        expect(page.get_by_role("heading", level=1, name="Town hall with the CEO")).to_be_visible()
        shown = f"{day.strftime('%B')} {day.day}, 8:00\\sPM.*GMT\\+8"  # the phone's own time
        expect(page.get_by_text(re.compile(shown))).to_be_visible()


def test_without_events_host_there_is_no_host_tool(browser, browser_context_args, site):  # noqa: F811
    with phone(browser, browser_context_args, site, EMPLOYEE) as page:
        page.goto("/more")
        expect(page.get_by_role("link", name=re.compile("^Events"))).to_be_visible()
        expect(page.get_by_role("link", name="Host events")).to_have_count(0)
        page.goto("/tools/events")
        expect(page).to_have_url(re.compile("/more$"))
        page.goto("/events")
        expect(page.get_by_role("heading", level=1, name="Events")).to_be_visible()
        expect(page.get_by_role("link", name="Host an event")).to_have_count(0)


def test_events_in_chinese(browser, browser_context_args, site):  # noqa: F811
    with phone(browser, browser_context_args, site, HR, ready=False) as host, \
            phone(browser, browser_context_args, site, EDITOR, locale="zh-CN") as page:
        event = karaoke(host, site, starts_in=5 * HOUR)
        page.goto("/events")
        expect(page.get_by_role("heading", level=1, name="活动")).to_be_visible()
        heading = page.get_by_role("heading", name=event["title"]["zh-CN"])
        card = page.get_by_role("article").filter(has=heading)
        expect(card).to_contain_text("K歌之夜")
        expect(card).to_contain_text("人参加")
        screenshot(page, "events-zh-CN")
        card.get_by_role("link", name="查看活动").click()
        expect(page.get_by_role("radio", name="参加", exact=True)).to_be_visible()
        expect(page.get_by_role("link", name="添加到日历")).to_be_visible()
        expect(page.get_by_role("heading", name="演唱顺序")).to_be_visible()
        screenshot(page, "event-zh-CN")
        page.goto(f"/events?id={event['id']}")  # a reminder's link opens the event itself
        expect(page).to_have_url(re.compile(f"/events/{event['id']}$"))
        expect(page.get_by_role("link", name="添加到日历")).to_be_visible()


def test_home_shows_on_now_and_the_tip_of_the_day_in_both_languages(
        browser, browser_context_args, site):  # noqa: F811
    with phone(browser, browser_context_args, site, HR) as host:
        event = karaoke(host, site, starts_in=120, title="Friday karaoke with the CEO",
                        zh_title="周五与CEO的K歌", audience={"kind": "company"})
        api(host, "POST", "/api/tips", {"kind": "guide", "tags": ["wfh"],
            "title": {"en": "A corner of your own", "zh-CN": "给自己一个角落"},
            "body": {"en": "Work from the same spot each day, and leave it when the day is done.",
                     "zh-CN": "每天在同一个地方工作，下班后就离开那里。"}})
        host.goto("/tools/events")
        expect(host.get_by_label("Join link")).to_be_visible()
        screenshot(host, "host-form-empty-en")
    site.clock.advance(180)
    try:
        for email, language, on_now, tip in ((EMPLOYEE, "en", "On now", "Tip of the day"),
                                             (EDITOR, "zh-CN", "正在进行", "每日小贴士")):
            with phone(browser, browser_context_args, site, email) as page:
                page.goto("/")
                expect(page.get_by_text(on_now).first).to_be_visible()
                expect(page.get_by_role("heading", name=tip)).to_be_visible()
                screenshot(page, f"home-events-{language}")
                page.get_by_role("heading", name=tip).scroll_into_view_if_needed()
                screenshot(page, f"home-tip-{language}")
                page.goto("/events")
                expect(page.locator(".event-card").first).to_be_visible()
                screenshot(page, f"events-{language}")
                page.goto(f"/events/{event['id']}")
                expect(page.locator(".event-join")).to_be_visible()
                screenshot(page, f"event-on-now-{language}")
                page.goto("/tips")
                expect(page.locator(".tip-card").first).to_be_visible()
                screenshot(page, f"tips-{language}")
                if email == EDITOR:
                    page.goto(f"/tools/events?id={event['id']}")
                    expect(page.get_by_label("加入链接")).to_have_value(event["join_url"])
                    screenshot(page, "host-form-zh-CN")
    finally:
        site.clock.advance(-180)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_event_with_its_running_order_and_a_tip_pass_axe(
        browser, browser_context_args, site, scheme):  # noqa: F811
    with phone(browser, browser_context_args, site, HR, ready=False) as host:
        event = karaoke(host, site, starts_in=6 * HOUR)
        api(host, "POST", f"/api/events/{event['id']}/rsvp", {"answer": "going"})
        api(host, "POST", f"/api/events/{event['id']}/slots", {"song": "Song A"})
        tip = api(host, "POST", "/api/tips", {"kind": "guide", "tags": ["time"],
                  "title": {"en": "Plan the day in three", "zh-CN": "一天三件事"},
                  "body": {"en": "Pick three things.", "zh-CN": "选三件事。"}})
    # axe is injected as an inline script, which the app's Content-Security-Policy forbids.
    with phone(browser, browser_context_args, site, EMPLOYEE, color_scheme=scheme,
               bypass_csp=True) as page:
        for path, shown in ((f"/events/{event['id']}", "Song A"),
                            (f"/tips/{tip['id']}", "Pick three things.")):
            page.goto(path)
            expect(page.get_by_text(shown)).to_be_visible()  # the answers it waits for came
            assert axe.serious_violations(page) == [], path


def test_a_full_event_says_so_and_an_answer_given_offline_is_sent_later(
        browser, browser_context_args, site):  # noqa: F811
    with phone(browser, browser_context_args, site, HR, ready=False) as host, \
            phone(browser, browser_context_args, site, EMPLOYEE) as page:
        event = karaoke(host, site, starts_in=8 * HOUR, capacity=1)
        api(host, "POST", f"/api/events/{event['id']}/rsvp", {"answer": "going"})
        page.goto(f"/events/{event['id']}")
        expect(page.get_by_text("Full: no places left for “Going”")).to_be_visible()
        page.get_by_text("Going", exact=True).click()
        expect(page.get_by_role("alert")).to_be_visible()  # the server's words, by the answers
        expect(page.get_by_role("radio", name="Going", exact=True)).not_to_be_checked()

        page.context.set_offline(True)
        page.get_by_text("Maybe", exact=True).click()
        expect(page.get_by_text("Kept on this phone: sent when you're back online.")) \
            .to_be_visible()
        page.context.set_offline(False)
        wait_until(page, OUTBOX_EMPTY)
        assert api(page, "GET", f"/api/events/{event['id']}")["my_rsvp"] == "maybe"
