"""Zappa's real lambda_handler, configured as on AWS (TOGETHER_ENV=aws), against moto's server.

The handler is a process-wide singleton that imports one `zappa_settings` module, so every
test that drives it lives in this module and shares one module-scoped handler.
"""

import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from functions.directory.service import import_csv
from functions.store.dynamodb import DynamoStore
from functions.store.table import create_table
from infra.stack_env import stage_settings
from tests.aws import client, unique
from tests.stack_outputs import STAND_IN

ROOT = Path(__file__).resolve().parents[2]
EVENTS = ROOT / "tests" / "events"
APP_ORIGIN = "https://d3f8k2l9m1n4p7.cloudfront.net"  # the Origin in the recorded events
SENDER = "no-reply@together.example.com"  # TOGETHER_MAIL_FROM in infra/zappa_settings.json
CONTEXT = SimpleNamespace(function_name="together-dev", function_version="$LATEST",
                          memory_limit_in_mb=1024, aws_request_id="5b8a3d52-3f0c-4d0e-9d1c",
                          invoked_function_arn="arn:aws:lambda:us-east-1:123456789012:"
                                               "function:together-dev",
                          get_remaining_time_in_millis=lambda: 29_000)


def recorded(name: str) -> dict:
    return json.loads((EVENTS / name).read_text())


@pytest.fixture(scope="module")
def stack(moto_endpoint):
    """What `serverless deploy` would have made, on moto: table, bucket, secret, SES sender."""
    names = {"TableName": unique("together-dev"), "MediaBucketName": unique("together-media"),
             "SecretKeyParameter": f"/together/{unique('dev')}/secret-key"}
    create_table(client("dynamodb", moto_endpoint), names["TableName"])
    client("s3", moto_endpoint).create_bucket(Bucket=names["MediaBucketName"])
    client("ssm", moto_endpoint).put_parameter(Name=names["SecretKeyParameter"],
                                               Type="SecureString", Value="known-only-to-ssm")
    client("ses", moto_endpoint).verify_email_identity(EmailAddress=SENDER)
    store = DynamoStore(names["TableName"], client("dynamodb", moto_endpoint))
    import_csv(store, (ROOT / "infra" / "demo-directory.csv").read_text(encoding="utf-8"))
    return {**STAND_IN, **names, "AppOrigin": APP_ORIGIN}


@pytest.fixture(scope="module")
def lambda_handler(stack, moto_endpoint, tmp_path_factory):
    """The handler with the settings a deploy bakes in: stack_env.py's file, then Zappa's."""
    work = tmp_path_factory.mktemp("zappa")
    settings = json.loads((ROOT / "infra" / "zappa_settings.json").read_text())
    filled = work / "zappa_settings.dev.json"
    filled.write_text(json.dumps(stage_settings(settings, "dev", stack, "us-east-1")))
    subprocess.run([Path(sys.executable).with_name("zappa"), "save-python-settings-file", "dev",
                    "-s", filled, "-o", work / "zappa_settings.py"],
                   cwd=ROOT, check=True, capture_output=True)

    # The handler imports these itself; an app another test imported must not stand in.
    fresh = ("zappa_settings", "functions.wsgi")
    saved_modules = {name: sys.modules.pop(name) for name in fresh if name in sys.modules}
    saved_environ, saved_path = dict(os.environ), list(sys.path)
    os.environ["TOGETHER_AWS_ENDPOINT_URL"] = moto_endpoint  # the one test-only setting
    os.environ.pop("TOGETHER_SECRET_KEY", None)  # so the key really comes from SSM
    sys.path.insert(0, str(work))
    from zappa.handler import LambdaHandler, lambda_handler

    yield lambda_handler
    # The handler copied the settings into os.environ and imported the app: undo all of it.
    LambdaHandler._LambdaHandler__instance = None
    for name in fresh:
        sys.modules.pop(name, None)
    sys.modules.update(saved_modules)
    os.environ.clear()
    os.environ.update(saved_environ)
    sys.path[:] = saved_path


