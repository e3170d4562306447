"""Glossary terms explained on hover, wherever they appear in a page.

Each occurrence of a term in a page's text becomes `<abbr title="…">`, which
Material shows as a tooltip (feature `content.tooltips`). Text inside links,
headings, controls, code and data is left as it is.
"""

from __future__ import annotations

import re
from markupsafe import escape

from ..model import Glossary as GlossaryModel

_TAG = re.compile(r"(<[^>]+>)")
_OPENING = re.compile(r"<\s*([a-zA-Z0-9]+)")
_CLOSING = re.compile(r"<\s*/\s*([a-zA-Z0-9]+)")
#: Elements whose text is not annotated.
_SKIP = {"a", "abbr", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "script", "style", "template", "option", "textarea", "button", "label", "summary", "title", "svg", "dt", "th"}
_VOID = {"br", "img", "input", "hr", "meta", "link", "source", "track", "col", "wbr", "area", "base", "embed", "param"}


_APOSTROPHE = "(?:'|’|&#39;|&#x27;)"


def _normal(text: str) -> str:
    """A spelling as the glossary looks it up: any apostrophe, any case (but acronyms')."""
    text = re.sub(r"&#39;|&#x27;|’", "'", text)
    return text if _is_acronym(text) else text.casefold()


def _is_acronym(text: str) -> bool:
    return len(text) > 1 and text.isupper()


def _pattern(form: str) -> str:
    """A spelling as a regular expression: acronyms as written (NPS, not "nps" in
    a word), other terms in any case; an apostrophe however the page writes it."""
    parts = [_APOSTROPHE if char in "'’" else re.escape(char) for char in form]
    body = "".join(parts)
    return body if _is_acronym(form) else f"(?i:{body})"


class Glossary:
    """A site's glossary, ready to annotate pages."""

    def __init__(self, model: GlossaryModel) -> None:
        self.model = model
        self.definitions: dict[str, str] = {}
        spellings: list[str] = []
        for term in model.terms:
            for form in (term.term, *term.forms):
                key = _normal(form)
                if key not in self.definitions:
                    self.definitions[key] = term.definition
                    spellings.append(form)
        spellings.sort(key=len, reverse=True)  # longest first: "parcours cible" before "parcours"
        self.pattern = (
            re.compile(r"(?<![\w-])(" + "|".join(_pattern(form) for form in spellings) + r")(?![\w-])") if spellings else None
        )

    def annotate(self, html: str) -> str:
        if self.pattern is None:
            return html
        parts = _TAG.split(html)
        skipping: list[str] = []
        for position, part in enumerate(parts):
            if position % 2:  # a tag
                closing = _CLOSING.match(part)
                if closing:
                    name = closing.group(1).lower()
                    if skipping and skipping[-1] == name:
                        skipping.pop()
                    continue
                opening = _OPENING.match(part)
                if opening:
                    name = opening.group(1).lower()
                    if (skipping or name in _SKIP) and name not in _VOID and not part.rstrip().endswith("/>"):
                        skipping.append(name)
                continue
            if part and not skipping:
                parts[position] = self.pattern.sub(self._abbr, part)
        return "".join(parts)

    def _abbr(self, match: re.Match[str]) -> str:
        definition = self.definitions[_normal(match.group(1))]
        return f'<abbr title="{escape(definition)}">{match.group(1)}</abbr>'
