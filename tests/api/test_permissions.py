"""One table says what each role may do; /api/me tells the phone the person's permissions."""

import pytest

from functions import permissions
from functions.directory.schemas import ROLES


@pytest.mark.parametrize(("email", "expected"), [
    ("employee@example.com", []),
    ("editor@example.com", ["events.host", "news.publish", "notify.send", "stories.moderate",
                            "tips.publish"]),
    ("hr@example.com", ["directory.manage", "events.host", "health.rules", "health.summary",
                        "news.manage",
                        "news.publish", "notes.campaigns", "notes.company", "notes.moderate",
                        "notify.send", "pass.scan_summary", "stories.feature", "stories.hide",
                        "stories.moderate", "stories.settings", "tips.publish",
                        "videos.manage"]),
    ("health@example.com", ["health.oversee", "health.rules", "health.summary",
                            "pass.scan_summary"]),
    ("guard@example.com", ["pass.scan"]),
    ("admin@example.com", ["directory.grant", "directory.manage", "events.host", "news.manage",
                           "news.publish", "notes.campaigns", "notes.company", "notes.moderate",
                           "notify.send", "stories.feature", "stories.hide", "stories.moderate",
                           "stories.settings", "tips.publish", "videos.manage"]),
])
def test_me_lists_the_permissions_the_roles_give(auth, client, email, expected):
    signed_in = auth.sign_in(email)

    me = client.get("/api/me").get_json()

    assert me["permissions"] == expected
    assert signed_in["permissions"] == expected
    assert client.patch("/api/me", json={"language": "en"}).get_json()["permissions"] == expected
    assert {"id", "name", "roles", "editor_units", "site"} <= set(me)  # the profile, as before


def test_the_openapi_schema_of_me_names_the_permissions(client):
    spec = client.get("/api/openapi.json").get_json()
    schema = spec["paths"]["/api/me"]["get"]["responses"]["200"]["content"][
        "application/json"]["schema"]
    me = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]

    assert me["properties"]["permissions"]["items"]["enum"] == sorted(permissions.PERMISSIONS)


def test_every_permission_names_known_roles():
    for name, roles in permissions.PERMISSIONS.items():
        assert roles and set(roles) <= set(ROLES), name


@pytest.mark.parametrize(("user", "audience", "allowed"), [
    ({"roles": ["editor"], "editor_units": ["Retail"]}, {"kind": "unit", "unit": "Retail"}, True),
    ({"roles": ["editor"], "editor_units": ["Retail"]},
     {"kind": "department", "unit": "Retail", "department": "Stores"}, True),
    ({"roles": ["editor"], "editor_units": ["Retail"]}, {"kind": "unit", "unit": "Cloud"}, False),
    ({"roles": ["editor"], "editor_units": ["Retail"]}, {"kind": "company"}, False),
    ({"roles": ["editor"], "editor_units": ["Retail"]}, {"kind": "site", "site": "Wuhan"}, False),
    ({"roles": ["employee"], "editor_units": ["Retail"]}, {"kind": "unit", "unit": "Retail"},
     False),
    ({"roles": ["hr"], "editor_units": []}, {"kind": "company"}, True),
    ({"roles": ["admin"], "editor_units": []}, {"kind": "site", "site": "Wuhan"}, True),
])
def test_editors_publish_only_inside_their_units(user, audience, allowed):
    assert permissions.may_publish_to({"id": "E1", **user}, audience) is allowed


def test_an_unknown_permission_name_is_a_bug_not_a_refusal():
    with pytest.raises(KeyError):
        permissions.has({"roles": ["admin"]}, "news.publsh")
