"""Figures that tell the truth: a fraction is never read as a percent, a branch
is never where customers stop, a headline says how it was made, a subset is
not counted twice, and every figure can say where it comes from."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

JOURNEY = "journeys/remboursement.yml"
JOURNEY_PAGE = "journeys/remboursement/"
CSV = "journeys/data/remboursement.csv"
SUGGESTION = re.compile(r"Vouliez-vous dire « ([^»]+) » \?")


def _map(html: str) -> str:
    return re.search(r'<section class="parcours-map" data-state="current".*?</table>', html, re.S).group(0)


def _text(html: str) -> str:
    import html as html_lib

    # Spaces evened out, but not the narrow no-break space French puts before %.
    return re.sub(r"[ \t\r\n]+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", html))).strip()


# --- shares: never a fraction taken for a percent ----------------------------------------


@dataclass(frozen=True)
class Slip:
    """A share written the way a reporting tool exports it, and what the analyst meant."""

    name: str
    old: str
    new: str
    meant: str  # how the map shows what was meant, once the suggestion is applied


SLIPS = [
    Slip("a stage's satisfaction as a fraction", "satisfaction: 81", "satisfaction: 0.81", "81\u202f%"),
    Slip("a conversion with a decimal comma", "conversion: 60", "conversion: 0,6", "60\u202f% passent à l'étape suivante"),
    Slip("a touchpoint's satisfaction as a fraction", "satisfaction: 84", "satisfaction: 0.845", "84,5\u202f% satisfaits"),
    Slip("a commitment met as a fraction", "met: 71", "met: 0.71", "71\u202f%"),
]


@pytest.mark.parametrize("slip", SLIPS, ids=lambda slip: slip.name)
def test_a_share_written_as_a_fraction_is_refused_and_its_suggestion_means_what_was_meant(site, slip):
    site.replace(JOURNEY, slip.old, slip.new)
    code, output = site.check("--strict")
    assert code == 1
    assert "ressemble à une part écrite en fraction" in output, output
    suggested = SUGGESTION.search(output).group(1)
    # Applying the suggestion passes, and the map then says what the analyst meant.
    site.replace(JOURNEY, slip.new, slip.new.split(":")[0] + ": " + suggested)
    code, output = site.check("--strict")
    assert code == 0, output
    result = site.build()
    assert result.ok, result.log
    assert slip.meant in _text(_map(result.html(JOURNEY_PAGE))) or slip.meant in _text(result.html(JOURNEY_PAGE))


def test_a_share_below_one_percent_is_written_with_its_sign(site):
    site.replace(JOURNEY, "conversion: 60", "conversion: 0,5 %")
    code, output = site.check("--strict")
    assert code == 0, output
    result = site.build()
    assert "0,5\u202f% passent à l'étape suivante" in _text(_map(result.html(JOURNEY_PAGE)))


def test_a_percent_indicator_written_as_a_fraction_is_refused_at_its_value(site):
    site.replace(JOURNEY, "    value: 68\n", "    value: 0.68\n")
    line = site.line_of(JOURNEY, "value: 0.68")
    code, output = site.check()
    assert code == 1
    assert f"{JOURNEY}:{line}:12 kpis[1].value : « 0.68 » ressemble à une part écrite en fraction" in output
    assert "Vouliez-vous dire « 68 » ?" in output


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("0,302", "Vouliez-vous dire « 30.2 » ?"), ("0.5", "Vouliez-vous dire « 50 » ?")],
)
def test_a_share_exported_as_a_fraction_is_refused_at_its_cell(site, cell, expected):
    site.write(CSV, f"période;étape;mesure;valeur\n2026-09;je-consulte;satisfaction;{cell}\n")
    site.replace(JOURNEY, "period: month\n", "period: month\ndata: [data/remboursement.csv]\n")
    code, output = site.check()
    assert code == 1
    assert f"{CSV}:2:4 valeur : « {cell} » ressemble à une part écrite en fraction" in output and expected in output


def test_an_exported_share_below_one_percent_keeps_its_sign(site):
    site.write(CSV, "période;étape;mesure;valeur\n2026-09;je-consulte;conversion;0,3 %\n")
    site.replace(JOURNEY, "period: month\n", "period: month\ndata: [data/remboursement.csv]\n")
    code, output = site.check()
    assert code == 0, output


# --- a journey that forks, loops and leaves its main line ---------------------------------

BRANCHES = """
  - id: je-conteste
    name: Je conteste le montant
    phase: after
    path: incident
    volume: 500
    satisfaction: 20
    conversion: 12
    next:
      - stage: je-consulte
        share: 30
        label: Je recommence avec une nouvelle facture
