"""Smoke test in a real browser: Debian's chromium, driven by Playwright.

The built demo is served on 127.0.0.1. Every page of each kind must load
with no console error and without a single request to another host: the
intranet has no internet access. A screenshot of each page is kept in
`test-artifacts/screenshots/` for a human to look at.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import REPO

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="module")
def served_demo(demo):
    """The demo site served over HTTP on 127.0.0.1, on a free port."""
    handler = functools.partial(_QuietHandler, directory=str(demo.site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `make test`, which installs it.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _first(site_dir: Path, kind: str) -> str:
    pages = sorted(path.parent.name for path in (site_dir / kind).glob("*/index.html"))
    assert pages, f"no {kind} page in the demo"
    return f"{kind}/{pages[0]}/"


def _pages(site_dir: Path) -> dict[str, str]:
    return {
        "home": "",
        "journeys": "journeys/",
        "journey": "journeys/remboursement/",
        "personas": "personas/",
        "persona": _first(site_dir, "personas"),
        "benchmarks": "benchmarks/",
        "benchmark": _first(site_dir, "benchmarks"),
        "solutions": "solutions/",
        "solution": _first(site_dir, "solutions"),
        "reference": "reference/",
    }


def test_every_kind_of_page_loads_offline_without_errors(browser, served_demo, demo):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    origin = urlsplit(served_demo).netloc
    for name, path in _pages(demo.site_dir).items():
        context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="fr-FR")
        page = context.new_page()
        foreign: list[str] = []
        failed: list[str] = []
        errors: list[str] = []

        def route(route, request):
            if urlsplit(request.url).netloc != origin and not request.url.startswith(("data:", "blob:")):
                foreign.append(request.url)
                return route.abort()
            return route.continue_()

        page.route("**/*", route)
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("requestfailed", lambda request: failed.append(request.url))
        response = page.goto(served_demo + path, wait_until="networkidle")
        assert response is not None and response.ok, (name, path)
        assert page.locator("h1").first.is_visible(), name
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)
        assert not foreign, (name, foreign)
        assert not errors, (name, errors)
        assert not [url for url in failed if url not in foreign], (name, failed)
        context.close()


def test_a_journey_page_reads_in_french_and_can_be_walked_with_the_keyboard(browser, served_demo):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(served_demo + "journeys/remboursement/", wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", name="Parcours actuel").is_visible()
    # A stage's touchpoint table names its qualification in words, not only colour.
    qualification = page.locator(".parcours-qualification").first
    assert qualification.inner_text().strip() in {"enchantement", "irritant", "rupture", "manquant", "redondant"}
    # Keyboard: tabbing reaches a link inside the journey content.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.parcours') !== null"):
            break
    assert page.evaluate("document.activeElement.closest('.parcours') !== null")
    context.close()
