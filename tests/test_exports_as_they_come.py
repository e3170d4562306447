"""Reporting exports as tools write them: a CSV saved by Excel on Windows, a
stage named by its title rather than its identifier, a month written
`10/2025` or « oct. 2025 ». Each is read, and what cannot be read safely is
explained on its line."""

from __future__ import annotations

import json
import re
from datetime import date
from html import unescape

import pytest

JOURNEY = "journeys/remboursement.yml"
CSV = "journeys/data/remboursement.csv"


def _with_csv(site, content: str | bytes) -> None:
    """The journey reads its figures from `CSV`, written as given (text in UTF-8, or bytes)."""
    site.write(CSV, content)
    site.replace(JOURNEY, "period: month\n", "period: month\ndata: [data/remboursement.csv]\n")


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _map(html: str) -> str:
    return _text(re.search(r'<section class="parcours-map" data-state="current".*?</table>', html, re.S).group(0))


def _trend(html: str, stage: str) -> tuple[str, list[dict]]:
    """A stage's trend table, as text, and its charts."""
    section = re.search(rf'<article class="parcours-stage[^"]*" id="stage-{stage}".*?</article>', html, re.S).group(0)
    block = re.search(r'<section class="parcours-block parcours-trend".*?</section>', section, re.S).group(0)
    charts = re.findall(r"<template data-chart-data>(.*?)</template>", block, re.S)
    return _text(block), [json.loads(unescape(chart)) for chart in charts]


def _built(site) -> str:
    result = site.build()
    assert result.ok, result.log
    return result.html("journeys/remboursement/")


def _loaded(site):
    from parcours.model import Settings
    from parcours.site import load_site

    return load_site(site.root, Settings(), "fr", date(2026, 11, 24))


# --- encodings ----------------------------------------------------------------


#: An export as Excel on Windows saves it: titles with accents and a typographic
#: apostrophe, a comment column the map does not use, with a euro sign.
WINDOWS_EXPORT = (
    "Période;Étape;Mesure;Valeur;Commentaire\r\n"
    "2026-T1;Je consulte mon médecin;Volume;9 100;hors dépassements\r\n"
    "2026-T2;Je consulte mon médecin;Volume;9 800;forfait 1 €\r\n"
    "2026-T2;J’envoie ma facture;Satisfaction;55;« à suivre »\r\n"
)


def test_a_csv_saved_by_excel_on_windows_is_read_and_the_build_says_in_which_encoding(site):
    raw = WINDOWS_EXPORT.encode("cp1252")
    assert b"\xe9" in raw and b"\x80" in raw and b"\x92" in raw  # é, € and ’ as Windows-1252 writes them
    _with_csv(site, raw)
    result = site.build()  # strict: the note is no warning
    assert result.ok, result.log
    figures = _map(result.html("journeys/remboursement/"))
    assert "9 800" in figures and "55 %" in figures
    note = f"{CSV}:1:2 : fichier lu en Windows-1252, et non en UTF-8 : ici, le texte se lit « Période »."
    assert any(line.startswith("INFO: ") and note in line for line in result.log), result.log
    # The euro sign of Windows-1252 (0x80, not a character of Latin-1) is read as one.
    from parcours.sources.exports import read_table

    rows = read_table(site.root / CSV, CSV).rows
    assert rows[2][1][4] == "forfait 1 €" and rows[3][1][1] == "J’envoie ma facture"
    code, output = site.check("--strict")
    assert code == 0, output
    assert f"note {note}" in output and "aucun problème" in output
    code, output = site.check("--format", "github")
    assert f"::notice file={CSV},line=1,col=2,title=Parcours::fichier lu en Windows-1252" in output


def test_a_latin1_csv_is_read_and_named_by_the_encoding_that_read_it(site):
    # Latin-1 and Windows-1252 write « é » alike: the file is read as Windows-1252, rightly.
    _with_csv(site, "Periode;Etape;Mesure;Valeur\n2026-T2;Je consulte mon médecin;Volume;9 800\n".encode("latin-1"))
    code, output = site.check()
    assert code == 0, output
    assert f"{CSV}:2:26 : fichier lu en Windows-1252, et non en UTF-8 : ici, le texte se lit « Je consulte mon médecin »." in output
    # A byte Windows-1252 leaves unassigned (0x8D, a control character of Latin-1,
    # as old mainframe exports leave) is read only by Latin-1, which is named.
    site.write(CSV, b"Periode;Etape;Mesure;Valeur;Note\n2026-T2;je-consulte;Volume;9 800;x\x8d\n2026-T3;Je consulte mon m\xe9decin;Volume;9 700;\n")
    html = _built(site)
    assert "9 700" in _map(html)
    assert "2026-T2 9 800" in _trend(html, "je-consulte")[0]
    code, output = site.check()
    assert f"{CSV}:2:35 : fichier lu en Latin-1 (ISO-8859-1), et non en UTF-8" in output


