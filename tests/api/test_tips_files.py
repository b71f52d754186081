"""A tip's file: an image or a PDF up to 10 MB, uploaded straight to storage."""

import pytest

from tests.api.tips_helpers import EMPLOYEE, HR, Tips

PDF = b"%PDF-1.4\n% a guide\n"


@pytest.fixture
def tips(app, clock):
    return Tips(app, clock)


def test_a_pdf_guide_is_uploaded_and_shown_with_its_link(tips):
    file_id = tips.upload(HR, "application/pdf", PDF)
    tip = tips.publish(file_id=file_id, kind="guide")
    assert tip["file"]["content_type"] == "application/pdf" and tip["file"]["size"] == len(PDF)
    with tips.phone(EMPLOYEE).get(tip["file"]["url"]) as downloaded:
        assert downloaded.status_code == 200 and downloaded.data == PDF


@pytest.mark.parametrize("body, field, words", [
    ({"content_type": "video/mp4", "size": 100}, "content_type", "PDF"),
    ({"content_type": "text/html", "size": 100}, "content_type", "PDF"),
    ({"content_type": "image/png", "size": 10 * 1024 * 1024 + 1}, "size", "10 MB"),
])
def test_other_types_and_large_files_are_refused_in_words(tips, body, field, words):
    answer = tips.phone(HR).post("/api/tips/files", json={"filename": "x", **body})
    assert answer.status_code == 422
    assert words in answer.get_json()["error"]["fields"][field][0]


def test_a_file_not_uploaded_yet_is_refused_on_file_id(tips):
    started = tips.phone(HR).post("/api/tips/files", json={
        "filename": "p.png", "content_type": "image/png", "size": 10}).get_json()
    answer = tips.phone(HR).post("/api/tips", json={"title": {"en": "Poster"},
                                                    "file_id": started["file_id"]})
    assert answer.status_code == 422 and "file_id" in answer.get_json()["error"]["fields"]


def test_only_publishers_start_uploads(tips):
    answer = tips.phone(EMPLOYEE).post("/api/tips/files", json={
        "filename": "p.png", "content_type": "image/png", "size": 10})
    assert answer.status_code == 403
