"""Huge, deep and alias-heavy files: refused at once with one located message,
or read in full when they are only large.

A file nested thousands of levels deep once killed the process (libyaml's
composer recursed until the C stack overflowed): such files are checked in a
separate process, so that a regression fails a test instead of killing pytest.
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass

import pytest

from conftest import SiteDir

JOURNEY = "journeys/remboursement.yml"
PERSONA = "personas/fanny.md"
LARGE = "journeys/grand-parcours.yml"  # a journey of its own: the fixture's is referenced by other sources
TOO_DEEP = "les valeurs sont imbriquées sur plus de 64 niveaux"


def _errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(("erreur", "avertissement"))]


def _check_apart(site: SiteDir) -> tuple[int, str]:
    """`parcours check` in its own process: a crash is a return code, not the end of the test run."""
    process = subprocess.run(
        [sys.executable, "-c", "from parcours.cli import main; main()", "check", str(site.root)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return process.returncode, process.stdout + process.stderr


@dataclass(frozen=True)
class Deep:
    """A source nested too deep, and where the 65th level opens (the root mapping is the first)."""

    name: str
    file: str
    text: str
    at: str


FLOW = "[" * 30_000 + "]" * 30_000  # 60 KB
DASHES = "- " * 30_000 + "x"  # 60 KB, one line: `- - - x` nests a list in a list
INDENTED = "".join(" " * level + f"n{level}:\n" for level in range(1_100))  # each key one space deeper

DEEP = [
    # `title: ` is 7 columns; the 64th bracket opens the 65th level.
    Deep("flow_brackets_30000_deep", JOURNEY, f"title: {FLOW}\n", f"{JOURNEY}:1:71 :"),
    # The list opens level 2 at column 3 (`  - `); the 64th dash is 126 columns further.
    Deep("block_dashes_30000_deep", JOURNEY, f"title: x\nstages:\n  {DASHES}\n", f"{JOURNEY}:3:129 :"),
    # Deep enough for Python's recursion limit; the slip at the end sends the
    # file to the pure-Python parser, which gave up with no place to show.
    Deep("block_indentation_1100_deep_then_a_slip", JOURNEY, f"{INDENTED}title: [x\n", f"{JOURNEY}:65:65 :"),
    # Front matter starts on line 2 of a Markdown file.
    Deep("front_matter_flow_brackets", PERSONA, f"---\nname: Fanny\nquote: {FLOW}\n---\nTexte.\n", f"{PERSONA}:3:71 :"),
    Deep("front_matter_block_dashes", PERSONA, f"---\nname: Fanny\ncontext:\n  {DASHES}\n---\nTexte.\n", f"{PERSONA}:4:129 :"),
    # The site's configuration is YAML too, read by Parcours before the sources.
    Deep("site_configuration", "mkdocs.yml", f"site_name: Test\nextra: {FLOW}\nplugins: [parcours]\n", "mkdocs.yml:2:71 :"),
]


@pytest.mark.parametrize("case", DEEP, ids=lambda case: case.name)
def test_nesting_too_deep_is_refused_where_it_crosses_the_limit(site: SiteDir, case: Deep) -> None:
    """Measured before any parser reads the file: one message at the level past the limit, no crash."""
    site.write(case.file, case.text)
    code, output = _check_apart(site)
    assert code == 1, output  # a crash would be -11 (SIGSEGV)
    assert "Traceback" not in output
    (line,) = [line for line in _errors(output) if case.file in line]
    assert f"erreur {case.at} {TOO_DEEP}" in line, output


def test_a_source_just_over_the_size_limit_is_refused_alone(site: SiteDir) -> None:
    from parcours.sources.text import MAX_SOURCE_BYTES

    text = site.read(JOURNEY)
    filler = "# " + "x" * 97 + "\n"  # 100 bytes a line
    text += filler * ((MAX_SOURCE_BYTES - len(text.encode())) // len(filler) - 1)
    before = MAX_SOURCE_BYTES - len(text.encode())  # bytes left before the limit, 100 to 199
    text += "#" + "x" * ((before - 1) % 2) + "é" * ((before - 1) // 2) + "y\n"  # the first byte past the limit is the "y"
    site.write(JOURNEY, text)
    assert len(text.encode()) == MAX_SOURCE_BYTES + 2
    code, output = site.check()
    assert code == 1
    last = text.count("\n")
    column = len(text.splitlines()[-1])  # the "y", counted in characters
    assert _errors(output) == [
        f"erreur {JOURNEY}:{last}:{column} : le fichier pèse 2049 Ko, au-delà de la limite de 2048 Ko, franchie ici : découpez-le en plusieurs fichiers."
    ], output


# Aliases ---------------------------------------------------------------------

CHANNELS = ["courrier", "application", "chat", "telephone", "agence", "email", "site-web", "sms", "conseiller", "messagerie"]
HEAD = (
    "title: Je me fais rembourser mes soins\nkind: customer\npersonas: [fanny]\n"
    "owner: Direction de l'expérience client\nlast_review: 2026-09-15\nperiod: month\nstages:\n"
)


def _large_journey(stages: int = 500, touchpoints: int = 10) -> str:
    """About 0.8 MB of plain journey, no alias at all: 500 stages of 10 touchpoints."""
    parts = [HEAD]
    for stage in range(stages):
        parts.append(f"  - id: etape-{stage}\n    name: J'avance dans mon dossier, étape {stage}\n    phase: after\n    touchpoints:\n")
        for number in range(touchpoints):
            parts.append(
                f"      - id: contact-{number}\n        channel: {CHANNELS[number]}\n"
                f"        label: Réponse claire, numéro {number}\n"
                "        initiator: customer\n        volume: 100\n        satisfaction: 65\n"
            )
    return "".join(parts)


def _verbatims(count: int = 10_000) -> str:
    parts = [HEAD, "  - id: je-consulte\n    name: Je consulte\n    phase: after\n    verbatims:\n"]
    for number in range(count):
        parts.append(f"      - text: C'est long, {number}.\n        speaker: Fanny A.\n        date: 2026-05-04\n        source: interview\n")
    return "".join(parts)


@pytest.mark.parametrize("text", [_large_journey(), _verbatims()], ids=["0.8_MB_journey_of_5000_touchpoints", "10000_short_verbatims"])
def test_a_large_file_without_aliases_is_no_alias_bomb(site: SiteDir, text: str) -> None:
    """Only what aliases add is counted: a file without any reads and validates in full."""
    site.write(LARGE, text)
    code, output = site.check()
    assert code == 0, output[-2000:]
    assert "alias" not in output


def test_a_little_reuse_through_aliases_is_read(site: SiteDir) -> None:
    site.replace(JOURNEY, "actions: [Je présente ma carte de tiers payant]", "actions: &carte [Je présente ma carte de tiers payant]")
    site.replace(JOURNEY, "expectations: [Savoir que ma facture est bien arrivée]", "expectations: *carte")
    code, output = site.check("--strict")
    assert code == 0, output


def _billion_laughs() -> str:
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        bomb.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(bomb) + "\ntitle: x\n"


@dataclass(frozen=True)
class Bomb:
    name: str
    text: str
    expected: str


BOMBS = [
    # 9⁹ values from 10 lines: refused where the aliases first add more than the limit.
    Bomb("billion_laughs", _billion_laughs(), f"{JOURNEY}:5:4 : les alias YAML de ce fichier ajouteraient plus de 50000 valeurs"),
    # One list of 1,000 values repeated 60 times: no nesting, only copies.
    Bomb(
        "a_long_list_repeated_60_times",
        "liste: &l [" + ",".join(["x"] * 1_000) + "]\ntitle: [" + ", ".join(["*l"] * 60) + "]\n",
        f"{JOURNEY}:2:8 : les alias YAML de ce fichier ajouteraient plus de 50000 valeurs",
    ),
    # Each line one level deeper than the one before, through an alias.
    Bomb(
        "aliases_nesting_past_the_limit",
        "n0: &n0 [x]\n" + "".join(f"n{level}: &n{level} [*n{level - 1}]\n" for level in range(1, 100)),
        f"{JOURNEY}:64:6 : {TOO_DEEP}",
    ),
    Bomb("an_alias_inside_itself", "title: &t [x, *t]\n", f"{JOURNEY}:1:8 : cet alias YAML se contient lui-même"),
]


@pytest.mark.parametrize("case", BOMBS, ids=lambda case: case.name)
def test_aliases_that_would_expand_too_far_are_refused_quickly(site: SiteDir, case: Bomb) -> None:
    site.write(JOURNEY, case.text)
    started = time.monotonic()
    code, output = site.check()
    assert code == 1
    (line,) = _errors(output)
    assert line.startswith(f"erreur {case.expected}"), output
    # Not a timing assertion of performance: a bomb that expanded would run
    # for hours and exhaust memory long before this bound.
    assert time.monotonic() - started < 60
