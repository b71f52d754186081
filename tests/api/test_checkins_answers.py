"""Answering a check-in: every channel, the latest answer wins with the history kept, undo,
and each person counted once even when two channels race."""

import threading

import pytest

from functions.checkins import answers
from functions.directory.service import get_employee
from tests.api.checkins_helpers import HR, LI_NA, LUCAS, SUN_JIE, Checkins


@pytest.fixture
def checkins(app, clock):
    return Checkins(app, clock)


@pytest.mark.parametrize("channel", ["app", "inbox", "notification"])
def test_one_tap_answers_from_every_channel_of_the_app(checkins, channel):
    started = checkins.start()
    answer = checkins.answer(LI_NA, started["id"], "safe", channel=channel)
    assert answer.status_code == 200, answer.get_json()
    mine = answer.get_json()
    assert mine["my_answer"]["answer"] == "safe" and mine["my_answer"]["channel"] == channel
    assert mine["state"] == "open" and mine["question"]["en"] == "Are you safe?"
    assert checkins.live(started["id"])["counts"]["safe"] == 1


def test_home_lists_the_open_check_ins_that_reach_me_with_my_answer(checkins):
    started = checkins.start()
    checkins.start(audience={"kind": "site", "site": "Singapore"})
    li_na = checkins.phone(LI_NA)
    [card] = li_na.get("/api/checkins/open").get_json()["items"]
    assert card["id"] == started["id"] and card["my_answer"] is None
    checkins.answer(LI_NA, started["id"], "need_help", note="Out of insulin")
    [card] = li_na.get("/api/checkins/open").get_json()["items"]
    assert card["my_answer"]["answer"] == "need_help"
    assert card["my_answer"]["note"] == "Out of insulin"
    assert li_na.get(f"/api/checkins/{started['id']}/mine").get_json()["id"] == started["id"]


def test_the_latest_answer_counts_and_the_history_is_kept(checkins, app):
    started = checkins.start()
    checkins.answer(LI_NA, started["id"], "safe")
    checkins.clock.advance(120)
    checkins.answer(LI_NA, started["id"], "need_help", note="Water is rising")
    checkins.clock.advance(120)
    last = checkins.answer(LI_NA, started["id"], "safe", channel="notification").get_json()
    assert last["my_answer"]["answer"] == "safe"
    assert checkins.live(started["id"])["counts"] | {"no_answer": 0} == {
        "safe": 1, "need_help": 0, "not_affected": 0, "no_answer": 0, "audience_size": 23}
    assert checkins.people(started["id"], "need_help") == []
    history = list(app.extensions["together"].store.iter_query(
        f"CHK#{started['id']}", prefix="H#E0001#"))
    assert [h["answer"] for h in history] == ["safe", "need_help", "safe"]


def test_a_note_is_kept_only_with_need_help(checkins):
    started = checkins.start()
    mine = checkins.answer(LI_NA, started["id"], "safe", note="I am fine").get_json()
    assert mine["my_answer"]["note"] == ""


def test_undo_within_the_moment_brings_my_previous_answer_back(checkins):
    started = checkins.start()
    first = checkins.answer(LI_NA, started["id"], "safe").get_json()["my_answer"]
    checkins.clock.advance(600)
    second = checkins.answer(LI_NA, started["id"], "need_help").get_json()["my_answer"]
    checkins.clock.advance(5)
    undone = checkins.phone(LI_NA).post(
        f"/api/checkins/{started['id']}/answers/{second['id']}/undo")
    assert undone.status_code == 200
    assert undone.get_json()["my_answer"]["id"] == first["id"]
    counts = checkins.live(started["id"])["counts"]
    assert (counts["safe"], counts["need_help"]) == (1, 0)


def test_undo_of_my_only_answer_leaves_me_not_answered(checkins):
    started = checkins.start()
    only = checkins.answer(LI_NA, started["id"], "safe").get_json()["my_answer"]
    undone = checkins.phone(LI_NA).post(
        f"/api/checkins/{started['id']}/answers/{only['id']}/undo").get_json()
    assert undone["my_answer"] is None
    assert checkins.live(started["id"])["counts"]["no_answer"] == 23


