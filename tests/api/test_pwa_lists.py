"""The service worker's precache list and the page's module preloads follow the files in pwa/."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("pwa_lists", ROOT / "infra" / "pwa_lists.py")
pwa_lists = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pwa_lists)


def test_the_lists_in_sw_js_and_index_html_are_what_the_files_make_them():
    assert pwa_lists.drifted() == [], "run `make pwa-lists` and commit the result"


def test_a_changed_file_changes_the_version(tmp_path, monkeypatch):
    copy = tmp_path / "pwa"
    for path in pwa_lists.PWA.rglob("*"):
        if path.is_file():
            (copy / path.relative_to(pwa_lists.PWA)).parent.mkdir(parents=True, exist_ok=True)
            (copy / path.relative_to(pwa_lists.PWA)).write_bytes(path.read_bytes())
    monkeypatch.setattr(pwa_lists, "PWA", copy)
    before = pwa_lists.generated()[copy / "sw.js"]
    toast = copy / "app" / "toast.js"
    toast.write_text(toast.read_text() + "\n// a fix\n")

    after = pwa_lists.generated()[copy / "sw.js"]
    assert before != after
    assert before.split("const SHELL")[1] == after.split("const SHELL")[1]  # same files


def test_the_first_screen_preloads_its_modules_and_nothing_a_role_or_screen_uses_later():
    preloaded = pwa_lists.preloaded()
    assert {"/app/views/signin.js", "/locales/en.js", "/app/api.js"} <= set(preloaded)
    later = [url for url in preloaded if url.startswith(("/app/views/", "/app/pass/",
                                                          "/app/video/", "/vendor/"))]
    assert later == ["/app/views/signin.js"]
    assert "/locales/zh-CN.js" not in preloaded