def test_a_csv_mixing_utf8_and_windows_1252_is_refused_at_its_first_odd_byte(site):
    _with_csv(site, "Période;Étape;Mesure;Valeur\n".encode("utf-8") + "2026-T2;Je consulte mon médecin;Volume;9 800\n".encode("cp1252"))
    code, output = site.check()
    assert code == 1
    assert (
        f"{CSV}:2:26 : le fichier mêle deux encodages : une partie est en UTF-8, "
        "mais pas cet octet (0xE9, sans doute « é » enregistré en Windows-1252)."
    ) in output
    assert "Traceback" not in output


def test_a_yaml_source_in_windows_1252_is_still_refused(site):
    """Only exports are read in another encoding: an editor saves YAML in UTF-8 when asked."""
    site.write(JOURNEY, site.read(JOURNEY).encode("cp1252"))
    code, output = site.check()
    assert code == 1
    assert f"{JOURNEY}:" in output and "n'est pas enregistré en UTF-8" in output


# --- stages and touchpoints by name -------------------------------------------


def test_stages_and_touchpoints_are_found_by_the_names_the_site_shows(site):
    _with_csv(
        site,
        "Période;Étape;Point de contact;Mesure;Valeur\n"
        "2026-T1;Je consulte mon médecin;;Volume;9 100\n"
        "2026-T2;  je consulte   mon MEDECIN ;;Volume;9 800\n"
        "2026-T2;J'envoie ma facture;envoi de la facture par la poste;Volume;1 750\n"
        "2026-T2;J’ENVOIE MA FACTURE;;Satisfaction;55\n"
        "2026-T2;Je suis remboursée sans rien envoyer;;Satisfaction;90\n",
    )
    html = _built(site)
    figures = _map(html)
    assert "9 800" in figures and "55 %" in figures
    assert "1 750" in figures and "2 400" not in figures  # the touchpoint, by its label
    assert "2026-T1 9 100" in _trend(html, "je-consulte")[0]
    # A stage only the target journey has is found by its name too.
    data = _loaded(site).index.journeys["remboursement"].data
    assert ("target", "je-suis-rembourse", None, "satisfaction") in data.series


def test_a_name_two_stages_share_is_refused_naming_both(site):
    site.replace(JOURNEY, "name: J'envoie ma facture", "name: Je consulte mon médecin")
    _with_csv(site, "Période;Étape;Mesure;Valeur\n2026-T2;je consulte mon medecin;Volume;9 800\n2026-T2;je-consulte;Satisfaction;80\n")
    code, output = site.check()
    assert code == 1
    assert (
        f"{CSV}:2:2 Étape : « je consulte mon medecin » est le nom de plusieurs étapes de ce parcours "
        "(« je-consulte » et « j-envoie-ma-facture ») : écrivez l'identifiant de celle que mesure cette ligne"
    ) in output
    assert f"{CSV}:3:" not in output  # an identifier is never ambiguous


def test_a_misspelt_stage_name_suggests_the_name(site):
    _with_csv(site, "Période;Étape;Point de contact;Mesure;Valeur\n2026-T2;Je consulte mon medecn;;Volume;9 800\n"
                    "2026-T2;j-envoie-ma-facture;Envoi par la poste;Volume;9 800\n")
    code, output = site.check()
    assert code == 1
    assert (
        f"{CSV}:2:2 Étape : « Je consulte mon medecn » n'est pas une étape de ce parcours. "
        "Vouliez-vous dire « Je consulte mon médecin » ? Écrivez l'identifiant d'une étape "
        "(« je-consulte », « j-envoie-ma-facture » et « je-suis-rembourse ») ou son nom, tel que le site l'affiche."
    ) in output
    assert f"{CSV}:3:3 Point de contact : « Envoi par la poste » n'est pas un point de contact de cette étape. Vouliez-vous dire « Envoi de la facture par la poste » ?" in output


# --- periods --------------------------------------------------------------------


