"""Reporting exports as tools write them: a stage named by its title rather
than its identifier. It is read, and what cannot be read safely is explained
on its line."""

from __future__ import annotations

import json
import re
from datetime import date
from html import unescape

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
