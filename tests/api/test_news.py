"""Publishing news to audiences, and the feed each person reads (fan-out on read)."""

import csv
import itertools

import pytest

from functions.config import REPO_ROOT
from functions.store import Store
from functions.transcode.port import RENDITIONS, Outcome, Output, Transcoder, rendition_key
from functions.videos import service as videos
from tests.api.conftest import Auth

DIRECTORY = list(csv.DictReader(
    (REPO_ROOT / "infra" / "demo-directory.csv").read_text(encoding="utf-8").splitlines()))
RETAIL = {"kind": "unit", "unit": "Retail"}
DAY = 86400


class InstantTranscoder(Transcoder):
    """Finishes each job at once (or holds it, like MediaConvert, until the test says so):
    news tests need videos in a given state, not ffmpeg's work (tests/api/test_videos.py)."""

    def __init__(self, media):
        self.media, self.hold = media, False

    def submit(self, job):
        return None if self.hold else self.outcome(job.video_id)

    def outcome(self, video_id, duration_s=60.0, reason=None):
        if reason:
            return Outcome.failed(video_id, reason)
        prefix, made = f"videos/{video_id}/", {}
        for r in RENDITIONS:
            made[r.name] = Output(rendition_key(prefix, r.name), r.height * 16 // 9, r.height)
            self.media.put_bytes(made[r.name].key, b"\x00\x00\x00\x18ftypmp42", "video/mp4")
        poster = Output(f"{prefix}video-poster.jpg", 1280, 720)
        self.media.put_bytes(poster.key, b"\xff\xd8\xff", "image/jpeg")
        return Outcome(video_id, duration_s=duration_s, renditions=made, poster=poster)

    def outcome_of(self, event):
        return None


class CountingStore(Store):
    """The real store, counting the requests made through it."""

    def __init__(self, inner):
        self.inner, self.calls = inner, 0

    def _count(self, name, *args, **kwargs):
        self.calls += 1
        return getattr(self.inner, name)(*args, **kwargs)

    def put(self, *a, **k):
        return self._count("put", *a, **k)

    def get(self, *a, **k):
        return self._count("get", *a, **k)

    def get_many(self, *a, **k):
        return self._count("get_many", *a, **k)

    def delete(self, *a, **k):
        return self._count("delete", *a, **k)

    def update(self, *a, **k):
        return self._count("update", *a, **k)

    def query(self, *a, **k):
        return self._count("query", *a, **k)

    def transact(self, *a, **k):
        return self._count("transact", *a, **k)


class Newsroom:
    """Phones of several people, signed in, and the steps of publishing."""

    def __init__(self, app, clock):
        self.app, self.clock = app, clock
        self.adapters = app.extensions["together"]
        self.transcoder = InstantTranscoder(self.adapters.media)
        self.adapters.__dict__["transcode"] = self.transcoder
        self._phones, self._addresses = {}, itertools.count(1)

    def phone(self, email: str):
        if email not in self._phones:
            client = self.app.test_client()
            client.environ_base["REMOTE_ADDR"] = f"10.0.0.{next(self._addresses)}"
            Auth(client).sign_in(email)
            self._phones[email] = client
        return self._phones[email]

    def video(self, email: str = "editor@example.com") -> str:
        phone = self.phone(email)
        upload = phone.post("/api/videos/uploads", json={
            "filename": "news.mp4", "content_type": "video/mp4", "size": 64}).get_json()
        assert phone.put(upload["parts"][0]["url"], data=b"v" * 64).status_code == 200
        assert phone.post(f"/api/videos/uploads/{upload['video_id']}/complete").status_code == 202
        assert self.adapters.worker.join(timeout=30)
        return upload["video_id"]

    def publish(self, email: str, audience: dict, video_id: str | None = None, **fields):
        body = {"title": {"en": fields.pop("title", "News"), "zh-CN": "新闻"},
                "video_id": video_id or self.video(email), "audience": audience, **fields}
        return self.phone(email).post("/api/news", json=body)

    def item(self, email: str, audience: dict, **fields) -> dict:
        answer = self.publish(email, audience, **fields)
        assert answer.status_code == 201, answer.get_json()
        return answer.get_json()

    def feed(self, email: str, **query) -> dict:
        answer = self.phone(email).get("/api/news", query_string=query)
        assert answer.status_code == 200, answer.get_json()
        return answer.get_json()

    def everything(self, email: str, limit: int) -> list[str]:
        """Every id the person's feed shows, first page's sections included, page by page."""
        page = self.feed(email, limit=limit)
        ids = [i["id"] for i in page["pinned"] + page["edition"]["items"] + page["items"]]
        while page["cursor"]:
            page = self.feed(email, limit=limit, cursor=page["cursor"])
            assert page["pinned"] == [] and page["edition"] is None
            ids += [i["id"] for i in page["items"]]
        return ids


@pytest.fixture
def newsroom(app, clock):
    return Newsroom(app, clock)


def people(**where) -> set[str]:
    return {row["email"] for row in DIRECTORY if all(row[k] == v for k, v in where.items())}


def test_an_editor_publishes_to_their_unit_and_only_its_people_see_it(newsroom):
    item = newsroom.item("editor@example.com", RETAIL, must_acknowledge=True)

    assert item["state"] == "published" and item["author"]["name"] == "Chen Hao 陈浩"
    feed = newsroom.feed("employee@example.com")  # Li Na: Retail, Stores, Wuhan
    [shown] = feed["edition"]["items"]
    assert shown["id"] == item["id"] and feed["edition"]["unit"] == "Retail"
    assert shown["title"] == {"en": "News", "zh-CN": "新闻"}
    assert shown["me"] == {"viewed": False, "completed": False, "acknowledged": False}
    assert [r["name"] for r in shown["video"]["renditions"]] == ["720p", "360p"]
    assert shown["video"]["poster"]["url"] and shown["video"]["duration_s"] == 60.0
    assert newsroom.feed("hr@example.com")["edition"]["items"] == []  # Cloud
    assert newsroom.phone("hr@example.com").get(f"/api/news/{item['id']}").status_code == 404


@pytest.mark.parametrize(("audience", "reached"), [
    ({"kind": "company"}, people()),
    (RETAIL, people(business_unit="Retail")),
    ({"kind": "department", "unit": "Retail", "department": "Stores"},
     people(business_unit="Retail", department="Stores")),
    ({"kind": "site", "site": "Wuhan"}, people(site="Wuhan")),
])
def test_each_audience_reaches_its_people(newsroom, audience, reached):
    item = newsroom.item("admin@example.com", audience)

    for email in ("employee@example.com", "editor@example.com", "hr@example.com",
                  "guard@example.com", "staff0007@example.com"):
        shown = newsroom.phone(email).get(f"/api/news/{item['id']}").status_code == 200
        assert shown == (email in reached), email
        assert (item["id"] in newsroom.everything(email, limit=5)) == (email in reached)


@pytest.mark.parametrize(("email", "audience", "fields", "code"), [
    ("employee@example.com", RETAIL, {}, "forbidden"),
    ("guard@example.com", {"kind": "site", "site": "Wuhan"}, {}, "forbidden"),
    ("editor@example.com", {"kind": "unit", "unit": "Cloud"}, {}, "forbidden"),
    ("editor@example.com", {"kind": "department", "unit": "Cloud", "department": "Platform"},
     {}, "forbidden"),
    ("editor@example.com", {"kind": "company"}, {}, "forbidden"),
    ("editor@example.com", {"kind": "site", "site": "Hangzhou"}, {}, "forbidden"),
    ("editor@example.com", RETAIL, {"pinned": True}, "forbidden"),
])
def test_publishing_outside_ones_role_or_units_is_403(newsroom, email, audience, fields, code):
    # Employees and guards may not upload a video either: they try with the editor's.
    video_id = None if email == "editor@example.com" else newsroom.video()
    answer = newsroom.publish(email, audience, video_id, **fields)

    assert answer.status_code == 403
    assert answer.get_json()["error"]["code"] == code


def test_the_403_says_why_in_the_editors_language(newsroom):
    answer = newsroom.publish("editor@example.com", {"kind": "unit", "unit": "Cloud"})

    assert answer.get_json()["error"]["message"] == "您只能向自己负责编辑的业务单元发布。"


@pytest.mark.parametrize(("change", "field"), [
    ({"audience": {"kind": "unit"}}, "audience"),
    ({"audience": {"kind": "company", "unit": "Retail"}}, "audience"),
    ({"audience": {"kind": "team", "unit": "Retail"}}, "audience"),
    ({"title": {}}, "title"),
    ({"title": {"fr": "Nouvelles"}}, "title"),
    ({"title": {"en": "x" * 121}}, "title"),
    ({"publish_at": "tomorrow"}, "publish_at"),
    ({"video_id": None}, "video_id"),
    ({"must_acknowledge": "maybe"}, "must_acknowledge"),
])
def test_bad_input_is_422_with_the_field(newsroom, change, field):
    body = {"title": {"en": "News"}, "video_id": "01J0000000000000000000000", "audience": RETAIL,
            **change}

    answer = newsroom.phone("editor@example.com").post("/api/news", json=body)

    assert answer.status_code == 422
    assert field in answer.get_json()["error"]["fields"]


def test_publish_time_must_lie_within_the_next_30_days(newsroom, clock):
    later = newsroom.publish("editor@example.com", RETAIL, publish_at=int(clock()) + 31 * DAY)
    earlier = newsroom.publish("editor@example.com", RETAIL, publish_at=int(clock()) - 3600)

    for answer in (later, earlier):
        assert answer.status_code == 422
        assert "publish_at" in answer.get_json()["error"]["fields"]


def test_a_scheduled_item_appears_at_its_time(newsroom, clock):
    item = newsroom.item("editor@example.com", RETAIL, publish_at=int(clock()) + 3600)
    assert item["state"] == "scheduled"
    assert newsroom.everything("employee@example.com", limit=5) == []

    clock.advance(3601)

    assert newsroom.everything("employee@example.com", limit=5) == [item["id"]]


@pytest.mark.parametrize("state", [{"b": "9999999999$", "u": None},
                                   {"b": "0000000001$", "u": "9999999999$"}])
def test_a_forged_cursor_never_shows_an_item_scheduled_for_later(newsroom, clock, state):
    from functions.store.port import encode_cursor

    later = newsroom.item("editor@example.com", RETAIL, publish_at=int(clock()) + 86400)
    shown = newsroom.item("editor@example.com", RETAIL, publish_at=int(clock()) - 60)

    page = newsroom.feed("employee@example.com", cursor=encode_cursor(state), limit=20)

    ids = [item["id"] for item in page["items"]]
    assert later["id"] not in ids
    assert ids == ([shown["id"]] if state["b"] > "1" else [])


def test_a_video_still_processing_can_be_scheduled_but_is_not_shown(newsroom, app, clock):
    newsroom.transcoder.hold = True  # like MediaConvert: the job reports later
    video_id = newsroom.video()
    item = newsroom.item("editor@example.com", RETAIL, video_id=video_id)
    assert item["state"] == "waiting_for_video"
    assert newsroom.everything("employee@example.com", limit=5) == []
    a = newsroom.adapters

    videos.finish(a.store, a.media, a.events, newsroom.transcoder.outcome(video_id),
                  int(clock()))

    assert newsroom.everything("employee@example.com", limit=5) == [item["id"]]


def test_a_failed_video_blocks_publishing_with_its_reason(newsroom, clock):
    newsroom.transcoder.hold = True
    video_id = newsroom.video()
    a = newsroom.adapters
    videos.finish(a.store, a.media, a.events,
                  newsroom.transcoder.outcome(video_id, reason="too_long"), int(clock()))
    newsroom.phone("editor@example.com").patch("/api/me", json={"language": "en"})

    answer = newsroom.publish("editor@example.com", RETAIL, video_id=video_id)

    assert answer.status_code == 422
    assert answer.get_json()["error"]["message"] == (
        "This video cannot be published. The video is longer than 10 minutes.")
    assert answer.get_json()["error"]["fields"] == {
        "video_id": ["The video is longer than 10 minutes."]}


def test_a_video_that_fails_after_scheduling_keeps_the_item_out_and_says_why(newsroom, clock):
    newsroom.transcoder.hold = True
    video_id = newsroom.video()
    item = newsroom.item("editor@example.com", RETAIL, video_id=video_id)
    a = newsroom.adapters

    videos.finish(a.store, a.media, a.events,
                  newsroom.transcoder.outcome(video_id, reason="damaged"), int(clock()))

    assert newsroom.everything("employee@example.com", limit=5) == []
    [managed] = newsroom.phone("editor@example.com").get(
        "/api/news/manage?unit=Retail").get_json()["items"]
    assert (managed["id"], managed["state"], managed["video_reason"]) == (
        item["id"], "blocked", "damaged")


def test_a_video_is_used_once_and_cannot_be_deleted_while_shown(newsroom):
    item = newsroom.item("editor@example.com", RETAIL)
    phone = newsroom.phone("editor@example.com")

    again = newsroom.publish("editor@example.com", RETAIL, video_id=item["video"]["video_id"])
    assert again.status_code == 409
    assert phone.delete(f"/api/videos/{item['video']['video_id']}").status_code == 409
    assert phone.delete(f"/api/news/{item['id']}").status_code == 204
    assert newsroom.everything("employee@example.com", limit=5) == []
    assert phone.delete(f"/api/videos/{item['video']['video_id']}").status_code == 204


def test_the_feed_is_newest_first_with_todays_edition_on_top(newsroom, clock):
    audiences = [{"kind": "company"}, RETAIL, {"kind": "site", "site": "Wuhan"},
                 {"kind": "department", "unit": "Retail", "department": "Stores"},
                 {"kind": "unit", "unit": "Cloud"}, {"kind": "site", "site": "Singapore"}]
    published = []  # (audience index, id), oldest first
    for day in range(3):
        for n in range(7):
            audience = audiences[(day + n) % len(audiences)]
            item = newsroom.item("admin@example.com", audience, title=f"day {day} #{n}")
            published.append((audience, item["id"]))
            clock.advance(60)
        clock.advance(DAY)
    today = []
    for n in range(3):  # today's edition of Retail, and a company item after it
        today.append(newsroom.item("admin@example.com", RETAIL, title=f"today #{n}")["id"])
        clock.advance(60)
    latest = newsroom.item("admin@example.com", {"kind": "company"})["id"]
    mine = [i for a, i in published if a["kind"] == "company" or a in audiences[1:4]]

    first = newsroom.feed("employee@example.com", limit=4)
    assert [i["id"] for i in first["edition"]["items"]] == today[::-1]
    for limit in (1, 4, 25):
        assert newsroom.everything("employee@example.com", limit=limit) == (
            today[::-1] + [latest] + mine[::-1])


def test_store_requests_per_page_do_not_grow_with_the_data(newsroom, clock):
    counter = CountingStore(newsroom.adapters.store)
    newsroom.phone("employee@example.com")
    for _ in range(2):
        newsroom.item("admin@example.com", {"kind": "company"})
    requests = []
    for total in (6, 24):  # at most 30 uploads an hour each: HR and the admin take turns
        while len(newsroom.everything("hr@example.com", limit=25)) < total:
            newsroom.item("admin@example.com", {"kind": "company"})
            newsroom.item("hr@example.com", RETAIL)
            clock.advance(60)
        newsroom.adapters.__dict__["store"] = counter
        newsroom.feed("employee@example.com", limit=3)  # once per process: unit and site noted
        counter.calls = 0
        first = newsroom.feed("employee@example.com", limit=3)
        after_first = counter.calls
        newsroom.feed("employee@example.com", limit=3, cursor=first["cursor"])
        requests.append((after_first, counter.calls - after_first))
        newsroom.adapters.__dict__["store"] = counter.inner

    assert requests[0] == requests[1]
    # a session and a profile, 4 audience partitions, the pins, one get_many; then no pins
    assert requests[0] == (2 + 4 + 1 + 1, 2 + 4 + 1)


def test_pinned_messages_are_on_top_for_their_audience_only(newsroom, clock):
    pinned = newsroom.item("hr@example.com", {"kind": "site", "site": "Wuhan"}, pinned=True)
    clock.advance(60)
    newer = newsroom.item("hr@example.com", {"kind": "company"})

    feed = newsroom.feed("employee@example.com")
    assert [i["id"] for i in feed["pinned"]] == [pinned["id"]]
    assert [i["id"] for i in feed["items"]] == [newer["id"]]
    assert newsroom.feed("staff0019@example.com")["pinned"] == []  # Singapore

    unpin = newsroom.phone("admin@example.com").patch(f"/api/news/{pinned['id']}",
                                                      json={"pinned": False})
    assert unpin.status_code == 200 and unpin.get_json()["pinned"] is False
    assert newsroom.everything("employee@example.com", limit=5) == [newer["id"], pinned["id"]]
    editor = newsroom.phone("editor@example.com").patch(f"/api/news/{pinned['id']}",
                                                        json={"pinned": True})
    assert editor.status_code == 403


def test_at_most_ten_messages_are_pinned(newsroom):
    for _ in range(10):
        newsroom.item("admin@example.com", {"kind": "company"}, pinned=True)

    answer = newsroom.publish("admin@example.com", {"kind": "company"}, pinned=True)

    assert answer.status_code == 409
    assert answer.get_json()["error"]["code"] == "conflict"


@pytest.mark.parametrize("cursor", ["nonsense", "eyJ4IjoxfQ", "e30", "eyJiIjoiIiwidSI6bnVsbH0",
                                    "eyJiIjoiOTk5OTk5OTk5OSQiLCJ1IjoxfQ"])
def test_a_cursor_we_did_not_make_is_422(newsroom, cursor):
    answer = newsroom.phone("employee@example.com").get(f"/api/news?cursor={cursor}")

    assert answer.status_code == 422
    assert answer.get_json()["error"]["fields"] == {"cursor": ["Not a valid cursor."]}


def test_editors_list_their_units_items_and_nobody_elses(newsroom, clock):
    item = newsroom.item("editor@example.com", RETAIL, publish_at=int(clock()) + 600)

    listed = newsroom.phone("editor@example.com").get("/api/news/manage?unit=Retail")
    assert [(i["id"], i["state"]) for i in listed.get_json()["items"]] == [
        (item["id"], "scheduled")]
    for email, query in (("editor@example.com", "unit=Cloud"), ("editor@example.com", ""),
                         ("staff0007@example.com", "unit=Retail"),
                         ("employee@example.com", "unit=Retail")):
        assert newsroom.phone(email).get(f"/api/news/manage?{query}").status_code == 403
    assert newsroom.phone("hr@example.com").get("/api/news/manage?unit=Retail").status_code == 200


@pytest.mark.parametrize("audience, field", [
    ({"kind": "department", "unit": "Retail", "department": "Atlantis"}, "department"),
    ({"kind": "unit", "unit": "Nowhere"}, "unit"),
    ({"kind": "site", "site": "Atlantis"}, "site")])
def test_an_audience_nobody_is_in_is_refused_by_its_field(newsroom, audience, field):
    answer = newsroom.publish("hr@example.com", audience)

    assert answer.status_code == 422
    assert answer.get_json()["error"]["fields"] == {"audience": {field: [
        "Nobody in the directory is in this audience. Choose one from the list."]}}
