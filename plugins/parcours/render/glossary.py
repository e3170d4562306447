"""Glossary terms explained on hover, wherever they appear in a page.

Each occurrence of a term in a page's text becomes `<abbr title="…">`, which
Material shows as a tooltip (feature `content.tooltips`). Text inside links,
headings, controls, code and data is left as it is. The page is read with
the standard library's HTML parser, so that tags, comments and attributes
are never taken for text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..model import Glossary as GlossaryModel
from .pieces import Pieces

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


class _Tokens(HTMLParser):
    """A page cut into its markup and its text, each piece by its offset in the page.

    Character references are left as written (`&#39;`): a term is matched
    and put back in the page's own spelling.
    """

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        # The parser counts lines at "\n" only.
        self._lines = [0, *(match.end() for match in re.finditer("\n", html))]
        #: (offset, kind, tag): kind is "start", "end", "void" (no end tag), "text" or "other".
        self.events: list[tuple[int, str, str]] = []
        self.feed(html)
        self.close()

    def _at(self, kind: str, tag: str = "") -> None:
        line, column = self.getpos()
        self.events.append((self._lines[line - 1] + column, kind, tag))

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._at("void" if tag in _VOID else "start", tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self._at("void", tag)

    def handle_endtag(self, tag: str) -> None:
        self._at("end", tag)

    def handle_data(self, data: str) -> None:
        self._at("text")

    def handle_entityref(self, name: str) -> None:
        self._at("text")

    def handle_charref(self, name: str) -> None:
        self._at("text")

    def handle_comment(self, data: str) -> None:
        self._at("other")

    def handle_decl(self, decl: str) -> None:
        self._at("other")

    def handle_pi(self, data: str) -> None:
        self._at("other")

    def unknown_decl(self, data: str) -> None:
        self._at("other")


class Glossary:
    """A site's glossary, ready to annotate pages."""

    def __init__(self, model: GlossaryModel, pieces: Pieces) -> None:
        self.model = model
        self.pieces = pieces
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
        if self.pattern is None or not self.pattern.search(html):
            return html
        events = _Tokens(html).events
        out: list[str] = [html[: events[0][0]] if events else html]
        skipping: list[str] = []
        text_from: int | None = None  # where the run of text being read began
        for position, (start, kind, tag) in enumerate(events):
            end = events[position + 1][0] if position + 1 < len(events) else len(html)
            if kind == "text":
                text_from = start if text_from is None else text_from
                if position + 1 < len(events) and events[position + 1][1] == "text":
                    continue  # a character reference inside the text: read the run whole
                run = html[text_from:end]
                out.append(run if skipping else self.pattern.sub(self._abbr, run))
                text_from = None
                continue
            if kind == "start" and (skipping or tag in _SKIP):
                skipping.append(tag)
            elif kind == "end" and skipping and skipping[-1] == tag:
                skipping.pop()
            out.append(html[start:end])
        return "".join(out)

    def _abbr(self, match: re.Match[str]) -> str:
        return self.pieces.term(match.group(1), self.definitions[_normal(match.group(1))])
