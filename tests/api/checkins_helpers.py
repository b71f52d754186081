"""Phones of several people in Wuhan and HR's, starting and answering check-ins."""

import itertools

from tests.api.conftest import Auth

HR, SAFETY = "hr@example.com", "daniel.tan@example.com"  # Daniel Tan: Wuhan, safety operator
LI_NA, SUN_JIE = "employee@example.com", "staff0009@example.com"  # Retail, Wuhan
LUCAS = "lucas.weber@example.com"  # Logistics, Singapore: not in Wuhan
WUHAN = {"kind": "site", "site": "Wuhan"}
QUESTION = {"en": "Are you safe?", "zh-CN": "你安全吗？"}


class Checkins:
    """What HR's and the employees' phones do."""

    def __init__(self, app, clock):
        self.app, self.clock = app, clock
        self.adapters = app.extensions["together"]
        self.store = self.adapters.store
        self._phones, self._addresses = {}, itertools.count(1)

    def phone(self, email):
        if email not in self._phones:
            client = self.app.test_client()
            client.environ_base["REMOTE_ADDR"] = f"10.0.3.{next(self._addresses)}"
            Auth(client).sign_in(email)
            self._phones[email] = client
        return self._phones[email]

    def start(self, email=HR, audience=WUHAN, drill=False, **fields):
        answer = self.phone(email).post("/api/checkins", json={
            "question": QUESTION, "audience": audience, "drill": drill, **fields})
        assert answer.status_code == 201, answer.get_json()
        return answer.get_json()

    def answer(self, email, checkin_id, answer="safe", **fields):
        return self.phone(email).post(f"/api/checkins/{checkin_id}/answers",
                                      json={"answer": answer, **fields})

    def live(self, checkin_id, email=HR):
        answer = self.phone(email).get(f"/api/checkins/{checkin_id}")
        assert answer.status_code == 200, answer.get_json()
        return answer.get_json()

    def people(self, checkin_id, answer, email=HR):
        got = self.phone(email).get(f"/api/checkins/{checkin_id}/people?answer={answer}")
        assert got.status_code == 200, got.get_json()
        return got.get_json()["items"]
