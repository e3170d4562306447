"""The blocks an author places in a page of `docs/` (the home page uses them):
a card per journey, the personas' strip, and the latest changes to the sources.

An author writes `<!-- parcours:journeys -->`, `<!-- parcours:personas -->` or
`<!-- parcours:changes -->` where the block goes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ...analyses.sitemap import PAGES, source_page
from ...language.translator import Translator
from ...model import KINDS
from ...site import Site
from ...sources.history import Change

#: Markers an author writes in a page of `docs/` to place a block of the site's data there.
BLOCK_MARKER = re.compile(r"<!--\s*parcours:([a-z-]+)\s*-->")
BLOCKS = {"journeys": "home_journeys.html", "personas": "home_personas.html", "changes": "home_changes.html"}
CHANGES_SHOWN = 8


def blocks_context(site: Site) -> dict[str, Any]:
    """What the blocks' templates need: the same for every page that places them."""
    index = site.index
    return {
        "journeys": sorted(index.journeys.values(), key=lambda e: e.model.title),
        "figures": site.analyses.figures,
        "worst": {jid: site.analyses.insights(jid, "current").lowest_stage for jid in index.journeys},
        "personas": sorted(index.personas.values(), key=lambda e: e.model.name),
        "changes": changes_view(site, CHANGES_SHOWN),
    }


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
    index = site.index
    for kind in KINDS.values():
        prefix = kind.folder(site.settings).rstrip("/") + "/"
        if path.startswith(prefix) and "/" not in path[len(prefix) :]:
            stem = path[len(prefix) :].rsplit(".", 1)[0]
            entries = index.entries(kind.name)
            if stem in entries:
                model = entries[stem].model
                return ChangedPage(source_page(kind.plural, stem), getattr(model, "title", None) or model.name)
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
