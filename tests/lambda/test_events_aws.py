"""Live events and tips in the AWS configuration: DynamoDB (and S3) on moto's server. Answers
are counted once with the capacity held by DynamoDB's conditions; reminders go out through the
scheduled Lambda; tips are found in both languages and a PDF goes to S3 by its presigned form."""

from datetime import UTC, datetime

import icalendar
import pytest
import requests

from functions import workers
from functions.notify import tasks
from tests.aws_app import aws_app, signed_in

DAY, HOUR = 86400, 3600
RETAIL = {"kind": "unit", "unit": "Retail"}


def iso(epoch: float) -> str:
    return datetime.fromtimestamp(int(epoch), UTC).isoformat().replace("+00:00", "Z")


@pytest.fixture
def aws(moto_endpoint, monkeypatch, clock):
    app = aws_app(moto_endpoint, "events", clock=clock, bucket=True)
    a = app.extensions["together"]
    monkeypatch.setattr(tasks, "_adapters", lambda: a)
    monkeypatch.setattr(workers, "adapters", lambda: a)
    return app


def test_answers_capacity_calendar_and_reminders_on_dynamodb(aws, clock):
    editor, li_na = signed_in(aws, "editor@example.com"), signed_in(aws, "employee@example.com")
    ryan = signed_in(aws, "ryan.koh@example.com")
    starts = int(clock()) + 2 * DAY
    event = editor.post("/api/events", json={
        "kind": "town_hall", "title": {"en": "Town hall"}, "starts_at": iso(starts),
        "ends_at": iso(starts + HOUR), "join_url": "https://zoom.us/j/1", "audience": RETAIL,
        "capacity": 1}).get_json()
    path = f"/api/events/{event['id']}"
    for _ in range(2):
        assert li_na.post(f"{path}/rsvp", json={"answer": "going"}).status_code == 200
    full = ryan.post(f"{path}/rsvp", json={"answer": "going"})
    assert full.status_code == 409 and full.get_json()["error"]["code"] == "event_full"
    assert ryan.post(f"{path}/rsvp", json={"answer": "maybe"}).get_json()["counts"] == {
        "going": 1, "maybe": 1, "not_going": 0}

    vevent = icalendar.Calendar.from_ical(li_na.get(f"{path}/calendar.ics").data).walk(
        "VEVENT")[0]
    assert vevent.decoded("dtstart") == datetime.fromtimestamp(starts, UTC)
    assert str(vevent["uid"]) == f"{event['id']}@together"

    clock.advance(DAY + 60)
    assert workers.on_schedule({})["events"] == {"reminded": 1}
    assert workers.on_schedule({})["events"] == {"reminded": 0}
    inbox = li_na.get("/api/inbox").get_json()["items"]
    assert [i["title"] for i in inbox] == ["Tomorrow: Town hall"]
    assert ryan.get("/api/inbox").get_json()["items"] == []


def test_tips_search_both_languages_and_a_pdf_goes_to_s3(aws):
    hr, li_na = signed_in(aws, "hr@example.com"), signed_in(aws, "employee@example.com")
    pdf = b"%PDF-1.4\n% guide\n"
    started = hr.post("/api/tips/files", json={"filename": "g.pdf",
                                               "content_type": "application/pdf",
                                               "size": len(pdf)}).get_json()
    upload = started["upload"]
    stored = requests.post(upload["url"], data=upload["fields"],
                           files={"file": ("g.pdf", pdf, "application/pdf")}, timeout=30)
    assert stored.status_code in (200, 204), stored.text
    tip = hr.post("/api/tips", json={
        "title": {"en": "Working from home", "zh-CN": "在家办公"},
        "body": {"en": "Keep a routine."}, "file_id": started["file_id"]}).get_json()
    assert tip["file"]["content_type"] == "application/pdf"
    for q in ("routine", "办公"):
        found = li_na.get("/api/tips", query_string={"q": q}).get_json()["items"]
        assert [t["id"] for t in found] == [tip["id"]]
    assert li_na.get("/api/tips/today").get_json()["id"] == tip["id"]
