"""How the phone's modules depend on each other (read from the source: no browser needed)."""

import re
from pathlib import Path

PWA = Path(__file__).resolve().parents[2] / "pwa"
VIEWS = PWA / "app" / "views"
IMPORT = re.compile(r"""^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']""", re.M | re.S)


def imports(path: Path) -> set[Path]:
    """The files a module imports (static imports and re-exports), resolved."""
    return {(path.parent / spec).resolve() for spec in IMPORT.findall(path.read_text())
            if spec.startswith(".")}


def test_imports_are_read_from_the_source():
    assert (PWA / "app" / "api.js").resolve() in imports(VIEWS / "feed.js")
    assert (PWA / "app" / "ui" / "avatar.js").resolve() in imports(VIEWS / "more.js")


def test_no_view_imports_another_view():
    # A piece two screens need is a widget (app/ui/) or a module of its own, never a view.
    views = {path.resolve() for path in VIEWS.glob("*.js")}
    crossing = {f"{path.name} -> {other.name}" for path in sorted(views)
                for other in imports(path) & views}
    assert crossing == set()


def test_views_are_screens_with_a_title_and_a_render():
    for path in VIEWS.glob("*.js"):
        source = path.read_text()
        assert re.search(r"^export (const|function) title\b", source, re.M), path.name
        assert re.search(r"^export (const|function) render\b", source, re.M), path.name
