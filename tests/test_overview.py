"""The overview, the journey at a glance: each stage's name, phase, moment of
truth, satisfaction and counted touchpoints, and the emotion curves drawn by
the page itself; on the target journey, the target curve over today's, what
each target stage replaces and what changes for the customer."""

from __future__ import annotations

import re
from html import unescape

JOURNEY = "journeys/remboursement.yml"
PAGE = "journeys/remboursement/"


def _section(html: str, kind: str, state: str = "current") -> str:
    return re.search(rf'<section class="parcours-{kind}" data-state="{state}".*?</section>', html, re.S).group(0)


def _text(fragment: str) -> str:
    """What a reader sees: tags removed, spaces collapsed (none before a comma, as inline tags leave none)."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", fragment)).split()).replace(" ,", ",")


def _stages(overview: str) -> list[str]:
    return re.findall(r'<li class="parcours-ov-stage.*?</li>\n', overview, re.S)


def _with_a_target_that_replaces(site, replaces: str = "[je-consulte, j-envoie-ma-facture]") -> str:
    site.replace(
        JOURNEY,
        "      name: Je suis remboursée sans rien envoyer\n",
        f"      name: Je suis remboursée sans rien envoyer\n      replaces: {replaces}\n      emotion: 2\n"
        "      changes: [Je n'envoie plus rien, Le virement est annoncé par un message]\n",
    )
    result = site.build()
    assert result.ok, result.log
    return result.html(PAGE)


def test_the_overview_names_every_stage_with_its_phase_moment_of_truth_and_satisfaction(minimal_build):
    stages = _stages(_section(minimal_build.html(PAGE), "overview"))
    assert [_text(re.search(r'<span class="parcours-stage-name">(.*?)</span>', s).group(1)) for s in stages] == [
        "Je consulte mon médecin", "J'envoie ma facture",
    ]
    first, second = (_text(stage) for stage in stages)
    assert first.startswith("Étape 1 · Après-vente Je consulte mon médecin") and "81 % satisfaits" in first
    assert "Moment de vérité" in second and "Moment de vérité" not in first
    assert "52 % satisfaits" in second
    # The stage opens its details, as a stage of the map does.
    assert 'href="#stage-j-envoie-ma-facture"' in stages[1]


def test_each_stage_counts_its_irritants_ruptures_and_enchantments_as_icon_and_number(minimal_build):
    first, second = _stages(_section(minimal_build.html(PAGE), "overview"))
    counts = [re.search(r'<ul class="parcours-ov-counts">(.*?)</ul>', stage).group(1) for stage in (first, second)]
    assert _text(counts[0]) == "0 irritant 0 rupture 1 enchantement"
    assert _text(counts[1]) == "1 irritant 0 rupture 0 enchantement"
    # An icon and a number for the eye, the word for a screen reader, never a colour alone.
    assert all(item.count('<i class="pi ') == 3 for item in counts)
    assert '<span class="parcours-sr"> irritant</span>' in counts[1]


def test_the_emotion_curve_is_drawn_by_the_page_with_each_value_written_out(minimal_build):
    overview = _section(minimal_build.html(PAGE), "overview")
    svg = re.search(r'<svg class="parcours-ov-svg" role="img" aria-label="([^"]+)".*?</svg>\n</div>', overview, re.S)
    assert "Courbe émotionnelle des 2 étapes, sur une échelle de −2 à +2" in unescape(svg.group(1))
    series = re.findall(r'<g class="parcours-ov-series" data-persona="([a-z*-]+)".*?<polyline points="([^"]+)"', svg.group(0), re.S)
    # Points at the centre of each stage's column: +1 then −2 on a −2…+2 scale, 10 % kept above and below.
    assert series == [("fanny", "250,30 750,90")]
    # Its text alternative: the values, under each stage.
    assert [_text(m) for m in re.findall(r'<p class="parcours-ov-emotion">(.*?)</p>', overview)] == ["Émotion : Fanny +1", "Émotion : Fanny −2"]
    # Drawn by the page: no chart library, no figure for one.
    assert "data-chart" not in overview


def test_the_target_curve_is_drawn_over_todays_feelings_at_the_stages_it_replaces(site):
    html = _with_a_target_that_replaces(site)
    overview = _section(html, "overview", "target")
    today = re.search(r'<g class="parcours-ov-series is-today" data-persona="\*".*?points="([^"]+)"', overview, re.S).group(1)
    target = re.search(r'<g class="parcours-ov-series" data-persona="\*".*?points="([^"]+)"', overview, re.S).group(1)
    # Today: the mean of +1 and −2; the target: +2.
    assert today == "500,60" and target == "500,10"
    (stage,) = _stages(overview)
    assert "Remplace : 1, 2" in _text(stage)
    assert 'href="#stage-je-consulte"' in stage and 'href="#stage-j-envoie-ma-facture"' in stage
    assert "Émotion visée : +2 (aujourd'hui −0,5)" in _text(stage)
    legend = _text(re.search(r'<div class="parcours-ov-legend">.*?</div>', overview, re.S).group(0))
    assert "Aujourd'hui (étapes remplacées)" in legend and "Parcours cible" in legend


def test_each_target_stage_lists_what_changes_for_the_customer(site):
    html = _with_a_target_that_replaces(site)
    changes = _text(_section(html, "what-changes", "target"))
    assert changes.startswith("Ce qui change pour le client")
    assert (
        "Étape 1 · Je suis remboursée sans rien envoyer Étape 1 · Je consulte mon médecin (81 % satisfaits) "
        "Étape 2 · J'envoie ma facture (52 % satisfaits) −0,5 → +2 Je n'envoie plus rien Le virement est annoncé par un message"
    ) in changes
    details = _text(re.search(r'<article class="parcours-stage" id="target-je-suis-rembourse".*?</article>', html, re.S).group(0))
    assert "Ce qui change pour le client Je n'envoie plus rien" in details


def test_a_current_stage_says_which_target_stage_replaces_it(site):
    html = _with_a_target_that_replaces(site, "[j-envoie-ma-facture]")
    details = _text(re.search(r'<article class="parcours-stage parcours-is-mot" id="stage-j-envoie-ma-facture".*?</article>', html, re.S).group(0))
    assert "Dans le parcours cible : Étape 1 · Je suis remboursée sans rien envoyer" in details
    # Today's stage no target stage replaces is named, for the team to link or to drop.
    changes = _text(_section(html, "what-changes", "target"))
    assert "Étapes d'aujourd'hui qu'aucune étape cible ne remplace : Étape 1 · Je consulte mon médecin" in changes


def test_a_target_stage_that_replaces_nothing_is_a_new_stage_and_a_target_without_touchpoints_counts_none(site):
    site.replace(JOURNEY, "      name: Je suis remboursée sans rien envoyer\n", "      name: Je suis remboursée sans rien envoyer\n      changes: [Je n'envoie plus rien]\n")
    result = site.build()
    overview = _section(result.html(PAGE), "overview", "target")
    assert "Nouvelle étape" in _text(overview)
    # No touchpoint is drawn yet on the target: "0 irritant" would claim it has none.
    assert "parcours-ov-counts" not in overview


def test_the_page_writes_the_words_its_script_adds(minimal_build):
    """The strip, the phone's stepper and the presentation's controls, in the site's language."""
    html = minimal_build.html(PAGE)
    template = re.search(r"<template data-parcours-ui>(.*?)</template>", html, re.S).group(1)
    assert 'aria-label="Où vous êtes dans la carte"' in template
    assert 'aria-label="Étape précédente"' in template and ">Suivante</span>" in template
    assert 'aria-label="Présentation : Je me fais rembourser mes soins"' in template and ">Quitter</span>" in template
    controls = re.search(r"<form class=\"parcours-controls\".*?</form>", html, re.S).group(0)
    assert 'name="zoom" value="overview" checked' in controls and 'name="zoom" value="detail"' in controls
    assert ">Présenter</button>" in controls
