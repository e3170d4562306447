"""From the diagnosis to action: benchmarks, solution sheets, priorities,
road map and coverage."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from html import unescape

import plotly.graph_objects as go
import pytest

from conftest import SiteDir
from parcours.analyses.prioritisation import priority, value_and_effort
from parcours.model import Settings
from parcours.site import load_site

JOURNEY = "journeys/remboursement.yml"
SOLUTION = "solutions/teletransmission.md"
BENCHMARK = "benchmarks/accuse-reception-instantane.md"


def _figures(html: str) -> list[dict]:
    return [json.loads(unescape(text)) for text in re.findall(r"<template data-chart-data>(.*?)</template>", html, re.S)]


def _second_solution(site, name="rappel-proactif", status="idea", scores="customer_expectations: 2\n  business_development: 1\n  technical_feasibility: 5\n  employee_expectations: 1\n  resources: 1"):
    site.write(
        f"solutions/{name}.md",
        f"---\ntitle: Rappel proactif\naddresses: [remboursement/je-consulte]\nowner: Centre de relation\n"
        f"timeline: {{quarter: 2027-T2}}\nstatus: {status}\nscores:\n  {scores}\n---\nOn rappelle avant que l'adhérent appelle.\n",
    )


# --- solution sheets --------------------------------------------------------------


def test_a_timeline_may_be_one_quarter(site):
    _second_solution(site)
    index = load_site(site.root, Settings()).index
    timeline = index.solutions["rappel-proactif"].model.timeline
    assert (timeline.start, timeline.end) == (date(2027, 4, 1), date(2027, 6, 30))


def test_a_timeline_is_a_quarter_or_two_dates(site):
    site.replace(SOLUTION, "  end: 2027-06\n", "  end: 2027-06\n  quarter: 2027-T1\n")
    code, output = site.check()
    assert code == 1
    assert "timeline : le calendrier donne à la fois un trimestre" in output
    site.replace(SOLUTION, "  end: 2027-06\n  quarter: 2027-T1\n", "")
    code, output = site.check()
    assert code == 1
    assert "timeline : le calendrier a besoin d'un début et d'une fin" in output


def test_priority_value_and_effort_follow_the_sites_weights():
    from parcours.model import Solution

    solution = Solution.model_validate({"title": "x", "owner": "y", "status": "idea", "scores": {"customer_expectations": 5, "resources": 1}})
    settings = Settings()
    # (5 × 3 + (5 − 1) × 2) / (3 + 2)
    assert priority(solution, settings) == round((5 * 3 + 4 * 2) / 5, 2)
    assert value_and_effort(solution, settings) == (5.0, 1.0)
    heavier = Settings(criteria=[{"id": "customer_expectations", "weight": 1}, {"id": "resources", "weight": 4, "against": True}])
    assert priority(solution, heavier) == round((5 * 1 + 4 * 4) / 5, 2)


# --- what check says -----------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One piece of one source replaced, and what `parcours check` must then say."""

    name: str
    file: str
    old: str
    new: str
    expected: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    code: int = 1
    needle: str = ""  # the changed line, found in `file` once changed...
    at_line: str = ""  # ...and a message naming it, `{line}` being its number


