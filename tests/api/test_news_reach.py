"""Watching, acknowledging, and the reach an item's editors see."""

import pytest

from tests.api.test_news import RETAIL, Newsroom, people


@pytest.fixture
def newsroom(app, clock):
    return Newsroom(app, clock)


def progress(newsroom, email, item, position_s, duration_s=None):
    body = {"position_s": position_s} | ({"duration_s": duration_s} if duration_s else {})
    return newsroom.phone(email).post(f"/api/news/{item['id']}/progress", json=body)


def reach(newsroom, item, email="editor@example.com"):
    answer = newsroom.phone(email).get(f"/api/news/{item['id']}/reach")
    assert answer.status_code == 200, answer.get_json()
    return answer.get_json()


def test_a_view_counts_once_and_completion_at_ninety_percent(newsroom):
    item = newsroom.item("editor@example.com", RETAIL)  # the video lasts 60 s

    started = progress(newsroom, "employee@example.com", item, 3)
    again = progress(newsroom, "employee@example.com", item, 40)
    assert started.status_code == again.status_code == 200
    assert again.get_json() == {"viewed": True, "completed": False, "acknowledged": False}
    done = progress(newsroom, "employee@example.com", item, 54, duration_s=600)
    assert done.get_json()["completed"] is True  # 54 of the server's 60 s, whatever the player
    progress(newsroom, "employee@example.com", item, 60)
    progress(newsroom, "staff0009@example.com", item, 10)

    counted = reach(newsroom, item)
    assert (counted["viewed"], counted["completed"], counted["acknowledged"]) == (2, 1, 0)
    shown = newsroom.feed("employee@example.com")["edition"]["items"][0]
    assert shown["me"] == {"viewed": True, "completed": True, "acknowledged": False}


def test_an_acknowledgement_counts_once(newsroom):
    item = newsroom.item("editor@example.com", RETAIL, must_acknowledge=True)
    phone = newsroom.phone("employee@example.com")

    first = phone.post(f"/api/news/{item['id']}/acknowledge")
    second = phone.post(f"/api/news/{item['id']}/acknowledge")

    assert first.status_code == second.status_code == 200
    assert second.get_json() == {"viewed": False, "completed": False, "acknowledged": True}
    assert reach(newsroom, item)["acknowledged"] == 1
    progress(newsroom, "employee@example.com", item, 1)
    assert phone.get(f"/api/news/{item['id']}").get_json()["me"] == {
        "viewed": True, "completed": False, "acknowledged": True}


def test_an_item_that_asks_for_no_acknowledgement_refuses_one(newsroom):
    item = newsroom.item("editor@example.com", RETAIL)

    answer = newsroom.phone("employee@example.com").post(f"/api/news/{item['id']}/acknowledge")

    assert answer.status_code == 409
    assert answer.get_json()["error"]["message"] == (
        "This news item does not ask for an acknowledgement.")


@pytest.mark.parametrize("body", [{}, {"position_s": -1}, {"position_s": "half"},
                                  {"position_s": 1, "duration_s": 0}, {"position_s": 1, "x": 1}])
def test_bad_progress_is_422(newsroom, body):
    item = newsroom.item("editor@example.com", RETAIL)

    answer = newsroom.phone("employee@example.com").post(f"/api/news/{item['id']}/progress",
                                                         json=body)

    assert answer.status_code == 422 and answer.get_json()["error"]["fields"]


def test_nobody_records_progress_on_an_item_that_does_not_reach_them(newsroom, clock):
    cloud = newsroom.item("staff0007@example.com", {"kind": "unit", "unit": "Cloud"})
    later = newsroom.item("editor@example.com", RETAIL, publish_at=int(clock()) + 600)

    for item in (cloud, later):
        assert progress(newsroom, "employee@example.com", item, 1).status_code == 404
        ack = newsroom.phone("employee@example.com").post(f"/api/news/{item['id']}/acknowledge")
        assert ack.status_code == 404 and ack.get_json()["error"]["code"] == "not_found"


@pytest.mark.parametrize(("audience", "where"), [
    ({"kind": "company"}, {}),
    (RETAIL, {"business_unit": "Retail"}),
    ({"kind": "department", "unit": "Retail", "department": "Stores"},
     {"business_unit": "Retail", "department": "Stores"}),
    ({"kind": "site", "site": "Wuhan"}, {"site": "Wuhan"}),
])
def test_reach_counts_the_audience_from_the_directory(newsroom, audience, where):
    item = newsroom.item("admin@example.com", audience, must_acknowledge=True)
    newsroom.phone("employee@example.com").post(f"/api/news/{item['id']}/acknowledge")

    counted = reach(newsroom, item, "hr@example.com")

    assert counted["audience_size"] == len(people(**where))
    assert counted["audience_size_complete"] is True
    assert (counted["acknowledged"], counted["not_acknowledged"]) == (
        1, len(people(**where)) - 1)


def test_who_has_not_acknowledged_is_listed_page_by_page(newsroom):
    item = newsroom.item("admin@example.com", {"kind": "company"}, must_acknowledge=True)
    ackers = ["employee@example.com", "editor@example.com", "staff0019@example.com"]
    for email in ackers:
        newsroom.phone(email).post(f"/api/news/{item['id']}/acknowledge")
    phone = newsroom.phone("hr@example.com")
    reach(newsroom, item, "hr@example.com")  # counts the company: every unit is found

    listed, cursor = [], None
    for _ in range(100):
        query = {"limit": 7} | ({"cursor": cursor} if cursor else {})
        page = phone.get(f"/api/news/{item['id']}/reach/unacknowledged", query_string=query)
        assert page.status_code == 200, page.get_json()
        assert len(page.get_json()["items"]) <= 7
        listed += [p["id"] for p in page.get_json()["items"]]
        cursor = page.get_json()["cursor"]
        if cursor is None:
            break

    from tests.api.test_news import DIRECTORY
    assert sorted(listed) == sorted(r["id"] for r in DIRECTORY if r["email"] not in ackers)


