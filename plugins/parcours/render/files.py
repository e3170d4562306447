"""The files Parcours adds to a site, and the pages it asks the renderer for.

Pages are Markdown files made of a front matter (title, description) and
one block of HTML: any MkDocs-compatible engine builds them as they are,
with or without the plugin (`parcours build-pages`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..model.markdown import without_tags


@dataclass(frozen=True)
class PageSpec:
    """A page a page kind asks for: where, drawn by which template, with what."""

    src_uri: str
    template: str
    title: str
    description: str | None = None
    #: The source file the page's "edit" link opens, relative to the site.
    edit_path: str | None = None
    #: Front matter the theme reads (Material's `hide`).
    meta: dict[str, Any] = field(default_factory=dict)
    context: dict[str, Any] = field(default_factory=dict)
    #: What only drawing needs, computed then: the preview skips it for a page it reuses.
    drawing: Callable[[], dict[str, Any]] | None = None
    #: The journeys whose words the page shows, beside what every page shows (`reuse.py`);
    #: None: it may show any journey, and the preview draws it at each build.
    journeys: tuple[str, ...] | None = None

    def full_context(self) -> dict[str, Any]:
        return {**self.context, **self.drawing()} if self.drawing is not None else self.context


@dataclass(frozen=True)
class GeneratedFile:
    """A file of the built site that no author wrote: from content or copied from `source`.

    A page is its `front_matter` and its `body`; its `text` is complete
    Markdown (front matter, then one HTML block) for any engine, made when
    asked (a copy of every page's HTML held through a build is hundreds of
    megabytes at 1,000 journeys). The MkDocs plugin gives Markdown only a
    placeholder and puts the HTML in afterwards: there is no Markdown in it
    to convert, and parsing it costs more than rendering it.
    """

    src_uri: str
    content: str | bytes | None = None
    source: Path | None = None
    edit_path: str | None = None
    front_matter: str | None = None
    body: str | None = None
    #: What the site's search reads of the page (`search.py`), made with it when the site has search.
    searchable: str | None = None

    @property
    def text(self) -> str | bytes | None:
        """The file's content: a page's front matter, then its HTML as one block."""
        if self.content is None and self.body is not None:
            return f"{self.front_matter}\n\n{self.body}\n"
        return self.content

    @property
    def is_page(self) -> bool:
        return self.src_uri.endswith(".md")


def theme_text(text: str) -> str:
    """A title or description from a source, safe where the theme writes it as HTML.

    Themes take a page's title and description as HTML: Material puts them
    unescaped in the navigation, the header and `<meta content="…">`, and
    in `<title>` through `striptags`, which unescapes `&lt;` back into `<`.
    Angle brackets therefore become their typographic look-alikes (‹ ›), and
    `&` and double quotes are escaped (apostrophes, frequent in French, stay
    as typed): what the analyst wrote shows as text, and no tag can run.
    """
    return without_tags(text.replace("&", "&amp;").replace('"', "&quot;"))


def compact(html: str) -> str:
    """One raw HTML block for Markdown: no blank line, no indented line.

    Split, stripped and joined by `str` methods, in C: ten times faster on a
    map page than a regular expression, whose leading `\\s*` is tried at
    every character."""
    return "\n".join(filter(None, map(str.strip, html.splitlines())))
