"""The embedded server's PWA files and JSON: gzip when asked, cheap revalidation, ranges intact."""

import gzip
import json
import os

import pytest

from functions.compress import GzipCache
from functions.config import REPO_ROOT

PWA = REPO_ROOT / "pwa"
GZIP = {"Accept-Encoding": "gzip, deflate, br"}


@pytest.mark.parametrize(("path", "file"), [
    ("/app/main.js", "app/main.js"), ("/styles/core.css", "styles/core.css"),
    ("/manifest.webmanifest", "manifest.webmanifest"), ("/icons/icon.svg", "icons/icon.svg"),
    ("/", "index.html"), ("/news", "index.html"), ("/sw.js", "sw.js")])
def test_text_files_are_gzipped_when_asked_and_decompress_to_the_file(client, path, file):
    answer = client.get(path, headers=GZIP)
    assert answer.status_code == 200
    assert answer.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in answer.headers["Vary"]
    assert gzip.decompress(answer.get_data()) == (PWA / file).read_bytes()


@pytest.mark.parametrize("accept", [None, "identity", "gzip;q=0", "br"])
def test_without_gzip_in_accept_encoding_the_file_is_sent_as_it_is(client, accept):
    headers = {"Accept-Encoding": accept} if accept else {}
    with client.get("/app/main.js", headers=headers) as answer:
        assert answer.status_code == 200
        assert "Content-Encoding" not in answer.headers
        assert "Accept-Encoding" in answer.headers["Vary"]  # a cache must not mix the two
        assert answer.get_data() == (PWA / "app" / "main.js").read_bytes()


def test_each_encoding_has_its_own_strong_etag_and_revalidates_with_304(client):
    with client.get("/app/main.js") as plain:
        plain_tag = plain.headers["ETag"]
    zipped_tag = client.get("/app/main.js", headers=GZIP).headers["ETag"]
    assert plain_tag != zipped_tag
    assert not plain_tag.startswith("W/") and not zipped_tag.startswith("W/")

    again = client.get("/app/main.js", headers={**GZIP, "If-None-Match": zipped_tag})
    assert again.status_code == 304
    assert again.get_data() == b""
    with client.get("/app/main.js", headers={"If-None-Match": plain_tag}) as again:
        assert again.status_code == 304
    # The other encoding's tag does not match: the client gets the bytes it can read.
    assert client.get("/app/main.js", headers={**GZIP, "If-None-Match": plain_tag}).status_code \
        == 200


@pytest.mark.parametrize(("path", "cache_control"), [
    ("/", "no-cache"), ("/sw.js", "no-cache"), ("/news", "no-cache"),
    ("/app/main.js", "public, max-age=300")])
def test_the_shell_and_worker_are_always_revalidated_and_the_rest_briefly_fresh(client, path,
                                                                                 cache_control):
    assert client.get(path, headers=GZIP).headers["Cache-Control"] == cache_control


def test_images_are_never_gzipped(client):
    icon = next((PWA / "icons").glob("*.png"))
    with client.get(f"/icons/{icon.name}", headers=GZIP) as answer:
        assert answer.status_code == 200
        assert "Content-Encoding" not in answer.headers
        assert answer.get_data() == icon.read_bytes()


def test_large_json_answers_are_gzipped_when_asked(client):
    plain = client.get("/api/openapi.json")
    zipped = client.get("/api/openapi.json", headers=GZIP)
    assert "Content-Encoding" not in plain.headers
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["Vary"]
    assert json.loads(gzip.decompress(zipped.get_data())) == plain.get_json()
    assert len(zipped.get_data()) < len(plain.get_data()) / 3


def test_small_json_answers_are_sent_as_they_are(client):
    answer = client.get("/api/healthz", headers=GZIP)
    assert "Content-Encoding" not in answer.headers
    assert answer.get_json()


def test_media_ranges_are_never_gzipped(app, client):
    media = app.extensions["together"].media
    data = bytes(range(256)) * 400
    media.put_bytes("news/u1/seek.mp4", data, "video/mp4")
    url = media.download_url("news/u1/seek.mp4")
    with client.get(url, headers={**GZIP, "Range": "bytes=1000-1999"}) as answer:
        assert answer.status_code == 206
        assert "Content-Encoding" not in answer.headers
        assert answer.headers["Content-Range"] == f"bytes 1000-1999/{len(data)}"
        assert answer.get_data() == data[1000:2000]


def test_a_file_is_compressed_once_per_version(tmp_path):
    cache, path = GzipCache(), tmp_path / "a.js"
    path.write_text("let a = 1;\n" * 100)
    first = cache.get(path, path.stat().st_mtime_ns, path.stat().st_size)
    assert cache.get(path, path.stat().st_mtime_ns, path.stat().st_size) is first
    path.write_text("let b = 2;\n" * 100)
    os.utime(path, ns=(1, 1))  # a new version, even within the clock's resolution
    changed = cache.get(path, path.stat().st_mtime_ns, path.stat().st_size)
    assert gzip.decompress(changed) == path.read_bytes()


def test_the_cache_keeps_at_most_its_size(tmp_path):
    cache = GzipCache(max_bytes=300)
    for n in range(10):
        path = tmp_path / f"{n}.js"
        path.write_bytes(os.urandom(100))  # incompressible: about 120 bytes gzipped
        cache.get(path, path.stat().st_mtime_ns, path.stat().st_size)
    assert 0 < cache.size <= 300


def test_an_idempotent_retry_gets_the_same_answer_gzipped_again(app):
    @app.post("/api/test/big")
    def big():
        return {"items": ["a long enough answer"] * 100}, 201

    big.together_public = True
    client = app.test_client()
    headers = {**GZIP, "Idempotency-Key": "retry-0001-abcdef"}
    first = client.post("/api/test/big", json={}, headers=headers)
    again = client.post("/api/test/big", json={}, headers=headers)
    assert again.headers["Idempotent-Replayed"] == "true"
    assert first.headers["Content-Encoding"] == again.headers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(again.get_data())) == json.loads(
        gzip.decompress(first.get_data())) == {"items": ["a long enough answer"] * 100}
