"""The site for every employee: home, onboarding path, glossary, teams, freshness."""

from __future__ import annotations

import json
import re
import subprocess
from html import unescape

JOURNEY = "journeys/remboursement.yml"
HOME = """# Accueil

Le site des parcours clients. Tenu par l'équipe expérience client.

## Nos parcours

<!-- parcours:journeys -->

## Nos personas

<!-- parcours:personas -->

## Les dernières modifications

<!-- parcours:changes -->
"""
GLOSSARY = """intro: Les mots de l'expérience client.
terms:
  - term: irritant
    definition: Ce qui agace le client à un point de contact.
    forms: [irritants]
  - term: moment de vérité
    definition: L'étape où la relation peut basculer.
  - term: NPS
    definition: Net Promoter Score, la propension à recommander.
"""
ONBOARDING = """title: Bienvenue
intro: Vos premiers pas.
steps:
  - id: lire-une-carte
    title: Lire une cartographie
    minutes: 15
    visits:
      - page: journeys/remboursement.md
        look_for: Le point de blocage.
      - page: journeys/remboursement.md#stage-j-envoie-ma-facture
        look_for: Le moment de vérité.
    check:
      - question: Quelle étape est un moment de vérité ?
        answer: J'envoie ma facture.
  - id: rencontrer-fanny
    title: Rencontrer Fanny
    minutes: 5
    visits:
      - page: personas/fanny.md
        look_for: Sa posture.
"""


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


# --- home -----------------------------------------------------------------------


def test_the_home_shows_journey_cards_personas_and_no_history_outside_git(site):
    site.write("docs/index.md", HOME)
    result = site.build()
    assert result.ok, result.log
    html = result.html("")
    assert "<!-- parcours:" not in html
    cards = re.search(r'<div class="parcours parcours-home-journeys">.*?</ul>\s*</div>', html, re.S).group(0)
    text = _text(cards)
    assert "Je me fais rembourser mes soins" in text and 'href="journeys/remboursement/"' in cards
    assert "68 % satisfaction" in text.replace("\u202f", " ")
    assert "1 irritant " in text + " "
    assert "Étape la moins bien notée : J'envoie ma facture (52 %)" in text.replace("\u202f", " ")
    assert "Dernière revue : 15 septembre 2026" in text
    strip = re.search(r'<ul class="parcours-strip">.*?</ul>', html, re.S).group(0)
    assert 'href="personas/fanny/"' in strip and 'src="personas/portraits/fanny.svg"' in strip
    assert "L'historique des modifications apparaît quand le site est construit depuis son dépôt git." in _text(html)


