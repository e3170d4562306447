"""The preview rebuilds only what a save touches, and never shows a stale page.

Under `mkdocs serve` each save rebuilds the site; Parcours reuses the sources
that did not change and the maps whose journey and shared sources did not
change, and, under `mkdocs serve --dirty` (`make serve`), MkDocs writes again
only the pages whose HTML changed. A page that shows the old version after a
save is a bug: after any series of saves, every page, the search index and
the warnings are those of a fresh preview of the same sources.
"""

from __future__ import annotations

import json
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


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve-dirty"])
def test_a_stage_renamed_in_a_journey_is_renamed_on_the_solution_sheet_that_cites_it(two_journeys: SiteDir, dirty: bool):
    with previewing(two_journeys, dirty) as rebuild:
        before = rebuild()
        assert "J'envoie ma facture" in before.text("solutions/teletransmission/")
        two_journeys.replace("journeys/remboursement.yml", "name: J'envoie ma facture", "name: J'envoie ma feuille de soins")
        after = rebuild()
    assert "J'envoie ma feuille de soins" in after.text("solutions/teletransmission/")
    assert "J'envoie ma facture" not in after.text("solutions/teletransmission/")
    assert "J'envoie ma feuille de soins" in after.text("journeys/remboursement/")


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve-dirty"])
def test_a_persona_renamed_is_renamed_on_every_map_even_those_reused(two_journeys: SiteDir, dirty: bool):
    with previewing(two_journeys, dirty) as rebuild:
        rebuild()
        name = re.search(r"^name: (.+)$", two_journeys.read("personas/fanny.md"), re.M).group(1)
        two_journeys.replace("personas/fanny.md", f"name: {name}", "name: Fanny Autrement, 34 ans")
        result = rebuild()
    for page in ("journeys/remboursement/", "journeys/adhesion/"):
        assert "Fanny Autrement" in result.text(page), page


def _warnings(result: BuildResult) -> list[str]:
    return sorted(line for line in result.log if line.startswith(("WARNING", "ERROR")))


def _search(result: BuildResult) -> list[tuple[str, str, str]]:
    index = json.loads((result.site_dir / "search" / "search_index.json").read_text("utf-8"))
    return sorted((doc["location"], doc["title"], doc["text"]) for doc in index["docs"])


