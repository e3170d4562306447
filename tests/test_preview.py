"""The preview (`mkdocs serve`) shows the sources' problems on the pages, and
`mkdocs build` stays as strict as ever.

The preview is driven as MkDocs' `serve` drives it: `on_startup(command="serve")`
once, then a build into a temporary folder with a `serve_url` for every save
(the plugin object is kept between them), and `on_shutdown` at the end.
"""

from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import pytest

from conftest import BuildResult, SiteDir

JOURNEY = "journeys/remboursement.yml"
#: A YAML syntax error on the journey's first line: nothing of the file can be read.
UNREADABLE = ("title: Je me fais rembourser mes soins", "title: [Je me fais rembourser mes soins")
UNREADABLE_WHERE = f"{JOURNEY}:1:8"
PAGES = ("", "journeys/remboursement/", "personas/fanny/", "journeys/")


@contextmanager
def previewing(site: SiteDir, dirty: bool = False) -> Iterator[Callable[[], BuildResult]]:
    """`mkdocs serve` on `site` (`--dirty`, as `make serve` runs it, if `dirty`):
    each call rebuilds the preview, as a save does."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_file, site_dir = str(site.root / "mkdocs.yml"), site.root / "preview"
    records: list[str] = []

    class _Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(f"{record.levelname}: {record.getMessage()}")

    def rebuild() -> BuildResult:
        records.clear()
        config = load_config(config_file, site_dir=str(site_dir))
        build(config, serve_url="http://127.0.0.1:8000/", dirty=dirty)
        return BuildResult(site_dir=site_dir, ok=True, log=list(records))

    handler, logger = _Collect(level=logging.INFO), logging.getLogger("mkdocs")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    first = load_config(config_file, site_dir=str(site_dir))
    first.plugins.on_startup(command="serve", dirty=dirty)
    try:
        yield rebuild
    finally:
        first.plugins.on_shutdown()
        logger.removeHandler(handler)
        logger.setLevel(level)


def _boxes(html: str) -> list[str]:
    return re.findall(r'<section class="admonition [^"]*parcours-problems.*?</section>', html, re.S)


def test_a_broken_journey_shows_its_located_error_on_every_page_of_the_preview(site):
    site.replace(JOURNEY, *UNREADABLE)
    with previewing(site) as rebuild:
        preview = rebuild()  # the preview starts: it does not exit
    for page in PAGES:
        boxes = _boxes(preview.html(page))
        assert len(boxes) == 1, page
        assert 'role="alert"' in boxes[0]
        assert "1 erreur à corriger avant de publier" in boxes[0]
        assert f"<code>{UNREADABLE_WHERE}</code>" in boxes[0], page
        assert "n&#39;est jamais refermé" in boxes[0]
    # The broken journey's own address still answers, and names its file.
    text = preview.text("journeys/remboursement/")
    assert "Cette page est générée depuis « journeys/remboursement.yml », qui contient des erreurs" in text
    assert any("la prévisualisation les affiche en tête de chaque page" in line for line in preview.log)
    # No page the site would not have: there is no glossary here.
    assert not (preview.site_dir / "glossary").exists()


def test_the_real_pages_come_back_once_the_source_is_fixed(site):
    site.replace(JOURNEY, *UNREADABLE)
    with previewing(site) as rebuild:
        assert _boxes(rebuild().html(""))
        site.replace(JOURNEY, UNREADABLE[1], UNREADABLE[0])
        fixed = rebuild()
    for page in PAGES:
        assert "parcours-problems" not in fixed.html(page), page
    assert "Je me fais rembourser mes soins" in fixed.text("journeys/remboursement/")
    assert "Je consulte mon médecin" in fixed.text("journeys/remboursement/")


def test_the_valid_rest_of_a_journey_is_drawn_under_its_error(site):
    site.replace(JOURNEY, "phase: after\n    team: Relation adhérents", "phase: aftr\n    team: Relation adhérents")
    with previewing(site) as rebuild:
        preview = rebuild()
    html = preview.html("journeys/remboursement/")
    (box,) = _boxes(html)
    line = site.line_of(JOURNEY, "phase: aftr")
    assert f"<code>{JOURNEY}:{line}:12</code>" in box
    assert "champ <code>stages[1].phase</code>" in box
    # The stage in error is left out; the rest of the map is there.
    assert html.index("parcours-problems") < html.index("J&#39;envoie ma facture")
    assert "Je consulte mon médecin" not in preview.text("journeys/remboursement/")


def test_a_page_that_cannot_be_drawn_waits_at_its_address(site):
    """The journey cites a benchmark whose file is broken: its map cannot be drawn."""
    site.replace("benchmarks/accuse-reception-instantane.md", "company: Assureur Exemple\n", "")
    with previewing(site) as rebuild:
        preview = rebuild()
    text = preview.text("journeys/remboursement/")
    assert "benchmarks/accuse-reception-instantane.md" in text
    assert "Cette page s'affichera dès que les erreurs ci-dessus seront corrigées." in text
    assert "le champ « company » est obligatoire" in preview.text("benchmarks/accuse-reception-instantane/")


def test_a_broken_glossary_waits_at_its_page(site):
    site.write("glossary.yml", "terms:\n  - term: irritant\n")
    with previewing(site) as rebuild:
        preview = rebuild()
    text = preview.text("glossary/")
    assert "glossary.yml:2:5" in text
    assert "Cette page est générée depuis « glossary.yml »" in text


def test_what_the_analyst_wrote_is_shown_as_text(site):
    site.replace(JOURNEY, "phase: after\n    team: Relation adhérents", "phase: \"<img src=x onerror=alert(1)>\"\n    team: Relation adhérents")
    with previewing(site) as rebuild:
        preview = rebuild()
    (box,) = _boxes(preview.html(""))
    assert "« &lt;img src=x onerror=alert(1)&gt; » n&#39;est pas un identifiant" in box
    assert "<img" not in box


def test_a_warning_shows_on_its_page_in_the_preview_only(site):
    site.replace(JOURNEY, "name: J'envoie ma facture", "name: Envoi de la facture")
    line = site.line_of(JOURNEY, "name: Envoi de la facture")
    with previewing(site) as rebuild:
        preview = rebuild()
    (box,) = _boxes(preview.html("journeys/remboursement/"))
    assert "parcours-problems--warning" in box and 'role="alert"' not in box
    assert "1 avertissement sur cette page" in box
    assert f"<strong>Avertissement</strong> <code>{JOURNEY}:{line}:11</code>" in box
    assert "l&#39;étape « Envoi de la facture » n&#39;est pas écrite à la première personne du client." in box
    for page in ("", "personas/fanny/", "journeys/"):
        assert not _boxes(preview.html(page)), page
    published = site.build(strict=False)
    assert published.ok, published.log
    for page in ("", "journeys/remboursement/", "personas/fanny/", "404.html"):
        assert "parcours-problems" not in published.html(page), page


def test_a_warning_about_an_authors_page_shows_on_that_page(site):
    site.write("docs/index.md", "# Accueil\n\n<script>console.log('bonjour')</script>\n")
    with previewing(site) as rebuild:
        preview = rebuild()
    (box,) = _boxes(preview.html(""))
    assert "<code>docs/index.md:3:1</code>" in box
    assert "qui exécute du code dans le navigateur" in box
    assert not _boxes(preview.html("journeys/remboursement/"))


def test_invalid_options_show_on_the_pages_and_on_any_other_address(site):
    site.replace("mkdocs.yml", "  - parcours\n", "  - parcours:\n      verbatim_max_age_months: douze\n")
    with previewing(site) as rebuild:
        preview = rebuild()
    for page in ("", "404.html"):
        (box,) = _boxes(preview.html(page))
        assert "<code>mkdocs.yml</code>" in box and "plugins.parcours.verbatim_max_age_months" in box, page
    assert (preview.site_dir / "assets/parcours/parcours.css").is_file()


def test_an_authors_page_in_the_way_of_a_generated_one_is_shown_not_fatal(site):
    site.write("docs/journeys/index.md", "# Mes parcours\n")
    with previewing(site) as rebuild:
        preview = rebuild()
    (box,) = _boxes(preview.html("journeys/"))
    assert "<code>docs/journeys/index.md</code>" in box and "renommez-la" in box
    assert "Mes parcours" in preview.text("journeys/")


def test_the_preview_speaks_the_sites_language(site):
    site.replace("mkdocs.yml", "  language: fr\n", "  language: en\n")
    site.replace(JOURNEY, *UNREADABLE)
    with previewing(site) as rebuild:
        preview = rebuild()
    (box,) = _boxes(preview.html(""))
    assert "1 error to fix before publishing" in box and "<strong>Error</strong>" in box


def test_mkdocs_build_still_stops_on_an_error_and_publishes_no_problems_page(site):
    site.replace(JOURNEY, *UNREADABLE)
    for strict in (False, True):
        result = site.build(strict=strict)
        assert not result.ok
        assert any(UNREADABLE_WHERE in line for line in result.log), result.log
        assert not (result.site_dir / "index.html").exists()


def test_a_build_after_a_preview_is_a_build_again(site):
    """One process, one plugin object: `on_shutdown` ends the preview."""
    site.replace(JOURNEY, *UNREADABLE)
    with previewing(site) as rebuild:
        rebuild()
    assert not site.build(strict=False).ok


class _LiveReloadServer:
    """What `on_serve` is given of `mkdocs serve`'s server: the rebuild it calls at each save."""

    def __init__(self, builder: Callable[[], None]) -> None:
        self.builder = builder

    def watch(self, path: str, *args, **kwargs) -> None:
        pass


