"""The journey map page's HTML: columns, lanes, insights, charts and their text."""

from __future__ import annotations

import json
import re
from html import unescape

JOURNEY = "journeys/remboursement.yml"
PAGE = "journeys/remboursement/"


def _map(html: str, state: str = "current") -> str:
    return re.search(rf'<section class="parcours-map" data-state="{state}".*?</table>', html, re.S).group(0)


def _lanes(section: str) -> list[str]:
    return [" ".join(unescape(re.sub(r"<[^>]+>", "", name)).split()) for name in re.findall(r'<tr class="parcours-lane[^"]*"[^>]*>\s*<th scope="row">(.*?)</th>', section, re.S)]


def test_columns_are_stages_in_the_customers_words_grouped_by_phase(minimal_build):
    section = _map(minimal_build.html(PAGE))
    assert re.search(r'<th scope="colgroup" colspan="2" class="parcours-phase-after"><span>Après-vente</span></th>', section)
    names = re.findall(r'<span class="parcours-stage-name">(.*?)</span>', section)
    assert [unescape(name) for name in names] == ["Je consulte mon médecin", "J'envoie ma facture"]


def test_lanes_appear_only_when_the_journey_has_data_for_them(site):
    result = site.build()
    lanes = _lanes(_map(result.html(PAGE)))
    assert lanes[:2] == ["Ce que fait le client", "Points de contact : Application mobile"]
    for lane in ("Satisfaction", "Passage à l'étape suivante", "Émotion", "Attentes", "Irritants et enchantements",
                 "Bonnes pratiques", "Vécu collaborateur", "Promesse et engagements", "Chantiers"):
        assert lane in lanes, lane
    site.replace(JOURNEY, "    employee_experience: [Les factures papier sont ressaisies à la main]\n", "")
    site.replace(JOURNEY, "    actions: [Je présente ma carte de tiers payant]\n", "")
    lanes = _lanes(_map(site.build().html(PAGE)))
    assert "Vécu collaborateur" not in lanes and "Ce que fait le client" not in lanes


def test_touchpoints_form_a_channel_by_stage_grid(minimal_build):
    section = _map(minimal_build.html(PAGE))
    rows = re.findall(r'<tr class="parcours-lane parcours-lane-touchpoints[^"]*" data-channel="([a-z-]+)">', section)
    assert rows == ["application", "courrier", "conseiller"]  # in the site's channel order
    courrier = re.search(r'data-channel="courrier">(.*?)</tr>', section, re.S).group(1)
    cells = re.findall(r"<td>(.*?)</td>", courrier, re.S)
    assert cells[0] == "" and "Envoi de la facture par la poste" in cells[1]
    # Qualification by icon and by word, never by colour alone; initiator and volume too.
    assert re.search(r'class="pi pi-[a-z]+"></i><span>irritant</span>', cells[1])
    assert "<span>client</span>" in cells[1] and "2\u202f400" in cells[1]


def test_moments_of_truth_stand_out_in_every_lane(minimal_build):
    section = _map(minimal_build.html(PAGE))
    cols = re.findall(r"<col(?:\s[^>]*)?>", section)
    assert cols[2] == '<col data-stage="j-envoie-ma-facture" class="is-mot">'
    assert 'is-mot' not in cols[1]
    header = re.findall(r'<th scope="col">(.*?)</th>', section, re.S)[1]
    assert "Moment de vérité" in header


def test_insights_name_the_findings_above_the_map(site):
    # A rupture on the moment of truth, an unqualified touchpoint (the photo), a stage with no channel.
    site.replace(JOURNEY, "qualification: irritant", "qualification: rupture")
    site.replace(
        JOURNEY,
        "\ntarget:\n",
        "\n  - id: je-suis-remboursee\n    name: Je suis remboursée\n    phase: after\n    volume: 5700\n    satisfaction: 70\ntarget:\n",
    )
    result = site.build()
    assert result.ok, result.log
    html = result.html(PAGE)
    insights = re.search(r'<section class="parcours-insights" data-state="current".*?</section>', html, re.S).group(0)
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", insights)).split())
    assert "Point de blocage : 40 % des clients s'arrêtent après « Je consulte mon médecin »." in text
    assert "Étape la moins bien notée : J'envoie ma facture (52 % de clients satisfaits)." in text
    assert "Irritants et ruptures sur un moment de vérité : Envoi de la facture par la poste (J'envoie ma facture)" in text
    assert "Ruptures entre deux points de contact : Envoi de la facture par la poste" in text
    assert "1 point de contact n'est pas encore qualifié" in text
    assert "Étapes sans aucun canal : Je suis remboursée" in text
    assert 'href="#stage-j-envoie-ma-facture--courrier"' in insights