def _assert_reads_as_fresh(site: SiteDir, kept: BuildResult) -> None:
    """Every page (its text and links, its HTML), the search index and the warnings of `kept`
    are those of a new preview of the same sources."""
    kept_pages = _pages(kept)
    kept_html = {path.relative_to(kept.site_dir): path.read_bytes() for path in kept.site_dir.rglob("*.html")}
    kept_search, kept_warnings = _search(kept), _warnings(kept)
    shutil.rmtree(kept.site_dir)
    with previewing(site) as fresh_rebuild:  # a new preview: nothing to reuse
        fresh = fresh_rebuild()
        fresh_pages = _pages(fresh)
        fresh_html = {path.relative_to(fresh.site_dir): path.read_bytes() for path in fresh.site_dir.rglob("*.html")}
        assert kept_pages.keys() == fresh_pages.keys()
        for url, text in fresh_pages.items():
            assert kept_pages[url] == text, url
        assert kept_html.keys() == fresh_html.keys()
        for path, html in fresh_html.items():
            assert kept_html[path] == html, path
        assert kept_search == _search(fresh)
        assert kept_warnings == _warnings(fresh)


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve-dirty"])
def test_after_any_saves_every_page_reads_as_a_fresh_preview(two_journeys: SiteDir, dirty: bool):
    with previewing(two_journeys, dirty) as rebuild:
        rebuild()
        two_journeys.replace("journeys/remboursement.yml", "name: J'envoie ma facture", "name: J'envoie ma feuille de soins")
        rebuild()
        two_journeys.replace(OTHER, "name: Je consulte mon médecin", "name: Je prends rendez-vous")
        rebuild()
        # A title every page's navigation shows.
        two_journeys.replace(OTHER, "title: J'adhère à la mutuelle", "title: Je rejoins la mutuelle")
        rebuild()
        two_journeys.write("journeys/remboursement.md", two_journeys.read("journeys/remboursement.md") + "\nUn paragraphe ajouté.\n")
        rebuild()
        # A warning on one page (a stage not in the customer's words), then gone.
        two_journeys.replace(OTHER, "name: Je prends rendez-vous", "name: Prise de rendez-vous")
        rebuild()
        two_journeys.replace(OTHER, "name: Prise de rendez-vous", "name: Je prends rendez-vous")
        kept = rebuild()
        assert "Un paragraphe ajouté." in _pages(kept)["journeys/remboursement/"]
        # In the navigation of a page that did not change.
        assert "Je rejoins la mutuelle" in (kept.site_dir / "journeys/remboursement/index.html").read_text("utf-8")
    _assert_reads_as_fresh(two_journeys, kept)


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve-dirty"])
def test_the_sheets_show_each_saved_journey_as_a_fresh_preview(two_journeys: SiteDir, dirty: bool):
    """A persona's, a benchmark's and a solution's sheet are reused while the journeys they
    show are unchanged: each save below changes what one of them shows of a journey."""
    with previewing(two_journeys, dirty) as rebuild:
        rebuild()
        # The persona's emotion on the other journey: her sheet draws its curve and table.
        two_journeys.replace(OTHER, "emotion: {fanny: -2}", "emotion: {fanny: 2}")
        result = rebuild()
        assert re.search(r"J'envoie ma facture\s*\+2", result.text("personas/fanny/")), result.text("personas/fanny/")
        # A stage stops citing the benchmark, then cites it again.
        two_journeys.replace(OTHER, "best_practices: [accuse-reception-instantane]", "best_practices: []")
        result = rebuild()
        assert "J'adhère à la mutuelle" not in result.text("benchmarks/accuse-reception-instantane/")
        assert "Je me fais rembourser mes soins" in result.text("benchmarks/accuse-reception-instantane/")
        two_journeys.replace(OTHER, "best_practices: []", "best_practices: [accuse-reception-instantane]")
        result = rebuild()
        assert "J'adhère à la mutuelle" in result.text("benchmarks/accuse-reception-instantane/")
        # The touchpoint the solution addresses matters less for loyalty: its priority falls.
        before = result.text("solutions/teletransmission/")
        two_journeys.replace("journeys/remboursement.yml", "loyalty: high", "loyalty: low")
        result = rebuild()
        assert result.text("solutions/teletransmission/") != before
        # The persona's journey renamed: her sheet, the benchmark's and the solution's name it anew.
        two_journeys.replace("journeys/remboursement.yml", "title: Je me fais rembourser mes soins", "title: Mes soins remboursés")
        kept = rebuild()
        for page in ("personas/fanny/", "benchmarks/accuse-reception-instantane/", "solutions/teletransmission/"):
            assert "Mes soins remboursés" in kept.text(page), page
    _assert_reads_as_fresh(two_journeys, kept)


def test_a_save_draws_again_only_the_sheets_showing_the_saved_journey(two_journeys: SiteDir, drawn: list[str]):
    with previewing(two_journeys) as rebuild:
        rebuild()
        drawn.clear()
        # The solution addresses the first journey only; the persona lives both; both cite the benchmark.
        two_journeys.replace(OTHER, "name: Je consulte mon médecin", "name: Je vois mon médecin")
        rebuild()
        assert {"personas/fanny.md", "benchmarks/accuse-reception-instantane.md"} <= set(drawn)
        assert "solutions/teletransmission.md" not in drawn
        drawn.clear()
        two_journeys.replace("personas/fanny.md", "name: ", "name: Mme ")  # every page shows personas' names
        rebuild()
    assert {"solutions/teletransmission.md", "journeys/adhesion.md", "journeys/remboursement.md"} <= set(drawn)


def _written(result: BuildResult) -> dict[str, int]:
    return {path.relative_to(result.site_dir).as_posix(): path.stat().st_mtime_ns for path in result.site_dir.rglob("index.html")}