def test_a_save_rebuilds_with_the_cycle_collector_paused_and_collects_after(site: SiteDir):
    """A rebuild does not stop for Python's cycle collector (0.3-0.45 s of a rebuild on 100
    journeys); its garbage is collected once the page is back. A save right after (before that
    collection) rebuilds with the collector on, and a failed rebuild leaves it on."""
    import gc
    import time

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_file, site_dir = str(site.root / "mkdocs.yml"), str(site.root / "preview")
    seen: list[bool] = []
    failing = [False]

    def builder(config=None) -> None:
        config = config or load_config(config_file, site_dir=site_dir)
        seen.append(gc.isenabled())
        if failing[0]:
            raise RuntimeError("a rebuild that fails")
        build(config, serve_url="http://127.0.0.1:8000/")

    collections: list[int] = []

    def on_collection(phase: str, info: dict) -> None:
        if phase == "stop" and info["generation"] == 2:
            collections.append(1)

    first = load_config(config_file, site_dir=site_dir)
    first.plugins.on_startup(command="serve", dirty=False)
    gc.callbacks.append(on_collection)
    try:
        builder(first)
        rebuild = first.plugins.on_serve(_LiveReloadServer(builder), config=first, builder=builder).builder
        collections.clear()
        rebuild()
        assert seen[-1] is False
        deadline = time.monotonic() + 10
        while not (collections and gc.isenabled()) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert collections and gc.isenabled(), "no full collection after the rebuild"
        rebuild()
        rebuild()  # saved again before the collection: this rebuild collects as it goes
        assert seen[-2:] == [False, True] and gc.isenabled()
        failing[0] = True
        with pytest.raises(RuntimeError):
            rebuild()
        assert seen[-1] is False
        deadline = time.monotonic() + 10
        while not gc.isenabled() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert gc.isenabled(), "the collector stayed paused after a failed rebuild"
    finally:
        gc.callbacks.remove(on_collection)
        first.plugins.on_shutdown()
