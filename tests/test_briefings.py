"""A team's briefing: one page for a team meeting or a new member of the team —
what it owns, what its customers say most (with their clips), the postures
its personas need, the commitments it is measured on and its solutions."""

from __future__ import annotations

import re
from html import unescape

JOURNEY = "journeys/remboursement.yml"
SOLUTION = "solutions/teletransmission.md"


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split()).replace("\u202f", " ").replace("\xa0", " ")


def _section(html: str, name: str) -> str:
    return _text(re.search(rf'<section class="parcours-briefing-{name}".*?</section>', html, re.S).group(0))


def test_a_teams_briefing_gathers_what_it_owns_hears_must_do_and_is_measured_on(site):
    site.replace(JOURNEY, "    moment_of_truth:\n      why: Le client doute", "    team: Centre de gestion\n    moment_of_truth:\n      why: Le client doute")
    site.replace(JOURNEY, "        met: 71\n", "        met: 71\n        met_target: 90\n")
    site.replace(SOLUTION, "owner: Direction des opérations\n", "owner: Direction des opérations\nteams: [Centre de gestion]\n")
    result = site.build()
    assert result.ok, result.log
    page = result.html("briefings/centre-de-gestion/")
    assert "<title>Fiche équipe : Centre de gestion" in page
    text = _text(page)
    assert "Fiche équipe Centre de gestion Ce que l'équipe doit savoir de ses clients, sur une page" in text
    assert "Au 24 novembre 2026." in text
    owns = _section(page, "owns")
    assert "Étapes J'envoie ma facture Moment de vérité (Je me fais rembourser mes soins) · 52 % satisfaits" in owns
    assert "Points de contact Courrier Envoi de la facture par la poste irritant · 41 % satisfaits" in owns
    assert _section(page, "words").startswith("Ce que disent ses clients J'ai posté ma facture il y a trois semaines")
    postures = _section(page, "postures")
    assert "Fanny, la jeune active pressée « Je vous confirme tout de suite par SMS. »" in postures
    assert "À faire : Donner un délai précis" in postures and "À éviter : La renvoyer vers le courrier" in postures
    commitments = _section(page, "commitments")
    assert "Délai de prise en compte (J'envoie ma facture) 24 h 71 % (objectif 90 %) manqué" in commitments
    assert "Télétransmission pour tous les soins (planifié) · janvier 2027 → juin 2027" in _section(page, "solutions")
    # The team's page and the teams' list lead to it.
    assert 'href="../../briefings/centre-de-gestion/"' in result.html("teams/centre-de-gestion/")
    assert 'href="../briefings/centre-de-gestion/">Fiche' in result.html("teams/")


def test_a_teams_briefing_quotes_its_three_most_repeated_words_with_their_clips(demo):
    page = demo.html("briefings/centre-de-relation-adherents/")
    words = re.search(r'<section class="parcours-briefing-words".*?</section>', page, re.S).group(0)
    quotes = [_text(quote) for quote in re.findall(r"<blockquote><p>(.*?)</p></blockquote>", words, re.S)]
    assert len(quotes) == 3
    assert quotes[0].startswith("J'ai appelé trois fois la même semaine")  # said by 44 customers
    # Its recording plays on the page, with its captions.
    assert '<source src="../../journeys/media/marcel-attente-remboursement.mp3" type="audio/mpeg">' in words
    assert '<track kind="captions" src="../../journeys/media/marcel-attente-remboursement.vtt"' in words
