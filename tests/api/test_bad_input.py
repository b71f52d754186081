"""Bad input is answered in the one error shape, next to its field, and writes nothing."""

import json

import pytest

from tests.api.test_directory import HEADER

LONE = "\ud800"  # a lone surrogate: JSON can carry it, no key or page can hold it


def post_json(client, path, body):
    return client.post(path, data=json.dumps(body), content_type="application/json")


def test_a_lone_surrogate_in_an_audience_is_refused_by_field(client, auth):
    auth.sign_in("hr@example.com")
    answer = post_json(client, "/api/news", {
        "video_id": "V1", "title": {"en": "Hello"},
        "audience": {"kind": "site", "site": f"Wu{LONE}han"}})

    assert answer.status_code == 422
    error = answer.get_json()["error"]
    assert error["code"] == "invalid_input"
    assert error["fields"] == {"audience.site": [
        "This text has a character that is not valid Unicode. Type it again or remove it."]}


def test_a_lone_surrogate_in_a_scan_site_is_refused(client, auth):
    auth.sign_in("guard@example.com")
    answer = post_json(client, "/api/health/scans", {"site": LONE, "result": "ok"})
    assert answer.status_code == 422 and "site" in answer.get_json()["error"]["fields"]


def test_an_import_with_a_bad_second_row_writes_not_even_the_first(client, auth, store):
    auth.sign_in("hr@example.com")
    text = "\n".join([
        HEADER,
        "N0001,New Person,new.person@example.com,Retail,Stores,Wuhan,Hubei,en,,employee,",
        f"N0002,Other Person,other@example.com,Re{LONE}tail,Stores,Wuhan,Hubei,en,,employee,",
    ])
    answer = post_json(client, "/api/directory/import", {"csv": text})

    assert answer.status_code == 422
    assert answer.get_json()["error"]["fields"] == {"csv": [
        "This text has a character that is not valid Unicode. Type it again or remove it."]}
    assert store.get("EMP#N0001", "PROFILE") is None


@pytest.mark.parametrize("depth", [40, 10_000])
def test_json_nested_too_deep_is_refused_before_sign_in(client, depth):
    body = "[" * depth + "]" * depth
    answer = client.post("/api/auth/start", data=body, content_type="application/json")

    assert answer.status_code == 422
    assert answer.get_json()["error"] == {
        "status": 422, "code": "invalid_input", "message": "The request body is nested too deeply."}


def test_the_same_in_chinese(client):
    answer = client.post("/api/auth/start", data=json.dumps({"email": LONE}),
                         content_type="application/json", headers={"Accept-Language": "zh-CN"})
    assert answer.status_code == 422
    assert answer.get_json()["error"]["fields"]["email"] == [
        "这段文字包含无效的 Unicode 字符，请重新输入或删除。"]


@pytest.mark.parametrize("path", ["/app/main.js%00.png", "/%00", "/styles/%00app.css"])
def test_a_nul_in_a_path_of_the_app_is_not_found(client, path):
    with client.get(path) as answer:
        assert answer.status_code == 404
