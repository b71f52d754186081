"""Sign-in by emailed code: what a person, and an attacker, would notice."""

import pytest

from functions.auth.service import MAX_ATTEMPTS


def outbox(client, email):
    return client.get(f"/api/dev/outbox?to={email}").get_json()["messages"]


def test_sign_in_sets_a_session_that_me_and_signout_use(client, auth):
    profile = auth.sign_in("employee@example.com")
    assert profile["name"] == "Li Na 李娜" and profile["roles"] == ["employee"]
    cookie = client.get_cookie("tg_session")
    assert cookie.http_only and cookie.same_site == "Lax" and not cookie.secure
    me = client.get("/api/me")
    assert me.status_code == 200 and me.get_json()["site"] == "Wuhan"
    assert auth.sign_out().status_code == 204
    assert client.get("/api/me").status_code == 401


def test_a_stolen_cookie_stops_working_after_signout(app, client, auth):
    auth.sign_in("hr@example.com")
    stolen = client.get_cookie("tg_session").value
    auth.sign_out()
    thief = app.test_client()
    thief.set_cookie("tg_session", stolen)
    assert thief.get("/api/me").status_code == 401


def test_unknown_addresses_get_the_same_answer_and_no_mail(client):
    known = client.post("/api/auth/start", json={"email": "guard@example.com"})
    unknown = client.post("/api/auth/start", json={"email": "nobody@example.com"})
    assert (known.status_code, known.get_json()) == (unknown.status_code, unknown.get_json())
    assert len(outbox(client, "guard@example.com")) == 1
    assert outbox(client, "nobody@example.com") == []


def test_the_code_mail_is_in_the_persons_language(client):
    client.post("/api/auth/start", json={"email": "Guard@Example.com "})
    message = outbox(client, "guard@example.com")[0]
    assert "验证码" in message["subject"]


def test_wrong_code_says_how_many_tries_are_left_then_the_code_dies(client, auth):
    code = auth.request_code("employee@example.com")
    wrong = "000000" if code != "000000" else "111111"
    response = client.post("/api/auth/verify", json={"email": "employee@example.com",
                                                     "code": wrong})
    body = response.get_json()["error"]
    assert response.status_code == 422 and body["code"] == "invalid_input"
    assert f"{MAX_ATTEMPTS - 1} attempts left" in body["message"]
    for _ in range(MAX_ATTEMPTS - 1):
        client.post("/api/auth/verify", json={"email": "employee@example.com", "code": wrong})
    late = client.post("/api/auth/verify", json={"email": "employee@example.com", "code": code})
    assert late.status_code == 422 and "expired" in late.get_json()["error"]["message"]


def test_a_code_expires_after_ten_minutes(client, auth, clock):
    code = auth.request_code("employee@example.com")
    clock.advance(601)
    response = client.post("/api/auth/verify", json={"email": "employee@example.com",
                                                     "code": code})
    assert response.status_code == 422
    assert response.get_json()["error"]["fields"]["code"]


def test_a_code_signs_in_once(app, client, auth):
    code = auth.request_code("employee@example.com")
    body = {"email": "employee@example.com", "code": code}
    assert client.post("/api/auth/verify", json=body).status_code == 200
    assert app.test_client().post("/api/auth/verify", json=body).status_code == 422


def test_requests_for_codes_are_rate_limited_per_address(client, clock):
    for _ in range(5):
        assert client.post("/api/auth/start", json={"email": "hr@example.com"}).status_code == 202
    refused = client.post("/api/auth/start", json={"email": "hr@example.com"})
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert "Try again in" in refused.get_json()["error"]["message"]
    assert client.post("/api/auth/start", json={"email": "admin@example.com"}).status_code == 202
    clock.advance(900)
    assert client.post("/api/auth/start", json={"email": "hr@example.com"}).status_code == 202


def test_requests_are_rate_limited_per_client(client):
    statuses = [client.post("/api/auth/start", json={"email": f"x{i}@example.com"}).status_code
                for i in range(31)]
    assert statuses[:30] == [202] * 30 and statuses[30] == 429


@pytest.mark.parametrize("body, field", [
    ({"email": "not-an-address"}, "email"),
    ({}, "email"),
    ({"email": "hr@example.com", "admin": True}, "admin"),
])
def test_bad_start_bodies_name_the_field(client, body, field):
    response = client.post("/api/auth/start", json=body)
    assert response.status_code == 422
    assert field in response.get_json()["error"]["fields"]


def test_errors_come_in_the_browsers_language(client):
    response = client.post("/api/auth/verify", json={"email": "hr@example.com", "code": "12"},
                           headers={"Accept-Language": "zh-CN,zh;q=0.9"})
    body = response.get_json()["error"]
    assert body["message"] == "部分信息需要修改。"
    assert body["fields"]["code"] == ["请输入邮件中的 6 位数字。"]


def test_a_forged_cookie_is_not_a_session(client):
    client.set_cookie("tg_session", "forged.value")
    assert client.get("/api/me").status_code == 401


def test_a_person_chooses_their_language_and_errors_follow_it(client, auth):
    auth.sign_in("employee@example.com")
    response = client.patch("/api/me", json={"language": "zh-CN"})
    assert response.status_code == 200 and response.get_json()["language"] == "zh-CN"
    refused = client.post("/api/directory/import", json={"csv": "x"})
    assert refused.get_json()["error"]["message"] == "您的角色无权执行此操作。"
    assert client.patch("/api/me", json={"language": "fr"}).status_code == 422
    assert client.patch("/api/me", json={"language": "en", "roles": ["hr"]}).status_code == 422
