"""Who may send to whom, the inbox (read, acknowledge, receipts), reminders, scheduled sends,
escalation by email, and the events other capabilities announce."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from functions.app import create_app
from functions.notify import delivery
from functions.seed import seed_demo
from tests.api.conftest import Auth
from tests.api.test_notify import RETAIL, Office, iso

CLOUD = {"kind": "unit", "unit": "Cloud"}


@pytest.fixture
def office(app, clock, push_service):
    return Office(app, clock, push_service)


@pytest.fixture
def push_service():
    from tests.push_service import PushService
    service = PushService()
    yield service
    service.close()


@pytest.mark.parametrize(("email", "audience", "status"), [
    ("employee@example.com", RETAIL, 403),
    ("editor@example.com", CLOUD, 403),  # an editor of Retail
    ("editor@example.com", {"kind": "company"}, 403),
    ("editor@example.com", {"kind": "role", "role": "hr"}, 403),
    ("editor@example.com", {"kind": "department", "unit": "Retail", "department": "Stores"},
     201),
    ("hr@example.com", {"kind": "people", "people": ["E0001", "E0009"]}, 201),
    ("admin@example.com", {"kind": "role", "role": "guard"}, 201),
])
def test_who_may_send_to_whom(office, email, audience, status):
    answer = office.compose(email, audience)
    assert answer.status_code == status, answer.get_json()
    office.settle()


def test_preview_gives_the_exact_size(office):
    hr = office.phone("hr@example.com")
    def size(audience):
        answer = hr.post("/api/notifications/preview", json={"audience": audience})
        assert answer.status_code == 200, answer.get_json()
        return answer.get_json()["size"]
    company = size({"kind": "company"})
    assert size({"kind": "people", "people": ["E0001", "E0002", "E9999"]}) == 2
    assert size({"kind": "role", "role": "hr"}) == 1
    assert 0 < size(RETAIL) < company
    assert office.phone("employee@example.com").post(
        "/api/notifications/preview", json={"audience": RETAIL}).status_code == 403


def test_someone_elses_subscription_and_inbox_item_are_not_found(office):
    _, device_id = office.subscribe("editor@example.com")
    employee = office.phone("employee@example.com")
    assert employee.delete(f"/api/push/subscriptions/{device_id}").status_code == 404
    for_cloud = office.send(audience=CLOUD)
    assert employee.post(f"/api/inbox/{for_cloud['id']}/read").status_code == 404
    assert employee.post(f"/api/notifications/{for_cloud['id']}/events",
                         json={"kind": "opened"}).status_code == 404
    assert employee.get(f"/api/notifications/{for_cloud['id']}").status_code == 403
    assert office.phone("editor@example.com").delete(
        f"/api/push/subscriptions/{device_id}").status_code == 204


@pytest.mark.parametrize("endpoint", [
    "http://169.254.169.254/latest/meta-data", "https://evil.example/push",
    "http://127.0.0.1:9/push", "https://fcm.googleapis.com.evil.example/x",
    "http://fcm.googleapis.com/fcm/send/x"])
def test_endpoints_off_the_push_services_are_refused_on_the_aws_like_config(
        tmp_path, clock, endpoint):
    app = create_app({"TOGETHER_DATA_DIR": str(tmp_path), "TOGETHER_SECRET_KEY": "t",
                      "TOGETHER_PUSH_ALLOW_LOOPBACK": "0"}, clock=clock)
    seed_demo(app)
    client = app.test_client()
    Auth(client).sign_in("employee@example.com")
    subscription = {"endpoint": endpoint, "expirationTime": None,
                    "keys": {"p256dh": "B" + "A" * 86, "auth": "A" * 22}}
    answer = client.post("/api/push/subscriptions", json=subscription)
    assert answer.status_code == 422
    assert "endpoint" in answer.get_json()["error"]["fields"]
    good = {**subscription, "endpoint": "https://fcm.googleapis.com/fcm/send/abc"}
    assert client.post("/api/push/subscriptions", json=good).status_code == 201


def test_the_inbox_shows_it_in_my_language_and_counts_unread(office):
    sent = office.send()
    chinese = office.phone("editor@example.com")
    inbox = chinese.get("/api/inbox").get_json()
    assert inbox["unread"] == 1 and inbox["cursor"] is None
    [item] = inbox["items"]
    assert (item["id"], item["title"], item["lang"], item["read_at"]) == (
        sent["id"], "明天办公室关闭", "zh-CN", None)
    assert chinese.post(f"/api/inbox/{sent['id']}/read").status_code == 204
    assert chinese.post(f"/api/inbox/{sent['id']}/read").status_code == 204
    inbox = chinese.get("/api/inbox").get_json()
    assert inbox["unread"] == 0 and inbox["items"][0]["read_at"].endswith("Z")
    assert office.phone("hr@example.com").get("/api/inbox").get_json()["items"] == []


def test_received_and_opened_count_once_per_person(office):
    sent = office.send()
    phone = office.phone("employee@example.com")
    for kind in ("received", "received", "opened"):
        assert phone.post(f"/api/notifications/{sent['id']}/events",
                          json={"kind": kind}).status_code == 204
    stats = office.stats(sent["id"])
    assert (stats["received"], stats["opened"]) == (1, 1)


def test_acknowledging_counts_and_leaves_the_unacknowledged_list(office, clock):
    sent = office.send(must_acknowledge=True)
    employee = office.phone("employee@example.com")
    assert employee.post(f"/api/inbox/{sent['id']}/acknowledge").status_code == 204
    assert employee.post(f"/api/inbox/{sent['id']}/acknowledge").status_code == 204
    assert office.stats(sent["id"])["acknowledged"] == 1
    hr = office.phone("hr@example.com")
    waiting = hr.get(f"/api/notifications/{sent['id']}/unacknowledged").get_json()
    ids = {p["id"] for p in waiting["items"]}
    assert "E0001" not in ids and "E0002" in ids
    assert employee.get("/api/inbox").get_json()["items"][0]["read_at"] is not None


def test_remind_pushes_to_those_who_have_not_acknowledged_at_most_every_5_minutes(
        office, clock):
    acked, _ = office.subscribe("employee@example.com")
    waiting, _ = office.subscribe("editor@example.com")
    sent = office.send(must_acknowledge=True)
    office.phone("employee@example.com").post(f"/api/inbox/{sent['id']}/acknowledge")
    hr = office.phone("hr@example.com")
    first = hr.post(f"/api/notifications/{sent['id']}/remind")
    assert first.status_code == 202 and first.get_json()["reminded"] >= 1
    office.settle()
    assert (len(office.push.to(acked)), len(office.push.to(waiting))) == (1, 2)
    again = hr.post(f"/api/notifications/{sent['id']}/remind")
    assert again.status_code == 429 and 0 < int(again.headers["Retry-After"]) <= 300
    clock.advance(301)
    assert hr.post(f"/api/notifications/{sent['id']}/remind").status_code == 202
    office.settle()
    assert len(office.push.to(waiting)) == 3


def test_a_scheduled_notification_waits_for_its_time(office, app, clock):
    device, _ = office.subscribe("employee@example.com")
    sent = office.send(send_at=iso(clock() + 600))
    a = app.extensions["together"]
    assert sent["state"] == "scheduled" and office.push.received == []
    assert office.phone("employee@example.com").get("/api/inbox").get_json()["items"] == []
    assert delivery.due(a)["started"] == 0
    clock.advance(601)
    assert delivery.due(a)["started"] == 1
    office.settle()
    assert len(office.push.to(device)) == 1
    assert office.phone("employee@example.com").get("/api/inbox").get_json()["unread"] == 1


@pytest.mark.parametrize("after", [None, 1800])
def test_must_acknowledge_escalates_to_a_reminder_then_an_email(office, app, clock, after):
    acked, _ = office.subscribe("employee@example.com")
    waiting, _ = office.subscribe("editor@example.com")
    sent = office.send(must_acknowledge=True,
                       **({"escalate_after_s": after} if after else {}))
    after = after or 3600  # the default: an hour
    assert sent["escalate_after_s"] == after
    office.phone("employee@example.com").post(f"/api/inbox/{sent['id']}/acknowledge")
    a = app.extensions["together"]
    clock.advance(after - 1)
    assert delivery.due(a)["followed_up"] == 0
    clock.advance(2)
    assert delivery.due(a)["followed_up"] == 1
    office.settle()
    assert (len(office.push.to(acked)), len(office.push.to(waiting))) == (1, 2)
    clock.advance(after + 1)
    assert delivery.due(a)["followed_up"] == 1
    outbox = office.phone("hr@example.com").get("/api/dev/outbox?to=editor@example.com",
                                                environ_overrides={"REMOTE_ADDR": "127.0.0.1"})
    subjects = [m["subject"] for m in outbox.get_json()["messages"]]
    assert "明天办公室关闭" in subjects
    mine = office.phone("hr@example.com").get("/api/dev/outbox?to=employee@example.com",
                                              environ_overrides={"REMOTE_ADDR": "127.0.0.1"})
    assert "Office closed tomorrow" not in [m["subject"] for m in mine.get_json()["messages"]]


def test_a_health_status_change_tells_only_that_person_and_nothing_about_health(office):
    device, _ = office.subscribe("employee@example.com")
    other, _ = office.subscribe("editor@example.com")
    officer = office.phone("health@example.com")
    answer = officer.post("/api/health/overrides", json={
        "employee_id": "E0001", "status": "red", "days": 3, "reason": "Positive test"})
    assert answer.status_code == 201, answer.get_json()
    office.settle()
    [received] = office.push.to(device)
    shown = device.decrypt(received)
    assert shown["link"] == "/pass" and "red" not in str(shown).lower()
    assert "Positive" not in str(shown)
    assert office.push.to(other) == []


def test_a_must_acknowledge_news_item_notifies_its_audience_with_a_link_to_watch_it(
        app, clock, office):
    from tests.api.test_news import Newsroom
    device, _ = office.subscribe("employee@example.com")
    newsroom = Newsroom(app, clock)
    plain = newsroom.item("editor@example.com", RETAIL)
    item = newsroom.item("editor@example.com", RETAIL, must_acknowledge=True)
    office.settle()
    [received] = office.push.to(device)
    shown = device.decrypt(received)
    assert shown["link"] == f"/watch?id={item['id']}" and plain["id"] not in shown["link"]
    assert received.headers["Urgency"] == "normal"
    listed = office.phone("hr@example.com").get("/api/notifications").get_json()["items"]
    assert [n["topic"] for n in listed] == ["news"]
    a = app.extensions["together"]
    a.events.publish("news.published", item=a.store.get(f"NEWS#{item['id']}", "NEWS"))
    office.settle()  # the same item announced again (a video settling twice): no second one
    assert len(office.phone("hr@example.com").get("/api/notifications").get_json()["items"]) == 1


def test_the_longest_message_stays_under_3_kb():
    from functions.notify import fanout
    item = {"id": "01JDA6Q2V8R4N7M3K5H9G2F1E0", "title": {"zh-CN": "关" * 80},
            "body": {"zh-CN": "闭" * 400}, "link": "/" + "a" * 199, "urgency": "high",
            "must_acknowledge": True}
    assert len(fanout.payload(item, "zh-CN")) < 3 * 1024


def test_muted_topics_and_quiet_hours_hold_back_the_push_but_not_the_inbox(office, clock):
    device, _ = office.subscribe("employee@example.com")
    phone = office.phone("employee@example.com")
    answer = phone.put("/api/push/preferences", json={"muted_topics": ["hr"],
                                                      "quiet_hours": None})
    assert answer.status_code == 200 and answer.get_json()["muted_topics"] == ["hr"]
    office.send(topic="hr")
    assert office.push.to(device) == []
    office.send(topic="hr", urgency="high")  # a crisis ignores mutes
    assert len(office.push.to(device)) == 1
    now = datetime.fromtimestamp(clock(), ZoneInfo("Asia/Shanghai"))  # the company's zone
    start, end = f"{now.hour:02d}:00", f"{(now.hour + 1) % 24:02d}:00"
    phone.put("/api/push/preferences", json={"muted_topics": [],
                                             "quiet_hours": {"start": start, "end": end}})
    assert phone.get("/api/push/preferences").get_json()["quiet_hours"] == {"start": start,
                                                                          "end": end}
    office.send(topic="news")
    assert len(office.push.to(device)) == 1
    assert phone.get("/api/inbox").get_json()["unread"] == 3


def test_the_inbox_pages_newest_first(office, clock):
    sent = []
    for _ in range(23):
        sent.append(office.send()["id"])
        clock.advance(1)
    phone = office.phone("employee@example.com")
    first = phone.get("/api/inbox").get_json()
    second = phone.get("/api/inbox", query_string={"cursor": first["cursor"]}).get_json()
    assert [i["id"] for i in first["items"] + second["items"]] == sent[::-1]
    assert second["cursor"] is None and first["unread"] == 23
    assert phone.get("/api/inbox", query_string={"cursor": "nonsense"}).status_code == 422


def test_a_shared_browser_follows_the_person_who_signed_in_last(office):
    device, device_id = office.subscribe("employee@example.com", "shared")
    answer = office.phone("editor@example.com").post("/api/push/subscriptions",
                                                     json=device.subscription())
    assert answer.get_json()["id"] == device_id
    office.send(audience={"kind": "people", "people": ["E0001"]})
    assert office.push.to(device) == []  # Li Na's notifications no longer reach it
    office.send(audience={"kind": "people", "people": ["E0002"]})
    assert len(office.push.to(device)) == 1


def test_receipts_from_a_whole_audience_are_all_counted(office, clock):
    # Receipts are spread over several counter items (100,000 phones reporting within a minute
    # would pass what one DynamoDB item takes); HR's figures are their sum, each person once.
    from functions.audiences import members
    from functions.notify import inbox

    sent = office.send(audience={"kind": "company"}, must_acknowledge=True)
    store = office.adapters.store
    people, _ = members.members(store, {"kind": "company"}, None, 100)
    assert len(people) >= 20
    for person in people:
        inbox.mark(store, person, sent["id"], "received", int(clock()))
    for person in people[:7]:
        inbox.mark(store, person, sent["id"], "received", int(clock()))  # again: still once
        inbox.mark(store, person, sent["id"], "acknowledged", int(clock()))
    stats = office.stats(sent["id"])
    assert (stats["received"], stats["acknowledged"], stats["opened"]) == (len(people), 7, 0)
    listed = office.phone("hr@example.com").get("/api/notifications").get_json()["items"]
    assert next(i for i in listed if i["id"] == sent["id"])["stats"]["received"] == len(people)
