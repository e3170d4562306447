"""The pages a reader sees, built by MkDocs in strict mode from the one-of-each-kind site."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

from conftest import FIXTURES

JOURNEY_PAGE = "journeys/remboursement/"


def test_one_page_per_source_at_a_stable_address(minimal_build):
    for path in (
        "journeys/", JOURNEY_PAGE, "personas/", "personas/fanny/", "benchmarks/",
        "benchmarks/accuse-reception-instantane/", "solutions/", "solutions/teletransmission/", "reference/",
    ):
        assert (minimal_build.site_dir / path / "index.html").is_file(), path


def test_pages_speak_french(minimal_build):
    html = minimal_build.html(JOURNEY_PAGE)
    assert '<html lang="fr"' in html
    text = minimal_build.text(JOURNEY_PAGE)
    for words in ("Parcours actuel", "Parcours cible", "Points de contact", "Moment de vérité", "Vécu collaborateur", "Après-vente"):
        assert words in text


def _leaves(node, loc=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*loc, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, (*loc, index))
    else:
        yield loc, node


def _french_number(value: float) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, format="#,##0.##", locale="fr")


def test_every_value_of_the_journey_is_shown_on_its_page(minimal_build):
    """Walk every value of the source and find it, as written or as shown, on the page."""
    from parcours.language.translator import Translator

    labels = Translator("fr").labels()
    source = yaml.safe_load((FIXTURES / "one_of_each_kind/journeys/remboursement.yml").read_text("utf-8"))
    text = minimal_build.text(JOURNEY_PAGE)
    enumerations = {
        "kind": "journey_kind", "phase": "phase", "qualification": "qualification", "initiator": "initiator",
        "source": "verbatim_source", "priority": "priority", "type": "kpi_type", "period": "period",
        "method": "listening_method", "measure": "kpi_type", "roles": "buyer_role", "frequency": "frequency",
        "loyalty": "impact", "horizon": "horizon",
    }
    names = {"fanny": "Fanny, la jeune active pressée", "accuse-reception-instantane": "Un accusé de réception dès l'envoi"}
    checked = 0
    for loc, value in _leaves(source):
        key = next((part for part in reversed(loc) if isinstance(part, str)), "")
        if key == "id" or (key == "touchpoint" and value == "courrier"):
            continue  # identifiers are addresses (anchors), not text
        if key in enumerations:
            expected = labels[enumerations[key]][value]
        elif key == "channel":
            expected = labels["channel"][value]
        elif isinstance(value, str) and value in names:
            expected = names[value]
        elif isinstance(value, bool):
            continue
        elif "emotion" in loc:
            expected = {-2: "\u22122", -1: "\u22121", 0: "0", 1: "+1", 2: "+2"}[value]
        elif isinstance(value, (int, float)):
            expected = _french_number(value)
        elif isinstance(value, date):
            from babel.dates import format_date

            expected = format_date(value, format="long", locale="fr")
        else:
            expected = " ".join(str(value).split())
        expected = " ".join(expected.split())  # as the page text: every space is one space
        assert expected in text, (loc, expected)
        checked += 1
    assert checked > 40
    assert "tous les soins" in text  # the Markdown body beside the YAML


def test_links_go_both_ways(minimal_build):
    persona = minimal_build.html("personas/fanny/")
    journey = minimal_build.html(JOURNEY_PAGE)
    benchmark = minimal_build.html("benchmarks/accuse-reception-instantane/")
    solution = minimal_build.html("solutions/teletransmission/")
    assert 'href="../../journeys/remboursement/"' in persona
    assert 'href="../../personas/fanny/"' in journey
    assert 'href="../../benchmarks/accuse-reception-instantane/"' in journey
    assert 'href="../../journeys/remboursement/#stage-j-envoie-ma-facture"' in benchmark
    assert 'href="../../journeys/remboursement/#stage-j-envoie-ma-facture--courrier"' in solution
    assert 'href="../../journeys/remboursement/#target-je-suis-rembourse"' in solution
    # The irritant's row names the solution that addresses it, and the target
    # stage the solution that delivers its promise.
    row = re.search(r'<section class="parcours-tp-detail" id="stage-j-envoie-ma-facture--courrier".*?</section>', journey, re.S).group(0)
    assert 'href="../../solutions/teletransmission/"' in row
    target = re.search(r'<article[^>]*id="target-je-suis-rembourse".*?</article>', journey, re.S).group(0)
    assert 'href="../../solutions/teletransmission/"' in target


class _Links(HTMLParser):
    """Every URL of a page, split into what the browser loads and what it only links to."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.resources: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        for name in ("href", "src", "poster", "data"):
            url = attributes.get(name)
            if not url:
                continue
            self.urls.append(url)
            loads = name != "href" or (tag == "link" and attributes.get("rel") not in ("canonical", "alternate"))
            if loads:
                self.resources.append(url)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text("utf-8"))
    return parser


def test_every_internal_link_and_anchor_resolves(minimal_build):
    site = minimal_build.site_dir
    pages = list(site.rglob("*.html"))
    assert len(pages) >= 10
    for page in pages:
        links = _parse(page)
        base = "http://site/" + page.relative_to(site).as_posix()
        for url in links.urls:
            parts = urlsplit(urljoin(base, url))
            if parts.scheme in ("mailto", "tel", "data", "javascript") or parts.netloc != "site":
                continue
            target = site / parts.path.lstrip("/")
            if parts.path.endswith("/"):
                target = target / "index.html"
            assert target.exists(), f"{page.relative_to(site)} → {url}"
            if parts.fragment and target.suffix == ".html":
                assert parts.fragment in _parse(target).ids, f"{page.relative_to(site)} → {url}"


