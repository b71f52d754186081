"""Finding a colleague to write to, by name in either script, from an index the import writes."""

import pytest

from functions.directory.service import import_csv
from functions.store import Store
from tests.api.test_news import CountingStore


def names(client, q: str) -> list[str]:
    answer = client.get("/api/people/search", query_string={"q": q})
    assert answer.status_code == 200, answer.get_json()
    return [p["name"] for p in answer.get_json()["items"]]


@pytest.fixture
def signed_in(client, auth):
    auth.sign_in("employee@example.com")
    return client


@pytest.mark.parametrize(("q", "found"), [
    ("zhou", ["Dr. Zhou Lan 周岚"]),
    ("ZHO", ["Dr. Zhou Lan 周岚"]),
    ("Ｚｈｏｕ", ["Dr. Zhou Lan 周岚"]),  # full-width
    ("周", ["Dr. Zhou Lan 周岚", "周婷"]),
    ("岚", ["Dr. Zhou Lan 周岚"]),
    ("周岚", ["Dr. Zhou Lan 周岚"]),
    ("lan zhou", ["Dr. Zhou Lan 周岚"]),
    ("李娜", ["Li Na 李娜"]),
    ("maya", ["Maya Fernandes"]),
    ("fern", ["Maya Fernandes"]),
    ("xyz", []),
    ("an zhou", []),  # "an" starts no word of that name
])
def test_a_colleague_is_found_by_the_start_of_any_word_of_their_name(signed_in, q, found):
    assert sorted(names(signed_in, q)) == found


def test_a_search_shows_no_email_or_roles(signed_in):
    person = signed_in.get("/api/people/search?q=maya").get_json()["items"][0]
    assert person == {"id": "E0003", "name": "Maya Fernandes", "business_unit": "Cloud",
                      "department": "Platform", "site": "Singapore"}


def test_at_most_ten_come_back(signed_in, store):
    rows = "\n".join(f"E9{n:03d},Wang Test{n},w{n}@example.com,Retail,Stores,Wuhan,Hubei,en,,,"
                     for n in range(15))
    import_csv(store, "id,name,email,business_unit,department,site,region,language,photo_url,"
               "roles,editor_units\n" + rows)
    assert len(names(signed_in, "wang")) == 10


@pytest.mark.parametrize("q", ["", "x" * 41])
def test_a_query_of_1_to_40_characters(signed_in, q):
    assert signed_in.get("/api/people/search", query_string={"q": q}).status_code == 422


def test_a_renamed_person_is_found_by_the_new_name_only(signed_in, store):
    header = ("id,name,email,business_unit,department,site,region,language,photo_url,roles,"
              "editor_units\n")
    import_csv(store, header + "E0008,Lucas Weber,lucas.weber@example.com,Logistics,Planning,"
                      "Singapore,Singapore,en,,employee,")
    import_csv(store, header + "E0008,Lucas Brandt,lucas.weber@example.com,Logistics,Planning,"
                      "Singapore,Singapore,en,,employee,")
    assert names(signed_in, "brandt") == ["Lucas Brandt"] and names(signed_in, "weber") == []


def test_a_search_is_one_query_whatever_the_directory(app, signed_in):
    a = app.extensions["together"]
    counting = CountingStore(a.store)
    assert isinstance(counting, Store)
    a.__dict__["store"] = counting
    names(signed_in, "zhou")
    assert counting.calls <= 3  # the session, the profile, the one index query


def test_a_profile_from_before_the_index_is_indexed_on_its_next_import(signed_in, store):
    from functions.config import REPO_ROOT
    from functions.directory.search import index_ops

    profile = store.get("EMP#E0008", "PROFILE")
    for op in index_ops(None, profile):  # as a directory imported before issue 14 left it
        store.delete(op.item["pk"], op.item["sk"])
    store.update("EMP#E0008", "PROFILE", remove=("search_v",))
    assert names(signed_in, "lucas") == []

    result = import_csv(store, (REPO_ROOT / "infra" / "demo-directory.csv").read_text())
    assert result.unchanged == result.total  # nothing else changes
    assert names(signed_in, "lucas") == ["Lucas Weber"]
