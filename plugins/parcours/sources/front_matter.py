"""Markdown files whose fields sit in a YAML front matter between `---` lines."""

from __future__ import annotations

import re

from .problems import Problem
from .text import SourceError

_FRONT_MATTER_FENCE = re.compile(r"^---[ \t]*$")
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$")


def split_front_matter(text: str, rel: str) -> tuple[str, int, str, int]:
    """Cut a Markdown source into its YAML front matter and its body."""
    lines = text.split("\n")
    if not lines or not _FRONT_MATTER_FENCE.match(lines[0]):
        raise SourceError(Problem(file=rel, code="front_matter_missing", line=1, column=1))
    for number, line in enumerate(lines[1:], start=1):
        if _FRONT_MATTER_END.match(line):
            yaml_text = "\n".join(lines[1:number])
            body = "\n".join(lines[number + 1 :])
            return yaml_text, 1, body, number + 2
    raise SourceError(Problem(file=rel, code="front_matter_unclosed", line=1, column=1))
