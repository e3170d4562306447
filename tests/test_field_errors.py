"""Wrong fields and wrong values: each message names file, line, column, field
path, what is wrong and how to fix it, with a suggestion when one is close."""

from __future__ import annotations

JOURNEY = "journeys/remboursement.yml"
PERSONA = "personas/fanny.md"
SOLUTION = "solutions/teletransmission.md"


def _column(site, rel: str, needle: str, value: str) -> tuple[int, int]:
    line = site.line_of(rel, needle)
    text = site.read(rel).splitlines()[line - 1]
    return line, text.index(value) + 1


def test_unknown_channel_matches_the_documented_shape(site):
    site.replace(JOURNEY, "channel: courrier", "channel: telephon")
    code, output = site.check()
    line, column = _column(site, JOURNEY, "channel: telephon", "telephon")
    assert code == 1
    expected = (
        f"{JOURNEY}:{line}:{column} stages[2].touchpoints[1].channel : « telephon » n'est pas un canal connu. "
        "Vouliez-vous dire « telephone » ? Canaux connus : « site-web »"
    )
    assert expected in output


def test_misspelt_field_suggests_the_right_one_at_the_key(site):
    site.replace(JOURNEY, "        qualification: irritant", "        qualificaton: irritant")
    code, output = site.check()
    line, column = _column(site, JOURNEY, "qualificaton:", "qualificaton")
    assert code == 1
    assert (
        f"{JOURNEY}:{line}:{column} stages[2].touchpoints[1].qualificaton : « qualificaton » n'est pas un champ connu ici. "
        "Vouliez-vous dire « qualification » ?"
    ) in output


def test_a_field_typed_in_french_suggests_its_name(site):
    site.replace(JOURNEY, "owner: Direction de l'expérience client", "responsable: Direction de l'expérience client")
    code, output = site.check()
    assert code == 1
    assert "« responsable » n'est pas un champ connu ici. Vouliez-vous dire « owner » ?" in output
    assert "owner : le champ « owner » est obligatoire" in output


def test_a_value_typed_in_french_suggests_the_expected_one(site):
    site.replace(JOURNEY, "qualification: enchantment", "qualification: enchantement")
    code, output = site.check()
    line, column = _column(site, JOURNEY, "qualification: enchantement", "enchantement")
    assert code == 1
    assert (
        f"{JOURNEY}:{line}:{column} stages[1].touchpoints[1].qualification : « enchantement » n'est pas une valeur possible. "
        "Vouliez-vous dire « enchantment » ?"
    ) in output


def test_missing_required_field_names_its_full_path(site):
    site.replace(JOURNEY, "        label: Photo de la facture dans l'application\n", "")
    code, output = site.check()
    assert code == 1
    assert "stages[2].touchpoints[2].label : le champ « label » est obligatoire : ajoutez-le." in output


def test_text_where_a_number_is_expected(site):
    site.replace(JOURNEY, "satisfaction: 81", "satisfaction: bonne")
    code, output = site.check()
    line, column = _column(site, JOURNEY, "satisfaction: bonne", "bonne")
    assert code == 1
    assert f"{JOURNEY}:{line}:{column} stages[1].satisfaction : « bonne » n'est pas un nombre" in output


def test_percent_sign_and_decimal_comma_get_the_corrected_value(site):
    site.replace(JOURNEY, "satisfaction: 81", "satisfaction: 81 %")
    site.replace(JOURNEY, "value: 6.5", "value: 6,5")
    code, output = site.check()
    assert code == 1
    assert "stages[1].satisfaction : « 81 % » : écrivez le nombre sans le signe %. Vouliez-vous dire « 81 » ?" in output
    assert "stages[2].kpis[1].value : « 6,5 » : écrivez les décimales avec un point, pas une virgule. Vouliez-vous dire « 6.5 » ?" in output


def test_share_above_one_hundred_is_refused(site):
    site.replace(JOURNEY, "conversion: 60", "conversion: 160")
    code, output = site.check()
    assert code == 1
    assert "stages[1].conversion : 160 est trop grand : le maximum est 100." in output


def test_french_date_gets_its_iso_form(site):
    site.replace(JOURNEY, "last_review: 2026-09-15", "last_review: 15/09/2026")
    code, output = site.check()
    assert code == 1
    assert f"{JOURNEY}:{site.line_of(JOURNEY, 'last_review')}:14 last_review : « 15/09/2026 » : écrivez la date au format AAAA-MM-JJ. Vouliez-vous dire « 2026-09-15 » ?" in output


def test_single_value_where_a_list_is_expected(site):
    site.replace(JOURNEY, "personas: [fanny]", "personas: fanny")
    code, output = site.check()
    assert code == 1
    assert "personas : une liste est attendue : écrivez chaque élément sur sa propre ligne, commençant par « - »." in output


def test_words_yes_and_no_stay_text(site):
    """YAML 1.1 would read `Non` as false; sources follow YAML 1.2."""
    site.replace(PERSONA, "quote: Je veux que ça marche du premier coup.", "quote: Non")
    code, output = site.check("--strict")
    assert code == 0, output
    build = site.build()
    assert build.ok, build.log
    assert "<p>Non</p>" in build.html("personas/fanny/")


def test_emotion_outside_the_scale(site):
    site.replace(JOURNEY, "emotion: {fanny: -2}", "emotion: {fanny: -3}")
    code, output = site.check()
    assert code == 1
    assert "stages[2].emotion : l'émotion -3 sort de l'échelle du site, qui va de -2 à 2." in output


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
