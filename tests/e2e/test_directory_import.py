"""HR imports the directory in the app: a dry run first, errors by line in words, then apply."""

import csv
import io

import pytest
from playwright.sync_api import expect

from functions.directory.service import get_employee
from functions.seed import DEMO_CSV
from tests.e2e.conftest import Accounts, demo_app, screenshot, serving

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    """A server of this module's own: the imports here change its directory only."""
    app = demo_app(tmp_path_factory.mktemp("directory"))
    with serving(app) as url:
        yield app, url


@pytest.fixture
def hr(browser, browser_context_args, own_server):
    app, url = own_server
    context = browser.new_context(**{**browser_context_args, "base_url": url})
    Accounts(app, url).sign_in(context, "hr@example.com")
    page = context.new_page()
    yield page
    context.close()


def demo_rows() -> list[dict]:
    return list(csv.DictReader(DEMO_CSV.read_text(encoding="utf-8").splitlines()))


def write(path, rows) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return str(path)


def open_import(page, language="en"):
    page.request.patch("/api/me", data={"language": language})
    page.goto("/tools/directory")


def test_hr_checks_the_file_sees_what_would_change_then_applies_it(hr, own_server, tmp_path):
    app, _ = own_server
    rows = demo_rows()
    rows[1]["department"] = "Logistics"
    rows.append({**rows[-1], "id": "E9001", "name": "New Starter", "email": "new@example.com"})
    open_import(hr)
    hr.get_by_label("Employee file (CSV)").set_input_files(write(tmp_path / "hr.csv", rows))
    hr.get_by_role("button", name="Check the file").click()

    counts = hr.locator(".directory-counts li")
    expect(counts).to_have_text(["1 new person", "1 person updated",
                                 f"{len(rows) - 2} people unchanged",
                                 f"{len(rows)} lines in the file"])
    screenshot(hr, "directory-dry-run-en")
    with app.app_context():
        assert get_employee(app.extensions["together"].store, "E9001") is None  # a dry run

    # Wait for the server's answer itself (the app gives up after 20 s), then the screen: under
    # load the import can take longer than a screen's wait, and a refusal says why here.
    with hr.expect_response(lambda r: r.url.endswith("/api/directory/import")
                            and r.request.method == "POST", timeout=25_000) as answer:
        hr.get_by_role("button", name="Apply these changes").click()
    assert answer.value.status == 200, answer.value.text()
    expect(hr.get_by_role("heading", name="What changed")).to_be_visible()
    with app.app_context():
        assert get_employee(app.extensions["together"].store, "E9001")["name"] == "New Starter"


def test_a_wrong_line_is_said_in_words_with_its_number(hr, tmp_path):
    rows = demo_rows()
    rows[1]["email"] = rows[0]["email"]  # line 3 repeats line 2's email
    open_import(hr)
    hr.get_by_label("Employee file (CSV)").set_input_files(write(tmp_path / "bad.csv", rows))
    hr.get_by_role("button", name="Check the file").click()

    problems = hr.locator(".directory-problems li")
    expect(hr.get_by_role("heading", name="1 line needs fixing")).to_be_visible()
    expect(problems).to_have_count(1)
    expect(problems).to_contain_text("Line 3")
    expect(problems).to_contain_text("Email: Also on line 2.")
    expect(hr.get_by_role("button", name="Apply these changes")).to_have_count(0)
    screenshot(hr, "directory-errors-en")


def test_the_import_speaks_chinese(hr, tmp_path):
    rows = demo_rows()
    rows[1]["email"] = rows[0]["email"]
    open_import(hr, "zh-CN")
    hr.get_by_label("员工文件").set_input_files(write(tmp_path / "bad.csv", rows))
    hr.get_by_role("button", name="检查文件").click()
    expect(hr.get_by_role("heading", name="有 1 行需要修改")).to_be_visible()
    expect(hr.locator(".directory-problems li")).to_contain_text("第 3 行")
    screenshot(hr, "directory-errors-zh")
    hr.get_by_label("员工文件").set_input_files(write(tmp_path / "good.csv", demo_rows()))
    hr.get_by_role("button", name="检查文件").click()
    expect(hr.locator(".directory-counts li").first).to_have_text("新增 0 人")
    screenshot(hr, "directory-dry-run-zh")
