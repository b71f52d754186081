"""What a phone on a poor network sees, in Chromium at 390x844 (issue #12's goals).

- The sign-in screen on a cold cache: the requests and the bytes on the wire (compressed as the
  server sends them) until the form shows. The service worker's precache follows in the
  background once the page has loaded; it is reported on a line of its own.
- The same screen on 400 kbit/s with 400 ms round trips (DevTools network emulation): the time
  from navigation to the form.
- Home for a signed-in person, offline, on a warm service worker: the time to the greeting.
"""

from __future__ import annotations

import shutil
import statistics
from contextlib import contextmanager

from .browser import ARGS
from .client import LOOPBACK
from .report import BenchError, Row
from .server import Target

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3,
         "is_mobile": True, "has_touch": True, "locale": "en-US",
         "bypass_csp": True}  # lets the bench poll with wait_for_function; no effect on requests
SLOW = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8,
        "uploadThroughput": 400_000 / 8}
GOALS = {"requests": 15, "kb": 40, "slow_s": 3.0, "offline_home_s": 0.5}
RUNS = 5
FORM = "input[type=email]"
GREETING = "main h1"
WAIT_MS = 60_000


@contextmanager
def _chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = shutil.which("chromium")
        browser = pw.chromium.launch(executable_path=chromium, args=ARGS) if chromium \
            else pw.chromium.launch()
        try:
            yield browser
        finally:
            browser.close()


# Notes, from the page's first script on, the moment the sign-in form appears.
WATCH_FORM = """new MutationObserver((changes, observer) => {
  if (!document.querySelector('input[type=email]')) return;
  window.__formShownAt = performance.now();
  observer.disconnect();
}).observe(document, { childList: true, subtree: true });"""
# Every request of the page (the document and its resources) with when it started and the bytes
# it took on the wire (headers included), from the Resource Timing API.
REQUESTS = """() => [...performance.getEntriesByType('navigation'),
                     ...performance.getEntriesByType('resource')]
  .map((e) => ({ url: e.name, start: e.startTime, bytes: e.transferSize }))"""


def _cold_sign_in(browser, base: str, conditions: dict | None = None) -> dict:
    """One cold visit: requests and bytes until the form shows, and the time it took."""
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.add_init_script(WATCH_FORM)
        if conditions:
            context.new_cdp_session(page).send("Network.emulateNetworkConditions", conditions)
        page.goto(base + "/", wait_until="commit")
        page.wait_for_function("window.__formShownAt !== undefined", timeout=WAIT_MS)
        page.wait_for_function("navigator.serviceWorker.ready.then(() => true)",
                               timeout=WAIT_MS)
        shown_ms = page.evaluate("window.__formShownAt")
        requests = page.evaluate(REQUESTS)
        # A file already in the browser's cache (transferSize 0) cost no request on the wire.
        requests = [r for r in requests if r["bytes"] > 0]
        before = [r for r in requests if r["start"] <= shown_ms]
        precache = page.evaluate("""async () => {
          const name = (await caches.keys()).find((key) => key.startsWith('together-shell-'));
          return name ? (await (await caches.open(name)).keys()).length : 0;
        }""")
        return {"requests": len(before), "bytes": sum(r["bytes"] for r in before),
                "after": len(requests) - len(before), "shown_s": shown_ms / 1000,
                "precache": precache,
                "paths": sorted(r["url"].removeprefix(base) for r in before)}
    finally:
        context.close()


def _offline_home(browser, target: Target) -> list[float]:
    """Seconds from navigation to Home's greeting, offline, for RUNS reloads."""
    context = browser.new_context(**PHONE)
    try:
        name, value = target.cookie.split("=", 1)
        base = f"http://{LOOPBACK}:{target.port}"
        context.add_cookies([{"name": name, "value": value, "url": base}])
        page = context.new_page()
        page.goto(base + "/")
        page.wait_for_selector(GREETING, timeout=WAIT_MS)
        page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=WAIT_MS)
        page.wait_for_function("""caches.open('together-api-v1')
          .then((cache) => cache.match('/api/me')).then(Boolean)""", timeout=WAIT_MS)
        context.set_offline(True)
        times = []
        for _ in range(RUNS + 1):  # the first reload warms the worker; it is not counted
            page.reload(wait_until="commit")
            page.wait_for_selector(f"{GREETING}:text-matches('^(Hello|你好)')", timeout=WAIT_MS)
            times.append(page.evaluate("performance.now()") / 1000)
        return times[1:]
    finally:
        context.close()


def phone_network(target: Target) -> list[Row]:
    """The sign-in screen's weight and speed on a poor network, and Home offline."""
    base = f"http://{LOOPBACK}:{target.port}"
    with _chromium() as browser:
        cold = _cold_sign_in(browser, base)
        slow = [_cold_sign_in(browser, base, SLOW)["shown_s"] for _ in range(3)]
        offline = _offline_home(browser, target)
    if not cold["requests"]:
        raise BenchError("the sign-in screen made no requests")
    kb = cold["bytes"] / 1024
    home_ms = statistics.median(offline) * 1000
    home_goal_ms = GOALS["offline_home_s"] * 1000
    return [
        Row("sign-in screen, cold cache",
            f"{cold['requests']} requests, {kb:.1f} KB on the wire "
            f"({_versus(cold['requests'], GOALS['requests'])} {GOALS['requests']} requests; "
            f"{_versus(kb, GOALS['kb'])} {GOALS['kb']} KB)"),
        Row("  then, once the form shows", f"{cold['after']} more requests of the page "
            f"(outbox, service worker client); the worker precaches {cold['precache']} files"),
        Row("sign-in form at 400 kbit/s, 400 ms RTT",
            f"median {statistics.median(slow):.2f} s of 3, slowest {max(slow):.2f} s "
            f"({_versus(statistics.median(slow), GOALS['slow_s'])} {GOALS['slow_s']:.0f} s)"),
        Row("Home offline, warm service worker",
            f"median {home_ms:.0f} ms of {RUNS}, slowest {max(offline) * 1000:.0f} ms "
            f"({_versus(home_ms, home_goal_ms)} {home_goal_ms:.0f} ms)"),
    ]


def _versus(value: float, goal: float) -> str:
    return "within" if value <= goal else "OVER"