"""


def _with_branches(site) -> None:
    site.replace(JOURNEY, "target:\n", BRANCHES.lstrip("\n").replace("\n  - id", "\n  - id") + "target:\n", )
    site.replace(
        JOURNEY, "    conversion: 60\n",
        "    conversion: 60\n    next:\n      - stage: j-envoie-ma-facture\n        share: 60\n      - stage: je-conteste\n        share: 5\n        label: Le montant me surprend\n",
    )


def test_a_branch_stage_is_never_where_customers_stop(site):
    """The incident path's 12 % (those who escalate) is not the journey's blocking point."""
    _with_branches(site)
    code, output = site.check("--strict")
    assert code == 0, output
    result = site.build()
    assert result.ok, result.log
    page = result.html(JOURNEY_PAGE)
    insights = _text(re.search(r'<section class="parcours-insights" data-state="current".*?</section>', page, re.S).group(0))
    assert "Point de blocage : 40\u202f% des clients s'arrêtent après « Je consulte mon médecin »" in insights
    assert "Je conteste le montant" not in insights.split("Point de blocage")[1].split(".")[0]
    grid = _map(page)
    assert 'class=" is-branch"' in grid or "is-branch" in grid
    assert "incident" in _text(grid)
    flow = _text(re.search(r'<tr class="parcours-lane parcours-lane-flow">.*?</tr>', grid, re.S).group(0))
    assert "Étape 2 · 60\u202f%" in flow and "Étape 3 · 5\u202f% Le montant me surprend" in flow
    assert "Étape 1 · 30\u202f% (nouvel essai) Je recommence avec une nouvelle facture" in flow
    funnel = re.search(r'data-chart="funnel".*?<template data-chart-data>(.*?)</template>', page, re.S).group(1)
    assert '"y":[10000,6000,null]' in funnel  # the incident stage has no bar


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("        share: 60\n", "        share: 60\n      - stage: j-envoie-ma-factur\n", "next[2].stage : « j-envoie-ma-factur » n'est pas une étape de ce parcours. Vouliez-vous dire « j-envoie-ma-facture » ?"),
        ("        share: 5\n", "        share: 50\n", "next : les parts des étapes suivantes font 110 % au total"),
    ],
    ids=["unknown stage", "shares over 100"],
)
def test_a_way_to_nowhere_or_shares_over_a_hundred_are_errors(site, old, new, expected):
    _with_branches(site)
    site.replace(JOURNEY, old, new)
    code, output = site.check()
    assert code == 1
    assert expected in output, output


# --- headlines that say what they are ----------------------------------------------------


def test_without_an_indicator_the_satisfaction_leaves_prospects_out_and_says_so(site):
    site.replace(JOURNEY, "  - name: Satisfaction globale\n    type: csat\n    value: 68\n    unit: \"%\"\n", "  - name: NPS\n    type: nps\n    value: 12\n")
    site.replace(
        JOURNEY, "stages:\n",
        "stages:\n  - id: je-verifie-mon-eligibilite\n    name: Je vérifie mon éligibilité\n    phase: before\n    volume: 44000\n    satisfaction: 10\n",
    )
    result = site.build()
    assert result.ok, result.log
    header = _text(re.search(r'<header class="parcours-header">.*?</header>', result.html(JOURNEY_PAGE), re.S).group(0))
    # (81 + 52) / 2: the 44,000 prospects' 10 % does not drag it down, and the stages count once each.
    assert "66,5\u202f% satisfaction moyenne de 2 étapes vécues par des clients (phase avant-vente mise à part), chacune comptant une fois" in header


def test_with_an_indicator_the_satisfaction_is_the_indicator_and_says_so(minimal_build):
    header = _text(re.search(r'<header class="parcours-header">.*?</header>', minimal_build.html(JOURNEY_PAGE), re.S).group(0))
    assert "68\u202f% satisfaction indicateur du parcours" in header


def test_a_touchpoint_part_of_another_is_not_counted_twice(site):
    site.replace(
        JOURNEY, "        satisfaction: 77\n",
        "        satisfaction: 77\n      - id: photo-illisible\n        channel: application\n        label: Photo refusée car illisible\n        initiator: company\n        volume: 600\n        part_of: application\n",
    )
    result = site.build()
    assert result.ok, result.log
    inventory = result.html("touchpoints/")
    channel = re.search(r"Application mobile</span></span></th>\s*<td>(\d+)</td>\s*<td>([^<]*)</td>", inventory)
    assert channel.group(1) == "2" and channel.group(2) == "3\u202f600"  # two touchpoints, the whole's volume once
    assert "partie de « application »" in _text(_map(result.html(JOURNEY_PAGE)))


@pytest.mark.parametrize(
    ("whole", "back", "expected"),
    [
        ("appli", "", "« appli » n'est pas un point de contact de cette étape. Vouliez-vous dire « application » ?"),
        ("application", "        part_of: photo-illisible\n", "part_of : « photo-illisible » est lui-même une partie de ce point de contact"),
    ],
    ids=["part of nothing", "parts of each other"],
)
def test_a_part_of_nothing_or_of_its_own_part_is_an_error(site, whole, back, expected):
    site.replace(
        JOURNEY, "        satisfaction: 77\n",
        f"        satisfaction: 77\n{back}      - id: photo-illisible\n        channel: application\n        label: Photo refusée\n        initiator: company\n        part_of: {whole}\n",
    )
    code, output = site.check()
    assert code == 1 and expected in output, output


# --- evidence -------------------------------------------------------------------------------


def test_an_estimate_is_marked_with_a_word_and_its_source_is_told(site):
    site.replace(
        JOURNEY, "    volume: 6000\n",
        "    volume: 6000\n    evidence:\n      status: estimated\n      source: Atelier du 12 mars, à dire d'experts\n",
    )
    result = site.build()
    assert result.ok, result.log
    page = result.html(JOURNEY_PAGE)
    grid = _map(page)
    assert 'title="Source\u00a0: Atelier du 12 mars, à dire d&#39;experts"' in grid
    assert re.search(r'<span class="parcours-evidence parcours-evidence-estimated"><i class="pi [^"]+"></i><span>estimé</span></span>', grid)
    details = _text(re.search(r'<article[^>]*id="stage-j-envoie-ma-facture".*?</article>', page, re.S).group(0))
    assert "Provenance des chiffres" in details and "Volume\u00a0: estimé · Atelier du 12 mars" in details
    header = _text(re.search(r'<header class="parcours-header">.*?</header>', page, re.S).group(0))
    # The stage's 3 figures, its touchpoints' 4 and its indicator take the stage's evidence.
    assert re.search(r"Chiffres mesurés\s: 0 sur 14 · 8 estimés · 6 sans source", header), header


def test_figures_from_an_export_are_measured_unless_the_file_says_otherwise(site):
    site.write(CSV, "période;étape;mesure;valeur\n2026-09;je-consulte;satisfaction;80\n")
    site.replace(
        JOURNEY, "period: month\n",
        "period: month\ndata:\n  - file: data/remboursement.csv\n    evidence: {status: assumption, source: Projection du contrôle de gestion}\n",
    )
    result = site.build()
    assert result.ok, result.log
    grid = _map(result.html(JOURNEY_PAGE))
    assert "data/remboursement.csv — Projection du contrôle de gestion" in grid
    assert "hypothèse" in _text(grid)


# --- old verbatims -----------------------------------------------------------------------------


def test_an_old_verbatim_confirmed_on_purpose_is_no_longer_flagged(site):
    site.replace(JOURNEY, "date: 2026-05-04", "date: 2021-05-04")
    code, output = site.check("--strict")
    assert code == 1
    assert "confirmez-le en ajoutant sous sa date « confirmed: 2026-11-24 »" in output
    site.replace(JOURNEY, "date: 2021-05-04", "date: 2021-05-04\n        confirmed: 2026-10-02")
    code, output = site.check("--strict")
    assert code == 0, output
    page = site.build().html(JOURNEY_PAGE)
    assert "(confirmé le 2 octobre 2026)" in _text(page)
    assert "parcours-old" not in re.search(r'<article[^>]*id="stage-j-envoie-ma-facture".*?</article>', page, re.S).group(0)
