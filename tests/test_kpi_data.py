"""KPI data from reporting exports: the latest period feeds the map, every
period draws the stage's trend, and a bad file is named to its row and column
and used not at all."""

from __future__ import annotations

import json
import re
from html import unescape

from openpyxl import Workbook

JOURNEY = "journeys/remboursement.yml"
CSV = "journeys/data/remboursement.csv"
HEADER = "Période;Étape;Point de contact;Mesure;Valeur\n"
ROWS = (
    "2026-T1;j-envoie-ma-facture;;volume;5 200\n"
    "2026-T1;j-envoie-ma-facture;;satisfaction;48\n"
    "2026-T1;j-envoie-ma-facture;;engagement tenu;62,5\n"
    "2026-T2;j-envoie-ma-facture;;volume;5 900\n"
    "2026-T2;j-envoie-ma-facture;;satisfaction;55\n"
    "2026-T2;j-envoie-ma-facture;;engagement tenu;74\n"
    "2026-T2;j-envoie-ma-facture;courrier;volume;1 750\n"
)


def _point_to_data(site, *names: str) -> None:
    listed = ", ".join(names)
    site.replace(JOURNEY, "period: month\n", f"period: month\ndata: [{listed}]\n")


def _with_csv(site, rows: str = ROWS, header: str = HEADER) -> None:
    site.write(CSV, header + rows)
    _point_to_data(site, "data/remboursement.csv")


def _stage_section(html: str, stage: str) -> str:
    """A stage's details, below the map."""
    return re.search(rf'<article class="parcours-stage[^"]*" id="stage-{stage}".*?</article>', html, re.S).group(0)


def _map(html: str) -> str:
    return re.search(r'<section class="parcours-map" data-state="current".*?</table>', html, re.S).group(0)


def _trend(html: str, stage: str) -> tuple[str, dict | None]:
    """The stage's trend section and its first chart."""
    block, charts = _trends(html, stage)
    return block, (charts[0] if charts else None)


def _trends(html: str, stage: str) -> tuple[str, list[dict]]:
    """The stage's trend section and every chart in it."""
    section = _stage_section(html, stage)
    block = re.search(r'<section class="parcours-block parcours-trend".*?</section>', section, re.S)
    assert block, "no trend section on the stage"
    charts = re.findall(r"<template data-chart-data>(.*?)</template>", block.group(0), re.S)
    return block.group(0), [json.loads(unescape(chart)) for chart in charts]


def _built_with_workbook(site, workbook) -> str:
    """The journey's page once it names the workbook as its data."""
    (site.root / "journeys/data").mkdir(parents=True)
    workbook.save(site.root / "journeys/data/consultations.xlsx")
    _point_to_data(site, "data/consultations.xlsx")
    result = site.build()
    assert result.ok, result.log
    return result.html("journeys/remboursement/")


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


# --- the map and the trends -------------------------------------------------


def test_the_latest_period_replaces_the_figures_written_in_the_yaml(site):
    _with_csv(site)
    assert site.check() == (0, site.check()[1])
    result = site.build()
    assert result.ok, result.log
    html = result.html("journeys/remboursement/")
    figures = _text(_map(html))
    # The YAML said 6 000 clients and 52 % satisfied; the T2 export says otherwise.
    assert "5 900" in figures and "6 000" not in figures
    assert "55 %" in figures and "52 %" not in figures
    assert "1 750" in figures and "2 400" not in figures  # the touchpoint's own row
    # The other stage has no data: its YAML figures stay, and it has no trend.
    assert "10 000" in figures
    assert "Tendances" not in _text(_stage_section(html, "je-consulte"))


def test_every_period_draws_the_stages_trend_with_a_table_of_the_same_values(site):
    _with_csv(site)
    result = site.build()
    assert result.ok, result.log
    block, chart = _trend(result.html("journeys/remboursement/"), "j-envoie-ma-facture")
    text = _text(block)
    assert "Période Engagement tenu Satisfaction Volume Volume — Envoi de la facture par la poste" in text
    assert "2026-T1 62,5 % 48 % 5 200" in text
    assert "2026-T2 74 % 55 % 5 900 1 750" in text
    assert "Données : data/remboursement.csv" in text
    assert 'role="img"' in block and "aria-label=" in block
    traces = {trace["name"]: trace for trace in chart["data"]}
    assert traces["Volume"]["type"] == "bar" and traces["Volume"]["y"] == [5200, 5900]
    assert traces["Satisfaction"]["y"] == [48, 55] and traces["Satisfaction"]["x"] == ["2026-T1", "2026-T2"]
    assert traces["Engagement tenu"]["y"] == [62.5, 74]


