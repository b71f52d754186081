"""The media contract: local files and S3 behave the same for the phone and for workers."""

from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest

from functions.media.port import MIN_PART, MediaNotFound, UploadRejected
from functions.media.s3 import S3Media
from tests.aws import REAL_AWS, client
from tests.contract.media_fixtures import MAX_BYTES, local_backend, s3_backend

MEDIA_KINDS = ["local", "s3-moto"] + (["s3-aws"] if REAL_AWS else [])
# moto checks neither a POST policy's conditions (content type, content-length-range) nor
# presigned-URL expiry (TOOLCHAIN.md; moto's _bucket_response_post): those tests run on the
# local adapter, and on real S3 when TOGETHER_AWS_TESTS=1. Expiry needs a clock we move: local.
# Nor does it check a presigned part URL's signed Content-Length (moto's upload_part takes any
# body): the exact part size is tested the same way.
ENFORCING_KINDS = ["local"] + (["s3-aws"] if REAL_AWS else [])
VIDEO = "video/webm;codecs=vp8,opus"


def _open(kind, request, tmp_path, clock):
    if kind == "local":
        return local_backend(tmp_path, clock)
    return s3_backend(kind, None if kind == "s3-aws" else request.getfixturevalue("moto_endpoint"))


@pytest.fixture(params=MEDIA_KINDS)
def backend(request, tmp_path, clock):
    with _open(request.param, request, tmp_path, clock) as backend:
        yield backend


@pytest.fixture(params=ENFORCING_KINDS)
def strict(request, tmp_path, clock):
    """A backend that enforces POST policies and signed part sizes."""
    with _open(request.param, request, tmp_path, clock) as backend:
        yield backend


@pytest.fixture
def local(tmp_path, clock):
    with local_backend(tmp_path, clock) as backend:
        yield backend


@pytest.fixture
def media(backend):
    return backend.media


@pytest.fixture
def phone(backend):
    return backend.phone