def test_undo_is_refused_too_late_and_for_anything_but_my_latest_answer(checkins):
    started = checkins.start()
    mine = checkins.answer(LI_NA, started["id"], "safe").get_json()["my_answer"]
    path = f"/api/checkins/{started['id']}/answers/{mine['id']}/undo"
    assert checkins.phone(SUN_JIE).post(path).status_code == 404  # not his answer
    checkins.clock.advance(61)
    late = checkins.phone(LI_NA).post(path)
    assert late.status_code == 409
    assert late.get_json()["error"]["message"] == "Too late to undo: answer again instead."


def test_someone_the_check_in_does_not_ask_cannot_answer_it_nor_see_it(checkins):
    started = checkins.start()
    refused = checkins.answer(LUCAS, started["id"], "safe")  # Singapore
    assert refused.status_code == 403
    assert refused.get_json()["error"]["code"] == "forbidden"
    lucas = checkins.phone(LUCAS)
    assert lucas.get(f"/api/checkins/{started['id']}/mine").status_code == 404
    assert lucas.get("/api/checkins/open").get_json()["items"] == []
    assert checkins.live(started["id"])["counts"]["safe"] == 0


def test_a_closed_check_in_takes_no_more_answers(checkins):
    started = checkins.start()
    closed = checkins.phone(HR).post(f"/api/checkins/{started['id']}/close")
    assert closed.status_code == 200 and closed.get_json()["state"] == "closed"
    late = checkins.answer(LI_NA, started["id"], "safe")
    assert late.status_code == 409
    assert late.get_json()["error"]["message"] == (
        "This check-in is closed: answers are no longer taken.")
    assert checkins.phone(LI_NA).get("/api/checkins/open").get_json()["items"] == []


def test_the_same_answer_sent_twice_by_the_outbox_counts_once(checkins):
    started = checkins.start()
    headers = {"Idempotency-Key": "outbox-0001-safe"}
    phone = checkins.phone(LI_NA)
    for _ in range(2):
        sent = phone.post(f"/api/checkins/{started['id']}/answers", json={"answer": "safe"},
                          headers=headers)
        assert sent.status_code == 200
    assert checkins.live(started["id"])["counts"]["safe"] == 1


class RacingStore:
    """The store, letting another channel's answer land between this one's read and write."""

    def __init__(self, store, other):
        self._store, self._other = store, other

    def __getattr__(self, name):
        return getattr(self._store, name)

    def transact(self, ops):
        if self._other:
            other, self._other = self._other, None
            other()  # the notification's answer commits first
        return self._store.transact(ops)


def test_two_channels_racing_count_the_person_once_and_the_later_write_wins(checkins, app):
    started = checkins.start()
    store = app.extensions["together"].store
    li_na = get_employee(store, "E0001")
    now = int(checkins.clock())
    racing = RacingStore(store, lambda: answers.record(
        store, started["id"], li_na, {"answer": "need_help", "note": "help"}, "notification",
        now))
    answers.record(racing, started["id"], li_na, {"answer": "safe"}, "email", now)
    counts = checkins.live(started["id"])["counts"]
    assert (counts["safe"], counts["need_help"], counts["no_answer"]) == (1, 0, 22)
    assert answers.latest(store, started["id"], "E0001")["channel"] == "email"
    assert len(list(store.iter_query(f"CHK#{started['id']}", prefix="H#E0001#"))) == 2


def test_many_answers_at_once_from_one_person_count_once(checkins, app):
    started = checkins.start()
    store = app.extensions["together"].store
    li_na = get_employee(store, "E0001")
    now = int(checkins.clock())
    kinds = ["safe", "need_help", "not_affected"] * 3
    threads = [threading.Thread(target=answers.record, args=(
        store, started["id"], li_na, {"answer": kind}, "app", now)) for kind in kinds]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    counts = checkins.live(started["id"])["counts"]
    assert counts["safe"] + counts["need_help"] + counts["not_affected"] == 1
    assert counts["no_answer"] == 22
