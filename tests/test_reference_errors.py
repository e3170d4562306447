"""References between files: an unknown persona, benchmark, journey, stage or
touchpoint is an error at the line that names it, with the closest name."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from conftest import SiteDir

JOURNEY = "journeys/remboursement.yml"
SOLUTION = "solutions/teletransmission.md"
PERSONA = "personas/fanny.md"


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
        "unknown_persona_suggests_the_closest",
        JOURNEY, "personas: [fanny]", "personas: [fany]",
        needle="personas: [fany]",
        at_line=(
            f"{JOURNEY}:{{line}}:12 personas[1] : « fany » n'est pas un persona connu. Vouliez-vous dire « fanny » ? "
            "Personas connus : « fanny »."
        ),
        expected=("1 erreur et",),  # not one more per stage that names fanny
    ),
    Case(
        "unknown_benchmark_suggests_the_closest",
        JOURNEY, "best_practices: [accuse-reception-instantane]", "best_practices: [accuse-reception]",
        expected=(
            "stages[2].best_practices[1] : « accuse-reception » n'est pas une fiche de bonnes pratiques connue. "
            "Vouliez-vous dire « accuse-reception-instantane » ?",
        ),
    ),
    Case(
        "solution_addressing_an_unknown_stage",
        SOLUTION, "remboursement/j-envoie-ma-facture/courrier", "remboursement/j-envoie-facture/courrier",
        needle="remboursement/j-envoie-facture",
        at_line=(
            f"{SOLUTION}:{{line}}:5 addresses[1] : « j-envoie-facture » n'est pas une étape du parcours « remboursement ». "
            "Vouliez-vous dire « j-envoie-ma-facture » ?"
        ),
    ),
    Case(
        "solution_addressing_an_unknown_journey_or_touchpoint",
        SOLUTION,
        "  - remboursement/j-envoie-ma-facture/courrier",
        "  - rembourssement/je-consulte\n  - remboursement/je-consulte/courrier",
        expected=(
            "addresses[1] : « rembourssement » n'est pas un parcours connu. Vouliez-vous dire « remboursement » ?",
            "addresses[2] : « courrier » n'est pas un point de contact de cette étape.",
        ),
    ),
    Case(
        "promise_delivered_on_a_stage_that_is_not_a_target_stage",
        SOLUTION, "remboursement/je-suis-rembourse", "remboursement/je-suis-remboursee",
        expected=(
            "delivers[1] : « je-suis-remboursee » n'est pas une étape du parcours cible de « remboursement ». "
            "Vouliez-vous dire « je-suis-rembourse » ?",
        ),
    ),
    Case(
        "target_stage_replacing_a_stage_the_current_journey_does_not_have",
        JOURNEY, "      name: Je suis remboursée sans rien envoyer\n",
        "      name: Je suis remboursée sans rien envoyer\n      replaces: [j-envoie-ma-factur]\n",
        needle="replaces: [j-envoie-ma-factur]",
        at_line=(
            f"{JOURNEY}:{{line}}:18 target.stages[1].replaces[1] : « j-envoie-ma-factur » n'est pas une étape du parcours actuel : "
            "« replaces » nomme les étapes d'aujourd'hui que cette étape cible remplace. Vouliez-vous dire « j-envoie-ma-facture » ? "
            "Étapes actuelles : « je-consulte » et « j-envoie-ma-facture »."
        ),
    ),
    Case(
        "what_replaces_and_what_changes_belong_to_target_stages_only",
        JOURNEY, "    name: J'envoie ma facture\n", "    name: J'envoie ma facture\n    changes: [Plus rien à poster]\n",
        expected=("stages[2].changes : « changes » n'est pas un champ connu ici.",),
    ),
    Case(
        "unknown_prioritisation_criterion",
        SOLUTION, "  resources: 3", "  ressources: 3",
        expected=("scores.ressources : « ressources » n'est pas un critère de priorisation du site. Vouliez-vous dire « resources » ?",),
    ),
    Case(
        "verbatim_about_a_touchpoint_the_stage_does_not_have",
        JOURNEY, "        touchpoint: courrier", "        touchpoint: email",
        expected=("stages[2].verbatims[1].touchpoint : « email » n'est pas un point de contact de cette étape.",),
    ),
    Case(
        "identifier_written_in_a_file_must_be_its_name",
        PERSONA, "name: Fanny", "id: fanny-b\nname: Fanny",
        expected=("personas/fanny.md:2:5 id : l'identifiant « fanny-b » ne correspond pas au nom du fichier",),
    ),
    Case(
        "missing_portrait_is_an_error_naming_the_line",
        PERSONA, "portrait: portraits/fanny.svg", "portrait: portraits/fany.svg",
        expected=("personas/fanny.md:3:11 portrait : le fichier « portraits/fany.svg » est introuvable (cherché dans « personas »)",),
    ),
    Case(
        "media_outside_the_sources_folder_is_refused",
        PERSONA, "portrait: portraits/fanny.svg", "portrait: ../../../etc/passwd",
        expected=("portrait : le chemin « ../../../etc/passwd » sort du dossier des sources",),
    ),
    # The persona file is broken: the journey naming it is not blamed too.
    Case(
        "a_broken_file_does_not_cascade_into_its_references",
        PERSONA, "digital_maturity: high", "digital_maturity: forte",
        expected=("personas/fanny.md", "1 erreur"),
        absent=(JOURNEY,),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_broken_reference_is_an_error_where_it_is_written(site: SiteDir, case: Case) -> None:
    """The analyst fixes the file and line the message names, not the file it points to."""
    site.replace(case.file, case.old, case.new)
    code, output = site.check()
    assert code == case.code, output
    if case.needle:
        assert case.at_line.format(line=site.line_of(case.file, case.needle)) in output
    for expected in case.expected:
        assert expected in output
    for absent in case.absent:
        assert absent not in output


def test_persona_named_in_a_stage_must_travel_the_journey(site):
    site.write("personas/marc.md", site.read("personas/fanny.md").replace("name: Fanny, la jeune active pressée", "name: Marc"))
    site.replace(JOURNEY, "emotion: {fanny: 1}", "emotion: {fanny: 1, marc: 0}")
    code, output = site.check()
    assert code == 1
    assert "stages[1].emotion.marc : le persona « marc » n'est pas dans la liste « personas » du parcours" in output


def test_two_stages_with_one_identifier(site):
    site.replace(JOURNEY, "id: j-envoie-ma-facture", "id: je-consulte")
    site.replace(SOLUTION, "remboursement/j-envoie-ma-facture/courrier", "remboursement/je-consulte")
    code, output = site.check()
    first = site.line_of(JOURNEY, "id: je-consulte")
    assert code == 1
    assert f"stages[2].id : l'identifiant d'étape « je-consulte » est déjà utilisé à la ligne {first}" in output


def test_two_touchpoints_on_one_channel_need_their_own_identifiers(site):
    site.replace(JOURNEY, "      - channel: application\n", "      - channel: courrier\n")
    site.replace(JOURNEY, "        touchpoint: courrier\n", "")
    code, output = site.check()
    assert code == 1
    assert "stages[2].touchpoints[2].channel : deux points de contact de l'étape ont l'identifiant « courrier »" in output
    assert "donnez à chacun un « id » différent" in output


def test_file_name_that_cannot_be_an_address(site):
    site.write("benchmarks/Très Bien.md", site.read("benchmarks/accuse-reception-instantane.md"))
    code, output = site.check()
    assert code == 1
    assert "benchmarks/Très Bien.md : le nom du fichier « Très Bien.md » sert d'adresse à la page" in output
    assert "Vouliez-vous dire « tres-bien.md » ?" in output


def test_an_invalid_value_does_not_hide_an_unknown_reference_in_the_same_file(site):
    """Every problem at once: the rest of an invalid journey is still checked, at its own lines."""
    site.replace("journeys/remboursement.yml", "channel: courrier", "channel: couriel")
    site.replace("journeys/remboursement.yml", "personas: [fanny]", "personas: [fany]")
    code, output = site.check()
    assert code == 1
    channel = site.line_of("journeys/remboursement.yml", "channel: couriel")
    personas = site.line_of("journeys/remboursement.yml", "personas: [fany]")
    assert f"journeys/remboursement.yml:{channel}:18 stages[2].touchpoints[1].channel : « couriel » n'est pas un canal connu" in output
    assert f"journeys/remboursement.yml:{personas}:" in output and "« fany » n'est pas un persona connu" in output
    # The verbatim about the touchpoint left out is not called wrong as well.
    assert "n'est pas un point de contact de cette étape" not in output
    assert output.count("erreur ") == 2