def test_nothing_is_loaded_from_another_host(minimal_build):
    for page in minimal_build.site_dir.rglob("*.html"):
        for url in _parse(page).resources:
            assert not re.match(r"^(https?:)?//", url), f"{page}: {url}"
    css = (minimal_build.site_dir / "assets/parcours/parcours.css").read_text("utf-8")
    assert "url(" not in css and "@import" not in css


def test_html_in_a_verbatim_shows_as_text_and_never_runs(site):
    site.replace(
        "journeys/remboursement.yml",
        "text: J'ai posté ma facture il y a trois semaines et je n'ai aucune nouvelle.",
        "text: \"<script>alert('x')</script><img src=x onerror=alert(1)> c'est <b>lent</b>\"",
    )
    site.replace("personas/fanny.md", "Fanny gère tout depuis son téléphone.", "Fanny **gère** <b>tout</b> depuis son téléphone.")
    result = site.build()
    assert result.ok, result.log
    journey = result.html(JOURNEY_PAGE)
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; c&#39;est &lt;b&gt;lent&lt;/b&gt;" in journey
    assert "<script>alert(" not in journey
    persona = result.html("personas/fanny/")
    assert "<strong>gère</strong> <b>tout</b>" in persona


def test_a_script_a_javascript_link_or_an_outside_image_in_markdown_is_an_error_at_its_line(site):
    """Markdown is the team's own text: what the site would drop is named, not dropped silently."""
    site.replace("personas/fanny.md", "Fanny gère tout depuis son téléphone.", "Fanny **gère** <script>alert(2)</script><a href=\"javascript:alert(3)\">ici</a> <img src=\"https://tracker.example/p.gif\">")
    line = site.line_of("personas/fanny.md", "<script>")
    code, output = site.check()
    assert code == 1
    assert f"personas/fanny.md:{line}:16 : le texte contient « <script> », que le site ne montre pas" in output
    assert f"personas/fanny.md:{line}:50 : le lien « javascript:alert(3) » n'est pas une adresse web" in output
    assert f"personas/fanny.md:{line}:89 : l'image « https://tracker.example/p.gif » viendrait d'un autre serveur" in output


def test_html_in_a_title_a_quote_or_a_team_never_runs_in_the_themes_header_nav_or_title(site):
    """Material writes titles and descriptions as HTML: in <title>, the nav, the header, <meta>."""
    site.replace("journeys/remboursement.yml", "title: Je me fais rembourser mes soins", "title: 'Mes soins </title><script>alert(1)</script> & co'")
    site.replace("personas/fanny.md", "quote: Je veux que ça marche du premier coup.", "quote: 'Je veux \"><script>alert(2)</script> vite'")
    site.replace("personas/fanny.md", "name: Fanny, la jeune active pressée", "name: Fanny <img src=x onerror=alert(3)>")
    result = site.build()
    assert result.ok, result.log
    for page in result.site_dir.rglob("*.html"):
        html = page.read_text("utf-8")
        for payload in ("<script>alert", "<img src=x", '"><script'):
            assert payload not in html, (page, payload)
    journey = result.html(JOURNEY_PAGE)
    assert "<title>Mes soins ‹/title›‹script›alert(1)‹/script› &amp; co - Test Parcours</title>" in journey
    persona = result.html("personas/fanny/")
    assert '<meta name="description" content="Je veux &quot;›‹script›alert(2)‹/script› vite">' in persona
    # The page's own heading shows exactly what the analyst wrote, as text.
    assert "Fanny &lt;img src=x onerror=alert(3)&gt;" in persona


def test_the_site_can_speak_english(site):
    site.replace("mkdocs.yml", "  language: fr", "  language: en")
    result = site.build(strict=False)
    assert result.ok, result.log
    text = result.text(JOURNEY_PAGE)
    for words in ("Current journey", "Target journey", "Touchpoints", "Moment of truth", "Employee experience", "After purchase"):
        assert words in text
    assert "September 15, 2026" in text


def test_reference_page_comes_from_the_model(minimal_build):
    """Each field of the model has its own row, linkable by its name, saying
    whether it must be written and what it is for, as the model says."""
    from html import unescape

    from parcours.model import Stage, Touchpoint

    html = minimal_build.html("reference/")
    for model, section in ((Stage, "journey-stage"), (Touchpoint, "journey-touchpoint")):
        for name, field in model.model_fields.items():
            row = re.search(rf'<tr id="{section}--{name}">\s*<th scope="row"><code>{name}</code></th>(.*?)</tr>', html, re.S)
            assert row, f"no row for {name} in #{section}"
            *_, required, description = re.findall(r"<td>(.*?)</td>", row.group(1), re.S)
            assert required == ("oui" if field.is_required() else "non"), name
            # Enumerations add their values after the model's sentence.
            assert field.description and field.description.rstrip(".") in " ".join(unescape(description).split()), name
    text = minimal_build.text("reference/")
    assert Touchpoint.model_fields["channel"].description in text
    assert "journey.schema.json" in text
    schema = minimal_build.site_dir / "schemas" / "journey.schema.json"
    assert '"telephone"' in schema.read_text("utf-8")
