"""The listening plan and the customer committees: how each stage's customers
are listened to, shown on the map, in the stage's details and on /listening/;
what nobody listens to and what is late, told by `parcours check` at its line;
committee sessions on the pages of the stages and solutions they were about."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

import pytest

from conftest import SiteDir

JOURNEY = "journeys/remboursement.yml"
#: The fixture's one listening device, on its moment of truth.
LISTENING = """    listening:
      - name: Questionnaire SMS après l'envoi
        method: hot_survey
        channel: sms
        question: Savez-vous que votre facture est bien arrivée ?
        measure: csat
        audience: Personnes ayant envoyé une facture dans la semaine
        roles: [user]
        frequency: quarterly
        response_rate: 18
        last_result:
          date: 2026-10-15
          value: 49
          unit: "%"
          answers: 640
"""
COMMITTEES = """committees:
  - id: panel-clients
    name: Le panel des clients
    audience: Douze clients de tous âges
    roles: [user]
    frequency: quarterly
    sessions:
      - date: 2026-06-18
        participants: 11
        topics:
          - subject: La lettre qui part sans nouvelles
            stages: [remboursement/j-envoie-ma-facture/courrier, remboursement/je-suis-rembourse]
            solutions: [teletransmission]
            tested: Un accusé de réception par SMS
            heard: Dix participants sur onze le veulent le jour même.
            decided: Le SMS part dès l'arrivée de la lettre.
      - date: 2026-03-12
        participants: 9
        topics:
          - subject: Le passage chez le médecin
            stages: [remboursement/je-consulte]
