"""The app in its AWS configuration on moto's server, as tests/lambda builds it: a fresh
table (and bucket), the demo directory imported, and people signed in."""

from __future__ import annotations

import re
import time
from pathlib import Path

from functions.app import create_app
from functions.directory.service import import_csv
from functions.store.table import create_table
from tests.aws import client, unique

ROOT = Path(__file__).resolve().parents[1]


def aws_app(moto_endpoint: str, name: str, *, clock=time.time, bucket: bool = False, **settings):
    """A new app on its own table (and S3 bucket), with the demo directory; settings add to or
    replace the AWS configuration's."""
    table = unique(f"together-{name}")
    create_table(client("dynamodb", moto_endpoint), table)
    media = unique("together-media")
    if bucket:
        client("s3", moto_endpoint).create_bucket(Bucket=media)
    config = {"TOGETHER_ENV": "aws", "TOGETHER_TABLE": table, "TOGETHER_MEDIA_BUCKET": media,
              "TOGETHER_SECRET_KEY": "test",
              "TOGETHER_MAIL_FROM": "Together <no-reply@example.com>",
              "TOGETHER_APP_ORIGIN": "https://together.example.com",
              "AWS_REGION": "us-east-1", "TOGETHER_AWS_ENDPOINT_URL": moto_endpoint,
              "TOGETHER_VAPID_KEY_PARAMETER": f"/together/{unique('t')}/vapid-key", **settings}
    app = create_app(config, clock=clock)
    import_csv(app.extensions["together"].store,
               (ROOT / "infra" / "demo-directory.csv").read_text(encoding="utf-8"))
    return app


class _CodeCatcher:
    """Keeps the sign-in mails' subjects: the code is read from there, not from SES."""

    def __init__(self):
        self.subjects = []

    def send(self, to, subject, text):
        self.subjects.append(subject)


def signed_in(app, email: str):
    """A test client signed in with the code the mail port would have sent (SES is tested on its
    own in test_handler.py; these tests are about what comes after signing in)."""
    a = app.extensions["together"]
    if not isinstance(a.__dict__.get("mail"), _CodeCatcher):
        a.__dict__["mail"] = _CodeCatcher()
    phone = app.test_client()
    phone.post("/api/auth/start", json={"email": email})
    code = re.search(r"\b(\d{6})\b", a.mail.subjects[-1]).group(1)
    assert phone.post("/api/auth/verify", json={"email": email, "code": code}).status_code == 200
    return phone
