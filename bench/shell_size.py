"""The PWA shell's size: what a phone fetches to show the first screen, compressed.

The first load is index.html, everything it links (stylesheet, scripts, module preloads, icons,
manifest) and every module those import statically, each compressed on its own as HTTP does.
The service worker's precache (pwa/sw.js SHELL) is fetched in the background afterwards; it is
reported on a line of its own. Budget: 150 KB compressed for the first load (issue #3).
"""

from __future__ import annotations

import gzip
import posixpath
import re

from .report import BenchError, Row
from .server import Target

BUDGET_KB = 150
LINKED = re.compile(r'(?:href|src)="(/[^"]+)"')
IMPORTED = re.compile(r'^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"', re.M)
SHELL = re.compile(r"const SHELL = \[(.*?)\];", re.S)

try:  # brotli is optional: CloudFront serves it, but it is not a dependency of the app
    import brotli
except ImportError:  # pragma: no cover - depends on the machine
    brotli = None


def shell_size(target: Target) -> list[Row]:
    """Gzip (and brotli, if installed) sizes of the first load and of the precache."""
    client = target.client()
    first = first_load(client)
    rows = [_row(f"shell first load ({len(first)} files)", first, budget=True)]
    listed = SHELL.search(_get(client, "/sw.js").decode()).group(1)
    precache = re.findall(r'"(/[^"]*)"', listed)
    rows.append(_row(f"service worker precache ({len(precache)} files)",
                     {url: _get(client, url) for url in precache}))
    return rows


def first_load(client) -> dict[str, bytes]:
    """Every file the first screen needs, by URL, as the server sends it."""
    files: dict[str, bytes] = {}
    todo = ["/"]
    while todo:
        url = todo.pop(0)
        if url in files:
            continue
        body = files[url] = _get(client, url)
        if url == "/":
            # iOS fetches its touch icon only when the app is added to the Home Screen.
            todo += [u for u in LINKED.findall(body.decode())
                     if not u.endswith("apple-touch-icon.png")]
        elif url.endswith((".js", ".mjs")):
            base = posixpath.dirname(url)
            todo += [posixpath.normpath(posixpath.join(base, imported))
                     for imported in IMPORTED.findall(body.decode())]
    return files


def _get(client, url: str) -> bytes:
    status, body = client.request("GET", url)
    if status != 200:
        raise BenchError(f"GET {url} answered {status}")
    return body


def _row(label: str, files: dict[str, bytes], budget: bool = False) -> Row:
    raw = sum(len(body) for body in files.values())
    gz = sum(len(gzip.compress(body, 9)) for body in files.values())
    figures = f"{raw / 1024:6.1f} KB raw   {gz / 1024:6.1f} KB gzip"
    if brotli is not None:
        br = sum(len(brotli.compress(body, quality=11)) for body in files.values())
        figures += f"   {br / 1024:6.1f} KB brotli"
    if budget:
        figures += f"   ({'within' if gz / 1024 <= BUDGET_KB else 'OVER'} {BUDGET_KB} KB)"
    return Row(label, figures)