def test_the_home_lists_recent_changes_from_git(site):
    site.write("docs/index.md", HOME)
    git = ["git", "-C", str(site.root), "-c", "user.name=Claire Analyste", "-c", "user.email=claire@intranet.example"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Premier état des parcours"], check=True)
    site.replace(JOURNEY, "satisfaction: 81", "satisfaction: 83")
    subprocess.run([*git, "commit", "-q", "-am", "Satisfaction du T3 pour la consultation"], check=True)
    html = site.build().html("")
    changes = re.findall(r"<li><time datetime=\"[^\"]+\">.*?</li>", html, re.S)
    assert len(changes) == 2
    latest = _text(changes[0])
    assert "Satisfaction du T3 pour la consultation" in latest and "Claire Analyste" in latest
    assert 'href="journeys/remboursement/"' in changes[0]


def test_blocks_are_written_into_authors_pages_by_build_pages(site, tmp_path):
    import shutil

    from click.testing import CliRunner

    from parcours.cli import main

    site.write("docs/index.md", HOME)
    out = tmp_path / "out"
    shutil.copytree(site.root / "docs", out)
    result = CliRunner().invoke(main, ["build-pages", str(site.root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    home = (out / "index.md").read_text("utf-8")
    assert "<!-- parcours:" not in home and 'href="journeys/remboursement/"' in home


# --- onboarding -------------------------------------------------------------------


def test_the_onboarding_path_lists_steps_pages_and_self_checks(site):
    site.write("onboarding.yml", ONBOARDING)
    result = site.build()
    assert result.ok, result.log
    html = result.html("onboarding/")
    steps = re.findall(r'<li class="parcours-step" id="([a-z-]+)" data-step="[a-z-]+">', html)
    assert steps == ["lire-une-carte", "rencontrer-fanny"]
    assert "2 étapes, environ 20 minutes en tout." in _text(html)
    assert 'href="../journeys/remboursement/">Je me fais rembourser mes soins</a>' in html
    assert 'href="../journeys/remboursement/#stage-j-envoie-ma-facture"' in html
    assert '<details class="parcours-question"><summary>Quelle étape est un moment de vérité ?</summary>' in html
    assert 'data-parcours-done="lire-une-carte"' in html and "<progress" in html


def test_an_onboarding_visit_to_a_page_that_does_not_exist_is_an_error(site):
    site.write("onboarding.yml", ONBOARDING.replace("page: personas/fanny.md", "page: personas/fany.md"))
    code, output = site.check()
    line = site.read("onboarding.yml").splitlines().index("      - page: personas/fany.md") + 1
    assert code == 1
    assert f"onboarding.yml:{line}:15 steps[2].visits[1].page : « personas/fany.md » n'est pas une page du site" in output
    assert "Vouliez-vous dire « personas/fanny.md » ?" in output


def test_a_broken_source_is_reported_once_not_again_by_the_onboarding_visits_to_it(site):
    site.write("onboarding.yml", ONBOARDING)
    site.replace("personas/fanny.md", "quote: Je veux", "quote: [Je veux")
    code, output = site.check()
    assert code == 1
    assert "personas/fanny.md:4" in output
    assert "onboarding.yml" not in output


def test_an_onboarding_visit_to_a_stage_that_does_not_exist_is_an_error_with_the_right_one(site):
    site.write("onboarding.yml", ONBOARDING.replace("page: personas/fanny.md", "page: journeys/remboursement.md#stage-j-envoie-ma-factur"))
    code, output = site.check()
    assert code == 1
    assert "« stage-j-envoie-ma-factur » n'est ni une étape ni un point de contact de « journeys/remboursement.md »" in output
    assert "Vouliez-vous dire « journeys/remboursement.md#stage-j-envoie-ma-facture » ?" in output


def test_onboarding_may_send_readers_to_an_authors_page(site):
    site.write("docs/methode.md", "# La méthode\n")
    site.write("onboarding.yml", ONBOARDING.replace("page: personas/fanny.md", "page: methode.md"))
    code, output = site.check()
    assert code == 0, output


# --- glossary ----------------------------------------------------------------------


def _term(text: str, definition: str) -> str:
    """A term as pages explain it: a tooltip on hover and on focus, and the
    definition its description for screen readers (hidden, out of the search)."""
    return (
        rf'<abbr title="{definition}" tabindex="0" aria-describedby="(parcours-term-\d+)">{text}</abbr>'
        rf'<span id="\1" hidden data-search-exclude>{definition}</span>'
    )


def test_glossary_terms_are_explained_on_hover_on_focus_and_to_screen_readers_across_the_site(site):
    site.write("glossary.yml", GLOSSARY)
    site.write("docs/index.md", "# Accueil\n\nUn irritant sur un moment de vérité fait baisser le NPS.\n")
    result = site.build()
    assert result.ok, result.log
    glossary = result.html("glossary/")
    assert "<dt id=\"irritant\">irritant</dt>" in glossary and "<abbr" not in glossary
    home = result.html("")
    assert re.search(_term("irritant", re.escape("Ce qui agace le client à un point de contact.")), home)
    assert re.search(_term("moment de vérité", re.escape("L&#39;étape où la relation peut basculer.")), home)
    assert len(set(re.findall(r'aria-describedby="(parcours-term-\d+)"', home))) == 3
    journey = result.html("journeys/remboursement/")
    assert re.search(_term("irritants?", "Ce qui agace[^\"<]*"), journey)
    # The definitions a page holds for screen readers are not searched as its own text.
    index = (result.site_dir / "search" / "search_index.json").read_text("utf-8")
    home_entries = [entry for entry in json.loads(index)["docs"] if entry["location"].split("#")[0] == ""]
    assert home_entries and not any("agace" in entry["text"] for entry in home_entries)
    # Never inside a link, a heading or a control.
    for tag in ("a", "h1", "h2", "h3", "h4", "option", "summary"):
        for inner in re.findall(rf"<{tag}[ >].*?</{tag}>", journey, re.S):
            assert "<abbr" not in inner, inner


def test_a_term_is_explained_once_a_page_where_it_first_appears_in_the_text(site):
    """Once a page: the keyboard's tour is not stopped at every repetition, and the
    map's grid, which repeats the details below it, is left as it is."""
    site.write("glossary.yml", GLOSSARY)
    site.write(
        "docs/index.md",
        "# Accueil\n\n<!-- un irritant > ici, en commentaire -->\n"
        "<p data-note=\"irritant > moment de vérité\">Premier irritant du texte.</p>\n\n"
        "Un autre irritant, puis [un irritant en lien](methode.md).\n",
    )
    site.write("docs/methode.md", "# Méthode\n")
    result = site.build()
    assert result.ok, result.log
    home = result.html("")
    assert home.count("<abbr") == 1
    assert re.search("Premier " + _term("irritant", re.escape("Ce qui agace le client à un point de contact.")) + " du texte.", home)
    assert "<!-- un irritant > ici, en commentaire -->" in home
    assert 'data-note="irritant &gt; moment de vérité"' in home or "data-note=\"irritant > moment de vérité\"" in home
    journey = result.html("journeys/remboursement/")
    grid = re.search(r'<table class="parcours-grid".*?</table>', journey, re.S).group(0)
    assert "<abbr" not in grid
    for term in re.findall(r"<abbr title=\"([^\"]+)\"", journey):
        assert journey.count(f'<abbr title="{term}"') == 1, term
    assert "glossary-pause" not in journey


# --- teams ----------------------------------------------------------------------------


def test_each_team_sees_what_it_touches(minimal_build):
    index = minimal_build.html("teams/")
    teams = re.findall(r'<th scope="row"><a href="([^"]+)">(.*?)</a></th>', index)
    names = [unescape(name) for _, name in teams]
    assert names == ["Centre de gestion", "Direction des opérations", "Partenariats santé", "Relation adhérents"]
    page = minimal_build.html("teams/centre-de-gestion/")
    text = _text(page)
    assert "Envoi de la facture par la poste" in text and "irritant" in text
    assert "J'ai posté ma facture il y a trois semaines" in text  # what customers say of its irritant
    operations = _text(minimal_build.html("teams/direction-des-operations/"))
    assert "Télétransmission pour tous les soins (planifié)" in operations


def test_a_solutions_teams_see_it_on_their_pages(site):
    site.replace("solutions/teletransmission.md", "owner: Direction des opérations\n", "owner: Direction des opérations\nteams: [Centre de gestion, relation adhérents]\n")
    result = site.build()
    assert result.ok, result.log
    for team in ("centre-de-gestion", "relation-adherents"):
        assert "Télétransmission pour tous les soins (planifié)" in _text(result.html(f"teams/{team}/"))
    # The owner is not a team of its own any more: the sheet names its teams.
    assert not (result.site_dir / "teams/direction-des-operations").exists()
    sheet = result.html("solutions/teletransmission/")
    assert 'href="../../teams/centre-de-gestion/">Centre de gestion</a>' in sheet


def test_a_solution_team_spelt_almost_like_a_journeys_team_is_a_warning(site):
    site.replace("solutions/teletransmission.md", "owner: Direction des opérations\n", "owner: Direction des opérations\nteams: [Centre de gestions]\n")
    code, output = site.check()
    assert code == 0
    assert "teams[1] : « Centre de gestions » n'est l'équipe d'aucune étape ni d'aucun point de contact" in output
    assert "Vouliez-vous dire « Centre de gestion » ?" in output


def test_team_names_match_whatever_their_case_and_accents(site):
    site.replace(JOURNEY, "        team: Centre de gestion\n", "        team: centre de Gestion\n")
    site.replace(JOURNEY, "    team: Relation adhérents\n", "    team: Centre de gestion\n")
    result = site.build()
    names = re.findall(r'<th scope="row"><a href="[^"]+">(.*?)</a></th>', result.html("teams/"))
    assert sum(1 for name in names if "gestion" in name.lower()) == 1


# --- freshness ----------------------------------------------------------------------


def test_a_map_past_its_review_age_says_so_and_check_warns(site):
    site.replace(JOURNEY, "last_review: 2026-09-15", "last_review: 2024-09-15")
    code, output = site.check()
    assert code == 0
    assert f"{JOURNEY}:{site.line_of(JOURNEY, 'last_review')}:14 last_review : la cartographie n'a pas été revue depuis le 2024-09-15" in output
    html = site.build(strict=False).html("journeys/remboursement/")
    notice = re.search(r'<p class="parcours-review-notice" role="note">.*?</p>', html, re.S).group(0)
    assert "Cette cartographie est à revoir : sa dernière revue date du 15 septembre 2024, il y a plus de 12 mois." in _text(notice)
    site.replace("mkdocs.yml", "  - parcours\n", "  - parcours:\n      review_max_age_months: 36\n")
    assert "n'a pas été revue" not in site.check()[1]
