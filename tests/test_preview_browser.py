"""The analyst's preview in a real browser: `mkdocs serve` on a copy of a small
site, a source broken and fixed while the page is open, as an analyst does.

The page reloads by itself (MkDocs' live reload) and shows the problem, then
the real page once the file is fixed; a broken `mkdocs.yml` is explained in
the terminal without a Python traceback, and the preview keeps serving.
"""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import SCREENSHOTS, free_port

pytestmark = pytest.mark.browser

JOURNEY = "journeys/remboursement.yml"
TITLE = "title: Je me fais rembourser mes soins"
BROKEN = "title: [Je me fais rembourser mes soins"
#: Building the preview takes a few seconds; a busy machine may take more.
WAIT_MS = 90_000


def _answers(url: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"nothing answered at {url}")


def _wait_for_log(log: Path, needle: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = log.read_text("utf-8")
        if needle in text:
            return text
        time.sleep(0.3)
    raise AssertionError(f"{needle!r} never printed:\n{log.read_text('utf-8')}")


def test_the_preview_shows_a_broken_source_on_the_page_and_the_page_comes_back(site, browser, tmp_path):
    # The analyst starts the preview while a file is broken: it starts all the same.
    site.replace(JOURNEY, TITLE, BROKEN)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=site.root, stdout=output, stderr=subprocess.STDOUT,
        )
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="fr-FR")
    try:
        _answers(base)
        page = context.new_page()
        page.goto(base + "journeys/remboursement/")
        alert = page.get_by_role("alert")
        assert alert.get_by_role("heading", name="1 erreur à corriger avant de publier").is_visible()
        assert "journeys/remboursement.yml:1:8" in alert.inner_text()
        assert "n'est jamais refermé" in alert.inner_text()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "preview-error-1440.png"))
        page.set_viewport_size({"width": 390, "height": 844})
        page.screenshot(path=str(SCREENSHOTS / "preview-error-390.png"))

        # Fixed and saved: the page reloads by itself and is the journey's map again.
        site.replace(JOURNEY, BROKEN, TITLE)
        page.get_by_role("heading", level=1, name="Je me fais rembourser mes soins").wait_for(timeout=WAIT_MS)
        assert page.locator(".parcours-problems").count() == 0

        # Broken again while the page is open: the problem replaces it, without F5.
        site.replace(JOURNEY, TITLE, BROKEN)
        page.get_by_role("alert").wait_for(timeout=WAIT_MS)
        assert "journeys/remboursement.yml:1:8" in page.get_by_role("alert").inner_text()
        site.replace(JOURNEY, BROKEN, TITLE)
        page.get_by_role("heading", level=1, name="Je me fais rembourser mes soins").wait_for(timeout=WAIT_MS)

        # A broken mkdocs.yml is told at its line, without a traceback, and the preview stays.
        written = site.read("mkdocs.yml")
        site.write("mkdocs.yml", written + "extra: [ouvert\n")
        _wait_for_log(log, "erreur mkdocs.yml:12:8")
        assert server.poll() is None, log.read_text("utf-8")
        site.write("mkdocs.yml", written.replace("site_name: Test Parcours", "site_name: Test Parcours corrigé"))
        page.wait_for_function("document.title.includes('Test Parcours corrigé')", timeout=WAIT_MS)
        assert page.locator(".parcours-problems").count() == 0
    finally:
        context.close()
        server.terminate()
        server.wait(timeout=10)
    assert "Traceback" not in log.read_text("utf-8"), log.read_text("utf-8")
