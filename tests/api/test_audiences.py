"""Audience sizes are exact counters that the directory import moves with each profile."""

import pytest

from functions.audiences import members, sizes
from functions.directory.service import employee_key, import_csv
from functions.errors import Conflict
from functions.store import Update
from tests.api.test_directory import demo_rows, to_csv

AUDIENCES = [{"kind": "company"}, {"kind": "unit", "unit": "Retail"},
             {"kind": "unit", "unit": "Cloud"},
             {"kind": "department", "unit": "Retail", "department": "Stores"},
             {"kind": "site", "site": "Wuhan"}, {"kind": "site", "site": "Hangzhou"}]


def expected(rows, audience) -> int:
    where = {"unit": "business_unit", "department": "department", "site": "site"}
    return sum(all(row[where[k]] == v for k, v in audience.items() if k != "kind")
               for row in rows)


def sizes_of(store) -> list[int]:
    return [sizes.size(store, audience) for audience in AUDIENCES]


def test_the_demo_import_counts_every_audience_exactly(store):
    rows = demo_rows()

    assert sizes_of(store) == [expected(rows, a) for a in AUDIENCES]
    assert sizes.size(store, {"kind": "site", "site": "Atlantis"}) == 0


def test_moving_and_adding_people_moves_the_counters(store):
    rows = demo_rows()
    rows[0].update(business_unit="Cloud", department="Platform", site="Hangzhou")  # from Retail
    rows.append({**rows[-1], "id": "E9999", "name": "New Starter", "email": "new@example.com"})

    import_csv(store, to_csv(rows))
    import_csv(store, to_csv(rows))  # again: nothing moves twice

    assert sizes_of(store) == [expected(rows, a) for a in AUDIENCES]


def test_profiles_imported_before_sizes_existed_are_counted_once(store):
    for row in demo_rows()[:3]:  # as an older version wrote them: no "counted", no "rev"
        store.update(*employee_key(row["id"]), remove=("counted", "rev"))
    store.update(sizes.PK, f"{sizes.PREFIX}ALL", add={"people": -3})

    result = import_csv(store, to_csv(demo_rows()))
    import_csv(store, to_csv(demo_rows()))

    assert (result.unchanged, result.updated, result.created) == (60, 0, 0)
    assert sizes.size(store, {"kind": "company"}) == 60


def test_a_profile_changed_since_it_was_read_is_not_overwritten(store, monkeypatch):
    rows = demo_rows()
    rows[0]["site"] = "Hangzhou"
    real_get_many = store.get_many

    def get_many_then_someone_else_writes(keys):
        found = real_get_many(keys)
        store.transact([Update(*employee_key("E0001"), set={"rev": "theirs"})])
        return found

    monkeypatch.setattr(store, "get_many", get_many_then_someone_else_writes)
    with pytest.raises(Conflict):
        import_csv(store, to_csv(rows))
    monkeypatch.undo()

    assert sizes.size(store, {"kind": "site", "site": "Wuhan"}) == expected(
        demo_rows(), {"kind": "site", "site": "Wuhan"})


def test_the_company_is_listed_unit_after_unit(store):
    listed, cursor = [], None
    while True:
        page, cursor = members.members(store, {"kind": "company"}, cursor, 9)
        listed += [p["id"] for p in page]
        if cursor is None:
            break

    assert sorted(listed) == sorted(row["id"] for row in demo_rows())
    assert sizes.units(store) == sorted({row["business_unit"] for row in demo_rows()})


def test_options_list_every_unit_department_and_site_with_exact_sizes(client, auth, store):
    auth.sign_in("hr@example.com")
    answer = client.get("/api/audiences/options")

    assert answer.status_code == 200
    rows = demo_rows()
    options = answer.json
    assert options["company"] == len(rows)
    assert {u["name"]: u["size"] for u in options["units"]} == {
        row["business_unit"]: expected(rows, {"kind": "unit", "unit": row["business_unit"]})
        for row in rows}
    retail = next(u for u in options["units"] if u["name"] == "Retail")
    assert {d["name"]: d["size"] for d in retail["departments"]} == {
        row["department"]: expected(rows, {"kind": "department", "unit": "Retail",
                                           "department": row["department"]})
        for row in rows if row["business_unit"] == "Retail"}
    assert {s["name"]: s["size"] for s in options["sites"]} == {
        row["site"]: expected(rows, {"kind": "site", "site": row["site"]}) for row in rows}


def test_an_editor_is_offered_only_the_units_they_edit(client, auth):
    auth.sign_in("editor@example.com")
    options = client.get("/api/audiences/options").json

    assert [u["name"] for u in options["units"]] == client.get("/api/me").json["editor_units"]
    assert options["sites"] == [] and options["company"] is None


def test_people_who_do_not_publish_are_offered_nothing(client, auth):
    auth.sign_in("employee@example.com")

    assert client.get("/api/audiences/options").status_code == 403


def test_anyone_gets_every_unit_and_site_by_name_to_write_to_but_no_sizes(client, auth):
    auth.sign_in("employee@example.com")
    answer = client.get("/api/audiences/names")

    assert answer.status_code == 200
    rows = demo_rows()
    assert answer.json == {"units": sorted({r["business_unit"] for r in rows}),
                           "sites": sorted({r["site"] for r in rows})}
