"""Hostile input in any field: nothing runs, nothing is requested from another
host, nothing outside the project is read, no source is overwritten, and every
refusal is located (issue 13's promises, one table per class of problem)."""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest
from click.testing import CliRunner

JOURNEY = "journeys/remboursement.yml"

#: Every way an address to another host got past the old filter.
OUTSIDE_IMAGES = {
    "full address": "http://tracker.example/p.gif",
    "backslashes for slashes": "\\\\\\\\tracker.example/p.gif",
    "slash then backslash": "/\\\\tracker.example/p.gif",
    "scheme with backslashes": "http:\\\\\\\\tracker.example/p.gif",
    "scheme without slashes": "https:tracker.example/p.gif",
    "leading space": " http://tracker.example/p.gif",
    "tab in the address": "/&#9;/tracker.example/p.gif",
}


@dataclass(frozen=True)
class MarkdownPlace:
    """A Markdown field or body of the fixture site, and the text it holds there."""

    name: str
    file: str
    text: str
    quoted: bool = True  # a YAML value: the hostile HTML goes between single quotes


PLACES = [
    MarkdownPlace("journey summary", JOURNEY, "De la consultation au remboursement."),
    MarkdownPlace("target summary", JOURNEY, "Plus rien à envoyer."),
    MarkdownPlace("benchmark practice", "benchmarks/accuse-reception-instantane.md", "Chaque pièce envoyée est confirmée par une notification."),
    MarkdownPlace("benchmark why it works", "benchmarks/accuse-reception-instantane.md", "Le client sait tout de suite que sa demande est arrivée."),
    MarkdownPlace("solution summary", "solutions/teletransmission.md", "Plus de facture papier à envoyer."),
    MarkdownPlace("journey body", "journeys/remboursement.md", "Ce parcours couvre **tous les soins** de ville.", quoted=False),
    MarkdownPlace("persona body", "personas/fanny.md", "Fanny gère tout depuis son téléphone.", quoted=False),
]


def _hostile(place: MarkdownPlace, html: str) -> str:
    return f"'{html}'" if place.quoted else html


@pytest.mark.parametrize("place", PLACES, ids=lambda place: place.name)
@pytest.mark.parametrize("form", list(OUTSIDE_IMAGES), ids=str)
def test_an_image_from_another_host_is_refused_at_its_line_in_every_markdown_text(site, place, form):
    address = OUTSIDE_IMAGES[form]
    site.replace(place.file, place.text, _hostile(place, f'Voir <img src="{address}" alt="x">'))
    line = site.line_of(place.file, "Voir <img")
    code, output = site.check()
    assert code == 1, output
    assert f"{place.file}:{line}:" in output and "viendrait d'un autre serveur" in output, output


def test_an_image_on_an_allowed_intranet_host_is_shown(site):
    site.replace("mkdocs.yml", "  - parcours\n", "  - parcours:\n      media_hosts: [images.intranet.example]\n")
    site.replace(JOURNEY, "De la consultation au remboursement.", "'![Le circuit](https://images.intranet.example/circuit.png)'")
    result = site.build()
    assert result.ok, result.log
    assert '<img alt="Le circuit" src="https://images.intranet.example/circuit.png">' in result.html("journeys/remboursement/")


@pytest.mark.parametrize(
    "title",
    ['[x](/ "<img src=x onerror=alert(1)>")', '<abbr title="<img src=x onerror=alert(1)>">NPS</abbr>'],
    ids=["link title", "abbreviation title"],
)
def test_a_title_material_shows_as_a_tooltip_never_holds_a_tag(site, title):
    """Material's tooltips write a title as HTML: its angle brackets become look-alikes."""
    site.replace(JOURNEY, "De la consultation au remboursement.", f"'{title}'")
    result = site.build()
    assert result.ok, result.log
    page = result.html("journeys/remboursement/")
    assert 'title="‹img src=x onerror=alert(1)›"' in page
    assert "<img src=x" not in page and 'title="<img' not in page


def test_a_glossary_definition_never_holds_a_tag_in_its_tooltip(site):
    site.write("glossary.yml", "terms:\n  - term: irritant\n    definition: 'Ce qui agace <img src=x onerror=alert(1)> le client.'\n")
    site.write("docs/index.md", "# Accueil\n\nUn irritant.\n")
    result = site.build()
    assert result.ok, result.log
    html = result.html("")
    assert '<abbr title="Ce qui agace ‹img src=x onerror=alert(1)› le client."' in html
    assert ">Ce qui agace ‹img src=x onerror=alert(1)› le client.</span>" in html
    assert "<img src=x" not in html


@pytest.mark.parametrize("address", ["javascript:alert(1)//{commit}", "data:text/html,x{commit}", "//evil.example/{commit}"])
def test_a_commit_address_that_is_not_a_web_address_is_refused(site, address):
    site.replace("mkdocs.yml", "  - parcours\n", f"  - parcours:\n      commit_url: '{address}'\n")
    code, output = site.check()
    assert code == 1
    assert "plugins.parcours.commit_url" in output and "adresse web" in output


# --- files outside the project --------------------------------------------------------


