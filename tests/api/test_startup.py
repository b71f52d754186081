"""What create_app leaves for later (a cold start) still works when it is needed."""

import re
import threading

from flask import url_for

from functions.app import create_app


def api_routes(app) -> set[str]:
    """Every /api rule, written as OpenAPI writes paths ({name} for <converter:name>)."""
    return {re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
            for rule in app.url_map.iter_rules()
            if rule.rule.startswith("/api/") and rule.endpoint.split(".")[0] != "api-docs"
            and rule.endpoint.split(".")[0] != "local_media"}


def test_the_openapi_document_made_on_first_read_lists_every_api_route(app, client):
    spec = client.get("/api/openapi.json").get_json()
    assert api_routes(app) <= set(spec["paths"])
    assert [tag["name"] for tag in spec["tags"]][:3] == ["system", "auth", "directory"]


def test_readers_of_the_first_document_at_once_all_get_the_whole_of_it(tmp_path):
    app = create_app({"TOGETHER_DATA_DIR": str(tmp_path), "TOGETHER_SECRET_KEY": "test-secret"})
    api, documents = app.extensions["together_api"], []
    readers = [threading.Thread(target=lambda: documents.append(api.spec.to_dict()))
               for _ in range(4)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    assert len(documents) == 4
    assert all(document == documents[0] for document in documents)
    assert api_routes(app) <= set(documents[0]["paths"])


def test_urls_are_built_on_first_use(app, client):
    with app.test_request_context():
        assert url_for("web.pwa", path="app/main.js") == "/app/main.js"
        assert url_for("web.pwa") == "/"
        assert url_for("web.pwa", path="app/main.js", v="2") == "/app/main.js?v=2"
    assert client.get("/index.html").headers["Location"].endswith("/")  # a redirect builds too
