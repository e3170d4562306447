"""The navigation: a kind's index page listed alone in `nav` becomes a section of its pages."""

from __future__ import annotations

from typing import Any, Iterator

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..analyses.sitemap import source_page, team_page
from ..language.names import slugify
from ..model import KINDS
from ..site import Site


def expand_nav(nav: Navigation, files: Files, site: Site) -> Navigation:
    """Each kind's index page that `nav` lists heads a section of that kind's pages
    (up to `nav_max_pages` of them), in the order a French reader sorts their titles."""
    sections = _kind_pages(files, site)
    limit = site.settings.nav_max_pages
    nav.items = [_expand(item, sections, limit) for item in nav.items]
    nav.pages = list(_pages_in(nav.items))
    for position, page in enumerate(nav.pages):
        page.previous_page = nav.pages[position - 1] if position else None
        page.next_page = nav.pages[position + 1] if position + 1 < len(nav.pages) else None
    return nav


def _kind_pages(files: Files, site: Site) -> dict[str, list[Page]]:
    """The generated pages of each kind, by the index page that heads them."""
    titles: dict[str, str] = {team_page(name): name for name in site.analyses.team_names}
    for kind in KINDS.values():
        for key, entry in site.index.entries(kind.name).items():
            titles[source_page(kind.plural, key)] = getattr(entry.model, "title", None) or entry.model.name
    by_index: dict[str, list[Page]] = {}
    # Accents aside, as a French reader orders them: "Équipe digitale" among the E.
    for src_uri, title in sorted(titles.items(), key=lambda item: slugify(item[1])):
        file = files.get_file_from_path(src_uri)
        if file is not None and file.page is not None:
            by_index.setdefault(src_uri.split("/")[0] + "/index.md", []).append(file.page)
    return by_index


def _expand(item: Any, sections: dict[str, list[Page]], limit: int) -> Any:
    if isinstance(item, Section):
        children = [_expand(child, sections, limit) for child in item.children]
        first = item.children[0] if item.children else None
        if isinstance(first, Page) and _expands(first, sections, limit):
            # The section's first page is a kind's index: it already heads a
            # section, so the sheets follow the section's other pages.
            children = [first, *children[1:], *sections[first.file.src_uri]]
        item.children = children
        for child in item.children:
            child.parent = item
        return item
    if isinstance(item, Page) and _expands(item, sections, limit):
        section = Section(item.title or "", [item, *sections[item.file.src_uri]])
        section.parent = item.parent
        for child in section.children:
            child.parent = section
        return section
    return item


def _expands(page: Page, sections: dict[str, list[Page]], limit: int) -> bool:
    """Whether a kind's index page gets its sheets listed under it."""
    return page.file.src_uri in sections and len(sections[page.file.src_uri]) <= limit


def _pages_in(items: list[Any]) -> Iterator[Page]:
    """Pages in navigation order, for "previous" and "next" links."""
    for item in items:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, Section):
            yield from _pages_in(item.children)
