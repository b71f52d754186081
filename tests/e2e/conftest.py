"""Chromium on a phone-sized screen, against the real app on a local server."""

import re
import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from werkzeug.serving import make_server

from functions.app import create_app
from functions.seed import seed_demo

SCREENS = Path(__file__).resolve().parents[2] / "test-results" / "screens"
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


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """The embedded app with the demo directory, on a free loopback port."""
    data_dir = tmp_path_factory.mktemp("together-e2e")
    app = create_app({"TOGETHER_DATA_DIR": str(data_dir), "TOGETHER_SECRET_KEY": "e2e"})
    seed_demo(app)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="e2e-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


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
        expect(self.page.get_by_role("heading", name=re.compile(r"^Hello, "))).to_be_visible()


@pytest.fixture
def signin(page: Page, live_server) -> SignIn:
    return SignIn(page, live_server)


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
            # Answers such as 401 and 422 are logged by Chromium; they are part of the flow.
            and not msg.text.startswith("Failed to load resource")
            and problems.append(msg.text))
    yield
    assert problems == []


def screenshot(page: Page, name: str) -> None:
    """Keeps a screen under test-results/screens/ for a person to look at."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENS / f"{name}.png")