def test_blocking_point_and_lowest_stage_are_marked_on_the_map(minimal_build):
    section = _map(minimal_build.html(PAGE))
    conversion = re.search(r"<th scope=\"row\">Passage à l&#39;étape suivante</th>(.*?)</tr>", section, re.S).group(1)
    cells = re.findall(r"<td>(.*?)</td>", conversion, re.S)
    assert "Point de blocage" in cells[0] and "Point de blocage" not in cells[1]
    satisfaction = re.search(r'<th scope="row">Satisfaction</th>(.*?)</tr>', section, re.S).group(1)
    assert "La moins bien notée" in re.findall(r"<td>(.*?)</td>", satisfaction, re.S)[1]


def test_each_chart_has_its_figure_and_a_text_row(minimal_build):
    section = _map(minimal_build.html(PAGE))
    figures = dict(re.findall(r'data-chart="(\w+)" role="img" aria-label="[^"]+">.*?</div><template data-chart-data>(.*?)</template>', section, re.S))
    assert set(figures) == {"emotion", "funnel"}
    emotion = json.loads(figures["emotion"])
    (trace,) = emotion["data"]
    assert trace["y"] == [1, -2] and trace["name"].startswith("Fanny")
    assert trace["customdata"][1][1].startswith("« J'ai posté ma facture")  # hover: a verbatim
    funnel = json.loads(figures["funnel"])
    assert funnel["data"][0]["y"] == [10000, 6000]
    assert funnel["data"][0]["marker"]["pattern"]["shape"] == ["/", ""]  # the blocking point, not by colour alone
    # The same values as text, in the lanes under the stage headers.
    emotion_row = re.search(r'<th scope="row">Émotion</th>(.*?)</tr>', section, re.S).group(1)
    assert "<strong>+1</strong>" in emotion_row and "<strong>\u22122</strong>" in emotion_row
    assert "10\u202f000 clients" in section and "60\u202f% passent à l&#39;étape suivante" in section


def test_each_chart_bands_its_moments_of_truth_under_their_own_stage(minimal_build):
    section = _map(minimal_build.html(PAGE))
    figures = dict(re.findall(r'data-chart="(\w+)" role="img" aria-label="[^"]+">.*?</div><template data-chart-data>(.*?)</template>', section, re.S))
    for name in ("emotion", "funnel"):
        bands = [shape for shape in json.loads(figures[name])["layout"]["shapes"] if shape["name"] == "moment-of-truth"]
        # The second stage, « J'envoie ma facture », is the moment of truth.
        assert [(band["x0"], band["x1"]) for band in bands] == [(0.5, 1.5)], name


def test_a_personas_curve_never_quotes_another_persona(site):
    site.write("personas/leo.md", site.read("personas/fanny.md").replace("name: Fanny, la jeune active pressée", "name: Léo, le retraité prudent"))
    site.replace("journeys/remboursement.yml", "personas: [fanny]", "personas: [fanny, leo]")
    site.replace("journeys/remboursement.yml", "emotion: {fanny: -2}", "emotion: {fanny: -2, leo: -1}")
    site.replace("journeys/remboursement.yml", "        persona: fanny\n", "        persona: leo\n")
    site.replace("journeys/remboursement.yml", "speaker: Fanny A.", "speaker: Léo B.")
    result = site.build()
    assert result.ok, result.log
    section = _map(result.html(PAGE))
    emotion = json.loads(re.search(r'data-chart="emotion"[^>]*>.*?</div><template data-chart-data>(.*?)</template>', section, re.S).group(1))
    curves = {trace["meta"]: trace for trace in emotion["data"]}
    assert curves["leo"]["customdata"][1][1].startswith("« J'ai posté ma facture")
    assert curves["fanny"]["customdata"][1][1] == ""


def test_target_state_shows_promises_and_the_solutions_that_deliver_them(minimal_build):
    section = _map(minimal_build.html(PAGE), "target")
    assert "Je suis remboursée sans rien envoyer" in unescape(section)
    assert "Remboursée en 48 h." in unescape(section)
    assert "Délai de remboursement" in unescape(section) and "<strong>48&nbsp;h</strong>" in section
    assert 'href="../../solutions/teletransmission/"' in section and "(planifié)" in section