def test_a_commitment_shows_its_rate_met_against_its_target_over_time(site):
    site.replace(JOURNEY, "        met: 71\n", "        met: 71\n        met_target: 95\n")
    _with_csv(site)
    result = site.build()
    assert result.ok, result.log
    html = result.html("journeys/remboursement/")
    block, chart = _trend(html, "j-envoie-ma-facture")
    (target_line,) = chart["layout"]["shapes"]
    assert target_line["y0"] == target_line["y1"] == 95
    assert chart["layout"]["annotations"][0]["text"] == "objectif 95\u202f%"
    # The map's promise lane quotes the latest rate, against its objective.
    commitments = [_text(p) for p in re.findall(r'<p class="parcours-commitment">.*?</p>', html, re.S)]
    assert "Délai de prise en compte : 24 h · engagement tenu 74 % (objectif 95 %)" in commitments


def test_a_spreadsheet_exported_from_bi_is_read_as_well(site):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Trimestre", "Etape", "Indicateur", "Valeur"])
    sheet.append(["T1 2026", "je-consulte", "Volume", 9100])
    sheet.append(["T2 2026", "je-consulte", "Volume", 9800])
    sheet.append(["T2 2026", "je-consulte", "Satisfaction", 0.5 * 166])
    html = _built_with_workbook(site, workbook)
    figures = _text(_map(html))
    assert "9 800" in figures and "83 %" in figures
    assert "T1 2026 9 100" in _text(_trend(html, "je-consulte")[0])


def test_a_spreadsheet_is_read_as_it_shows_percentages_and_months(site):
    """Excel holds 0.635 and shows 63,5 %; a date formatted `mmm yyyy` is a month."""
    from datetime import datetime

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Mois", "Etape", "Indicateur", "Valeur"])
    for month, share in ((8, 0.581), (9, 0.635)):
        sheet.append([datetime(2026, month, 1), "je-consulte", "Satisfaction", share])
        sheet.cell(sheet.max_row, 1).number_format = "mmm yyyy"
        sheet.cell(sheet.max_row, 4).number_format = "0.0%"
    sheet.append([datetime(2026, 9, 30), "je-consulte", "Volume", 9800])
    sheet.cell(sheet.max_row, 1).number_format = "dd/mm/yyyy"
    html = _built_with_workbook(site, workbook)
    assert "63,5 %" in _text(_map(html)) and "9 800" in _text(_map(html))
    table = _text(_trend(html, "je-consulte")[0])
    assert "2026-08 58,1 %" in table and "2026-09 63,5 %" in table
    assert "2026-09-30" in table and "00:00" not in table


def test_nps_and_delays_get_charts_of_their_own_scale(site):
    _with_csv(
        site,
        "2026-T1;je-consulte;;nps;-12\n2026-T2;je-consulte;;nps;8\n"
        "2026-T1;je-consulte;;délai;6,5\n2026-T2;je-consulte;;délai;4\n",
    )
    result = site.build()
    assert result.ok, result.log
    block, charts = _trends(result.html("journeys/remboursement/"), "je-consulte")
    drawn = {chart["data"][0]["name"]: chart for chart in charts}
    assert set(drawn) == {"NPS", "Délai"}
    assert drawn["NPS"]["data"][0]["y"] == [-12, 8] and drawn["NPS"]["layout"]["yaxis"]["range"] == [-100, 100]
    assert drawn["Délai"]["data"][0]["y"] == [6.5, 4]
    assert "2026-T1 6,5 -12" in _text(block)


# --- bad files ----------------------------------------------------------------


def _errors_of(site, rows: str, header: str = HEADER) -> str:
    _with_csv(site, rows, header)
    code, output = site.check()
    assert code == 1, output
    return output


def test_an_unknown_stage_names_the_row_and_column_and_suggests_the_right_one(site):
    output = _errors_of(site, ROWS + "2026-T3;j-envoie-ma-factur;;volume;6100\n")
    assert (
        f"{CSV}:9:2 Étape : « j-envoie-ma-factur » n'est pas une étape de ce parcours. "
        "Vouliez-vous dire « j-envoie-ma-facture » ?"
    ) in output


def test_an_unparsable_number_an_unknown_period_and_a_duplicate_row_are_each_named(site):
    output = _errors_of(
        site,
        "2026-T1;je-consulte;;volume;douze mille\n"
        "Q5-2026;je-consulte;;volume;100\n"
        "2026-T2;je-consulte;;volume;100\n"
        "2026-T2;je-consulte;;volume;120\n",
    )
    assert f"{CSV}:2:5 Valeur : « douze mille » n'est pas un nombre" in output
    assert f"{CSV}:3:1 Période : « Q5-2026 » n'est pas une période : écrivez un mois (2026-09), un trimestre (2026-T3)" in output
    assert f"{CSV}:5:1 Période : cette ligne répète la ligne 4" in output


