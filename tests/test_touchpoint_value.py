"""What each touchpoint brings (data, effect on conversion and loyalty, cost):
shown with the touchpoint, used by the prioritisation of the solutions that
address it; and coverage of the missing and redundant touchpoints no solution
addresses, at their line."""

from __future__ import annotations

import re
from html import unescape

import pytest

JOURNEY = "journeys/remboursement.yml"
SOLUTION = "solutions/teletransmission.md"


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split()).replace("\u202f", " ").replace("\xa0", " ")


def test_a_touchpoint_says_what_it_brings_and_what_it_costs_per_period(minimal_build):
    html = minimal_build.html("journeys/remboursement/")
    detail = _text(re.search(r'<section class="parcours-tp-detail" id="stage-j-envoie-ma-facture--courrier".*?</section>', html, re.S).group(0))
    # 2 400 letters a month at 2,4 € each.
    assert "Données recueillies Adresse postale Effet sur la fidélité fort Horizon moyen terme Coût d'un contact 2,4 € (soit 5 760 € par mois)" in detail
    assert "Qualifié ainsi depuis le 5 octobre 2026." in detail


def test_the_value_of_the_touchpoints_a_solution_addresses_weighs_in_its_priority(site):
    result = site.build()
    page = result.html("priorities/")
    header = _text(re.search(r"<thead>.*?</thead>", page, re.S).group(0))
    assert "Valeur des points de contact traités × 2, calculée" in header
    sheet = _text(result.html("solutions/teletransmission/"))
    assert "Valeur des points de contact traités (calculée) 2 5 / 5" in sheet
    # A letter that only slightly keeps customers: the solution's value, and its priority, fall.
    site.replace(JOURNEY, "          loyalty: high\n", "          loyalty: low\n")
    sheet = _text(site.build().html("solutions/teletransmission/"))
    assert "Valeur des points de contact traités (calculée) 2 1 / 5" in sheet
    assert "Priorité calculée 2,92 / 5" in sheet


def test_a_computed_score_written_in_a_sheet_is_an_error_at_its_line(site):
    site.replace(SOLUTION, "  resources: 3\n", "  resources: 3\n  touchpoint_value: 4\n")
    code, output = site.check()
    assert code == 1
    line = site.line_of(SOLUTION, "touchpoint_value: 4")
    assert f"{SOLUTION}:{line}:3 scores.touchpoint_value : la note « touchpoint_value » se calcule à partir de la valeur" in output


@pytest.mark.parametrize(
    "qualification, message",
    [
        ("missing", "« Photo de la facture dans l'application » est un point de contact manquant qu'aucune fiche chantier ne traite."),
        ("redundant", "« Photo de la facture dans l'application » est un point de contact redondant qu'aucune fiche chantier ne traite."),
    ],
)
def test_a_missing_or_redundant_touchpoint_no_solution_addresses_is_a_coverage_gap(site, qualification, message):
    site.replace(JOURNEY, "        satisfaction: 77\n", f"        satisfaction: 77\n        qualification: {qualification}\n")
    code, output = site.check()
    assert code == 0, output
    line = site.line_of(JOURNEY, f"qualification: {qualification}")
    assert f"avertissement {JOURNEY}:{line}:24 stages[2].touchpoints[2].qualification : {message}" in output
    coverage = site.build(strict=False).html("coverage/")
    gaps = _text(re.search(r'<section aria-labelledby="coverage-gaps_unaddressed">.*?</section>', coverage, re.S).group(0))
    assert gaps.startswith("Points de contact manquants ou redondants qu'aucun chantier ne traite (1)")
    assert "Photo de la facture dans l'application" in gaps
    # A solution that addresses it closes the gap.
    site.replace(SOLUTION, "  - remboursement/j-envoie-ma-facture/courrier\n", "  - remboursement/j-envoie-ma-facture/courrier\n  - remboursement/j-envoie-ma-facture/application\n")
    assert "qu'aucune fiche chantier ne traite" not in site.check()[1]
