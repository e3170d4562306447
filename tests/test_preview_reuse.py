"""The preview rebuilds only what a save touches, and never shows a stale page.

Under `mkdocs serve` each save rebuilds the site; Parcours reuses the sources
that did not change and the maps whose journey and shared sources did not
change. A page that shows the old version after a save is a bug: after any
series of saves, every page reads as a fresh preview of the same sources.
"""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import BuildResult, SiteDir
from parcours.render.renderer import Renderer
from test_preview import previewing

OTHER = "journeys/adhesion.yml"


@pytest.fixture
def two_journeys(site: SiteDir) -> SiteDir:
    """The fixture site with a second journey, a copy of the first under another name."""
    text = site.read("journeys/remboursement.yml").replace("title: Je me fais rembourser mes soins", "title: J'adhère à la mutuelle")
    site.write(OTHER, text)
    shutil.copy(site.root / "journeys/remboursement.md", site.root / "journeys/adhesion.md")
    return site


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages the renderer draws (a reused page is not drawn)."""
    pages: list[str] = []
    page = Renderer.page

    def counting(self, spec):
        pages.append(spec.src_uri)
        return page(self, spec)

    monkeypatch.setattr(Renderer, "page", counting)
    return pages


def _pages(result: BuildResult) -> dict[str, str]:
    """Every page's text as a reader sees it, and its links."""
    found = {}
    for path in sorted(result.site_dir.rglob("index.html")):
        url = path.parent.relative_to(result.site_dir).as_posix()
        url = "" if url == "." else f"{url}/"
        html = result.html(url)
        found[url] = result.text(url) + " " + " ".join(re.findall(r'href="([^"]*)"', html))
    return found


def test_a_save_draws_the_saved_journeys_map_again_not_the_others(two_journeys: SiteDir, drawn: list[str]):
    with previewing(two_journeys) as rebuild:
        rebuild()
        drawn.clear()
        two_journeys.replace("journeys/remboursement.yml", "name: Je consulte mon médecin", "name: Je vois mon médecin")
        result = rebuild()
    assert "journeys/remboursement.md" in drawn
    assert "journeys/adhesion.md" not in drawn
    assert "Je vois mon médecin" in result.text("journeys/remboursement/")
    assert "Je consulte mon médecin" in result.text("journeys/adhesion/")


def test_a_stage_renamed_in_a_journey_is_renamed_on_the_solution_sheet_that_cites_it(two_journeys: SiteDir):
    with previewing(two_journeys) as rebuild:
        before = rebuild()
        assert "J'envoie ma facture" in before.text("solutions/teletransmission/")
        two_journeys.replace("journeys/remboursement.yml", "name: J'envoie ma facture", "name: J'envoie ma feuille de soins")
        after = rebuild()
    assert "J'envoie ma feuille de soins" in after.text("solutions/teletransmission/")
    assert "J'envoie ma facture" not in after.text("solutions/teletransmission/")
    assert "J'envoie ma feuille de soins" in after.text("journeys/remboursement/")


def test_a_persona_renamed_is_renamed_on_every_map_even_those_reused(two_journeys: SiteDir):
    with previewing(two_journeys) as rebuild:
        rebuild()
        name = re.search(r"^name: (.+)$", two_journeys.read("personas/fanny.md"), re.M).group(1)
        two_journeys.replace("personas/fanny.md", f"name: {name}", "name: Fanny Autrement, 34 ans")
        result = rebuild()
    for page in ("journeys/remboursement/", "journeys/adhesion/"):
        assert "Fanny Autrement" in result.text(page), page


def test_after_any_saves_every_page_reads_as_a_fresh_preview(two_journeys: SiteDir, tmp_path):
    with previewing(two_journeys) as rebuild:
        rebuild()
        two_journeys.replace("journeys/remboursement.yml", "name: J'envoie ma facture", "name: J'envoie ma feuille de soins")
        rebuild()
        two_journeys.replace(OTHER, "name: Je consulte mon médecin", "name: Je prends rendez-vous")
        rebuild()
        two_journeys.write("journeys/remboursement.md", two_journeys.read("journeys/remboursement.md") + "\nUn paragraphe ajouté.\n")
        kept = rebuild()
        kept_pages = _pages(kept)
        shutil.copytree(kept.site_dir, tmp_path / "kept")
    with previewing(two_journeys) as fresh_rebuild:  # a new preview: nothing to reuse
        fresh = fresh_rebuild()
        fresh_pages = _pages(fresh)
    assert "Un paragraphe ajouté." in kept_pages["journeys/remboursement/"]
    assert kept_pages.keys() == fresh_pages.keys()
    for url, text in fresh_pages.items():
        assert kept_pages[url] == text, url