#: The months of 2025, each written as some tool writes it.
MONTHS = ("janv. 2025", "fevr 2025", "Mars 2025", "avr 2025", "May 2025", "juin 2025",
          "JUIL. 2025", "août 2025", "Sept. 2025", "10/2025", "11-2025", "2025/12")


def test_months_written_as_exports_write_them_are_read_and_shown_as_one_form(site):
    rows = "".join(f"{month};je-consulte;volume;{9000 + 100 * number}\n" for number, month in enumerate(MONTHS, start=1))
    _with_csv(site, "Mois;Étape;Mesure;Valeur\n" + rows)
    html = _built(site)
    assert "10 200" in _map(html)  # December's, the latest
    table, (chart,) = _trend(html, "je-consulte")
    assert "2025-01 9 100 2025-02 9 200 2025-03 9 300" in table and "2025-12 10 200" in table
    assert chart["data"][0]["x"] == [f"2025-{month:02d}" for month in range(1, 13)]


@pytest.mark.parametrize(
    "written",
    ["10/2025", "10-2025", "2025/10", "oct. 2025", "oct 2025", "octobre 2025", "Octobre 2025", "OCT. 2025",
     "Oct 2025", "October 2025", "Oct-2025", "oct.2025", "October, 2025"],
)
def test_each_way_of_writing_october_2025_is_read_as_that_month(site, written):
    _with_csv(site, f"Période;Étape;Mesure;Valeur\n{written};je-consulte;Volume;9 800\n2025-09;je-consulte;Volume;9 100\n")
    journey = _loaded(site).index.journeys["remboursement"]
    (series,) = journey.data.series.values()
    assert [(point.period.label, point.period.start, point.period.kind) for point in sorted(series.points, key=lambda p: p.period)] == [
        ("2025-09", date(2025, 9, 1), "month"),
        ("2025-10", date(2025, 10, 1), "month"),
    ]
    assert journey.model.stages[0].volume == 9800


def test_the_same_month_written_two_ways_is_one_row_repeated(site):
    output = _check_fails(site, "oct. 2025;je-consulte;Volume;9 800\n10/2025;je-consulte;Volume;9 700\n")
    assert f"{CSV}:3:1 Période : cette ligne répète la ligne 2" in output


def _check_fails(site, rows: str) -> str:
    _with_csv(site, "Période;Étape;Mesure;Valeur\n" + rows)
    code, output = site.check()
    assert code == 1, output
    assert "Traceback" not in output
    return output


def test_a_period_that_cannot_be_read_safely_says_what_is_wrong_and_what_to_write(site):
    output = _check_fails(
        site,
        "13/2025;je-consulte;Volume;1\n"
        "2025/13;je-consulte;Volume;1\n"
        "OCT-25;je-consulte;Volume;1\n"
        "10/25;je-consulte;Volume;1\n"
        "01/10/2025;je-consulte;Volume;1\n"
        "octobr 2025;je-consulte;Volume;1\n"
        "fin d'année;je-consulte;Volume;1\n",
    )
    month = "n'est pas un mois : il n'y a pas de mois 13, ils vont de 1 à 12. Corrigez-le, en l'écrivant année-mois, comme 2026-09."
    assert f"{CSV}:2:1 Période : « 13/2025 » {month}" in output
    assert f"{CSV}:3:1 Période : « 2025/13 » {month}" in output
    short = "ne dit pas sa période sans doute possible : l'année n'y a que deux chiffres"
    assert f"{CSV}:4:1 Période : « OCT-25 » {short}" in output and "Vouliez-vous dire « 2025-10 » ?" in output
    assert f"{CSV}:5:1 Période : « 10/25 » {short}" in output
    assert f"{CSV}:6:1 Période : « 01/10/2025 » est une date dont le jour et le mois se lisent dans un ordre ou dans l'autre" in output
    assert (
        f"{CSV}:7:1 Période : « octobr 2025 » n'est pas une période : « octobr » n'est pas un nom de mois. "
        "Vouliez-vous dire « octobre » ? Écrivez le mois comme 2026-09, ou « sept. 2026 »."
    ) in output
    assert f"{CSV}:8:1 Période : « fin d'année » n'est pas une période : écrivez un mois (2026-09), un trimestre (2026-T3)" in output


def test_no_month_word_names_two_months():
    """« mars » and "Mar", « mai » and "May": French and English words agree where they meet."""
    from babel.dates import get_month_names

    from parcours.language.months import month_of

    for language in ("fr", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=language).items():
                assert month_of(name) == number, name
