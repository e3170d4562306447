"""What changed: on a journey's page, a team's and the site's, since the last
review (or a date the reader picks, in the browser tests); and in a pull
request's summary, before and after, from `parcours changes`."""

from __future__ import annotations

import re
import subprocess
from html import unescape

import pytest
from click.testing import CliRunner

from parcours.cli import main

JOURNEY = "journeys/remboursement.yml"
SOLUTION = "solutions/teletransmission.md"
CSV = "journeys/data/remboursement.csv"
EXPORT = (
    "Période;Étape;Mesure;Valeur\n"
    "2026-T1;j-envoie-ma-facture;satisfaction;48\n"
    "2026-T2;j-envoie-ma-facture;satisfaction;55\n"
    "2026-T3;j-envoie-ma-facture;satisfaction;61\n"
    "2026-T1;j-envoie-ma-facture;passage;95\n"
    "2026-T2;j-envoie-ma-facture;passage;95\n"
    "2026-T3;j-envoie-ma-facture;passage;93\n"
    "2026-T1;j-envoie-ma-facture;engagement tenu;62\n"
    "2026-T2;j-envoie-ma-facture;engagement tenu;74\n"
    "2026-T3;j-envoie-ma-facture;engagement tenu;71\n"
)


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split()).replace("\u202f", " ").replace("\xa0", " ")


def _with_export(site) -> None:
    site.write(CSV, EXPORT)
    site.replace(JOURNEY, "period: month\n", "period: month\ndata: [data/remboursement.csv]\n")
    site.replace(JOURNEY, "        met: 71\n", "        met: 71\n        met_target: 90\n")


def _kind(html: str, kind: str) -> str:
    """One kind of change (`figures`, `new_irritants`…) of the page's "what changed"."""
    return re.search(rf'<section class="parcours-changes-kind" data-change-kind="{kind}".*?</section>', html, re.S).group(0)


def _shown(section: str) -> list[str]:
    """The changes a reader sees without picking a date."""
    return [_text(item) for attributes, item in re.findall(r"<li data-change([^>]*)>(.*?)</li>", section, re.S) if " hidden" not in attributes]


def test_since_its_last_review_a_journey_says_how_each_stage_moved_from_the_exports(site):
    _with_export(site)
    result = site.build()
    assert result.ok, result.log
    html = result.html("journeys/remboursement/")
    block = _text(re.search(r'<section class="parcours-block parcours-changes-block".*?</section>\s*</section>', html, re.S).group(0))
    assert block.startswith("Ce qui a changé Depuis le Depuis la dernière revue Depuis la dernière revue du parcours, le 15 septembre 2026.")
    figures = _kind(html, "figures")
    # Reviewed on 15 September: the figure known then is the second quarter's.
    assert _shown(figures) == [
        "J'envoie ma facture : satisfaction 55 % (2026-T2) → 61 % (2026-T3) +6 points",
        "J'envoie ma facture : passage à l'étape suivante 95 % (2026-T2) → 93 % (2026-T3) −2 points",
    ]
    assert "<span data-change-count>2</span>" in figures
    # Since a day of the first quarter, the first quarter's figure is the one to compare with.
    first = re.search(r"<li data-change([^>]*)>[^<]*<a[^>]*>J&#39;envoie ma facture</a>\W+satisfaction <strong>48", figures).group(1)
    assert 'data-review="2026-09-15"' in first and "data-after" not in first and 'data-before="2026-06-30"' in first and " hidden" in first
    commitments = _shown(_kind(html, "commitments"))
    assert commitments == ["Délai de prise en compte — J'envoie ma facture : 71 % (objectif 90 %) manqué · 74 % en 2026-T2"]


def test_irritants_found_and_solved_are_dated_by_their_touchpoints(site):
    site.replace(JOURNEY, "        satisfaction: 77\n", "        satisfaction: 77\n        qualification: enchantment\n        previously: irritant\n        since: 2026-11-02\n")
    result = site.build()
    assert result.ok, result.log
    html = result.html("journeys/remboursement/")
    assert _shown(_kind(html, "new_irritants")) == ["irritant Envoi de la facture par la poste — J'envoie ma facture · constaté le 5 octobre 2026"]
    assert _shown(_kind(html, "solved_irritants")) == ["irritant Photo de la facture dans l'application — J'envoie ma facture · résolu le 2 novembre 2026"]
    details = _text(re.search(r'<section class="parcours-tp-detail" id="stage-j-envoie-ma-facture--application".*?</section>', html, re.S).group(0))
    assert "Qualification changée le 2 novembre 2026 ; avant : irritant" in details
    # Before the last review, nothing changed: each kind says so.
    site.replace(JOURNEY, "since: 2026-10-05", "since: 2026-03-05")
    site.replace(JOURNEY, "since: 2026-11-02", "since: 2026-03-02")
    html = site.build().html("journeys/remboursement/")
    assert _shown(_kind(html, "new_irritants")) == []
    assert "Aucun nouvel irritant depuis cette date." in _text(_kind(html, "new_irritants"))
    assert re.search(r'<p class="parcours-note" data-change-none>Aucun irritant résolu', html)