def test_with_dirty_a_save_writes_only_the_pages_it_changed(two_journeys: SiteDir):
    with previewing(two_journeys, dirty=True) as rebuild:
        before = _written(rebuild())
        two_journeys.replace("journeys/remboursement.yml", "name: J'envoie ma facture", "name: J'envoie ma feuille de soins")
        result = rebuild()
        after = _written(result)
    rewritten = {path for path in after if after[path] != before.get(path)}
    assert {"journeys/remboursement/index.html", "solutions/teletransmission/index.html"} <= rewritten
    assert "journeys/adhesion/index.html" not in rewritten
    # Nor the pages of the kinds' lists, which show no stage.
    assert not {"journeys/index.html", "personas/index.html", "reference/index.html"} & rewritten, sorted(rewritten)
    # MkDocs' warning that a dirty build may be wrong is not shown: this one is exact.
    assert not [line for line in result.log if "dirty" in line], result.log
    assert "J'envoie ma feuille de soins" in result.text("solutions/teletransmission/")


def test_with_dirty_a_journey_removed_leaves_no_page_behind(two_journeys: SiteDir):
    with previewing(two_journeys, dirty=True) as rebuild:
        assert (rebuild().site_dir / "journeys/adhesion/index.html").is_file()
        (two_journeys.root / OTHER).unlink()
        (two_journeys.root / "journeys/adhesion.md").unlink()
        result = rebuild()
    assert not (result.site_dir / "journeys/adhesion").exists()
    assert "J'adhère à la mutuelle" not in result.text("journeys/remboursement/")
    assert not [doc for doc in _search(result) if doc[0].startswith("journeys/adhesion/")]
    assert [doc for doc in _search(result) if doc[0].startswith("journeys/remboursement/")]


def test_with_dirty_a_link_to_a_reused_page_is_still_checked(two_journeys: SiteDir):
    two_journeys.write("docs/liens.md", "# Liens\n\n[Bon](journeys/adhesion.md#introduction) [Faux](journeys/adhesion.md#nulle-part)\n")
    with previewing(two_journeys, dirty=True) as rebuild:
        rebuild()
        two_journeys.replace("journeys/remboursement.yml", "name: J'envoie ma facture", "name: J'envoie ma feuille de soins")
        result = rebuild()
    about_links = [line for line in result.log if "liens.md" in line]
    assert any("nulle-part" in line for line in about_links), result.log
    assert not any("#introduction" in line for line in about_links), about_links


def test_with_dirty_a_site_with_another_plugin_is_written_whole(two_journeys: SiteDir):
    # What Material's tags plugin does to each page is not Parcours's to know: every page is written.
    two_journeys.replace("mkdocs.yml", "  - parcours", "  - tags\n  - parcours")
    with previewing(two_journeys, dirty=True) as rebuild:
        before = _written(rebuild())
        two_journeys.replace("journeys/remboursement.yml", "name: J'envoie ma facture", "name: J'envoie ma feuille de soins")
        after = _written(rebuild())
    assert after.keys() == before.keys()
    assert all(after[path] != before[path] for path in after), [path for path in after if after[path] == before[path]]


def test_site_wide_pages_draw_again_only_the_saved_journeys_parts(two_journeys: SiteDir, monkeypatch: pytest.MonkeyPatch):
    from parcours.render.fragments import Fragments

    drawn_parts: list[tuple] = []
    part = Fragments.part

    def counting(self, key, draw):
        def drawing():
            drawn_parts.append(key)
            return draw()
        return part(self, key, drawing)

    monkeypatch.setattr(Fragments, "part", counting)
    with previewing(two_journeys) as rebuild:
        rebuild()
        assert {key[3] for key in drawn_parts} == {"remboursement", "adhesion"}
        drawn_parts.clear()
        two_journeys.replace("journeys/remboursement.yml", "name: J'envoie ma facture", "name: J'envoie ma feuille de soins")
        result = rebuild()
    assert {key[3] for key in drawn_parts} == {"remboursement"}
    assert {key[0] for key in drawn_parts} >= {"touchpoints.html", "verbatims.html"}
    assert "J'envoie ma feuille de soins" in result.text("touchpoints/")


