"""Supplies in the AWS configuration: DynamoDB on moto's server. Many people racing for the last
units never oversell (the reservation is one conditional transaction), and a home address is
gone from the table once the request is delivered."""

import re
import threading
from pathlib import Path

import pytest

from functions.app import create_app
from functions.directory.service import get_employee, import_csv
from functions.events import Bus
from functions.store.table import create_table
from functions.supplies import requests
from functions.supplies.keys import request_key
from tests.api.supplies_helpers import HOME, Supplies
from tests.aws import client, unique

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def aws(moto_endpoint, clock):
    table, bucket = unique("together-supplies"), unique("together-media")
    create_table(client("dynamodb", moto_endpoint), table)
    client("s3", moto_endpoint).create_bucket(Bucket=bucket)
    app = create_app({"TOGETHER_ENV": "aws", "TOGETHER_TABLE": table,
                      "TOGETHER_MEDIA_BUCKET": bucket, "TOGETHER_SECRET_KEY": "test",
                      "TOGETHER_MAIL_FROM": "Together <no-reply@example.com>",
                      "TOGETHER_APP_ORIGIN": "https://together.example.com",
                      "AWS_REGION": "us-east-1", "TOGETHER_AWS_ENDPOINT_URL": moto_endpoint,
                      "TOGETHER_VAPID_KEY_PARAMETER": f"/together/{unique('t')}/vapid-key"},
                     clock=clock)
    import_csv(app.extensions["together"].store,
               (ROOT / "infra" / "demo-directory.csv").read_text(encoding="utf-8"))
    return app


class AwsSupplies(Supplies):
    """Phones signed in with the code the (captured) mail carried."""

    def phone(self, email):
        if email not in self._phones:
            phone, outbox = self.app.test_client(), []
            self.adapters.__dict__["mail"] = type(
                "Mail", (), {"send": lambda _, to, subject, text: outbox.append(subject)})()
            phone.post("/api/auth/start", json={"email": email})
            code = re.search(r"\b(\d{6})\b", outbox[-1]).group(1)
            assert phone.post("/api/auth/verify",
                              json={"email": email, "code": code}).status_code == 200
            self._phones[email] = phone
        return self._phones[email]


def test_racing_for_the_last_units_on_dynamodb_never_oversells(aws, clock):
    kit = AwsSupplies(aws, clock)
    kit.stock_up({"Hangzhou": {"masks": 8}})
    store = kit.store
    hangzhou = [p for p in (get_employee(store, f"E{n:04d}") for n in range(1, 61))
                if p and p["site"] == "Hangzhou"][:12]
    outcomes, gate = [], threading.Barrier(24)

    def ask(person):
        gate.wait()
        try:
            requests.create(store, Bus(), person, {"lines": [{"item": "masks", "qty": 1}],
                                                   "delivery": {"kind": "pickup"}, "note": ""},
                            int(clock()))
            outcomes.append("granted")
        except requests.OutOfStock:
            outcomes.append("out of stock")

    threads = [threading.Thread(target=ask, args=(p,)) for p in hangzhou * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert outcomes.count("granted") == 8 and outcomes.count("out of stock") == 16
    level = kit.level("Hangzhou", "masks")
    assert (level["qty"], level["reserved"]) == (0, 8)
    moves = kit.phone("hr@example.com").get(
        "/api/supplies/movements?site=Hangzhou&limit=100").get_json()["items"]
    assert sum(1 for m in moves if m["kind"] == "reserved") == 8


def test_a_home_delivery_on_dynamodb_forgets_the_address(aws, clock):
    kit = AwsSupplies(aws, clock)
    kit.stock_up({"Wuhan": {"test-kits": 5}})
    request = kit.request("employee@example.com", [("test-kits", 2)],
                          delivery={"kind": "home", "address": HOME})
    assert kit.move(request["id"], "delivered").status_code == 409
    for step in ("approved", "packed", "dispatched"):
        kit.moved(request["id"], step)
    assert "address" in kit.store.get(*request_key(request["id"]))
    kit.moved(request["id"], "delivered")
    assert "address" not in kit.store.get(*request_key(request["id"]))
    level = kit.level("Wuhan", "test-kits")
    assert (level["qty"], level["reserved"]) == (3, 0)
    over = kit.ask("employee@example.com", [("test-kits", 1)])
    assert over.status_code == 422  # two this week already: the limit holds on DynamoDB too
