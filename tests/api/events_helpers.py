"""Phones of several people, signed in, and the steps of hosting and answering live events."""

import itertools
from datetime import UTC, datetime

from tests.api.conftest import Auth

EMPLOYEE = "employee@example.com"  # E0001 Li Na: Retail, Stores, Wuhan
EDITOR = "editor@example.com"  # E0002: editor of Retail
HR = "hr@example.com"  # E0003: Cloud, Singapore
CLOUD_PERSON = "sofia.martins@example.com"  # E0010: Cloud, Singapore
RETAIL_PERSON = "ryan.koh@example.com"  # E0012: Retail, Hangzhou
RETAIL = {"kind": "unit", "unit": "Retail"}
COMPANY = {"kind": "company"}
HOUR, DAY = 3600, 86400


def iso(epoch: float) -> str:
    return datetime.fromtimestamp(int(epoch), UTC).isoformat().replace("+00:00", "Z")


class Events:
    def __init__(self, app, clock):
        self.app, self.clock = app, clock
        self.adapters = app.extensions["together"]
        self.store = self.adapters.store
        self._phones, self._addresses = {}, itertools.count(1)

    def phone(self, email: str):
        if email not in self._phones:
            client = self.app.test_client()
            client.environ_base["REMOTE_ADDR"] = f"10.0.2.{next(self._addresses)}"
            Auth(client).sign_in(email)
            self._phones[email] = client
        return self._phones[email]

    def body(self, **fields) -> dict:
        starts = int(self.clock()) + 2 * DAY
        return {"kind": "karaoke", "title": {"en": "Karaoke night", "zh-CN": "卡拉OK之夜"},
                "description": {"en": "Sing with the leadership team."},
                "starts_at": iso(starts), "ends_at": iso(starts + 2 * HOUR),
                "join_url": "https://meeting.dingtalk.com/j/abc123", "audience": RETAIL,
                **fields}

    def create(self, email: str = EDITOR, **fields) -> dict:
        answer = self.phone(email).post("/api/events", json=self.body(**fields))
        assert answer.status_code == 201, answer.get_json()
        return answer.get_json()

    def rsvp(self, email: str, event_id: str, answer: str, **kwargs):
        return self.phone(email).post(f"/api/events/{event_id}/rsvp", json={"answer": answer},
                                      **kwargs)

    def get(self, email: str, event_id: str) -> dict:
        answer = self.phone(email).get(f"/api/events/{event_id}")
        assert answer.status_code == 200, answer.get_json()
        return answer.get_json()

    def inbox_titles(self, email: str) -> list[str]:
        answer = self.phone(email).get("/api/inbox")
        assert answer.status_code == 200, answer.get_json()
        return [i["title"] for i in answer.get_json()["items"]]