def request(template: str, method: str, path: str, body: dict | None = None,
            cookie: str | None = None) -> dict:
    """A recorded event, re-aimed at another method, path, JSON body or session cookie."""
    event = copy.deepcopy(recorded(template))
    text = None if body is None else json.dumps(body)
    if event.get("version") == "2.0":
        stage = event["requestContext"]["stage"]
        event["rawPath"] = event["requestContext"]["http"]["path"] = f"/{stage}{path}"
        event["requestContext"]["http"]["method"] = method
        if cookie:
            event["cookies"] = [cookie]
        if text is not None:
            event["body"] = text
            event["headers"].update({"content-type": "application/json",
                                     "content-length": str(len(text))})
        return event
    event.update(path=path, httpMethod=method, body=text, pathParameters={"proxy": path[1:]})
    event["requestContext"].update(httpMethod=method, path=f"/dev{path}")
    headers = {"Cookie": cookie} if cookie else {}
    if text is not None:
        headers.update({"Content-Type": "application/json", "Content-Length": str(len(text))})
    event["headers"].update(headers)
    event["multiValueHeaders"].update({k: [v] for k, v in headers.items()})
    return event


def last_code_sent_to(address: str) -> str:
    """The 6-digit code in the newest mail moto's SES accepted for the address."""
    from moto.backends import get_backend
    from moto.core import DEFAULT_ACCOUNT_ID

    sent = get_backend("ses")[DEFAULT_ACCOUNT_ID]["us-east-1"].sent_messages
    mine = [m for m in sent if address in m.destinations.get("ToAddresses", [])]
    assert mine, f"SES sent nothing to {address}"
    assert mine[-1].source == f"Together <{SENDER}>"
    return re.search(r"\b(\d{6})\b", f"{mine[-1].subject} {mine[-1].body}").group(1)


@pytest.mark.parametrize("name", ["apigw-rest-v1-get-healthz.json",
                                  "apigw-http-v2-get-healthz.json"])
def test_liveness_answers_through_api_gateway_events(lambda_handler, name):
    response = lambda_handler(recorded(name), CONTEXT)

    assert response["statusCode"] == 200
    assert json.loads(response["body"]) == {"status": "ok"}
    assert response["headers"]["Content-Type"] == "application/json"


def test_sign_in_round_trip_on_dynamodb_ses_and_ssm(lambda_handler):
    started = lambda_handler(recorded("apigw-rest-v1-post-auth-start.json"), CONTEXT)
    assert started["statusCode"] == 202, started["body"]

    code = last_code_sent_to("hr@example.com")
    verified = lambda_handler(request("apigw-rest-v1-post-auth-start.json", "POST",
                                      "/api/auth/verify",
                                      {"email": "hr@example.com", "code": code}), CONTEXT)
    assert verified["statusCode"] == 200, verified["body"]
    set_cookie = verified["multiValueHeaders"]["Set-Cookie"][0]
    assert {"Secure", "HttpOnly", "SameSite=Lax"} <= {p.strip() for p in set_cookie.split(";")}
    cookie = set_cookie.split(";")[0]

    for template in ("apigw-rest-v1-get-healthz.json", "apigw-http-v2-get-healthz.json"):
        me = lambda_handler(request(template, "GET", "/api/me", cookie=cookie), CONTEXT)
        assert me["statusCode"] == 200, me["body"]
        assert json.loads(me["body"])["name"] == "Maya Fernandes"
        assert "hr" in json.loads(me["body"])["roles"]


def test_me_without_a_session_is_401(lambda_handler):
    response = lambda_handler(request("apigw-rest-v1-get-healthz.json", "GET", "/api/me"), CONTEXT)

    assert response["statusCode"] == 401
    assert json.loads(response["body"])["error"]["code"] == "sign_in_required"


def test_dev_outbox_does_not_exist_on_aws(lambda_handler):
    response = lambda_handler(request("apigw-rest-v1-get-healthz.json", "GET", "/api/dev/outbox"),
                              CONTEXT)

    assert response["statusCode"] == 404
    assert json.loads(response["body"])["error"]["code"] == "not_found"
