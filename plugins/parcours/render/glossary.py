"""Glossary terms explained on hover, where they first appear in a page.

The first occurrence of each term in a page's text becomes `<abbr title="…">`,
which Material shows as a tooltip (feature `content.tooltips`) on hover and
on focus: once per page, as a reader needs it, and a stop of the keyboard's
tour there only, not at every repetition. The definition is also the term's
description for screen readers (`aria-describedby`). Text inside links, headings, controls, code and data is left
as it is. The page is read with the standard library's HTML parser, so
that tags, comments and attributes are never taken for text; reading stops
once every term the page holds is explained.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..model import Glossary as GlossaryModel
from .pieces import Pieces

#: Around a part of a page whose terms are not explained there (the journey map's
#: grid, which repeats the stage details below it): the parser does not read it.
PAUSE, RESUME = "<!--parcours:glossary-pause-->", "<!--parcours:glossary-resume-->"
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


class _Done(Exception):
    """Every term the page holds is explained: the rest of the page is left as it is."""


class _Annotator(HTMLParser):
    """Reads a page and notes where each term is first explained.

    Character references are left as written (`&#39;`): a run of text is
    matched whole, in the page's own spelling.
    """

    def __init__(self, glossary: "Glossary", html: str, wanted: set[int]) -> None:
        super().__init__(convert_charrefs=False)
        self.glossary = glossary
        self.html = html
        self.wanted = wanted
        self.done: set[int] = set()
        #: (start, end, term) of each occurrence explained, in page order.
        self.edits: list[tuple[int, int, int]] = []
        # The parser counts lines at "\n" only.
        self._lines = [0, *(match.end() for match in re.finditer("\n", html))]
        self._skipping: list[str] = []
        self._text_from: int | None = None

    def read(self) -> list[tuple[int, int, int]]:
        try:
            self.feed(self.html)
            self.close()
            self._flush(len(self.html))
        except _Done:
            pass
        return self.edits

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    def _flush(self, end: int) -> None:
        """A run of text ends at `end`: explain the terms it holds that are not yet explained."""
        start, self._text_from = self._text_from, None
        if start is None or self._skipping:
            return
        for match in self.glossary.pattern.finditer(self.html, start, end):  # type: ignore[union-attr]
            term = self.glossary.term_of[_normal(match.group(1))]
            if term not in self.done:
                self.done.add(term)
                self.edits.append((match.start(1), match.end(1), term))
        if self.done >= self.wanted:
            raise _Done

    def _text(self) -> None:
        if self._text_from is None:
            self._text_from = self._offset()

    def _markup(self) -> None:
        if self._text_from is not None:
            self._flush(self._offset())

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._markup()
        if tag not in _VOID and (self._skipping or tag in _SKIP):
            self._skipping.append(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self._markup()

    def handle_endtag(self, tag: str) -> None:
        self._markup()
        if self._skipping and self._skipping[-1] == tag:
            self._skipping.pop()

    def handle_data(self, data: str) -> None:
        self._text()

    def handle_entityref(self, name: str) -> None:
        self._text()

    def handle_charref(self, name: str) -> None:
        self._text()

    def handle_comment(self, data: str) -> None:
        self._markup()

    def handle_decl(self, decl: str) -> None:
        self._markup()

    def handle_pi(self, data: str) -> None:
        self._markup()

    def unknown_decl(self, data: str) -> None:
        self._markup()


class Glossary:
    """A site's glossary, ready to annotate pages."""

    def __init__(self, model: GlossaryModel, pieces: Pieces) -> None:
        self.model = model
        self.pieces = pieces
        #: Each spelling (as the glossary looks it up) → the position of its term.
        self.term_of: dict[str, int] = {}
        spellings: list[str] = []
        for number, term in enumerate(model.terms):
            for form in (term.term, *term.forms):
                key = _normal(form)
                if key not in self.term_of:
                    self.term_of[key] = number
                    spellings.append(form)
        spellings.sort(key=len, reverse=True)  # longest first: "parcours cible" before "parcours"
        self.pattern = (
            re.compile(r"(?<![\w-])(" + "|".join(_pattern(form) for form in spellings) + r")(?![\w-])") if spellings else None
        )

    def annotate(self, html: str) -> str:
        """The page with each term it holds explained where it first appears in its
        text (outside the parts it pauses for, whose markers it removes)."""
        readable, skipped = _readable(html)
        wanted = {self.term_of[_normal(match.group(1))] for match in self.pattern.finditer(readable)} if self.pattern else set()
        edits = _Annotator(self, readable, wanted).read() if wanted else []
        out, last = [], 0
        for start, end, term in edits:
            start, end = _in_page(start, skipped), _in_page(end, skipped)
            out.append(html[last:start])
            out.append(self.pieces.term(html[start:end], self.model.terms[term].definition, str(term + 1)))
            last = end
        out.append(html[last:])
        page = "".join(out)
        return without_pauses(page) if skipped else page


def without_pauses(html: str) -> str:
    """A page with no glossary to explain: its pause markers go."""
    return html.replace(PAUSE, "").replace(RESUME, "")


def _readable(html: str) -> tuple[str, list[tuple[int, int]]]:
    """The page without its paused parts, and each part left out: (where, in the
    readable text; how long, in the page)."""
    readable, skipped, position = [], [], 0
    while (start := html.find(PAUSE, position)) >= 0:
        end = html.find(RESUME, start)
        end = len(html) if end < 0 else end + len(RESUME)
        readable.append(html[position:start])
        skipped.append((sum(len(part) for part in readable), end - start))
        position = end
    readable.append(html[position:])
    return "".join(readable), skipped


def _in_page(offset: int, skipped: list[tuple[int, int]]) -> int:
    """An offset in the readable text, as an offset in the page."""
    return offset + sum(length for at, length in skipped if at <= offset)
