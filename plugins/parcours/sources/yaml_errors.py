"""PyYAML's syntax errors, told as an analyst can fix them.

French text is full of apostrophes and quotation marks, and PyYAML reports
where it gave up, not where the mistake began: each known message gets a
code from the translation table, placed where the analyst has to look.
"""

from __future__ import annotations

import re

import yaml

from .problems import Problem


# PyYAML's messages, recognised by their beginning, and the advice we give.
_YAML_PROBLEMS: list[tuple[str, str]] = [
    ("mapping values are not allowed here", "yaml_colon_in_value"),
    ("found character '\\t' that cannot start any token", "yaml_tab"),
    ("found a tab character", "yaml_tab"),
    ("that cannot start any token", "yaml_reserved_start"),
    ("expected alphabetic or numeric character", "yaml_reserved_start"),
    ("could not find expected ':'", "yaml_missing_colon"),
    ("expected <block end>", "yaml_indentation"),
    ("did not find expected key", "yaml_indentation"),
    ("did not find expected '-' indicator", "yaml_indentation"),
    ("block sequence entries are not allowed", "yaml_indentation"),
    ("expected ',' or ']'", "yaml_unclosed_bracket"),
    ("expected ',' or '}'", "yaml_unclosed_bracket"),
    ("found undefined alias", "yaml_alias"),
    ("found duplicate anchor", "yaml_alias"),
    ("found unexpected end of stream", "yaml_unclosed_quote"),
    ("but found another document", "yaml_several_documents"),
    ("expected a single document", "yaml_several_documents"),
    ("found unknown escape character", "yaml_escape"),
]
#: Problems PyYAML locates where it gave up; the analyst's mistake is where it began.
_AT_CONTEXT = {"yaml_missing_colon", "yaml_unclosed_bracket", "yaml_unclosed_quote", "yaml_reserved_start"}


#: A value that opens with a quote: `quote: "…`, `- '…`.
_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)*(?:[^\s:#'"][^:#]*:\s+)?(['"])""")


def _quoting_mistake(text: str, line: int, column: int) -> tuple[str, int, int, str] | None:
    """The quote that PyYAML's "indentation" or "missing colon" really comes from.

    French text is full of apostrophes and quotation marks: `'c'est'` closes
    at the second apostrophe, `"Je rappelle" dit-il` leaves words after the
    closing quote, and an unclosed `"` swallows lines until the next one,
    where PyYAML finally stops. Returns (code, line, column, quote), 0-based.
    """
    lines = text.splitlines()
    if line < len(lines):
        opened = _QUOTED_VALUE.match(lines[line])
        if opened and column > opened.end():
            return "yaml_quote_ends_early", line, opened.end() - 1, opened.group(1)
    for number in range(min(line, len(lines)) - 1, -1, -1):
        opened = _QUOTED_VALUE.match(lines[number])
        if opened:
            rest = lines[number][opened.end():].rstrip()
            if rest.count(opened.group(1)) % 2 == 0 and opened.group(1) == '"':
                return "yaml_unclosed_quote", number, opened.end() - 1, opened.group(1)
            return None
    return None


def yaml_problem(error: yaml.YAMLError, rel: str, line_offset: int, text: str = "") -> Problem:
    problem_text = str(getattr(error, "problem", "") or "")
    context_text = str(getattr(error, "context", "") or "")
    code = "yaml_syntax"
    for start, known in _YAML_PROBLEMS:
        if start in problem_text or (not problem_text and start in context_text):
            code = known
            break
    if code == "yaml_syntax" and "while scanning a quoted scalar" in context_text:
        code = "yaml_unclosed_quote"
    mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    if context_mark is not None and (mark is None or code in _AT_CONTEXT):
        mark = context_mark
    params = {"detail": problem_text or context_text}
    if mark is not None and code in ("yaml_indentation", "yaml_missing_colon"):
        mistake = _quoting_mistake(text, mark.line, mark.column)
        if mistake:
            code, at_line, at_column, params["quote"] = mistake
            return Problem(file=rel, code=code, params=params, line=at_line + 1 + line_offset, column=at_column + 1)
    line = mark.line + 1 + line_offset if mark else None
    column = mark.column + 1 if mark else None
    return Problem(file=rel, code=code, params=params, line=line, column=column)
