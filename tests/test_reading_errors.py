"""A file that cannot be read as fields gets one clear message naming it.

Each test breaks one file of the one-of-each-kind site the way an analyst
might, runs `parcours check`, and reads the message as they would: file,
line, what is wrong and how to fix it, in French, and no traceback.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from conftest import SiteDir

JOURNEY = "journeys/remboursement.yml"
PERSONA = "personas/fanny.md"


def _lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(("erreur", "avertissement"))]


def test_a_valid_site_has_no_problem(site):
    code, output = site.check("--strict")
    assert code == 0, output
    assert "aucun problème" in output


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


QUOTE = "quote: Je veux que ça marche du premier coup."

CASES = [
    Case(
        "yaml_syntax_error_names_file_line_and_gives_the_fix",
        JOURNEY, "owner: Direction de l'expérience client", "owner: Direction : expérience client: DCX",
        needle="owner: Direction", at_line=f"{JOURNEY}:{{line}}:",
        expected=("mettez-le entre guillemets",),
        absent=("Traceback",),
    ),
    Case(
        "a_french_quoting_slip_apostrophe_inside_apostrophes",
        PERSONA, QUOTE, "quote: 'Si je dois appeler, c'est que rien ne va.'",
        expected=("personas/fanny.md:4:8 : le texte ouvert par le guillemet « ' » de cette colonne se referme avant la fin de la ligne",),
        absent=("indentation",),
    ),
    Case(
        "a_french_quoting_slip_words_after_the_closing_quote",
        PERSONA, QUOTE, 'quote: "Si je dois appeler" dit-elle.',
        expected=("personas/fanny.md:4:8 : le texte ouvert par le guillemet « \" » de cette colonne se referme avant la fin de la ligne",),
        absent=("indentation",),
    ),
    Case(
        "a_french_quoting_slip_quote_never_closed",
        PERSONA, QUOTE, 'quote: "Si je dois appeler',
        expected=("personas/fanny.md:4:8 : un guillemet ouvert n'est jamais refermé",),
        absent=("indentation",),
    ),
    Case(
        "tab_indentation_is_explained",
        JOURNEY, "  - id: je-consulte\n    name:", "  - id: je-consulte\n\tname:",
        needle="\tname", at_line=f"{JOURNEY}:{{line}}:",
        expected=("tabulation interdite",),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_slip_in_the_yaml_is_explained_on_its_own_line(site: SiteDir, case: Case) -> None:
    """A YAML slip is told in the analyst's words at the line to fix, never as a parser's trace."""
    site.replace(case.file, case.old, case.new)
    code, output = site.check()
    assert code == case.code, output
    if case.needle:
        assert case.at_line.format(line=site.line_of(case.file, case.needle)) in output
    for expected in case.expected:
        assert expected in output
    for absent in case.absent:
        assert absent not in output


def test_duplicate_key_is_reported_with_both_lines(site):
    site.replace(JOURNEY, "    satisfaction: 81\n", "    satisfaction: 81\n    satisfaction: 18\n")
    code, output = site.check()
    first = site.line_of(JOURNEY, "satisfaction: 81")
    second = site.line_of(JOURNEY, "satisfaction: 18")
    assert code == 1
    (line,) = [entry for entry in _lines(output) if "deux fois" in entry]
    assert f"{JOURNEY}:{second}:5 stages[1].satisfaction" in line
    assert f"lignes {first} et {second}" in line


def test_a_duplicate_key_does_not_hide_the_files_other_problems(site):
    site.replace(JOURNEY, "    satisfaction: 81\n", "    satisfaction: 81\n    satisfaction: 18\n")
    site.replace(JOURNEY, "channel: courrier", "channel: courier")
    code, output = site.check()
    assert code == 1
    assert "deux fois" in output
    assert "« courier » n'est pas un canal connu. Vouliez-vous dire « courrier » ?" in output


def test_python_tags_are_refused(site):
    site.replace(JOURNEY, "owner: Direction de l'expérience client", "owner: !!python/object/apply:os.system ['echo pwned']")
    code, output = site.check()
    assert code == 1
    assert f"{JOURNEY}:{site.line_of(JOURNEY, 'owner: !!python')}:" in output
    assert "balises YAML" in output
    assert "pwned" not in output.replace("« !!python/object/apply:os.system »", "")


def test_file_not_in_utf8_names_the_line_and_the_fix(site):
    text = site.read(JOURNEY)
    site.write(JOURNEY, text.encode("cp1252"))  # as a Windows editor may save it
    code, output = site.check()
    line = next(n for n, l in enumerate(text.splitlines(), 1) if l.startswith("owner:"))
    column = len("owner: Direction de l'exp") + 1
    assert code == 1
    assert f"{JOURNEY}:{line}:{column} : le fichier" in output
    assert "n'est pas enregistré en UTF-8" in output
    assert "« é »" in output


def test_empty_file_is_an_error_naming_it(site):
    site.write(JOURNEY, "\n# rien pour l'instant\n")
    code, output = site.check()
    assert code == 1
    assert f"{JOURNEY}:1:1 : le fichier est vide" in output


def test_markdown_without_front_matter_explains_the_expected_shape(site):
    site.write(PERSONA, "name: Fanny\n\nFanny gère tout depuis son téléphone.\n")
    code, output = site.check()
    assert code == 1
    assert f"{PERSONA}:1:1 : le fichier doit commencer par une ligne « --- »" in output


def test_front_matter_never_closed_is_an_error(site):
    site.write(PERSONA, site.read(PERSONA).replace("---\nFanny gère", "\nFanny gère"))
    code, output = site.check()
    assert code == 1
    assert f"{PERSONA}:1:1 : l'en-tête ouvert par « --- » n'est jamais refermé" in output


def test_a_list_instead_of_fields_is_explained(site):
    site.write(JOURNEY, "- title: x\n- kind: customer\n")
    code, output = site.check()
    assert code == 1
    assert "des champs « nom: valeur »" in output


def test_no_traceback_for_any_broken_file(site):
    breakages = [
        "title: [unclosed\n",
        "title: 'unclosed\n",
        "title: \"bad \\q escape\"\n",
        "? [complex, key]\n: value\n",
        "<<: {title: x}\n",
        "title: x\n---\ntitle: y\n",
        "\x00title: x\n",
        "[" * 200 + "]" * 200,
    ]
    for text in breakages:
        site.write(JOURNEY, text)
        code, output = site.check()
        assert code == 1, text
        assert "Traceback" not in output, text
        assert JOURNEY in output, (text, output)
