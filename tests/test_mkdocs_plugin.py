"""What the MkDocs adapter adds around the pages: navigation, edit links, reloads."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import free_port, mkdocs_build


def test_a_kind_index_in_nav_becomes_a_section_of_its_pages(site):
    site.replace(
        "mkdocs.yml",
        "plugins:",
        "nav:\n  - Accueil: index.md\n  - Parcours: journeys/index.md\n  - Personas: personas/index.md\nplugins:",
    )
    site.replace("mkdocs.yml", "  font: false\n", "  font: false\n  features: [navigation.footer]\n")
    result = site.build(strict=False)
    assert result.ok, result.log
    html = result.html("journeys/")
    assert 'href="remboursement/"' in html
    assert "Je me fais rembourser mes soins" in html
    persona = result.html("personas/fanny/")
    # "previous/next" footer links walk through the section's pages.
    assert 'class="md-footer__link md-footer__link--prev"' in persona


def test_edit_link_of_a_generated_page_opens_its_source(site):
    site.replace(
        "mkdocs.yml",
        "theme:",
        "repo_url: https://git.intranet.example/cx/parcours\nedit_uri: edit/main/docs/\ntheme:",
    )
    site.replace("mkdocs.yml", "  font: false\n", "  font: false\n  features: [content.action.edit]\n")
    result = site.build()
    assert result.ok, result.log
    html = result.html("journeys/remboursement/")
    assert 'href="https://git.intranet.example/cx/parcours/edit/main/journeys/remboursement.yml"' in html
    home = result.html("")
    assert 'href="https://git.intranet.example/cx/parcours/edit/main/docs/index.md"' in home


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, needle: str, seconds: float = 60) -> str:
    """The page once it contains `needle`, polled as a reader reloading it would."""
    deadline = time.monotonic() + seconds
    html = ""
    while time.monotonic() < deadline:
        try:
            html = _get(url)
        except OSError:
            html = ""
        if needle in html:
            return html
        time.sleep(0.5)
    raise AssertionError(f"{needle!r} never appeared at {url}")


@pytest.mark.parametrize(
    "source, old, new, page",
    [
        ("journeys/remboursement.yml", "title: Je me fais rembourser mes soins", "title: Je me fais rembourser vite", "journeys/remboursement/"),
        ("glossary.yml", "Le point faible", "Le maillon faible", "glossary/"),
    ],
    ids=["journey", "glossary"],
)
def test_serve_rebuilds_when_a_source_is_edited(site, source, old, new, page):
    site.write(
        "glossary.yml",
        "terms:\n  - term: irritant\n    definition: Le point faible du parcours.\n",
    )
    port = free_port()
    url = f"http://127.0.0.1:{port}/{page}"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=site.root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(url, old.split(": ", 1)[-1])
        site.replace(source, old, new)
        _wait_for(url, new.split(": ", 1)[-1])
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_page_of_the_author_cannot_be_silently_replaced(site):
    site.write("docs/journeys/index.md", "# Mes parcours\n")
    result = site.build(strict=False)
    assert not result.ok
    assert any("docs/journeys/index.md" in line and "renommez-la" in line for line in result.log)


def test_a_kind_with_many_sheets_keeps_only_its_index_in_the_navigation(site):
    site.replace("mkdocs.yml", "plugins:", "nav:\n  - Accueil: index.md\n  - Parcours: journeys/index.md\nplugins:")
    site.replace("mkdocs.yml", "  - parcours\n", "  - parcours:\n      nav_max_pages: 0\n")
    result = site.build(strict=False)
    assert result.ok, result.log
    html = result.html("journeys/")
    links = re.findall(r'<a [^>]*href="remboursement/"[^>]*>', html)
    assert links  # the index page's cards still list it
    # Material writes a page's entry as <a href="…" class="md-nav__link">.
    assert not [link for link in links if "md-nav__link" in link], links


def test_a_broken_configuration_while_serving_is_told_at_its_line_without_a_traceback(site, tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=site.root, stdout=output, stderr=subprocess.STDOUT,
        )
        try:
            _wait_for(f"http://127.0.0.1:{port}/", "Test Parcours")
            written = site.read("mkdocs.yml")
            site.write("mkdocs.yml", written + "extra: [ouvert\n")
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and "mkdocs.yml:" not in log.read_text():
                time.sleep(0.3)
            # The preview is still there: the fixed file is served at the next save.
            assert server.poll() is None, log.read_text()
            site.write("mkdocs.yml", written.replace("site_name: Test Parcours", "site_name: Test Parcours corrigé"))
            _wait_for(f"http://127.0.0.1:{port}/", "Test Parcours corrigé")
        finally:
            server.terminate()
            server.wait(timeout=10)
    text = log.read_text()
    assert "erreur mkdocs.yml:12:8 : une liste « [ » ou un bloc « { » ouvert ici n'est jamais refermé" in text, text
    assert "Traceback" not in text, text
