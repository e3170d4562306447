"""The pull-request preview opens from disk: `PARCOURS_PREVIEW=true` builds a
site whose pages, links, charts and search work from `file://`, loading
nothing from another host."""

from __future__ import annotations

import shutil

import pytest

from conftest import FIXTURES, mkdocs_build

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def preview(tmp_path_factory, monkeypatch_module):
    root = tmp_path_factory.mktemp("preview") / "src"
    shutil.copytree(FIXTURES / "one_of_each_kind", root)
    config = (root / "mkdocs.yml").read_text("utf-8")
    # As the demo's and `parcours init`'s mkdocs.yml write it.
    (root / "mkdocs.yml").write_text(config.replace("  - parcours\n", "  - offline:\n      enabled: !ENV [PARCOURS_PREVIEW, false]\n  - parcours\n"), "utf-8")
    monkeypatch_module.setenv("PARCOURS_PREVIEW", "true")
    result = mkdocs_build(root / "mkdocs.yml", root / "site")
    assert result.ok, result.log
    return result.site_dir


@pytest.fixture(scope="module")
def monkeypatch_module():
    patch = pytest.MonkeyPatch()
    yield patch
    patch.undo()


def test_the_preview_reads_from_disk_with_its_charts_links_and_search(preview, browser):
    page = browser.new_page(viewport={"width": 1440, "height": 900}, locale="fr-FR")
    outside: list[str] = []
    page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(("file://", "data:", "blob:")) else None)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((preview / "journeys" / "remboursement.html").as_uri())
    # Each page is a file, and every link names one.
    hrefs = page.eval_on_selector_all(".md-content a[href]", "links => links.map(link => link.getAttribute('href'))")
    assert not [href for href in hrefs if href.endswith("/") and not href.startswith(("http", "#"))], hrefs
    page.locator('.md-content a[href$="personas/fanny.html"]').first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/personas/fanny.html")
    # The overview's curve is in the page; the detailed map's charts are drawn
    # (no instant navigation from disk: each page starts on its own).
    page.goto((preview / "journeys" / "remboursement.html").as_uri())
    assert page.locator(".parcours-overview:not([hidden]) .parcours-ov-svg").is_visible()
    page.goto((preview / "journeys" / "remboursement.html").as_uri() + "?zoom=detail")
    page.wait_for_selector(".parcours-chart .main-svg", timeout=15000)
    # Search works without a server, from the index the offline plugin inlines.
    page.locator("input.md-search__input").click(force=True)
    page.keyboard.type("facture", delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert page.locator(".md-search-result__item").count() >= 1
    assert outside == [], outside
    assert errors == [], errors
    page.close()