def test_each_team_and_the_site_see_the_changes_of_what_they_own(site):
    site.replace(SOLUTION, "status: planned\n", "status: done\ndelivered: 2026-10-20\n")
    result = site.build()
    assert result.ok, result.log
    team = result.html("teams/centre-de-gestion/")
    assert _shown(_kind(team, "new_irritants")) == [
        "irritant Envoi de la facture par la poste — J'envoie ma facture (Je me fais rembourser mes soins) · constaté le 5 octobre 2026",
    ]
    assert _shown(_kind(result.html("teams/relation-adherents/"), "new_irritants")) == []
    operations = result.html("teams/direction-des-operations/")
    assert _shown(_kind(operations, "delivered")) == ["Télétransmission pour tous les soins · livré le 20 octobre 2026"]
    page = result.html("changes/")
    assert "Depuis la dernière revue de chaque parcours." in _text(page)
    assert _shown(_kind(page, "delivered")) == ["Télétransmission pour tous les soins · livré le 20 octobre 2026"]
    assert len(_shown(_kind(page, "new_irritants"))) == 1
    assert "Livré le 20 octobre 2026" in _text(result.html("solutions/teletransmission/"))


@pytest.mark.parametrize(
    "file, old, new, needle, expected",
    [
        (SOLUTION, "status: planned\n", "status: planned\ndelivered: 2026-10-20\n", "delivered: 2026-10-20",
         "le chantier a une date de livraison (« delivered ») mais son statut est « planned » : passez-le à « done », ou retirez la date."),
        (JOURNEY, "        since: 2026-10-05\n", "        previously: rupture\n", "        previously: rupture",
         "la qualification précédente « rupture » n'a pas de date : ajoutez « since »"),
    ],
    ids=["a_delivery_date_on_a_solution_not_done", "a_previous_qualification_without_its_date"],
)
def test_a_change_that_cannot_be_dated_is_an_error_at_its_line(site, file, old, new, needle, expected):
    site.replace(file, old, new)
    code, output = site.check()
    assert code == 1
    line = site.line_of(file, needle)
    assert f"{file}:{line}:" in output and expected in output, output


# --- a pull request's summary ---------------------------------------------------------


def _git(site, *args: str) -> str:
    command = ["git", "-C", str(site.root), "-c", "user.name=Claire Analyste", "-c", "user.email=cx@intranet.example", *args]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


def _changes(site, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["changes", str(site.root), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_a_pull_request_summary_gives_each_figure_it_changes_before_and_after(site):
    _with_export(site)
    _git(site, "init", "-q", "-b", "main")
    _git(site, "add", "-A")
    _git(site, "commit", "-q", "-m", "Premier état")
    _git(site, "checkout", "-q", "-b", "chiffres-t4")
    site.write(CSV, site.read(CSV) + "2026-T4;j-envoie-ma-facture;satisfaction;66\n2026-T4;j-envoie-ma-facture;engagement tenu;91\n")
    site.replace(JOURNEY, "        qualification: irritant\n", "        qualification: enchantment\n        previously: irritant\n")
    site.replace(JOURNEY, "since: 2026-10-05", "since: 2026-11-20")
    site.replace(SOLUTION, "status: planned\n", "status: done\n")
    _git(site, "commit", "-q", "-am", "Chiffres du T4")
    code, summary, _ = _changes(site, "--base", "main")
    assert code == 0
    assert summary.startswith("### Ce que ces modifications changent dans les parcours\n")
    assert "| Je me fais rembourser mes soins | J'envoie ma facture | Satisfaction | 61 % | 66 % (+5 points) |" in summary.replace("\u202f", " ")
    assert "- irritant : Envoi de la facture par la poste — J'envoie ma facture (Je me fais rembourser mes soins)" in summary.replace("\xa0", " ")
    assert "#### Chantiers livrés\n\n- Télétransmission pour tous les soins — livré le 30 juin 2027" in summary
    assert "| Délai de prise en compte | 71 % | 91 % (objectif 90 %, tenu) |" in summary.replace("\u202f", " ")
    assert summary.rstrip().endswith("Comparé à main par « parcours changes ». Les chiffres sont ceux des pages, exports du reporting compris.")
    # Nothing changes between a version and itself.
    assert "Aucun chiffre d'étape, irritant, chantier livré ni engagement ne change." in _changes(site, "--base", "HEAD")[1]


def test_a_summary_text_from_sources_shows_as_written_not_as_markup(site):
    _git(site, "init", "-q", "-b", "main")
    _git(site, "add", "-A")
    _git(site, "commit", "-q", "-m", "Premier état")
    site.replace(JOURNEY, "    satisfaction: 52\n", "    satisfaction: 58\n")
    site.replace(JOURNEY, "name: J'envoie ma facture", "name: J'envoie ma facture | ![x](https://ailleurs.example/x.png)")
    summary = _changes(site, "--base", "main")[1]
    assert "J'envoie ma facture \\| \\!\\[x\\]\\(https://ailleurs.example/x.png\\)" in summary


def test_sources_with_errors_get_no_summary_but_their_errors(site):
    _git(site, "init", "-q", "-b", "main")
    _git(site, "add", "-A")
    _git(site, "commit", "-q", "-m", "Premier état")
    site.replace(JOURNEY, "kind: customer", "kind: client")
    code, summary, errors = _changes(site, "--base", "main")
    assert (code, summary) == (1, "")
    assert "kind : « client » n'est pas un type de parcours du site" in errors


def test_without_git_or_with_an_unknown_base_the_summary_says_why(site, tmp_path):
    code, summary, errors = _changes(site, "--base", "origin/main")
    assert (code, summary) == (0, "")  # outside git: nothing to compare, not a failure
    assert "n'est pas dans un dépôt git" in errors
    _git(site, "init", "-q", "-b", "main")
    _git(site, "add", "-A")
    _git(site, "commit", "-q", "-m", "Premier état")
    code, summary, errors = _changes(site, "--base", "origin/main")
    assert (code, summary) == (1, "")
    assert "« origin/main » n'est pas une version connue de git" in errors
