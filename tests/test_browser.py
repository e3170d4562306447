"""Smoke test in a real browser: Debian's chromium, driven by Playwright.

The built demo is served on 127.0.0.1. Every page of each kind must load
with no console error and without a single request to another host: the
intranet has no internet access. A screenshot of each page is kept in
`test-artifacts/screenshots/` for a human to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SCREENSHOTS

pytestmark = pytest.mark.browser


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
        "touchpoints": "touchpoints/",
        "verbatims": "verbatims/",
        "persona-with-video": "personas/gerard/",
        "priorities": "priorities/",
        "roadmap": "roadmap/",
        "coverage": "coverage/",
        "reference": "reference/",
    }


def test_every_kind_of_page_loads_offline_without_errors(visit, demo):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in _pages(demo.site_dir).items():
        tab = visit()
        page = tab.goto(path)
        assert page.locator("h1").first.is_visible(), name
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)
        tab.assert_clean()
