"""What every endpoint promises: the error shape, JSON-only writes, sign-in, idempotency."""

import pytest

from functions.app import create_app
from functions.config import Config, ConfigError

PUBLIC = {"/api/healthz", "/api/docs", "/api/docs.js", "/api/openapi.json", "/api/auth/start",
          "/api/auth/verify", "/api/auth/signout", "/api/dev/outbox", "/api/health/keys",
          "/api/walls/<token>", "/api/checkins/by-link/<token>"}


def api_routes(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/") and not rule.rule.startswith("/api/media/local"):
            for method in rule.methods - {"HEAD", "OPTIONS"}:
                yield method, rule.rule.replace("<employee_id>", "E0001")


def test_every_api_route_needs_a_session_unless_public(app, client):
    routes = list(api_routes(app))
    assert len(routes) >= 10
    for method, path in routes:
        if path in PUBLIC:
            continue
        response = client.open(path, method=method, json={} if method != "GET" else None)
        assert response.status_code == 401, (method, path)
        assert response.get_json()["error"]["code"] == "sign_in_required"


def test_unknown_routes_and_methods_answer_in_the_error_shape(client):
    missing = client.get("/api/nothing-here")
    assert missing.status_code == 404 and missing.get_json()["error"]["code"] == "not_found"
    wrong = client.delete("/api/healthz")
    assert wrong.status_code == 405 and wrong.get_json()["error"]["message"]


def test_writes_accept_json_only(client):
    form = client.post("/api/auth/start", data={"email": "hr@example.com"})
    assert form.status_code == 415 and form.get_json()["error"]["code"] == "json_required"
    broken = client.post("/api/auth/start", data="{nope", content_type="application/json")
    assert broken.status_code == 422
    assert broken.get_json()["error"]["message"] == "The request body is not valid JSON."


def test_openapi_and_docs_describe_the_api(client):
    spec = client.get("/api/openapi.json").get_json()
    assert {"/api/auth/start", "/api/me", "/api/directory/import"} <= set(spec["paths"])
    assert "/api/dev/outbox" in spec["paths"]  # embedded configuration only, see below
    assert client.get("/api/docs").status_code == 200
    assert client.get("/api/healthz").get_json() == {"status": "ok"}
    assert client.get("/api/health").status_code == 404  # the prefix belongs to the pass


def test_same_idempotency_key_same_answer_and_one_mail(client):
    headers = {"Idempotency-Key": "retry-0001-abcdef"}
    first = client.post("/api/auth/start", json={"email": "hr@example.com"}, headers=headers)
    second = client.post("/api/auth/start", json={"email": "hr@example.com"}, headers=headers)
    assert (first.status_code, first.get_json()) == (second.status_code, second.get_json())
    assert second.headers["Idempotent-Replayed"] == "true"
    assert len(client.get("/api/dev/outbox?to=hr@example.com").get_json()["messages"]) == 1
    other = client.post("/api/auth/start", json={"email": "admin@example.com"}, headers=headers)
    assert other.status_code == 422 and "Idempotency-Key" in other.get_json()["error"]["fields"]


def test_a_refused_request_frees_its_idempotency_key(client):
    headers = {"Idempotency-Key": "start-0001-abcdef"}
    for _ in range(6):
        client.post("/api/auth/start", json={"email": "guard@example.com"})
    limited = client.post("/api/auth/start", json={"email": "guard@example.com"},
                          headers=headers)
    assert limited.status_code == 429
    again = client.post("/api/auth/start", json={"email": "guard@example.com"}, headers=headers)
    assert again.status_code == 429 and "Idempotent-Replayed" not in again.headers


AWS_ENV = {"TOGETHER_ENV": "aws", "TOGETHER_TABLE": "t", "TOGETHER_MEDIA_BUCKET": "b",
           "TOGETHER_MAIL_FROM": "Together <no-reply@example.com>",
           "TOGETHER_APP_ORIGIN": "https://together.example.com",
           "TOGETHER_SECRET_KEY_PARAMETER": "/together/dev/secret-key", "AWS_REGION": "eu-west-1",
           "TOGETHER_VAPID_KEY_PARAMETER": "/together/dev/vapid-key"}


def test_the_aws_configuration_has_no_development_routes():
    app = create_app(AWS_ENV)
    rules = [r.rule for r in app.url_map.iter_rules()]
    assert not [r for r in rules if r.startswith("/api/dev") or r.startswith("/api/media/local")]
    assert "/" not in rules  # the PWA comes from the CDN there
    assert app.test_client().get("/api/dev/outbox").status_code == 404


@pytest.mark.parametrize("missing", ["TOGETHER_TABLE", "TOGETHER_MEDIA_BUCKET", "AWS_REGION",
                                     "TOGETHER_SECRET_KEY_PARAMETER",
                                     "TOGETHER_VAPID_KEY_PARAMETER"])
def test_a_missing_cloud_setting_stops_start_up_and_names_it(missing):
    env = {k: v for k, v in AWS_ENV.items() if k != missing}
    with pytest.raises(ConfigError, match=missing):
        Config.from_env(env)


def test_the_openapi_error_schema_is_the_shape_errors_have(client):
    spec = client.get("/api/openapi.json").get_json()
    error = spec["components"]["schemas"]["Error"]
    detail = spec["components"]["schemas"]["ErrorDetail"]
    answer = client.get("/api/me")  # 401, in the one shape

    assert answer.status_code == 401
    assert set(answer.get_json()) == set(error["properties"]) == {"error"}
    assert set(error["required"]) == {"error"}
    assert set(answer.get_json()["error"]) <= set(detail["properties"])
    assert set(detail["required"]) == {"status", "code", "message"}
    invalid = client.post("/api/auth/start", json={"email": "nope"}).get_json()["error"]
    assert set(invalid) == set(detail["properties"])  # fields too


def test_the_openapi_document_says_which_operations_need_the_session_cookie(client):
    from functions.auth.sessions import COOKIE

    spec = client.get("/api/openapi.json").get_json()

    assert spec["components"]["securitySchemes"]["session"] == {
        "type": "apiKey", "in": "cookie", "name": COOKIE,
        "description": "Set by POST /api/auth/verify; HttpOnly, SameSite=Lax."}
    assert spec["security"] == [{"session": []}]
    assert spec["paths"]["/api/auth/start"]["post"]["security"] == []
    assert spec["paths"]["/api/healthz"]["get"]["security"] == []
    assert "security" not in spec["paths"]["/api/me"]["get"]  # the document's default: needed
