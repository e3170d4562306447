"""Deep files: refused at once with one located message, never a crash.

A file nested thousands of levels deep once killed the process (libyaml's
composer recursed until the C stack overflowed): such files are checked in a
separate process, so that a regression fails a test instead of killing pytest.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass

import pytest

from conftest import SiteDir

JOURNEY = "journeys/remboursement.yml"
PERSONA = "personas/fanny.md"
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