def test_an_unknown_measure_or_touchpoint_is_named_with_the_known_ones(site):
    output = _errors_of(
        site,
        "2026-T1;je-consulte;;satisfation;80\n"
        "2026-T1;j-envoie-ma-facture;couriel;volume;80\n",
    )
    assert f"{CSV}:2:4 Mesure : « satisfation » n'est pas une mesure connue. Vouliez-vous dire « satisfaction » ?" in output
    assert f"{CSV}:3:3 Point de contact : « couriel » n'est pas un point de contact de cette étape. Vouliez-vous dire « courrier » ?" in output


def test_missing_columns_are_explained(site):
    # A file not in UTF-8 is read nonetheless: tests/test_exports_as_they_come.py.
    output = _errors_of(site, "2026-T1;je-consulte;100\n", header="Période;Étape;Valeur\n")
    assert f"{CSV}:1:1 : colonnes manquantes dans l'en-tête : « mesure »" in output


def test_a_data_file_that_is_missing_or_not_a_table_is_named_on_the_journeys_line(site):
    _point_to_data(site, "data/absent.csv")
    code, output = site.check()
    line = site.line_of(JOURNEY, "data: [")
    assert code == 1
    assert f"{JOURNEY}:{line}:8 data[1] : le fichier « data/absent.csv » est introuvable" in output
    site.write("journeys/data/broken.xlsx", b"PK\x03\x04 not really a workbook")
    site.replace(JOURNEY, "data/absent.csv", "data/broken.xlsx")
    code, output = site.check()
    assert code == 1
    assert "journeys/data/broken.xlsx : le classeur ne peut pas être lu" in output
    assert "Traceback" not in output


def test_a_file_with_one_bad_row_is_not_used_at_all(site):
    from datetime import date

    from parcours.model import Settings
    from parcours.site import load_site

    _with_csv(site, ROWS + "2026-T3;j-envoie-ma-facture;;volume;beaucoup\n")
    loaded = load_site(site.root, Settings(), "fr", date(2026, 11, 24))
    assert [problem.code for problem in loaded.report.errors] == ["data_number"]
    # The journey keeps its YAML figures (and its page, so links to it are no
    # second error); not one row of the file reached it.
    journey = loaded.index.journeys["remboursement"]
    assert journey.data is None
    assert journey.model.stages[1].volume == 6000 and journey.model.stages[1].satisfaction == 52
    # No journey built from half a file: the build stops, naming the row.
    result = site.build()
    assert not result.ok
    assert any(f"{CSV}:9:5" in line for line in result.log)


def test_a_row_repeated_in_another_file_of_the_journey_names_both(site):
    _with_csv(site)
    site.write("journeys/data/correctif.csv", HEADER + "2026-T2;j-envoie-ma-facture;;satisfaction;10\n")
    site.replace(JOURNEY, "data: [data/remboursement.csv]", "data: [data/remboursement.csv, data/correctif.csv]")
    code, output = site.check()
    assert code == 1
    assert (
        "journeys/data/correctif.csv:2:1 Période : cette ligne répète la ligne 6 de « journeys/data/remboursement.csv »"
    ) in output


def test_a_series_mixing_months_and_quarters_is_an_error_not_a_duplicate(site):
    output = _errors_of(site, "2026-T3;je-consulte;;volume;100\n2026-07;je-consulte;;volume;40\n")
    assert f"{CSV}:3:1 Période : la période « 2026-07 » n'a pas la même durée que « 2026-T3 » (ligne 2)" in output
    assert "répète" not in output


def test_values_no_report_can_hold_are_refused_as_in_the_yaml(site):
    output = _errors_of(site, "2026-T1;je-consulte;;volume;-5\n2026-T1;je-consulte;;nps;250\n")
    assert f"{CSV}:2:5 Valeur : « -5 » est négatif" in output
    assert f"{CSV}:3:5 Valeur : « 250 » sort de -100 à 100" in output


def test_the_contribuer_pages_example_rows_are_accepted_by_the_demo(tmp_path):
    """The rows the analysts' guide shows are rows the demo takes, and they reach the map."""
    import shutil

    from conftest import REPO, SiteDir

    root = tmp_path / "demo"
    for name in ("journeys", "personas", "benchmarks", "solutions", "docs"):
        shutil.copytree(REPO / name, root / name)
    for name in ("mkdocs.yml", "onboarding.yml", "glossary.yml"):
        shutil.copyfile(REPO / name, root / name)
    guide = (REPO / "docs/contribuer/index.md").read_text("utf-8")
    rows = re.findall(r"^\|\s*(\d{4}-T\d)\s*\|\s*([\w-]+)\s*\|\s*([\w-]*)\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|$", guide, re.M)
    assert len(rows) == 3, rows
    demo = SiteDir(root)
    demo.write("journeys/data/exemple.csv", "période;étape;point de contact;mesure;valeur\n" + "".join(";".join(row) + "\n" for row in rows))
    demo.replace("journeys/remboursement.yml", "  - data/remboursement-2026.csv\n", "  - data/remboursement-2026.csv\n  - data/exemple.csv\n")
    code, output = demo.check()
    assert code == 0, output
