"""Starting a check-in, who may run one, and HR's live view read from counters."""

import pytest

from functions.checkins import service, views
from tests.api.checkins_helpers import HR, LI_NA, LUCAS, QUESTION, SAFETY, SUN_JIE, WUHAN, Checkins
from tests.api.test_news import CountingStore


@pytest.fixture
def checkins(app, clock):
    return Checkins(app, clock)


def test_hr_starts_a_check_in_for_wuhan_and_sees_everyone_there_not_yet_answered(checkins):
    started = checkins.start(note="Stay indoors until further notice.")
    assert started["state"] == "open" and started["drill"] is False
    assert started["audience_name"] == "Wuhan" and started["started_by"] == "Maya Fernandes"
    assert started["counts"] == {"safe": 0, "need_help": 0, "not_affected": 0,
                                 "no_answer": 23, "audience_size": 23}
    assert [r["site"] for r in started["by_site"]] == ["Wuhan"]
    assert {r["unit"]: r["size"] for r in started["by_unit"]} == {
        "Cloud": 8, "Logistics": 6, "Retail": 9}
    listed = checkins.phone(HR).get("/api/checkins?state=open").get_json()["items"]
    assert [c["id"] for c in listed] == [started["id"]]


def test_a_safety_operator_runs_check_ins_too(checkins):
    started = checkins.start(email=SAFETY)
    assert checkins.live(started["id"], email=SAFETY)["counts"]["audience_size"] == 23
    assert "checkins.run" in checkins.phone(SAFETY).get("/api/me").get_json()["permissions"]


def test_a_colleague_cannot_start_list_or_read_the_live_view_nor_who_has_not_answered(checkins):
    started = checkins.start()
    colleague = checkins.phone(SUN_JIE)
    refused = colleague.post("/api/checkins", json={"question": QUESTION, "audience": WUHAN,
                                                    "drill": True})
    assert refused.status_code == 403
    message = refused.get_json()["error"]["message"]
    assert message == "只有人力资源部和安全联络员可以执行此操作。"  # in his language
    for path in ("", f"/{started['id']}", f"/{started['id']}/people?answer=no_answer",
                 f"/{started['id']}/people?answer=need_help"):
        assert colleague.get(f"/api/checkins{path}").status_code == 403, path
    for path, body in ((f"/{started['id']}/remind", None), (f"/{started['id']}/close", None),
                       (f"/{started['id']}/cases/E0001", {"status": "contacted"})):
        assert colleague.post(f"/api/checkins{path}", json=body).status_code == 403, path


def test_the_question_note_and_waves_are_checked_by_field(checkins):
    hr = checkins.phone(HR)
    answer = hr.post("/api/checkins", json={
        "question": {"en": "x" * 121}, "audience": {"kind": "role", "role": "hr"},
        "drill": False, "note": "n" * 201, "remind_after_s": 900, "email_after_s": 900,
        "extra": 1})
    assert answer.status_code == 422
    fields = answer.get_json()["error"]["fields"]
    assert {"question", "audience", "note", "extra"} <= set(fields)
    answer = hr.post("/api/checkins", json={"question": QUESTION, "audience": WUHAN,
                                            "drill": False, "email_after_s": 600,
                                            "remind_after_s": 900})
    assert answer.status_code == 422 and "email_after_s" in answer.get_json()["error"]["fields"]


def test_live_view_counts_each_answer_in_total_per_site_and_per_unit(checkins):
    started = checkins.start()
    checkins.answer(LI_NA, started["id"], "need_help", note="Out of insulin")
    checkins.answer(SUN_JIE, started["id"], "safe")
    checkins.answer(SAFETY, started["id"], "not_affected")
    view = checkins.live(started["id"])
    assert view["counts"] == {"safe": 1, "need_help": 1, "not_affected": 1, "no_answer": 20,
                              "audience_size": 23}
    retail = next(r for r in view["by_unit"] if r["unit"] == "Retail")
    assert retail == {"unit": "Retail", "size": 9, "safe": 1, "need_help": 1,
                      "not_affected": 0, "no_answer": 7}


def test_rows_of_groups_smaller_than_five_people_hide_their_counts(checkins):
    people = {"kind": "people", "people": ["E0001", "E0009", "E0015", "E0003", "E0008"]}
    started = checkins.start(audience=people)
    checkins.answer(LI_NA, started["id"], "safe")
    view = checkins.live(started["id"])
    assert view["audience_name"] == "5 people"
    assert view["counts"]["safe"] == 1 and view["counts"]["no_answer"] == 4  # totals shown
    singapore = next(r for r in view["by_site"] if r["site"] == "Singapore")
    assert singapore == {"site": "Singapore", "size": 2, "safe": None, "need_help": None,
                         "not_affected": None, "no_answer": None}
    wuhan = next(r for r in view["by_site"] if r["site"] == "Wuhan")
    assert wuhan["safe"] is None  # 3 people: fewer than 5 too


def test_the_live_view_costs_the_same_store_requests_with_1_or_20_answers(checkins, app):
    started = checkins.start()
    a = app.extensions["together"]

    def cost():
        counting = CountingStore(a.store)
        views.operator(counting, service.managed(counting, {"roles": ["hr"]}, started["id"]))
        return counting.calls

    checkins.answer(LI_NA, started["id"])
    few = cost()
    from functions.checkins import answers
    from functions.directory.service import get_employee
    for person in ("E0004", "E0005", "E0007", "E0011", "E0013", "E0015", "E0022", "E0024",
                   "E0026", "E0028", "E0030", "E0037", "E0039", "E0041", "E0043", "E0045",
                   "E0052", "E0054", "E0056"):
        answers.record(a.store, started["id"], get_employee(a.store, person),
                       {"answer": "safe"}, "app", int(checkins.clock()))
    assert checkins.live(started["id"])["counts"]["safe"] == 20
    assert cost() == few == 2  # the check-in item, and one query of its counter rows


def test_an_unknown_check_in_is_not_found(checkins):
    assert checkins.phone(HR).get("/api/checkins/01H0000000000000000000000").status_code == 404
    assert checkins.phone(LUCAS).get(
        "/api/checkins/01H0000000000000000000000/mine").status_code == 404
