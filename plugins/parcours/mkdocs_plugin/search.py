"""Search reads a generated page's lean copy (`render/search.py`), not its HTML.

Search plugins (Material's, MkDocs' own) index `page.content` in
`on_page_context`, at the default priority. Just before, a generated page's
content becomes its lean copy: headings and text, each once, a journey's
stages and touchpoints under their anchors on the map; just after, the page
is itself again, for the theme to draw. The authors' pages are left to
search as they are. A build's pages come with their copies, made as each
page was drawn (on the core that drew it, `render/parallel.py`); the
preview keeps each page's copy for its next build, made again only when
the page changed.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..render.files import GeneratedFile
from ..render.search import searchable
from .redraw import Redraw


class LeanSearch:
    """The plugin's part that hands search the lean copy of each generated page."""

    #: The generated pages' HTML, by `src_uri` (the plugin fills it in `on_files`).
    bodies: dict[str, str]
    #: The command MkDocs runs ("serve" for the preview).
    command: str | None
    #: A page's HTML while search reads its lean copy.
    full_content: str | None = None
    #: Each page's HTML and lean copy: made with the page in a build (`on_files`), kept
    #: from the last build that made it under `mkdocs serve`.
    lean_copies: dict[str, tuple[str, str]]
    #: Under `mkdocs serve --dirty`: keeps each page's search entries for the builds that skip it.
    redraw: Redraw

    def copies_made(self, config: MkDocsConfig) -> bool:
        """Whether the pages come with their copies: in a build with search; the preview
        makes each as search asks for it, as it may not write the page at all (`redraw.py`)."""
        return self.command != "serve" and any(name.rpartition("/")[2] == "search" for name in config.plugins)

    def keep_body(self, page: GeneratedFile) -> None:
        """A generated page's HTML, for `on_page_content` to put in, and its search copy if made."""
        assert page.body is not None
        self.bodies[page.src_uri] = page.body
        if page.searchable is not None:
            self.lean_copies[page.src_uri] = (page.body, page.searchable)

    @event_priority(0.5)
    def _lean_for_search(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        self.redraw.before_search()
        src_uri, content = page.file.src_uri, page.content
        if src_uri not in self.bodies or not content:
            return context
        # Made with the page (a build's), or by the last build that made it (the preview's).
        known = self.lean_copies.get(src_uri) if self.command == "serve" else self.lean_copies.pop(src_uri, None)
        lean = known[1] if known is not None and known[0] == content else searchable(content)
        if self.command == "serve":
            self.lean_copies[src_uri] = (content, lean)
        self.full_content, page.content = content, lean
        return context

    @event_priority(-0.5)
    def _whole_after_search(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        self.redraw.after_search(page)
        if self.full_content is not None:
            page.content, self.full_content = self.full_content, None
        return context

    on_page_context = CombinedEvent(_lean_for_search, _whole_after_search)