def _bodies(root, settings) -> tuple[dict[str, str], dict[str, tuple[str, ...] | None]]:
    """Every generated page's HTML, and the journeys its kind says it shows."""
    from datetime import date

    from parcours.render.pages import PAGE_KINDS
    from parcours.render.urls import Urls
    from parcours.site import load_site

    loaded = load_site(root, settings, "fr", today=date(2026, 11, 24))
    assert not loaded.report.has_errors()
    specs = [spec for kind in PAGE_KINDS for spec in kind.pages(loaded, loaded.translator, Urls())]
    bodies = {page.src_uri: page.body for page in Renderer(loaded).files() if page.body is not None}
    return bodies, {spec.src_uri: spec.journeys for spec in specs}


def _reworded(journey: dict) -> dict:
    """The same journey in other words and figures: its title, stages, touchpoints, verbatims, volumes."""
    journey["title"] += " (revu)"
    for stage in [*journey["stages"], *(journey.get("target") or {}).get("stages", [])]:
        stage["name"] += " (revu)"
        if isinstance(stage.get("volume"), int):
            stage["volume"] += 1
        for touchpoint in stage.get("touchpoints", []):
            touchpoint["label"] += " (revu)"
        for verbatim in stage.get("verbatims", []):
            verbatim["text"] += " (revu)"
    return journey


def test_a_page_shows_no_journey_but_those_its_kind_names(tmp_path):
    """What the preview's reuse rests on: a page that names the journeys it shows (a map,
    a persona's, a benchmark's or a solution's sheet) is the same while any other journey
    changes. Checked on the demo, each journey reworded in turn (without the committees,
    whose topics make the journeys they cite count for every page)."""
    import yaml

    from conftest import REPO
    from test_demo import demo_settings

    for folder in ("journeys", "personas", "benchmarks", "solutions", "docs"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    for single in ("glossary.yml", "onboarding.yml"):
        shutil.copy(REPO / single, tmp_path / single)
    settings = demo_settings()
    before, named = _bodies(tmp_path, settings)
    checked = set()
    for source in sorted((tmp_path / "journeys").glob("*.yml")):
        original = source.read_text("utf-8")
        source.write_text(yaml.safe_dump(_reworded(yaml.safe_load(original)), allow_unicode=True, sort_keys=False), "utf-8")
        after, named_after = _bodies(tmp_path, settings)
        source.write_text(original, "utf-8")
        assert after[f"journeys/{source.stem}.md"] != before[f"journeys/{source.stem}.md"]
        for src_uri, journeys in named.items():
            if journeys is not None and source.stem not in journeys and source.stem not in (named_after[src_uri] or ()):
                assert after[src_uri] == before[src_uri], f"{src_uri} changed with {source.name}"
                checked.add(src_uri)
    assert {"personas", "benchmarks", "solutions", "journeys"} <= {src_uri.split("/")[0] for src_uri in checked}


def test_a_journey_whose_words_move_on_the_verbatims_page_is_shown_whole(two_journeys: SiteDir):
    """The verbatims page ranks every journey's words together, so one journey's words come
    in several runs, cut by another's. A save that moves the other journey's words joins
    two runs into one: the page shows both words, as a fresh preview does."""
    louder = (
        "      - text: Trois relances pour une seule facture, c'est épuisant.\n"
        "        speaker: Fanny B.\n        date: 2026-05-04\n        source: interview\n"
        "        touchpoint: courrier\n        repeated: 20\n"
    )
    two_journeys.replace("journeys/remboursement.yml", "    verbatims:\n", "    verbatims:\n" + louder)
    with previewing(two_journeys) as rebuild:
        words = rebuild().text("verbatims/")
        # The first journey's words, cut by the other's: each shown once.
        assert words.count("Trois relances") == 1 and words.count("J'ai posté ma facture") == 2
        assert words.index("Trois relances") < words.index("J'ai posté ma facture")
        two_journeys.replace(OTHER, "repeated: 12", "repeated: 25")
        kept = rebuild()
        words = kept.text("verbatims/")
        assert words.count("J'ai posté ma facture") == 2 and "Trois relances" in words
    _assert_reads_as_fresh(two_journeys, kept)