"""


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _lane(html: str) -> str:
    return _text(re.search(r'<section class="parcours-map" data-state="current".*?<tr class="parcours-lane parcours-lane-listening">(.*?)</tr>', html, re.S).group(1))


def _stage(html: str, stage: str) -> str:
    return _text(re.search(rf'<article[^>]*id="stage-{stage}".*?</article>', html, re.S).group(0))


def test_a_stage_shows_how_its_customers_are_listened_to_on_the_map_and_in_its_details(minimal_build):
    html = minimal_build.html("journeys/remboursement/")
    lane = _lane(html)
    assert lane.startswith("Écoute des clients")
    assert "questionnaire à chaud Questionnaire SMS après l'envoi · chaque trimestre 49 % (octobre 2026)" in lane
    details = _stage(html, "j-envoie-ma-facture")
    for words in (
        "Canal SMS",
        "Question Savez-vous que votre facture est bien arrivée ? (satisfaction (CSAT))",
        "Personnes interrogées Personnes ayant envoyé une facture dans la semaine (Rôles B2B : utilisateur)",
        "Fréquence chaque trimestre",
        "Taux de réponse 18 %",
        "Dernier résultat 49 % (le 15 octobre 2026, 640 réponses)",
    ):
        assert " ".join(words.split()) in " ".join(details.replace("\u202f", " ").replace("\xa0", " ").split()), words


def test_the_listening_page_gathers_every_device_and_the_moments_of_truth_nobody_listens_to(site):
    site.replace(JOURNEY, "    emotion: {fanny: 1}\n", "    emotion: {fanny: 1}\n    moment_of_truth:\n      why: Le premier contact.\n    kpis:\n      - name: Attente au cabinet\n        value: 12\n")
    result = site.build(strict=False)
    page = result.html("listening/")
    text = _text(page)
    assert "1 dispositif d'écoute" in text and "1 moments de vérité sans écoute" in text
    unheard = _text(re.search(r'<section aria-labelledby="unlistened">.*?</section>', page, re.S).group(0))
    assert "Je consulte mon médecin" in unheard and "J'envoie ma facture" not in unheard
    assert 'href="../journeys/remboursement/#stage-je-consulte"' in page
    plan = _text(re.search(r'<section aria-labelledby="plan">.*?</section>', page, re.S).group(0))
    assert "J'envoie ma facture Moment de vérité Questionnaire SMS après l'envoi questionnaire à chaud" in plan
    # On the map, the moment of truth nobody listens to says so, with its icon and words.
    assert "Personne n'écoute ce moment de vérité" in _lane(result.html("journeys/remboursement/"))


@dataclass(frozen=True)
class Finding:
    """One gap in the listening plan, the line `parcours check` names, and what it says."""

    name: str
    old: str
    new: str
    needle: str
    expected: str


FINDINGS = [
    Finding(
        "a_moment_of_truth_nobody_listens_to",
        LISTENING, "",
        "    moment_of_truth:",
        "stages[2].moment_of_truth : l'étape « J'envoie ma facture » est un moment de vérité que personne n'écoute : ajoutez-lui au moins un dispositif dans « listening »",
    ),
    Finding(
        "a_result_older_than_its_frequency",
        "          date: 2026-10-15\n", "          date: 2026-07-31\n",
        "          date: 2026-07-31",
        "stages[2].listening[1].last_result.date : le dernier résultat de « Questionnaire SMS après l'envoi » date du 2026-07-31 : il est plus ancien que sa fréquence (92 jours au plus).",
    ),
    Finding(
        "a_weekly_result_a_week_and_a_day_old",
        "        frequency: quarterly\n", "        frequency: weekly\n",
        "          date: 2026-10-15",
        "stages[2].listening[1].last_result.date : le dernier résultat de « Questionnaire SMS après l'envoi » date du 2026-10-15 : il est plus ancien que sa fréquence (7 jours au plus).",
    ),
]


@pytest.mark.parametrize("case", FINDINGS, ids=lambda case: case.name)
def test_check_names_each_listening_gap_at_its_line(site: SiteDir, case: Finding) -> None:
    site.replace(JOURNEY, case.old, case.new)
    code, output = site.check()
    assert code == 0, output  # a gap in the coverage is a warning
    line = site.line_of(JOURNEY, case.needle)
    assert re.search(rf"avertissement {JOURNEY}:{line}:\d+ " + re.escape(case.expected), output), output
    assert site.check("--strict")[0] == 1
    coverage = _text(site.build(strict=False).html("coverage/"))
    heading = "Moments de vérité que personne n'écoute (1)" if "personne" in case.expected else "Dispositifs d'écoute en retard sur leur fréquence (1)"
    assert heading in coverage


def test_a_late_result_is_marked_late_in_words_on_the_map_and_on_the_listening_page(site):
    site.replace(JOURNEY, "          date: 2026-10-15\n", "          date: 2026-05-15\n")
    result = site.build(strict=False)
    assert "49 % (mai 2026) en retard" in _lane(result.html("journeys/remboursement/"))
    row = _text(re.search(r'<tr class="is-late">.*?</tr>', result.html("listening/"), re.S).group(0))
    assert "Questionnaire SMS après l'envoi" in row and row.endswith("en retard")


def test_a_result_says_a_value_or_what_it_found(site):
    site.replace(JOURNEY, "          value: 49\n          unit: \"%\"\n", "")
    code, output = site.check()
    assert code == 1
    line = site.line_of(JOURNEY, "        last_result:")
    assert f"{JOURNEY}:{line + 1}:11 stages[2].listening[1].last_result : le dernier résultat ne dit rien" in output


# --- customer committees ----------------------------------------------------------------


def test_committee_sessions_show_on_the_journey_the_solution_and_the_listening_page(site):
    site.write("committees.yml", COMMITTEES)
    result = site.build()
    assert result.ok, result.log
    journey = result.html("journeys/remboursement/")
    topics = _text(re.search(r'<section class="parcours-block parcours-committee-topics".*?</section>', journey, re.S).group(0))
    # Newest session first, each topic with what was tested, heard and decided.
    assert topics.index("18 juin 2026") < topics.index("12 mars 2026")
    assert "Le panel des clients — 18 juin 2026 (11 participants) La lettre qui part sans nouvelles" in topics
    assert "Testé Un accusé de réception par SMS Entendu Dix participants sur onze le veulent le jour même. Décidé Le SMS part dès l'arrivée de la lettre." in topics
    assert 'href="#stage-j-envoie-ma-facture--courrier"' in journey and 'href="#target-je-suis-rembourse"' in journey
    assert "Comité client de juin 2026" in _lane(journey)
    solution = _text(result.html("solutions/teletransmission/"))
    assert "Vu en comité client Le panel des clients — 18 juin 2026 (11 participants) La lettre qui part sans nouvelles" in solution
    listening = result.html("listening/")
    committee = _text(re.search(r'<article class="parcours-committee" id="committee-panel-clients".*?</article>', listening, re.S).group(0))
    assert committee.startswith("Le panel des clients Personnes interrogées Douze clients de tous âges Rôles B2B utilisateur Fréquence chaque trimestre")
    assert committee.index("18 juin 2026 (11 participants)") < committee.index("12 mars 2026 (9 participants)")


@pytest.mark.parametrize(
    "old, new, needle, expected",
    [
        ("[remboursement/je-consulte]", "[remboursement/je-consult]", "je-consult]", "« je-consult » n'est pas une étape du parcours « remboursement ». Vouliez-vous dire « je-consulte » ?"),
        ("solutions: [teletransmission]", "solutions: [teletransmision]", "teletransmision", "« teletransmision » n'est pas une fiche chantier connue. Vouliez-vous dire « teletransmission » ?"),
        ("remboursement/j-envoie-ma-facture/courrier", "remboursement/j-envoie-ma-facture/poste", "/poste", "« poste » n'est pas un point de contact de cette étape."),
    ],
    ids=["a_stage_misspelt", "a_solution_misspelt", "a_touchpoint_misspelt"],
)
def test_a_committee_topic_naming_what_does_not_exist_is_an_error_at_its_line(site, old, new, needle, expected):
    site.write("committees.yml", COMMITTEES.replace(old, new))
    code, output = site.check()
    assert code == 1
    assert f"committees.yml:{site.line_of('committees.yml', needle)}:" in output and expected in output


def test_the_reference_page_documents_the_steering_fields_and_how_they_are_read(minimal_build):
    html = minimal_build.html("reference/")
    for anchor in (
        "journey-stage--listening", "journey-listeningdevice--roles", "journey-listeningdevice--frequency", "journey-lastresult--date",
        "journey-touchpoint--since", "journey-touchpoint--previously", "journey-touchpointvalue--loyalty", "journey-touchpointvalue--cost",
        "solution-solution--delivered", "committees-session--participants", "committees-topic--decided", "figures-listening", "figures-changes",
    ):
        assert f'id="{anchor}"' in html, anchor
    text = _text(html)
    # Each value of a vocabulary is named with its words.
    assert "hot_survey (questionnaire à chaud)" in text and "requester (demandeur)" in text and "quarterly (chaque trimestre)" in text
    assert "Valeur des points de contact traités" in text
