"""Phones of several people, signed in, and the steps of writing and reading notes."""

import itertools

from tests.api.conftest import Auth

WUHAN = {"kind": "site", "site": "Wuhan"}
SINGAPORE = {"kind": "site", "site": "Singapore"}
RETAIL = {"kind": "unit", "unit": "Retail"}
STORES = {"kind": "department", "unit": "Retail", "department": "Stores"}
COMPANY = {"kind": "company"}


def person(employee_id: str) -> dict:
    return {"kind": "person", "person": employee_id}


class Notes:
    def __init__(self, app, clock):
        self.app, self.clock = app, clock
        self.store = app.extensions["together"].store
        self._phones, self._addresses = {}, itertools.count(1)

    def phone(self, email: str):
        if email not in self._phones:
            client = self.app.test_client()
            client.environ_base["REMOTE_ADDR"] = f"10.0.1.{next(self._addresses)}"
            Auth(client).sign_in(email)
            self._phones[email] = client
        return self._phones[email]

    def write(self, email: str, text: str = "Stay strong! 加油", audience: dict | None = None,
              **body):
        payload = {"text": text, **body}
        if audience is not None:
            payload["audience"] = audience
        return self.phone(email).post("/api/notes", json=payload)

    def note(self, email: str, text: str = "Stay strong! 加油", audience: dict | None = None,
             **body) -> dict:
        answer = self.write(email, text, audience, **body)
        assert answer.status_code == 201, answer.get_json()
        self.clock.advance(1)
        return answer.get_json()

    def page(self, email: str, path: str = "/api/notes/for-me", **query) -> dict:
        answer = self.phone(email).get(path, query_string=query)
        assert answer.status_code == 200, answer.get_json()
        return answer.get_json()

    def for_me(self, email: str, **query) -> list[str]:
        """The texts of every note for the person, page by page."""
        page = self.page(email, **query)
        texts = [n["text"] for n in page["items"]]
        while page["cursor"]:
            page = self.page(email, **query, cursor=page["cursor"])
            texts += [n["text"] for n in page["items"]]
        return texts
