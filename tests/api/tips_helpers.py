"""Phones signed in, and the steps of publishing and finding tips."""

import io
import itertools

from tests.api.conftest import Auth

HR = "hr@example.com"
EDITOR = "editor@example.com"
EMPLOYEE = "employee@example.com"


class Tips:
    def __init__(self, app, clock):
        self.app, self.clock = app, clock
        self._phones, self._addresses = {}, itertools.count(1)

    def phone(self, email: str):
        if email not in self._phones:
            client = self.app.test_client()
            client.environ_base["REMOTE_ADDR"] = f"10.0.3.{next(self._addresses)}"
            Auth(client).sign_in(email)
            self._phones[email] = client
        return self._phones[email]

    def publish(self, email: str = HR, **fields) -> dict:
        body = {"title": {"en": "A tip", "zh-CN": "小贴士"}, "body": {}, "tags": ["wfh"],
                "kind": "guide", **fields}
        answer = self.phone(email).post("/api/tips", json=body)
        assert answer.status_code == 201, answer.get_json()
        self.clock.advance(1)
        return answer.get_json()

    def search(self, q: str, email: str = EMPLOYEE) -> list[str]:
        answer = self.phone(email).get("/api/tips", query_string={"q": q})
        assert answer.status_code == 200, answer.get_json()
        return [t["title"]["en"] for t in answer.get_json()["items"]]

    def upload(self, email: str, content_type: str, data: bytes) -> str:
        """A file stored through the presigned form, as the phone sends it."""
        phone = self.phone(email)
        started = phone.post("/api/tips/files", json={
            "filename": "poster", "content_type": content_type, "size": len(data)})
        assert started.status_code == 201, started.get_json()
        upload = started.get_json()["upload"]
        stored = phone.post(upload["url"], data={**upload["fields"], "file": (
            io.BytesIO(data), "poster")}, content_type="multipart/form-data")
        assert stored.status_code == 204, stored.get_json()
        return started.get_json()["file_id"]
