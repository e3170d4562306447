"""Search reads a generated page's lean copy (`render/search.py`), not its HTML.

Search plugins (Material's, MkDocs' own) index `page.content` in
`on_page_context`, at the default priority. Just before, a generated page's
content becomes its lean copy: headings and text, each once, a journey's
stages and touchpoints under their anchors on the map; just after, the page
is itself again, for the theme to draw. The authors' pages are left to
search as they are.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..render.search import searchable


class LeanSearch:
    """The plugin's part that hands search the lean copy of each generated page."""

    #: The generated pages' HTML, by `src_uri` (the plugin fills it in `on_files`).
    bodies: dict[str, str]
    #: A page's HTML while search reads its lean copy.
    full_content: str | None = None

    @event_priority(0.5)
    def _lean_for_search(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        if page.file.src_uri in self.bodies and page.content:
            self.full_content, page.content = page.content, searchable(page.content)
        return context

    @event_priority(-0.5)
    def _whole_after_search(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        if self.full_content is not None:
            page.content, self.full_content = self.full_content, None
        return context

    on_page_context = CombinedEvent(_lean_for_search, _whole_after_search)