@pytest.mark.parametrize(("email", "status"), [
    ("editor@example.com", 200),  # the author, editor of Retail
    ("hr@example.com", 200),
    ("admin@example.com", 200),
    ("staff0007@example.com", 403),  # editor of Cloud
    ("employee@example.com", 403),
])
def test_reach_is_for_the_items_editors_hr_and_admins(newsroom, email, status):
    item = newsroom.item("editor@example.com", RETAIL, must_acknowledge=True)

    for path in ("reach", "reach/unacknowledged"):
        answer = newsroom.phone(email).get(f"/api/news/{item['id']}/{path}")
        assert answer.status_code == status, (email, path)
        if status == 403:
            assert answer.get_json()["error"]["code"] == "forbidden"


def test_an_item_without_acknowledgement_has_no_unacknowledged_list(newsroom):
    item = newsroom.item("editor@example.com", RETAIL)

    assert reach(newsroom, item)["not_acknowledged"] is None
    answer = newsroom.phone("editor@example.com").get(
        f"/api/news/{item['id']}/reach/unacknowledged")
    assert answer.status_code == 409


def test_unknown_items_are_404(newsroom):
    for path in ("/api/news/nope", "/api/news/nope/reach", "/api/news/nope/reach/unacknowledged"):
        answer = newsroom.phone("hr@example.com").get(path)
        assert answer.status_code == 404 and answer.get_json()["error"]["code"] == "not_found"
    answer = newsroom.phone("hr@example.com").post("/api/news/nope/progress",
                                                   json={"position_s": 1})
    assert answer.status_code == 404


@pytest.mark.parametrize("cursor", ["nonsense", "eyJ1bml0IjoiUmV0YWlsIiwiaW5uZXIiOjF9",
                                    "eyJ1bml0IjoiTm93aGVyZSIsImlubmVyIjpudWxsfQ"])
def test_a_cursor_we_did_not_make_is_422_not_500(newsroom, cursor):
    item = newsroom.item("admin@example.com", {"kind": "company"}, must_acknowledge=True)

    answer = newsroom.phone("hr@example.com").get(
        f"/api/news/{item['id']}/reach/unacknowledged", query_string={"cursor": cursor})

    assert answer.status_code == 422
    assert answer.get_json()["error"]["fields"] == {"cursor": ["Not a valid cursor."]}


def test_a_demoted_editor_loses_reach_edit_and_delete_on_their_own_old_items(newsroom):
    from tests.api.test_directory import demo_rows, to_csv

    item = newsroom.item("editor@example.com", RETAIL, must_acknowledge=True)
    rows = demo_rows()
    editor = next(row for row in rows if row["email"] == "editor@example.com")
    editor.update(roles="employee", editor_units="")
    hr = newsroom.phone("hr@example.com")
    assert hr.post("/api/directory/import", json={"csv": to_csv(rows)}).status_code == 200

    phone = newsroom.phone("editor@example.com")  # the same session, signed in before
    assert phone.get(f"/api/news/{item['id']}/reach").status_code == 403
    assert phone.patch(f"/api/news/{item['id']}", json={"pinned": False}).status_code == 403
    assert phone.delete(f"/api/news/{item['id']}").status_code == 403
    assert hr.get(f"/api/news/{item['id']}/reach").status_code == 200


def test_reach_breaks_down_by_unit_and_site_with_each_groups_size(newsroom):
    item = newsroom.item("hr@example.com", {"kind": "company"}, must_acknowledge=True)
    progress(newsroom, "employee@example.com", item, 10)  # Li Na: Retail
    newsroom.phone("employee@example.com").post(f"/api/news/{item['id']}/acknowledge")
    progress(newsroom, "staff0009@example.com", item, 10)
    from tests.api.test_news import DIRECTORY

    by_email = {row["email"]: row for row in DIRECTORY}
    li_na, other = by_email["employee@example.com"], by_email["staff0009@example.com"]

    answer = newsroom.phone("hr@example.com").get(f"/api/news/{item['id']}/reach/breakdown")

    assert answer.status_code == 200
    units = {u["name"]: u for u in answer.get_json()["units"]}
    assert {name: u["size"] for name, u in units.items()} == {
        unit: len(people(business_unit=unit)) for unit in {r["business_unit"] for r in DIRECTORY}}
    viewed = {name: u["viewed"] for name, u in units.items() if u["viewed"]}
    expected = {}
    for person in (li_na, other):
        expected[person["business_unit"]] = expected.get(person["business_unit"], 0) + 1
    assert viewed == expected
    assert units[li_na["business_unit"]]["acknowledged"] == 1
    sites = {s["name"]: s for s in answer.get_json()["sites"]}
    assert sum(s["size"] for s in sites.values()) == len(people())
    assert sum(s["viewed"] for s in sites.values()) == 2


def test_a_reach_breakdown_is_for_the_items_editors_hr_and_admins(newsroom):
    item = newsroom.item("editor@example.com", RETAIL)
    path = f"/api/news/{item['id']}/reach/breakdown"

    assert newsroom.phone("employee@example.com").get(path).status_code == 403
    assert newsroom.phone("hr@example.com").get(path).status_code == 200
