"""One-time email links: good for one person, one check-in, 72 hours and one answer."""

import pytest

from functions.checkins import links
from tests.api.checkins_helpers import HR, SUN_JIE, Checkins


@pytest.fixture
def checkins(app, clock):
    return Checkins(app, clock)


@pytest.fixture
def link(checkins, app):
    """A check-in for Wuhan, and Sun Jie's link to it (as the email wave makes one)."""
    started = checkins.start()
    store = app.extensions["together"].store
    token = links.issue(store, store.get(f"CHK#{started['id']}", "CHK"), "E0009",
                        int(checkins.clock()))
    return started, token


def test_the_token_is_long_random_and_stored_only_as_its_hash(link, app):
    started, token = link
    assert len(token) >= 43  # 32 bytes, base64url
    stored = list(app.extensions["together"].store.iter_query(f"CHK#{started['id']}"))
    assert not any(token in str(item) for item in stored)


def test_a_link_answers_once_and_a_second_use_is_refused(link, app, checkins):
    started, token = link
    browser = app.test_client()
    assert browser.post(f"/api/checkins/by-link/{token}", json={"answer": "safe"}).status_code \
        == 200
    again = browser.post(f"/api/checkins/by-link/{token}", json={"answer": "need_help"})
    assert again.status_code == 410 and again.get_json()["error"]["code"] == "gone"
    assert "used already" in again.get_json()["error"]["message"]
    assert browser.get(f"/api/checkins/by-link/{token}").status_code == 410
    counts = checkins.live(started["id"])["counts"]
    assert (counts["safe"], counts["need_help"]) == (1, 0)


def test_an_expired_link_is_refused_in_words(link, app, checkins):
    _, token = link
    checkins.clock.advance(links.GOOD_FOR_S)
    gone = app.test_client().post(f"/api/checkins/by-link/{token}", json={"answer": "safe"})
    assert gone.status_code == 410
    assert gone.get_json()["error"]["message"] == (
        "This link has expired or the check-in is closed. Open the app to answer.")


def test_a_link_to_a_closed_check_in_is_refused(link, app, checkins):
    started, token = link
    checkins.phone(HR).post(f"/api/checkins/{started['id']}/close")
    assert app.test_client().get(f"/api/checkins/by-link/{token}").status_code == 410


@pytest.mark.parametrize("token", ["not-a-token", "x" * 43, "y" * 500])
def test_an_unknown_link_is_not_found(app, token):
    answer = app.test_client().post(f"/api/checkins/by-link/{token}", json={"answer": "safe"})
    assert answer.status_code == 404


def test_a_link_answers_its_own_check_in_for_its_own_person_only(link, app, checkins):
    first, token = link
    second = checkins.start(audience={"kind": "unit", "unit": "Retail"})
    checkins.answer(SUN_JIE, second["id"], "not_affected")
    app.test_client().post(f"/api/checkins/by-link/{token}", json={"answer": "need_help"})
    mine = checkins.phone(SUN_JIE)
    assert mine.get(f"/api/checkins/{first['id']}/mine").get_json()["my_answer"]["answer"] \
        == "need_help"
    assert mine.get(f"/api/checkins/{second['id']}/mine").get_json()["my_answer"]["answer"] \
        == "not_affected"
    assert checkins.live(first["id"])["counts"]["need_help"] == 1  # Sun Jie, nobody else
    assert checkins.live(second["id"])["counts"]["need_help"] == 0


def test_guessing_links_is_rate_limited_per_client(app):
    browser = app.test_client()
    for n in range(links.PER_CLIENT):
        assert browser.get(f"/api/checkins/by-link/guess{n}").status_code == 404
    limited = browser.get("/api/checkins/by-link/guess-again")
    assert limited.status_code == 429 and "Retry-After" in limited.headers


def test_the_link_answer_is_checked_by_field(link, app):
    _, token = link
    answer = app.test_client().post(f"/api/checkins/by-link/{token}",
                                    json={"answer": "maybe", "channel": "app"})
    assert answer.status_code == 422
    assert set(answer.get_json()["error"]["fields"]) == {"answer", "channel"}
