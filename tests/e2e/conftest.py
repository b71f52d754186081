"""Chromium on a phone-sized screen, against the real app on a local server."""

import re
import shutil
import threading
from contextlib import contextmanager
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect
from waitress.server import create_server

from functions.app import create_app
from functions.config import Config
from functions.seed import seed_demo

SCREENS = Path(__file__).resolve().parents[2] / "test-results" / "screens"
# How long a screen may take to show what it already has (an answer received, a click made)
# on a loaded 2-core machine. Heavy work (uploads, transcodes, the service worker's precache)
# is waited for on its own condition first, with a budget sized to it (uploads.py, SW_READY_MS).
SHOWS_MS = 15_000
REQUEST_S = 60  # the longest request: an 8 MiB upload part, on a loaded machine
expect.set_options(timeout=SHOWS_MS)
# Home's heading in either language: a profile's language decides which one a person sees.
GREETING = re.compile(r"^(Hello, |你好，)")
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium when it is installed (Playwright's download is not reachable here)."""
    chromium = shutil.which("chromium")
    if chromium is None:  # a laptop with `python -m playwright install chromium`
        return browser_type_launch_args
    return {**browser_type_launch_args, "executable_path": chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                     "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync",
                     "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]}


@pytest.fixture(scope="session")
def base_url(live_server):
    # Also replaces pytest-playwright's own base_url fixture, which pytest 9 warns about.
    return live_server


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, **PHONE, "locale": "en-US", "color_scheme": "light"}


def demo_app(data_dir: Path, **settings):
    """The embedded app on its own data directory, with the demo directory imported."""
    config = Config.from_env({"TOGETHER_DATA_DIR": str(data_dir), "TOGETHER_SECRET_KEY": "e2e"})
    app = create_app(config.with_(**settings))
    seed_demo(app)
    return app


@contextmanager
def serving(app):
    """Serves app with waitress, as `make run` does, on a free loopback port; yields its URL.

    Not werkzeug's development server: when a browser drops a connection (a test ends while
    its service worker is still precaching), werkzeug leaves the file it was sending open.
    """
    server = create_server(app, host="127.0.0.1", port=0, threads=8)
    thread = threading.Thread(target=server.run, name="e2e-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        def close_everything():  # runs in the server's own loop, which then has nothing left
            for channel in list(server._map.values()):
                channel.handle_close()

        server.trigger.pull_trigger(close_everything)
        thread.join(timeout=5)
        # Requests still in the app (a part upload on a loaded machine) finish and close what
        # they opened before the test ends; otherwise a file they left open is reported as a
        # ResourceWarning in whichever test runs next.
        server.task_dispatcher.shutdown(timeout=REQUEST_S)
        assert not server.task_dispatcher.threads, f"requests still running after {REQUEST_S} s"
        server.close()


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    """The app behind live_server: tests read what the server stored through it."""
    return demo_app(tmp_path_factory.mktemp("together-e2e"))


@pytest.fixture(scope="session")
def live_server(live_app):
    """The embedded app with the demo directory, on a free loopback port."""
    with serving(live_app) as url:
        yield url


class SignIn:
    """Drives the sign-in screens the way a person does, reading codes from the dev outbox."""

    def __init__(self, page: Page, base_url: str):
        self.page = page
        self.base_url = base_url

    def open(self) -> None:
        self.page.goto("/")
        expect(self.page.get_by_role("heading", name="Sign in")).to_be_visible()

    def request_code(self, email: str) -> None:
        self.page.get_by_label("Work email").fill(email)
        self.page.get_by_role("button", name="Send me a code").click()
        expect(self.page.get_by_role("heading", name="Check your email")).to_be_visible()

    def latest_code(self, email: str) -> str:
        response = self.page.request.get(f"{self.base_url}/api/dev/outbox",
                                         params={"to": email})
        assert response.ok, response.text()
        subject = response.json()["messages"][0]["subject"]
        return re.search(r"\b(\d{6})\b", subject).group(1)

    def enter_code(self, code: str) -> None:
        # A complete code submits itself, as when a phone autofills it.
        self.page.get_by_label("6-digit code").fill(code)

    def as_(self, email: str) -> None:
        self.open()
        self.request_code(email)
        self.enter_code(self.latest_code(email))
        expect(self.page.get_by_role("heading", name=GREETING)).to_be_visible()


@pytest.fixture
def signin(page: Page, live_server) -> SignIn:
    return SignIn(page, live_server)


BROWSER_NETWORK_MESSAGES = ("Failed to load resource",
                            "An unknown error occurred when fetching the script",
                            # Headless Chromium has no push service: pushManager.subscribe()
                            # is refused, and the app says so (test_push_prompt.py).
                            "Chrome currently does not support the Push API")


@pytest.fixture(autouse=True)
def no_page_errors(request):
    """Fails a test whose page threw, or broke its Content-Security-Policy."""
    if "page" not in request.fixturenames:
        yield
        return
    page: Page = request.getfixturevalue("page")
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda msg: msg.type == "error"
            # Answers such as 401 and 422, and a network that drops, are logged by Chromium
            # itself; they are part of the flow.
            and not msg.text.startswith(BROWSER_NETWORK_MESSAGES)
            and problems.append(msg.text))
    yield
    assert problems == []


def screenshot(page: Page, name: str, *, toasts: bool = False) -> None:
    """Keeps a screen under test-results/screens/ for a person to look at.

    Passing toasts (such as "Ready to work offline") are left out unless asked for: they would
    cover the screen being looked at.
    """
    SCREENS.mkdir(parents=True, exist_ok=True)
    if not toasts:
        page.evaluate("document.querySelectorAll('.toast').forEach((t) => t.remove())")
    page.screenshot(path=SCREENS / f"{name}.png", animations="disabled")


class Accounts:
    """Signs a browser context in without the sign-in screens (test_signin.py covers those).

    The session is made by the app's own session code, exactly as /api/auth/verify makes one,
    so these tests neither repeat the emailed-code dance nor spend the server's rate limits.
    """

    def __init__(self, app, base_url: str):
        self.app = app
        self.base_url = base_url

    def sign_in(self, context: BrowserContext, email: str) -> dict:
        from functions.auth.sessions import COOKIE, start_session
        from functions.directory.service import find_by_email

        with self.app.test_request_context():
            employee = find_by_email(self.app.extensions["together"].store, email)
            response = self.app.response_class()
            start_session(response, employee["id"])
        cookie = SimpleCookie(response.headers["Set-Cookie"])[COOKIE].value
        context.add_cookies([{"name": COOKIE, "value": cookie, "url": self.base_url,
                              "httpOnly": True, "sameSite": "Lax"}])
        return employee


@pytest.fixture
def accounts(live_app, live_server) -> Accounts:
    return Accounts(live_app, live_server)


def open_home(page: Page, accounts: Accounts, email: str) -> dict:
    """Signs the page's context in as email, opens Home and waits until it works offline."""
    employee = accounts.sign_in(page.context, email)
    page.goto("/")
    expect(page.get_by_role("heading", level=1, name=GREETING)).to_be_visible()
    ready_offline(page)
    return employee


def wait_until(page: Page, condition: str, timeout_ms: int = 30000) -> None:
    """Waits for an async JS condition (wait_for_function would not await its promise).

    The deadline holds even when the condition's promise never settles: it races a timer.
    """
    page.evaluate(f"""async () => {{
      let expired = false;
      const poll = async () => {{
        while (!expired && !(await ({condition}))) {{
          await new Promise((resolve) => setTimeout(resolve, 50));
        }}
      }};
      let timer;
      const timeout = new Promise((_, reject) => {{
        timer = setTimeout(() => {{
          expired = true;
          reject(new Error({condition!r} + " is still false after {timeout_ms} ms"));
        }}, {timeout_ms});
      }});
      try {{
        await Promise.race([poll(), timeout]);
      }} finally {{
        clearTimeout(timer);
      }}
    }}""")


# Installing the worker precaches ~60 files; on a 2-core machine where another test process
# is transcoding video at the same moment, that has taken over 30 s.
SW_READY_MS = 90_000


def ready_offline(page: Page) -> None:
    """Waits until a service worker controls the page and the profile is saved for offline."""
    wait_until(page, "navigator.serviceWorker.ready.then(() => "
                     "navigator.serviceWorker.controller !== null)", SW_READY_MS)
    wait_until(page, "caches.open('together-api-v1')"
                     ".then((cache) => cache.match('/api/me')).then(Boolean)", SW_READY_MS)


# The signed-in person's outbox has nothing left to send (a condition for wait_until).
OUTBOX_EMPTY = "import('/app/outbox.js').then((o) => o.list()).then((e) => e.length === 0)"


def tab(page: Page, name: str):
    """A tab in the bottom bar, by its label."""
    return page.get_by_role("navigation").get_by_role("link", name=re.compile(f"^{name}"))
