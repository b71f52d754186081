"""The store contract: SQLite and DynamoDB adapters behave the same."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from functions.store import Check, Condition, ConditionFailed, Delete, InvalidCursor, Put, Update


def test_put_then_get_returns_the_same_data(store):
    item = {"pk": "EMP#1", "sk": "PROFILE", "name": "李娜 Li Na", "temp": 36.6, "ok": True,
            "roles": ["employee", "hr"], "meta": {"n": 3, "site": "Wuhan"}}
    store.put(item)
    assert store.get("EMP#1", "PROFILE") == item
    assert store.get("EMP#1", "OTHER") is None


def test_conditional_put_refuses_to_overwrite(store):
    store.put({"pk": "A", "sk": "1", "v": 1}, condition=Condition.not_exists())
    with pytest.raises(ConditionFailed):
        store.put({"pk": "A", "sk": "1", "v": 2}, condition=Condition.not_exists())
    assert store.get("A", "1")["v"] == 1


def test_condition_on_attribute_values(store):
    store.put({"pk": "A", "sk": "1", "version": 1})
    store.put({"pk": "A", "sk": "1", "version": 2}, condition=Condition.present(version=1))
    with pytest.raises(ConditionFailed):
        store.put({"pk": "A", "sk": "1", "version": 3}, condition=Condition.present(version=1))
    with pytest.raises(ConditionFailed):
        store.put({"pk": "B", "sk": "1"}, condition=Condition.present())
    assert store.get("A", "1")["version"] == 2


def test_update_creates_counts_and_removes(store):
    item = store.update("C", "1", set={"name": "x", "note": "tmp"}, add={"views": 1})
    assert item == {"pk": "C", "sk": "1", "name": "x", "note": "tmp", "views": 1}
    item = store.update("C", "1", add={"views": 2, "done": 1}, remove=["note"])
    assert item == {"pk": "C", "sk": "1", "name": "x", "views": 3, "done": 1}
    with pytest.raises(ConditionFailed):
        store.update("C", "1", set={"name": "y"}, condition=Condition.present(name="z"))
    assert store.get("C", "1")["name"] == "x"


def test_counter_increments_are_atomic(store):
    def bump(_):
        for _ in range(10):
            store.update("CNT", "1", add={"n": 1})

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(bump, range(4)))
    assert store.get("CNT", "1")["n"] == 40


def test_conditional_decrement_never_goes_below_the_bound(store):
    store.put({"pk": "STOCK", "sk": "1", "qty": 3})
    item = store.update("STOCK", "1", add={"qty": -2}, condition=Condition.bounds(
        at_least={"qty": 2}))
    assert item["qty"] == 1
    with pytest.raises(ConditionFailed):
        store.update("STOCK", "1", add={"qty": -2}, condition=Condition.bounds(
            at_least={"qty": 2}))
    with pytest.raises(ConditionFailed):  # absent: nothing to take from
        store.update("STOCK", "none", add={"qty": -1}, condition=Condition.bounds(
            at_least={"qty": 1}))
    assert store.get("STOCK", "1")["qty"] == 1
    assert store.get("STOCK", "none") is None


def test_capped_increment_counts_from_absent_up_to_the_cap(store):
    cap = Condition.bounds(at_most={"n": 3})  # may add 2 while n <= 3: never past 5
    assert store.update("WEEK", "1", add={"n": 2}, condition=cap)["n"] == 2
    assert store.update("WEEK", "1", add={"n": 2}, condition=cap)["n"] == 4
    with pytest.raises(ConditionFailed):
        store.update("WEEK", "1", add={"n": 2}, condition=cap)
    assert store.get("WEEK", "1")["n"] == 4


def test_conditional_decrements_racing_never_oversell(store):
    store.put({"pk": "STOCK", "sk": "race", "qty": 10})
    take = Condition.bounds(at_least={"qty": 1})

    def grab(_):
        try:
            store.transact([Update("STOCK", "race", add={"qty": -1}, condition=take)])
            return True
        except ConditionFailed:
            return False

    with ThreadPoolExecutor(4) as pool:
        granted = sum(pool.map(grab, range(16)))
    assert granted == 10
    assert store.get("STOCK", "race")["qty"] == 0


def test_delete_and_conditional_delete(store):
    store.put({"pk": "D", "sk": "1"})
    store.delete("D", "1")
    assert store.get("D", "1") is None
    store.delete("D", "1")  # deleting what is gone is fine
    with pytest.raises(ConditionFailed):
        store.delete("D", "1", condition=Condition.present())


def _fill(store, n=12):
    for i in range(n):
        store.put({"pk": "P", "sk": f"ITEM#{i:03d}", "i": i,
                   "gsi1pk": "BY#even" if i % 2 == 0 else "BY#odd", "gsi1sk": f"{100 - i:03d}"})
    store.put({"pk": "P", "sk": "OTHER#1"})
    store.put({"pk": "Q", "sk": "ITEM#000"})


def _all_pages(store, pk, limit, **kw):
    pages, cursor = [], None
    while True:
        page = store.query(pk, limit=limit, cursor=cursor, **kw)
        assert len(page.items) <= limit
        pages.append([item.get("i") for item in page.items])
        cursor = page.cursor
        if cursor is None:
            return pages


def test_query_by_prefix_pages_through_everything_once(store):
    _fill(store)
    pages = _all_pages(store, "P", 5, prefix="ITEM#")
    assert [i for page in pages for i in page] == list(range(12))
    assert pages[0] == [0, 1, 2, 3, 4]


def test_query_newest_first_and_between(store):
    _fill(store)
    page = store.query("P", prefix="ITEM#", reverse=True, limit=3)
    assert [i["i"] for i in page.items] == [11, 10, 9]
    rest = store.query("P", prefix="ITEM#", reverse=True, limit=3, cursor=page.cursor)
    assert [i["i"] for i in rest.items] == [8, 7, 6]
    page = store.query("P", between=("ITEM#003", "ITEM#005"))
    assert [i["i"] for i in page.items] == [3, 4, 5]


def test_iter_query_yields_every_item_once_a_page_at_a_time(store):
    _fill(store)
    assert [i["i"] for i in store.iter_query("P", prefix="ITEM#", page_size=5)] == list(range(12))
    assert [i["i"] for i in store.iter_query("P", prefix="ITEM#", reverse=True,
                                             page_size=5)] == list(range(11, -1, -1))
    assert [i["i"] for i in store.iter_query("BY#odd", index="gsi1", page_size=2)] == [
        11, 9, 7, 5, 3, 1]
    assert [i["i"] for i in store.iter_query("P", between=("ITEM#003", "ITEM#004"))] == [3, 4]
    assert list(store.iter_query("NOTHING")) == []


def test_query_secondary_index_in_its_sort_order(store):
    _fill(store)
    pages = _all_pages(store, "BY#even", 4, index="gsi1")
    assert [i for page in pages for i in page] == [10, 8, 6, 4, 2, 0]


def test_cursor_from_elsewhere_is_refused(store):
    _fill(store)
    page = store.query("P", limit=2)
    with pytest.raises(InvalidCursor):
        store.query("Q", limit=2, cursor=page.cursor)
    with pytest.raises(InvalidCursor):
        store.query("P", limit=2, cursor="not-a-cursor!")


def test_expired_items_behave_as_absent(store, clock):
    now = int(clock())
    store.put({"pk": "OTP#a", "sk": "1", "n": 5, "expires_at": now + 60})
    store.put({"pk": "OTP#a", "sk": "2", "expires_at": now + 600})
    assert store.get("OTP#a", "1")["n"] == 5
    clock.advance(61)
    assert store.get("OTP#a", "1") is None
    assert [i["sk"] for i in store.query("OTP#a").items] == ["2"]
    assert store.get_many([("OTP#a", "1"), ("OTP#a", "2")]) == [store.get("OTP#a", "2")]
    # A counter on an expired item starts again from nothing.
    again = store.update("OTP#a", "1", add={"n": 1}, set={"expires_at": int(clock()) + 60})
    assert again["n"] == 1
    clock.advance(10_000)
    store.put({"pk": "OTP#a", "sk": "2", "fresh": True}, condition=Condition.not_exists())
    with pytest.raises(ConditionFailed):
        store.delete("OTP#a", "1", condition=Condition.present())


def test_transaction_is_all_or_nothing(store):
    store.put({"pk": "EMAIL#a@x", "sk": "#", "id": "1"})
    with pytest.raises(ConditionFailed):
        store.transact([Put({"pk": "EMP#2", "sk": "PROFILE"}),
                        Update("CNT", "people", add={"n": 1}),
                        Put({"pk": "EMAIL#a@x", "sk": "#", "id": "2"},
                            condition=Condition.not_exists())])
    assert store.get("EMP#2", "PROFILE") is None
    assert store.get("CNT", "people") is None
    store.transact([Put({"pk": "EMP#2", "sk": "PROFILE"}),
                    Update("CNT", "people", add={"n": 1}),
                    Check("CNT", "other", Condition.not_exists()),
                    Delete("EMAIL#a@x", "#", Condition.present(id="1"))])
    assert store.get("CNT", "people")["n"] == 1
    assert store.get("EMAIL#a@x", "#") is None


def test_transaction_refuses_two_operations_on_one_item(store):
    with pytest.raises(ValueError, match="twice"):
        store.transact([Put({"pk": "A", "sk": "1"}), Delete("A", "1")])


def test_get_many_returns_present_items(store):
    for i in range(3):
        store.put({"pk": f"K{i}", "sk": "x", "i": i})
    found = store.get_many([("K0", "x"), ("K2", "x"), ("K9", "x"), ("K0", "x")])
    assert sorted(item["i"] for item in found) == [0, 2]