def test_persona_specific_stages_and_touchpoints_are_marked_for_the_switch(site):
    site.write("personas/marc.md", site.read("personas/fanny.md").replace("name: Fanny, la jeune active pressée", "name: Marc, le retraité"))
    site.replace(JOURNEY, "personas: [fanny]", "personas: [fanny, marc]")
    site.replace(JOURNEY, "    phase: after\n    team: Relation adhérents", "    phase: after\n    personas: [marc]\n    team: Relation adhérents")
    site.replace(JOURNEY, "        label: Photo de la facture dans l'application\n", "        label: Photo de la facture dans l'application\n        personas: [fanny]\n")
    html = site.build().html(PAGE)
    section = _map(html)
    assert '<col data-stage="je-consulte" data-personas="marc">' in section
    assert re.search(r'<a class="parcours-tp" href="#stage-j-envoie-ma-facture--application" data-personas="fanny">', section)
    assert 'name="persona" value="marc"' in html


def test_the_page_keeps_every_value_out_of_scripts(minimal_build):
    """Figures travel as inert text: nothing on the page is a script but the site's own."""
    html = minimal_build.html(PAGE)
    content = re.search(r'<article class="md-content__inner[^"]*">(.*)</article>', html, re.S).group(1)
    assert "<script" not in content


def test_every_figure_is_valid_for_plotly(minimal_build):
    """Figures are written as plain dicts: plotly.py checks each property here."""
    import plotly.graph_objects as go

    figures = re.findall(r"<template data-chart-data>(.*?)</template>", minimal_build.html(PAGE), re.S)
    assert len(figures) == 2
    for figure in figures:
        go.Figure(json.loads(figure))  # raises on any unknown or invalid property


def test_a_persona_keeps_its_colour_and_marker_on_every_journey(demo):
    styles: dict[str, set[tuple[str, str]]] = {}
    for journey in ("adhesion", "remboursement", "reclamation"):
        emotion = re.search(r'data-chart="emotion"[^>]*>.*?</div><template data-chart-data>(.*?)</template>', demo.html(f"journeys/{journey}/"), re.S)
        for trace in json.loads(unescape(emotion.group(1)))["data"]:
            styles.setdefault(trace["meta"], set()).add((trace["line"]["color"], trace["marker"]["symbol"]))
    assert len(styles) >= 4
    assert all(len(seen) == 1 for seen in styles.values()), styles


def test_a_target_told_without_touchpoints_does_not_list_every_stage_as_missing_a_channel(minimal_build):
    html = minimal_build.html(PAGE)
    # The current map, which has touchpoints, has its box of findings...
    assert 'class="parcours-insights" data-state="current"' in html
    # ...the target's promises have none: nothing to notice, no box of findings.
    assert 'class="parcours-insights" data-state="target"' not in html


def test_the_curve_and_the_funnel_are_drawn_by_the_page_itself(minimal_build):
    """SVG in the page, from the same data as plotly's figures: on screen at first
    paint and in print, the overview's curve with a marker at each scored stage,
    a bar per stage of the main line, the moments of truth banded."""
    page = minimal_build.html("journeys/remboursement/")
    current = re.search(r'<section class="parcours-map" data-state="current".*?</section>', page, re.S).group(0)
    emotion = re.search(r'data-chart="emotion"[^>]*>(<svg class="parcours-chart-svg[^"]*".*?</svg>)\s*</div>', current, re.S).group(1)
    funnel = re.search(r'data-chart="funnel"[^>]*>(<svg class="parcours-chart-svg[^"]*".*?</svg>)\s*</div>', current, re.S).group(1)
    columns = re.findall(r'<col data-stage="[^"]+"( class="[^"]*is-mot)?', current)
    scored = len(re.findall(r'<span class="parcours-emotion" data-persona="([^"]+)"', current))
    assert 'aria-hidden="true"' in emotion and 'aria-hidden="true"' in funnel  # the chart's wrapper names it
    assert emotion.count("<path d=") == scored  # one marker per score the emotion lane says
    assert len(re.findall(r"<rect class=\"parcours-ov-band\"", emotion)) == sum(1 for mot in columns if mot)
    assert len(re.findall(r'<rect class="parcours-svg-bar"', funnel)) >= 2
    # Percentages of the box: round markers, upright text at any width (only the line stretches).
    assert "viewBox" not in emotion.split(">", 1)[0] and "viewBox" not in funnel
