"""Recent changes of the sources, as the home page shows them."""

from __future__ import annotations

from dataclasses import dataclass

from ..history import Change
from ..i18n import Translator
from ..site import Site
from ..sitemap import PAGES, source_page


@dataclass(frozen=True)
class ChangedPage:
    src_uri: str
    title: str


@dataclass(frozen=True)
class ChangeView:
    change: Change
    pages: list[ChangedPage]


def page_of(site: Site, path: str) -> ChangedPage | None:
    """The page a changed source file shows on (None for a file no page shows)."""
    index, settings = site.index, site.settings
    for plural, folder, entries, title in (
        ("journeys", settings.journeys_dir, index.journeys, lambda m: m.title),
        ("personas", settings.personas_dir, index.personas, lambda m: m.name),
        ("benchmarks", settings.benchmarks_dir, index.benchmarks, lambda m: m.title),
        ("solutions", settings.solutions_dir, index.solutions, lambda m: m.title),
    ):
        prefix = folder.rstrip("/") + "/"
        if path.startswith(prefix) and "/" not in path[len(prefix) :]:
            stem = path[len(prefix) :].rsplit(".", 1)[0]
            if stem in entries:
                return ChangedPage(source_page(plural, stem), title(entries[stem].model))
    for name, entry in (("onboarding", index.onboarding), ("glossary", index.glossary)):
        if entry is not None and path == entry.rel:
            return ChangedPage(PAGES[name], getattr(entry.model, "title", None) or Translator(site.language).labels()[name].get("title", name))
    return None


def changes_view(site: Site, limit: int) -> list[ChangeView]:
    views = []
    for change in site.history[:limit]:
        pages = {}
        for path in change.files:
            page = page_of(site, path)
            if page:
                pages[page.src_uri] = page
        views.append(ChangeView(change, list(pages.values())))
    return views