def _bytes(size: int, seed: int = 0) -> bytes:
    """Content that differs by seed, so a misplaced part cannot compare equal."""
    block = bytes((i * 7 + seed) % 251 for i in range(4096))
    return (block * (size // 4096 + 1))[:size]


def _upload_parts(media, phone, key, upload_id, parts):
    etags = []
    for number, data in enumerate(parts, start=1):
        answer = phone.put(media.presign_part(key, upload_id, number, size=len(data)), data)
        assert answer.status_code == 200, answer.text
        etags.append({"part_number": number, "etag": answer.headers["ETag"]})
    return etags


def test_presigned_post_then_download_returns_the_same_bytes(media, phone):
    data = _bytes(300_000)
    answer = phone.post_form(media.presign_post("news/u1/clip.webm", VIDEO), data)
    assert answer.status_code == 204, answer.text
    assert media.head("news/u1/clip.webm") == {"size": len(data), "content_type": VIDEO}
    download = phone.get(media.download_url("news/u1/clip.webm"))
    assert download.status_code == 200
    assert download.content == data
    assert download.headers["Content-Type"] == VIDEO


def test_range_request_answers_206_with_those_bytes(media, phone):
    data = _bytes(100_000, seed=3)
    media.put_bytes("news/u1/seek.mp4", data, "video/mp4")
    answer = phone.get(media.download_url("news/u1/seek.mp4"), Range="bytes=1000-1999")
    assert answer.status_code == 206
    assert answer.content == data[1000:2000]
    assert answer.headers["Content-Range"] == f"bytes 1000-1999/{len(data)}"


@pytest.mark.parametrize("header", ["bytes=abc", "items=0-5", "bytes=0-5,10-20", "bytes=5-2"])
def test_a_range_that_cannot_be_used_is_ignored_and_the_whole_object_sent(media, phone, header,
                                                                          request):
    if header.startswith("items") and request.node.callspec.params.get("backend") == "s3-moto":
        pytest.skip("moto reads a range of any unit as bytes (S3 ignores it, RFC 9110 14.2)")
    data = _bytes(5_000, seed=4)
    media.put_bytes("news/u1/whole.mp4", data, "video/mp4")
    answer = phone.get(media.download_url("news/u1/whole.mp4"), Range=header)
    assert answer.status_code == 200
    assert answer.content == data


def test_a_range_past_the_end_is_416(media, phone):
    media.put_bytes("news/u1/short.mp4", b"0123456789", "video/mp4")
    assert phone.get(media.download_url("news/u1/short.mp4"), Range="bytes=50-").status_code == 416


def test_download_url_with_a_filename_saves_as_an_attachment(media, phone):
    media.put_bytes("stories/s1.mp4", b"mp4", "video/mp4")
    answer = phone.get(media.download_url("stories/s1.mp4", filename="武汉 day 1.mp4"))
    assert answer.status_code == 200
    disposition = answer.headers["Content-Disposition"]
    assert disposition.startswith("attachment")
    assert "%E6%AD%A6%E6%B1%89%20day%201.mp4" in disposition


def test_multipart_upload_joins_its_parts_in_order(media, phone):
    parts = [_bytes(MIN_PART, 1), _bytes(MIN_PART, 2), _bytes(1234, 3)]
    upload_id = media.start_multipart("news/u1/long.mp4", "video/mp4")
    etags = _upload_parts(media, phone, "news/u1/long.mp4", upload_id, parts)
    listed = media.list_parts("news/u1/long.mp4", upload_id)
    assert [(p["part_number"], p["etag"], p["size"]) for p in listed] == [
        (e["part_number"], e["etag"], len(d)) for e, d in zip(etags, parts, strict=True)]
    media.complete_multipart("news/u1/long.mp4", upload_id, etags)
    assert media.head("news/u1/long.mp4") == {"size": sum(map(len, parts)),
                                              "content_type": "video/mp4"}
    assert phone.get(media.download_url("news/u1/long.mp4")).content == b"".join(parts)
    with pytest.raises(MediaNotFound):
        media.list_parts("news/u1/long.mp4", upload_id)


def test_a_resumed_upload_sees_exactly_the_finished_parts(media, phone):
    parts = [_bytes(MIN_PART, 4), _bytes(MIN_PART, 5), _bytes(10, 6)]
    upload_id = media.start_multipart("stories/s2.webm", "video/webm")
    _upload_parts(media, phone, "stories/s2.webm", upload_id, parts[:2])
    # The phone went offline here; on return it asks what is stored and sends only the rest.
    listed = media.list_parts("stories/s2.webm", upload_id)
    assert [(p["part_number"], p["size"]) for p in listed] == [(1, MIN_PART), (2, MIN_PART)]
    answer = phone.put(media.presign_part("stories/s2.webm", upload_id, 3, size=10), parts[2])
    assert answer.status_code == 200
    media.complete_multipart("stories/s2.webm", upload_id)  # every stored part
    assert media.get_bytes("stories/s2.webm") == b"".join(parts)


def test_a_part_sent_again_replaces_the_first(media, phone):
    upload_id = media.start_multipart("k/again.webm", "video/webm")
    _upload_parts(media, phone, "k/again.webm", upload_id, [b"first"])
    [etag] = _upload_parts(media, phone, "k/again.webm", upload_id, [b"second!"])
    assert media.list_parts("k/again.webm", upload_id) == [
        {"part_number": 1, "etag": etag["etag"], "size": 7}]


@pytest.mark.parametrize("sizes, wanted", [
    ([10, 10], None),  # a part before the last is under 5 MiB
    ([10], [{"part_number": 1, "etag": '"0123456789abcdef0123456789abcdef"'}]),
    ([10], [{"part_number": 2, "etag": "x"}]),
    ([], None),
])
def test_complete_refuses_parts_s3_would_refuse(media, phone, sizes, wanted):
    upload_id = media.start_multipart("k/bad.webm", "video/webm")
    _upload_parts(media, phone, "k/bad.webm", upload_id, [b"x" * size for size in sizes])
    with pytest.raises(UploadRejected) as refused:
        media.complete_multipart("k/bad.webm", upload_id, wanted)
    assert refused.value.reason == "part"
    assert media.head("k/bad.webm") is None


def test_complete_refuses_an_upload_over_the_size_limit(media, phone):
    parts = [_bytes(MIN_PART), _bytes(MIN_PART), _bytes(3 * 1024 * 1024)]
    upload_id = media.start_multipart("k/big.mp4", "video/mp4")
    _upload_parts(media, phone, "k/big.mp4", upload_id, parts)
    with pytest.raises(UploadRejected) as refused:
        media.complete_multipart("k/big.mp4", upload_id)
    assert refused.value.reason == "too_large"
    assert media.head("k/big.mp4") is None


def test_abort_drops_the_upload(media, phone):
    upload_id = media.start_multipart("k/gone.webm", "video/webm")
    _upload_parts(media, phone, "k/gone.webm", upload_id, [b"part"])
    media.abort_multipart("k/gone.webm", upload_id)
    with pytest.raises(MediaNotFound):
        media.list_parts("k/gone.webm", upload_id)
    media.abort_multipart("k/gone.webm", upload_id)  # aborting twice is fine


def test_head_put_get_and_delete(media):
    assert media.head("thumbs/t1.jpg") is None
    media.put_bytes("thumbs/t1.jpg", b"\xff\xd8jpeg", "image/jpeg")
    assert media.head("thumbs/t1.jpg") == {"size": 6, "content_type": "image/jpeg"}
    assert media.get_bytes("thumbs/t1.jpg") == b"\xff\xd8jpeg"
    media.put_bytes("thumbs/t1.jpg", b"png", "image/png")
    assert media.head("thumbs/t1.jpg") == {"size": 3, "content_type": "image/png"}
    media.delete("thumbs/t1.jpg")
    assert media.head("thumbs/t1.jpg") is None
    with pytest.raises(MediaNotFound):
        media.get_bytes("thumbs/t1.jpg")
    media.delete("thumbs/t1.jpg")  # deleting what is gone is fine


def test_workers_move_files_in_and_out(media, tmp_path):
    source = tmp_path / "in.mp4"
    source.write_bytes(_bytes(70_000, 8))
    media.upload_file(source, "news/u1/out.mp4", "video/mp4")
    assert media.head("news/u1/out.mp4")["content_type"] == "video/mp4"
    media.download_file("news/u1/out.mp4", tmp_path / "back.mp4")
    assert (tmp_path / "back.mp4").read_bytes() == source.read_bytes()
    with pytest.raises(MediaNotFound):
        media.download_file("news/u1/missing.mp4", tmp_path / "missing.mp4")


@pytest.mark.parametrize("content_type", ["text/html", "application/octet-stream", "video",
                                          "video/mp4\r\nX-Evil: 1"])
def test_uploads_only_of_types_phones_may_send(media, content_type):
    with pytest.raises(UploadRejected):
        media.presign_post("k/clip", content_type)
    with pytest.raises(UploadRejected):
        media.start_multipart("k/clip", content_type)


@pytest.mark.parametrize("key", ["", "/abs", "../up", "a/../../b", "a//b", ".uploads/x",
                                 "a/.meta", "back\\slash", "x" * 1025])
def test_keys_that_could_escape_are_refused(media, key):
    with pytest.raises(ValueError):
        media.put_bytes(key, b"x", "image/png")
    with pytest.raises(ValueError):
        media.download_url(key)


def test_a_post_with_another_content_type_is_refused(strict):
    phone = strict.phone
    presigned = strict.media.presign_post("k/typed.webm", "video/webm")
    answer = phone.post_form(presigned, b"<script>", **{"Content-Type": "text/html"})
    assert answer.status_code == 403
    assert strict.media.head("k/typed.webm") is None


def test_a_post_over_its_size_limit_is_refused(strict):
    phone = strict.phone
    presigned = strict.media.presign_post("k/sized.webm", "video/webm", max_bytes=1000)
    assert phone.post_form(presigned, b"x" * 1000).status_code == 204
    answer = phone.post_form(presigned, b"x" * 1001)
    assert answer.status_code in (400, 413)  # S3 says 400 EntityTooLarge; the local app 413
    assert strict.media.head("k/sized.webm")["size"] == 1000


def test_a_part_of_its_signed_size_is_stored(strict):
    upload_id = strict.media.start_multipart("k/exact.webm", "video/webm")
    url = strict.media.presign_part("k/exact.webm", upload_id, 1, size=100)

    assert strict.phone.put(url, b"x" * 100).status_code == 200

    assert [(p["part_number"], p["size"]) for p in strict.media.list_parts(
        "k/exact.webm", upload_id)] == [(1, 100)]


@pytest.mark.parametrize(("size", "statuses"), [
    (101, (403, 413)),  # S3: the signed Content-Length does not match (403); local: 413
    (20 * 1024 * 1024, (403, 413)),
    (99, (403, 422)),  # local: 422 media_part_invalid
])
def test_a_part_longer_or_shorter_than_signed_is_refused_and_nothing_stored(strict, size,
                                                                            statuses):
    upload_id = strict.media.start_multipart("k/sized.webm", "video/webm")
    url = strict.media.presign_part("k/sized.webm", upload_id, 1, size=100)

    answer = strict.phone.put(url, b"x" * size)

    assert answer.status_code in statuses, answer.text
    assert strict.media.list_parts("k/sized.webm", upload_id) == []


def test_s3_part_urls_sign_their_length(tmp_path):
    s3 = client("s3", "http://127.0.0.1:1")  # presigning is local: nothing is sent
    url = S3Media(s3, "b").presign_part("k/len.webm", "u1", 2, size=8 * 1024 * 1024)

    signed = dict(parse_qsl(urlsplit(url).query))["X-Amz-SignedHeaders"].split(";")
    assert "content-length" in signed
    s3.close()


@pytest.mark.parametrize("size", [0, -1, "100", True, 5 * 1024 ** 3 + 1])
def test_a_part_size_outside_s3s_limits_cannot_be_signed(media, size):
    upload_id = media.start_multipart("k/odd.webm", "video/webm")
    with pytest.raises(UploadRejected):
        media.presign_part("k/odd.webm", upload_id, 1, size=size)


def _tampered(url: str) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query["signature"] = query["signature"][:-2] + ("AA" if query["signature"][-2:] != "AA"
                                                   else "BB")
    return f"{parts.path}?{urlencode(query)}"


def test_local_links_with_a_tampered_or_borrowed_signature_are_refused(local):
    phone, media = local.phone, local.media
    media.put_bytes("k/secret.mp4", b"mp4", "video/mp4")
    presigned = media.presign_post("k/a.webm", "video/webm")
    upload_id = media.start_multipart("k/b.webm", "video/webm")
    part_url = media.presign_part("k/b.webm", upload_id, 1, size=4)
    other = media.presign_post("k/other.webm", "video/webm")
    answers = [
        phone.get(_tampered(media.download_url("k/secret.mp4"))),
        phone.put(_tampered(part_url), b"part"),
        phone.post_form(presigned, b"v", signature=other["fields"]["signature"]),
        phone.post_form(presigned, b"v", key="k/elsewhere.webm"),
        # A part URL's signature is not a download link for the same key.
        phone.get(part_url.replace("/parts?", "/objects?")),
    ]
    assert [a.status_code for a in answers] == [403] * 5
    assert answers[0].json()["error"]["code"] == "forbidden"
    assert media.list_parts("k/b.webm", upload_id) == []
    assert media.head("k/a.webm") is None and media.head("k/elsewhere.webm") is None


def test_local_links_expire(local, clock):
    phone, media = local.phone, local.media
    media.put_bytes("k/old.mp4", b"mp4", "video/mp4")
    download = media.download_url("k/old.mp4", expires_in=60)
    presigned = media.presign_post("k/late.webm", "video/webm", expires_in=60)
    upload_id = media.start_multipart("k/late2.webm", "video/webm")
    part_url = media.presign_part("k/late2.webm", upload_id, 1, size=1, expires_in=60)
    clock.advance(59)
    assert phone.get(download).status_code == 200
    clock.advance(2)
    answers = [phone.get(download), phone.post_form(presigned, b"v"), phone.put(part_url, b"p")]
    assert [a.status_code for a in answers] == [403] * 3
    assert media.head("k/late.webm") is None


def test_local_answers_missing_objects_and_uploads_with_404(local):
    phone, media = local.phone, local.media
    gone = media.download_url("k/never.mp4")
    upload_id = media.start_multipart("k/c.webm", "video/webm")
    part_url = media.presign_part("k/c.webm", upload_id, 1, size=1)
    media.abort_multipart("k/c.webm", upload_id)
    answers = [phone.get(gone), phone.put(part_url, b"p")]
    assert [a.status_code for a in answers] == [404, 404]
    assert answers[1].json()["error"]["code"] == "not_found"


def test_local_refuses_a_part_over_the_size_limit_and_a_post_without_a_file(local):
    upload_id = local.media.start_multipart("k/d.webm", "video/webm")
    too_big = local.phone.put(local.media.presign_part("k/d.webm", upload_id, 1,
                                                       size=MAX_BYTES + 1),
                              b"x" * (MAX_BYTES + 1))
    assert too_big.status_code == 413
    assert local.media.list_parts("k/d.webm", upload_id) == []
    presigned = local.media.presign_post("k/e.webm", "video/webm")
    no_file = local.phone.http.post(local.phone.base + presigned["url"], data=presigned["fields"])
    assert no_file.status_code == 422
    assert no_file.json()["error"]["fields"] == {"file": ["Missing data for required field."]}
