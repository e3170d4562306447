"""Wrong fields and wrong values: each message names file, line, column, field
path, what is wrong and how to fix it, with a suggestion when one is close."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from conftest import SiteDir

JOURNEY = "journeys/remboursement.yml"
PERSONA = "personas/fanny.md"
SOLUTION = "solutions/teletransmission.md"


def _column(site, rel: str, line: int, value: str) -> int:
    """1-based column where `value` starts on that line of the file."""
    return site.read(rel).splitlines()[line - 1].index(value) + 1


@dataclass(frozen=True)
class Case:
    """One piece of one source replaced, and what `parcours check` must then say."""

    name: str
    file: str
    old: str
    new: str
    expected: tuple[str, ...] = ()
    code: int = 1
    needle: str = ""  # the changed line, found in `file` once changed...
    value: str = ""  # ...the wrong value on it, whose column is `{column}`...
    at_line: str = ""  # ...and a message naming them, `{line}` being the line's number


CASES = [
    Case(
        "unknown_channel_matches_the_documented_shape",
        JOURNEY, "channel: courrier", "channel: telephon",
        needle="channel: telephon", value="telephon",
        at_line=(
            f"{JOURNEY}:{{line}}:{{column}} stages[2].touchpoints[1].channel : « telephon » n'est pas un canal connu. "
            "Vouliez-vous dire « telephone » ? Canaux connus : « site-web »"
        ),
    ),
    Case(
        "misspelt_field_suggests_the_right_one_at_the_key",
        JOURNEY, "        qualification: irritant", "        qualificaton: irritant",
        needle="qualificaton:", value="qualificaton",
        at_line=(
            f"{JOURNEY}:{{line}}:{{column}} stages[2].touchpoints[1].qualificaton : « qualificaton » n'est pas un champ connu ici. "
            "Vouliez-vous dire « qualification » ?"
        ),
    ),
    Case(
        "a_field_typed_in_french_suggests_its_name",
        JOURNEY, "owner: Direction de l'expérience client", "responsable: Direction de l'expérience client",
        expected=(
            "« responsable » n'est pas un champ connu ici. Vouliez-vous dire « owner » ?",
            "owner : le champ « owner » est obligatoire",
        ),
    ),
    Case(
        "a_value_typed_in_french_suggests_the_expected_one",
        JOURNEY, "qualification: enchantment", "qualification: enchantement",
        needle="qualification: enchantement", value="enchantement",
        at_line=(
            f"{JOURNEY}:{{line}}:{{column}} stages[1].touchpoints[1].qualification : « enchantement » n'est pas une valeur possible. "
            "Vouliez-vous dire « enchantment » ?"
        ),
    ),
    Case(
        "missing_required_field_names_its_full_path",
        JOURNEY, "        label: Photo de la facture dans l'application\n", "",
        expected=("stages[2].touchpoints[2].label : le champ « label » est obligatoire : ajoutez-le.",),
    ),
    Case(
        "text_where_a_number_is_expected",
        JOURNEY, "satisfaction: 81", "satisfaction: bonne",
        needle="satisfaction: bonne", value="bonne",
        at_line=f"{JOURNEY}:{{line}}:{{column}} stages[1].satisfaction : « bonne » n'est pas un nombre",
    ),
    Case(
        "share_above_one_hundred_is_refused",
        JOURNEY, "conversion: 60", "conversion: 160",
        expected=("stages[1].conversion : 160 est trop grand : le maximum est 100.",),
    ),
    Case(
        "french_date_gets_its_iso_form",
        JOURNEY, "last_review: 2026-09-15", "last_review: 15/09/2026",
        needle="last_review",
        at_line=(
            f"{JOURNEY}:{{line}}:14 last_review : « 15/09/2026 » : écrivez la date au format AAAA-MM-JJ. "
            "Vouliez-vous dire « 2026-09-15 » ?"
        ),
    ),
    Case(
        "single_value_where_a_list_is_expected",
        JOURNEY, "personas: [fanny]", "personas: fanny",
        expected=("personas : une liste est attendue : écrivez chaque élément sur sa propre ligne, commençant par « - ».",),
    ),
    Case(
        "emotion_outside_the_scale",
        JOURNEY, "emotion: {fanny: -2}", "emotion: {fanny: -3}",
        expected=("stages[2].emotion : l'émotion -3 sort de l'échelle du site, qui va de -2 à 2.",),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_wrong_field_or_value_is_named_with_how_to_fix_it(site: SiteDir, case: Case) -> None:
    """The analyst reads where the slip is and what to type instead, without opening the schema."""
    site.replace(case.file, case.old, case.new)
    code, output = site.check()
    assert code == case.code, output
    if case.needle:
        line = site.line_of(case.file, case.needle)
        column = _column(site, case.file, line, case.value) if case.value else None
        assert case.at_line.format(line=line, column=column) in output
    for expected in case.expected:
        assert expected in output


def test_percent_sign_and_decimal_comma_get_the_corrected_value(site):
    """A share may carry its sign (it says it is a percent); any other number may not."""
    site.replace(JOURNEY, "satisfaction: 81", "satisfaction: 81 %")
    site.replace(JOURNEY, "value: 6.5", "value: 6,5")
    site.replace(JOURNEY, "target: 48", "target: 48 %")
    code, output = site.check()
    assert code == 1
    assert "stages[1].satisfaction" not in output
    assert "stages[2].kpis[1].value : « 6,5 » : écrivez les décimales avec un point, pas une virgule. Vouliez-vous dire « 6.5 » ?" in output
    assert "promise.commitment.target : « 48 % » : écrivez le nombre sans le signe %. Vouliez-vous dire « 48 » ?" in output


def test_words_yes_and_no_stay_text(site):
    """YAML 1.1 would read `Non` as false; sources follow YAML 1.2."""
    site.replace(PERSONA, "quote: Je veux que ça marche du premier coup.", "quote: Non")
    code, output = site.check("--strict")
    assert code == 0, output
    build = site.build()
    assert build.ok, build.log
    assert "<p>Non</p>" in build.html("personas/fanny/")


def test_emotion_scale_is_configurable(site):
    site.replace("mkdocs.yml", "  - parcours\n", "  - parcours:\n      emotion_scale: [-3, 3]\n")
    site.replace(JOURNEY, "emotion: {fanny: -2}", "emotion: {fanny: -3}")
    code, output = site.check("--strict")
    assert code == 0, output


def test_identifier_with_accents_and_spaces(site):
    site.replace(JOURNEY, "id: j-envoie-ma-facture", "id: J'envoie ma facture")
    site.replace(SOLUTION, "remboursement/j-envoie-ma-facture/courrier", "remboursement/je-consulte")
    code, output = site.check()
    assert code == 1
    assert "stages[2].id : « J'envoie ma facture » n'est pas un identifiant" in output
    assert "Vouliez-vous dire « j-envoie-ma-facture » ?" in output


def test_every_problem_of_the_build_is_reported_together(site):
    site.replace(JOURNEY, "channel: courrier", "channel: telephon")
    site.replace(PERSONA, "digital_maturity: high", "digital_maturity: forte")
    site.replace(SOLUTION, "status: planned", "status: planifie")
    code, output = site.check()
    assert code == 1
    assert "« telephon »" in output
    assert f"{PERSONA}:" in output and "« forte » n'est pas une valeur possible. Vouliez-vous dire « high » ?" in output
    assert f"{SOLUTION}:" in output and "« planifie » n'est pas une valeur possible. Vouliez-vous dire « planned » ?" in output
    assert "3 erreurs et 0 avertissement dans 3 fichiers" in output


def test_invalid_plugin_setting_is_reported_without_traceback(site):
    site.replace("mkdocs.yml", "  - parcours\n", "  - parcours:\n      emotion_scale: [2, -2]\n")
    code, output = site.check()
    assert code == 1
    assert "mkdocs.yml plugins.parcours.emotion_scale : l'échelle [2, -2] doit aller du plus petit au plus grand." in output
    build = site.build()
    assert not build.ok
    assert any("l'échelle [2, -2]" in line for line in build.log)
    assert not any("Traceback" in line for line in build.log)
