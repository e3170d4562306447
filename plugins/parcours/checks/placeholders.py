"""« À COMPLÉTER » left in a source: the scaffolds' mark for what only the
analyst can write. Each one left is an error on its own line, so a new
source cannot be published half-written."""

from __future__ import annotations

from typing import Any, Iterator

from ..sources.document import SourceDocument
from ..sources.positions import Loc
from ..sources.problems import Problem

PLACEHOLDER = "À COMPLÉTER"
_FOLDED = PLACEHOLDER.casefold()


def unfilled_fields(doc: SourceDocument) -> list[Problem]:
    """Each field of the source whose text still holds the placeholder."""
    return [doc.problem("placeholder", loc, value=PLACEHOLDER) for loc, text in _texts(doc.data, ()) if _FOLDED in text.casefold()]


def unfilled_prose(text: str, rel: str, first_line: int = 1) -> list[Problem]:
    """Each line of Markdown prose that still holds the placeholder."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=first_line):
        at = line.casefold().find(_FOLDED)
        if at >= 0:
            problems.append(Problem(file=rel, code="placeholder", params={"value": PLACEHOLDER}, line=number, column=at + 1))
    return problems


def _texts(node: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(node, str):
        yield loc, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _texts(value, (*loc, key))
    elif isinstance(node, list):
        for position, value in enumerate(node):
            yield from _texts(value, (*loc, position))


def without_echoes(problems: list[Problem]) -> list[Problem]:
    """The problems less those a placeholder causes on its own spot (« À
    COMPLÉTER » is not a phase, nor a first-person name): one line, one
    thing to do."""
    spots = {(p.file, p.line, p.column) for p in problems if p.code == "placeholder"}
    return [p for p in problems if p.code == "placeholder" or (p.file, p.line, p.column) not in spots]