CASES = [
    Case(
        "priority_is_computed_never_typed",
        SOLUTION, "status: planned", "status: planned\npriority: 5",
        needle="priority: 5",
        at_line=f"{SOLUTION}:{{line}}:1 priority : la priorité d'une fiche chantier est calculée",
    ),
    Case(
        "a_criterion_left_unscored_is_a_warning",
        SOLUTION, "  employee_expectations: 4\n", "",
        code=0,
        expected=("scores : la fiche n'est pas notée sur « employee_expectations »",),
    ),
    Case(
        "a_broken_solution_sheet_does_not_also_open_the_irritants_it_addresses",
        SOLUTION, "status: planned", "status: planned\nzzzqqq: 3",
        expected=("zzzqqq",),
        absent=("qu'aucune fiche chantier ne traite", "n'est tenue par aucune fiche"),
    ),
    Case(
        "a_moment_of_truth_without_kpi_is_a_coverage_gap",
        JOURNEY,
        "    kpis:\n      - name: Délai moyen de traitement\n        type: delay\n        value: 6.5\n        unit: j\n        target: 2\n",
        "",
        code=0,  # a gap in the coverage is a warning
        expected=("stages[2].moment_of_truth : l'étape « J'envoie ma facture » est un moment de vérité sans indicateur",),
    ),
    Case(
        "a_criterion_misspelt_in_mkdocs_yml_is_not_blamed_on_the_sheets",
        "mkdocs.yml",
        "  - parcours\n",
        "  - parcours:\n      criteria:\n        - id: customer_expectation\n          weight: 3\n        - id: business_development\n"
        "        - id: technical_feasibility\n        - id: employee_expectations\n        - id: resources\n          against: true\n",
        expected=(
            "« customer_expectations » est un critère par défaut, mais la liste « criteria » de mkdocs.yml ne le contient pas",
            "corrigez mkdocs.yml plutôt que chaque fiche",
        ),
        absent=("Vouliez-vous dire « customer_expectation »",),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_slip_on_the_way_to_action_is_reported_where_it_is_made(site: SiteDir, case: Case) -> None:
    """One slip, one message, in the file to fix: not echoed by the coverage of what it touches."""
    site.replace(case.file, case.old, case.new)
    code, output = site.check()
    assert code == case.code, output
    if case.needle:
        assert case.at_line.format(line=site.line_of(case.file, case.needle)) in output
    for expected in case.expected:
        assert expected in output
    for absent in case.absent:
        assert absent not in output


# --- pages ----------------------------------------------------------------------


def test_priorities_rank_solutions_with_their_breakdown_and_a_linked_matrix(site):
    _second_solution(site)
    html = site.build().html("priorities/")
    titles = [unescape(t) for t in re.findall(r'<th scope="row"><a href="[^"]+">(.*?)</a></th>', html)]
    assert titles == ["Télétransmission pour tous les soins", "Rappel proactif"]
    first_row = re.search(r"<tr>\s*<td>1</td>.*?</tr>", html, re.S).group(0)
    # The letter it addresses keeps customers loyal (high): the computed criterion scores 5.
    # (5×3 + 3×2 + 2×2 + 4×1 + (5−3)×2 + 5×2) / (3+2+2+1+2+2) = 3.58
    assert "<strong>3,58 / 5</strong>" in first_row
    assert [cell for cell in re.findall(r"<td>([\d,—]+)</td>", first_row)][:7] == ["1", "5", "3", "2", "4", "3", "5"]
    (matrix,) = _figures(html)
    go.Figure(matrix)
    # Hovering a point reads "Valeur : 4,25" in French, not "Valeur4.25".
    assert "Valeur\xa0: %{y:.2f}<br>Effort\xa0: %{x:.2f}" in matrix["data"][0]["hovertemplate"]
    assert matrix["layout"]["separators"] == ", "
    points = matrix["data"][0]["customdata"]
    assert [point[1] for point in points] == ["../solutions/teletransmission/", "../solutions/rappel-proactif/"]


def test_the_road_map_groups_by_status_or_journey_and_marks_today(site):
    _second_solution(site)
    html = site.build().html("roadmap/")
    sections = re.findall(r'<section class="parcours-roadmap-group" data-grouping="(\w+)"', html)
    assert sections == ["status", "journey"]
    by_status, by_journey = _figures(html)
    for figure in (by_status, by_journey):
        go.Figure(figure)
        (today,) = figure["layout"]["shapes"]
        assert today["x0"] == "2026-11-24"  # SOURCE_DATE_EPOCH, set by conftest
    names = {trace["name"] for trace in by_status["data"]}
    assert names == {"planifié", "idée"}
    groups = {group for trace in by_journey["data"] for group in trace["y"][0]}
    assert groups == {"Je me fais rembourser mes soins"}
    assert "1er avril 2027" in html and "30 juin 2027" in html


def test_coverage_lists_every_gap_with_a_link_and_check_warns(site):
    _second_solution(site)  # addresses a stage with no irritant…
    site.replace(SOLUTION, "addresses:\n  - remboursement/j-envoie-ma-facture/courrier\n", "addresses: []\n")  # …so the irritant is open
    site.replace(SOLUTION, "delivers:\n  - remboursement/je-suis-rembourse\n", "")
    code, output = site.check()
    assert code == 0
    assert "« Envoi de la facture par la poste » est un irritant qu'aucune fiche chantier ne traite." in output
    assert f"{SOLUTION}:" in output and "la fiche chantier ne traite aucun irritant" in output
    assert "la promesse de l'étape cible « Je suis remboursée sans rien envoyer » n'est tenue par aucune fiche chantier" in output
    assert site.check("--strict")[0] == 1
    html = site.build(strict=False).html("coverage/")
    assert 'href="../journeys/remboursement/#stage-j-envoie-ma-facture--courrier"' in html
    assert 'href="../solutions/teletransmission/"' in html
    assert 'href="../journeys/remboursement/#target-je-suis-rembourse"' in html
    site.replace("mkdocs.yml", "  - parcours\n", "  - parcours:\n      coverage_warnings: false\n")
    assert "aucune fiche chantier ne traite" not in site.check()[1]


def test_benchmark_cards_carry_their_filters_and_sheets_their_screenshots(site):
    site.write("benchmarks/captures/ecran.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>')
    site.replace(BENCHMARK, "observed: 2026-04-02", 'observed: 2026-04-02\nscreenshots:\n  - file: captures/ecran.svg\n    caption: "L\'accusé de réception <b>affiché</b>"')
    result = site.build()
    assert result.ok, result.log
    index = result.html("benchmarks/")
    card = re.search(r'<li class="parcours-card" data-filter-item ([^>]*)>', index).group(1)
    assert 'data-phase="after"' in card and 'data-channel="application"' in card
    assert 'data-sector="assurance"' in card and 'data-company="assureur-exemple"' in card and 'data-stage="j-envoie-un-justificatif"' in card
    for name in ("phase", "stage", "channel", "sector", "company"):
        assert f'<select data-filter="{name}">' in index
    sheet = result.html("benchmarks/accuse-reception-instantane/")
    assert '<img src="../captures/ecran.svg" alt="L&#39;accusé de réception &lt;b&gt;affiché&lt;/b&gt;" loading="lazy">' in sheet
    assert (result.site_dir / "benchmarks/captures/ecran.svg").is_file()
