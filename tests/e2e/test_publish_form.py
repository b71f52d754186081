"""The publish form tried as an editor would: mistakes are said next to their fields."""

import csv
from collections import Counter

import pytest
from playwright.sync_api import expect

from functions.seed import DEMO_CSV
from tests.e2e import test_news
from tests.e2e.clips import short_clip
from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.e2e
news_server = test_news.news_server  # a server of this module's own, and its phones
phones = test_news.phones


def ready_to_publish(phone, tmp_path, language="en"):
    page = phone.page
    page.request.patch("/api/me", data={"language": language})
    page.goto("/tools/publish")
    page.locator("input[type=file][data-kind=choose]").set_input_files(short_clip(tmp_path))
    expect(page.locator(".publish-form button[type=submit]")).to_be_enabled()
    return page


def posted_news(page) -> list:
    sent = []
    page.on("request", lambda r: r.method == "POST" and r.url.endswith("/api/news")
            and sent.append(r.url))
    return sent


def expect_field_error(page, name: str, text: str) -> None:
    """The message sits by the field, the field is marked, in view and focused."""
    field = page.locator(f".publish-form [name={name}]")
    expect(field).to_have_attribute("aria-invalid", "true")
    note = page.locator(f"#publish-{name}-error")
    expect(note).to_have_text(text)
    expect(note).to_be_visible()
    assert note.get_attribute("id") in field.get_attribute("aria-describedby").split()
    expect(field).to_be_focused()
    expect(field).to_be_in_viewport()


def test_publishing_without_a_title_says_so_next_to_the_title(phones, tmp_path):
    page = ready_to_publish(phones("hr@example.com"), tmp_path)
    page.evaluate("scrollTo(0, document.body.scrollHeight)")
    page.locator(".publish-form button[type=submit]").click()
    expect_field_error(page, "title_en", "Give a title in English or Chinese.")
    screenshot(page, "publish-no-title-en")

    page.get_by_label("Title in English").fill("Safety first")  # put right, the mark goes
    page.locator(".segmented").get_by_text("Later", exact=True).click()
    page.locator(".publish-form button[type=submit]").click()
    expect(page.locator(".publish-form [name=title_en]")).not_to_have_attribute(
        "aria-invalid", "true")


def test_later_without_a_date_asks_for_the_date_and_publishes_nothing(phones, tmp_path):
    page = ready_to_publish(phones("hr@example.com"), tmp_path)
    sent = posted_news(page)
    page.get_by_label("Title in English").fill("Canteen menu")
    page.locator(".segmented").get_by_text("Later", exact=True).click()
    page.locator(".publish-form button[type=submit]").click()
    expect_field_error(page, "publish_at", "Choose the date and time to publish it.")
    screenshot(page, "publish-later-no-date-en")
    assert sent == []


def test_the_form_errors_speak_chinese(phones, tmp_path):
    page = ready_to_publish(phones("hr@example.com"), tmp_path, "zh-CN")
    page.locator(".publish-form button[type=submit]").click()
    field = page.locator(".publish-form [name=title_en]")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_be_focused()
    screenshot(page, "publish-no-title-zh")
    page.locator(".publish-form [name=title_zh]").fill("安全第一")
    page.locator(".segmented label").nth(1).click()
    page.locator(".publish-form button[type=submit]").click()
    expect_field_error(page, "publish_at", "请选择发布的日期和时间。")
    screenshot(page, "publish-later-no-date-zh")


def test_the_audience_is_chosen_among_the_directorys_departments_with_its_size(phones):
    rows = list(csv.DictReader(DEMO_CSV.read_text(encoding="utf-8").splitlines()))
    retail = Counter(r["department"] for r in rows if r["business_unit"] == "Retail")
    page = phones("hr@example.com").page
    page.request.patch("/api/me", data={"language": "en"})
    page.goto("/tools/publish")
    page.get_by_label("Audience", exact=True).select_option("department")
    page.get_by_label("Business unit").select_option("Retail")

    department = page.get_by_label("Department", exact=True)
    expect(department.locator("option")).to_have_text(sorted(retail))  # no free text
    for name in sorted(retail)[:2]:
        department.select_option(name)
        people = "person" if retail[name] == 1 else "people"
        expect(page.locator(".audience-size")).to_have_text(f"Reaches {retail[name]} {people}.")
    page.get_by_label("Audience", exact=True).select_option("company")
    expect(page.locator(".audience-size")).to_have_text(f"Reaches {len(rows)} people.")
    page.get_by_label("Audience", exact=True).select_option("department")
    page.locator(".audience-size").scroll_into_view_if_needed()
    screenshot(page, "publish-audience-en")


def test_hr_finds_every_units_news_and_filters_it_by_unit(phones, news_server, tmp_path):
    app, _ = news_server
    editor = phones("editor@example.com")
    test_news.publish_via_api(editor, app, short_clip(tmp_path), title={"en": "Retail rota"},
                              audience={"kind": "unit", "unit": "Retail"})
    page = phones("hr@example.com").page
    page.request.patch("/api/me", data={"language": "en"})
    page.goto("/tools/publish")
    recent = page.get_by_role("region", name="Your news")
    expect(recent.get_by_role("link", name="Retail rota")).to_be_visible()

    recent.get_by_label("Show").select_option("")  # company-wide and sites only
    expect(recent.get_by_role("link", name="Retail rota")).to_have_count(0)
    recent.get_by_label("Show").select_option("Retail")
    expect(recent.get_by_role("link", name="Retail rota")).to_contain_text("Retail ·")
    recent.scroll_into_view_if_needed()
    screenshot(page, "publish-recent-by-unit-en")


def test_reach_shows_each_unit_and_site_with_its_size(phones, news_server, tmp_path):
    app, _ = news_server
    rows = list(csv.DictReader(DEMO_CSV.read_text(encoding="utf-8").splitlines()))
    hr = phones("hr@example.com")
    item = test_news.publish_via_api(hr, app, short_clip(tmp_path), title={"en": "All hands"},
                                     audience={"kind": "company"})
    page = hr.page
    page.request.patch("/api/me", data={"language": "en"})
    page.goto(f"/tools/reach?id={item['id']}")
    units = Counter(r["business_unit"] for r in rows)
    by_unit = page.get_by_role("region", name="By business unit").locator("li")
    expect(by_unit).to_have_count(len(units))
    expect(by_unit.filter(has_text="Retail")).to_contain_text(f"0 of {units['Retail']} viewed")
    sites = Counter(r["site"] for r in rows)
    expect(page.get_by_role("region", name="By site").locator("li")).to_have_count(len(sites))
    page.get_by_role("region", name="By business unit").scroll_into_view_if_needed()
    screenshot(page, "reach-by-unit-en")
    page.request.patch("/api/me", data={"language": "zh-CN"})
    page.reload()
    expect(page.get_by_role("region", name="按事业部")).to_be_visible()
    page.get_by_role("region", name="按事业部").scroll_into_view_if_needed()
    screenshot(page, "reach-by-unit-zh")
