"""The OpenAPI document lists what each operation can answer: 401 unless public, 403 where a
permission is checked, the local media routes, and no catch-all that would hide the rest."""

import ast

import pytest

from functions.config import REPO_ROOT

ROUTES = sorted((REPO_ROOT / "functions").rglob("*routes.py"))
# What a view calls when it checks a permission itself (services raise Forbidden too: those
# views are listed by hand with may_refuse, and the schema stage finds a missing one).
PERMISSION_CHECKS = {"require_permission", "require", "Forbidden"}


@pytest.fixture
def spec(client):
    return client.get("/api/openapi.json").get_json()


def operations(spec):
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method != "parameters":
                yield f"{method.upper()} {path}", operation


def resolve(spec, response):
    ref = response.get("$ref", "")
    return spec["components"]["responses"][ref.rsplit("/", 1)[1]] if ref else response


def test_operations_that_need_a_session_document_401_and_public_ones_do_not(spec):
    for name, operation in operations(spec):
        public = operation.get("security") == []
        assert ("401" in operation["responses"]) is not public, name


def test_no_operation_documents_a_catch_all_default(spec):
    assert not [name for name, operation in operations(spec) if "default" in operation["responses"]]


def test_every_documented_error_has_the_error_shape_and_busy_says_when_to_retry(spec):
    for name, operation in operations(spec):
        for status, response in operation["responses"].items():
            response = resolve(spec, response)
            if int(status) >= 400:
                body = response["content"]["application/json"]["schema"]
                assert body == {"$ref": "#/components/schemas/Error"}, (name, status)
            if status in ("429", "503"):
                assert "Retry-After" in response["headers"], (name, status)
    statuses = {name: set(operation["responses"]) for name, operation in operations(spec)}
    assert "503" in statuses["GET /api/me"] and "503" not in statuses["GET /api/healthz"]


def _checks_permission(function: ast.FunctionDef) -> bool:
    for node in (inner for statement in function.body for inner in ast.walk(statement)):
        if isinstance(node, ast.Call):
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(
                node.func, "id", "")
            if called in PERMISSION_CHECKS or called.startswith("may_"):
                return True
    return False


def _refuses(function: ast.FunctionDef) -> set[int]:
    for decorator in function.decorator_list:
        if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", "") == "may_refuse":
            return {arg.value for arg in decorator.args}
    return set()


@pytest.mark.parametrize("module", ROUTES, ids=lambda path: path.parent.name + "/" + path.name)
def test_a_view_that_checks_a_permission_documents_403(module):
    views = [node for node in ast.parse(module.read_text(encoding="utf-8")).body
             if isinstance(node, ast.FunctionDef) and any(
                 getattr(getattr(d, "func", None), "attr", "") == "route"
                 for d in node.decorator_list)]
    unsaid = [view.name for view in views if _checks_permission(view) and 403 not in _refuses(view)]
    assert not unsaid, f"{module.name}: add @may_refuse(403) to {unsaid}"


def test_each_refusal_a_view_declares_is_in_its_operation(app, spec):
    documented = {name: set(operation["responses"]) for name, operation in operations(spec)}
    declared = 0
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/") or rule.endpoint.startswith("api-docs."):
            continue  # the PWA's pages, and the document itself
        refusals = getattr(app.view_functions[rule.endpoint], "together_refusals", set())
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            path = rule.rule.replace("<", "{").replace(">", "}")
            assert {str(s) for s in refusals} <= documented[f"{method} {path}"], (method, path)
            declared += len(refusals)
    assert declared >= 40  # the views that refuse, with their statuses


def test_the_local_media_routes_are_documented_as_the_signed_links_they_answer(spec):
    paths = spec["paths"]
    upload = paths["/api/media/local/uploads"]["post"]
    part = paths["/api/media/local/parts"]["put"]
    download = paths["/api/media/local/objects"]["get"]

    assert all(op["security"] == [] for op in (upload, part, download))  # the link is the key
    assert {"204", "403", "413", "422"} <= set(upload["responses"])
    assert "multipart/form-data" in upload["requestBody"]["content"]
    assert {"200", "403", "404", "413", "422"} <= set(part["responses"])
    assert "ETag" in part["responses"]["200"]["headers"]
    assert {"200", "206", "403", "404", "416"} <= set(download["responses"])
    for operation in (part, download):
        query = {p["name"] for p in operation["parameters"] if p["in"] == "query"}
        assert query == {"policy", "signature"}