def test_a_data_file_outside_the_journeys_folder_is_never_read(site, tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_text("période;étape;mesure;valeur\n2026-09;j-envoie-ma-facture;satisfaction;12\nMOT DE PASSE;x;y;z\n", "utf-8")
    site.replace(JOURNEY, "personas: [fanny]", f"personas: [fanny]\ndata: ['{secret}', ../../secret.csv]")
    code, output = site.check()
    assert code == 1
    assert "data[1] : le chemin" in output and "data[2] : le chemin" in output and "sort du dossier des sources" in output
    assert "MOT DE PASSE" not in output


def test_a_link_in_a_source_folder_to_a_file_outside_is_never_read(site, tmp_path):
    outside = tmp_path / "ailleurs.csv"
    outside.write_text("période;étape;mesure;valeur\n2026-09;j-envoie-ma-facture;satisfaction;12\n", "utf-8")
    (site.root / "journeys" / "data").mkdir(exist_ok=True)
    os.symlink(outside, site.root / "journeys" / "data" / "lien.csv")
    site.replace(JOURNEY, "personas: [fanny]", "personas: [fanny]\ndata: [data/lien.csv]")
    code, output = site.check()
    assert code == 1 and "sort du dossier des sources" in output
    (tmp_path / "ailleurs.md").write_text(site.read("personas/fanny.md"), "utf-8")
    os.symlink(tmp_path / "ailleurs.md", site.root / "personas" / "double.md")
    code, output = site.check()
    assert "personas/double.md : « double.md » est un lien vers un fichier hors du dossier" in output


@pytest.mark.parametrize("setting", ["glossary_file: ../glossaire.yml", "journeys_dir: /tmp", "onboarding_file: /etc/hosts"])
def test_a_setting_pointing_outside_the_site_is_refused(site, setting):
    site.replace("mkdocs.yml", "  - parcours\n", f"  - parcours:\n      {setting}\n")
    (site.root.parent / "glossaire.yml").write_text("terms:\n  - term: secret\n    definition: ne doit pas sortir\n", "utf-8")
    code, output = site.check()
    assert code == 1
    name = setting.split(":")[0]
    assert f"mkdocs.yml plugins.parcours.{name} : le réglage" in output and "mène hors du dossier du site" in output


# --- sources never overwritten -----------------------------------------------------------


@pytest.mark.parametrize("out", [".", "journeys", "personas", "docs", ".."])
def test_build_pages_refuses_to_write_over_the_sources(site, out):
    from parcours.cli import main

    before = {path: path.read_bytes() for path in site.root.rglob("*") if path.is_file()}
    result = CliRunner().invoke(main, ["build-pages", str(site.root), "--out", str(site.root / out)])
    assert result.exit_code == 1, result.output
    assert "effacerait ou écraserait" in result.output and "Rien n'a été écrit" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert {path: path.read_bytes() for path in site.root.rglob("*") if path.is_file()} == before


@pytest.mark.parametrize("site_dir", ["journeys", "personas", "benchmarks", "solutions"])
def test_a_build_into_a_source_folder_deletes_nothing(site, site_dir):
    """MkDocs itself refuses to build into the site's folder or its pages (docs_dir); Parcours adds its sources."""
    from conftest import mkdocs_build

    before = sorted(path.relative_to(site.root) for path in site.root.rglob("*") if path.is_file())
    result = mkdocs_build(site.root / "mkdocs.yml", site.root / site_dir)
    assert not result.ok
    assert any(f"effacerait ou écraserait « {site_dir} »" in line for line in result.log), result.log
    assert sorted(path.relative_to(site.root) for path in site.root.rglob("*") if path.is_file()) == before


# --- the authors' own pages ---------------------------------------------------------------


def test_an_authors_page_may_hold_raw_html_but_loads_nothing_from_another_host(site):
    """`docs/` holds the team's own pages, reviewed like code: raw HTML stays (Material's
    grids, a figure), but an image, a frame or a stylesheet from another host is an error."""
    site.write("docs/index.md", '# Accueil\n\n<div class="grid" markdown>\n\nBienvenue.\n\n</div>\n')
    result = site.build()
    assert result.ok, result.log
    assert '<div class="grid"' in result.html("")
    site.write("docs/index.md", '# Accueil\n\n<iframe src="https://video.example/embed/1"></iframe>\n\n![Carte](https://cdn.example/carte.png)\n')
    result = site.build()
    assert not result.ok
    assert any("docs/index.md:3:14 : la page charge « https://video.example/embed/1 » depuis un autre serveur" in line for line in result.log), result.log
    assert any("docs/index.md:5:10 : la page charge « https://cdn.example/carte.png »" in line for line in result.log), result.log


def test_a_script_in_an_authors_page_is_a_warning_for_the_reviewer(site):
    site.write("docs/index.md", '# Accueil\n\n<a href="javascript:void(0)" onclick="alert(1)">Clic</a>\n')
    assert site.build(strict=False).ok
    result = site.build(strict=True)
    assert not result.ok
    assert any("docs/index.md:3:" in line and "exécute du code" in line for line in result.log), result.log


def test_an_authors_page_that_is_a_link_to_a_file_outside_is_refused(site, tmp_path):
    (tmp_path / "secret.md").write_text("# Secret\n", "utf-8")
    os.symlink(tmp_path / "secret.md", site.root / "docs" / "secret.md")
    code, output = site.check()
    assert code == 1
    assert "docs/secret.md : « secret.md » est un lien vers un fichier hors du dossier « docs »" in output


def test_an_authors_page_with_a_broken_front_matter_is_named(site):
    site.write("docs/index.md", "---\ntitle: Accueil : le site\n---\n# Accueil\n")
    code, output = site.check()
    assert code == 1
    assert "docs/index.md:2:" in output and "deux-points inattendu" in output
