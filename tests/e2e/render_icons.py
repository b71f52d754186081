"""Renders the PWA's PNG icons from their SVG sources with Chromium.

    .venv/bin/python -m tests.e2e.render_icons

Run it after changing an SVG in pwa/icons/ and keep the PNGs with the change: browsers want
PNG for install icons (Android's splash screen, iOS's apple-touch-icon, shortcuts).
"""

import base64
import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

ICONS = Path(__file__).resolve().parents[2] / "pwa" / "icons"
# (source SVG, size in px, output PNG); maskable and iOS icons are full-bleed squares.
RENDERS = [
    ("icon.svg", 192, "icon-192.png"),
    ("icon.svg", 512, "icon-512.png"),
    ("icon-maskable.svg", 192, "icon-maskable-192.png"),
    ("icon-maskable.svg", 512, "icon-maskable-512.png"),
    ("icon-maskable.svg", 180, "apple-touch-icon.png"),
    ("shortcut-pass.svg", 96, "shortcut-pass-96.png"),
    ("shortcut-news.svg", 96, "shortcut-news-96.png"),
]


def render_all() -> list[Path]:
    written = []
    with sync_playwright() as p:
        chromium = shutil.which("chromium")
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"]) \
            if chromium else p.chromium.launch()
        for source, size, target in RENDERS:
            page = browser.new_page(viewport={"width": size, "height": size},
                                    device_scale_factor=1)
            svg = base64.b64encode((ICONS / source).read_bytes()).decode()
            page.set_content(
                "<style>html,body{margin:0;background:transparent}img{display:block}</style>"
                f'<img src="data:image/svg+xml;base64,{svg}" width="{size}" height="{size}">')
            page.wait_for_function("document.images[0].complete")
            page.screenshot(path=ICONS / target, omit_background=True)
            page.close()
            written.append(ICONS / target)
        browser.close()
    return written


if __name__ == "__main__":
    for path in render_all():
        print(path.relative_to(ICONS.parents[1]), path.stat().st_size, "bytes")
