"""What Parcours knows of Material for MkDocs, in one place.

Material draws the site around Parcours's pages. The Python side relies on
it here only: its icon set, read from the installed package's files
(without importing it), the front matter keys that hide its navigation
and table of contents on wide pages, and the name its search dialog lacks. The script's side (instant
navigation's `document$`, the stored preferences, the colour scheme) is
`assets/js/material.js`; the glossary's tooltips are Material's
`content.tooltips` feature, switched on in `mkdocs.yml`.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

#: Front matter of a page that needs the whole width (a journey map, the inventory).
WIDE_PAGE = {"hide": ["navigation", "toc"]}
#: Front matter of a page that needs no table of contents.
NO_TOC = {"hide": ["toc"]}
#: Front matter of a page of wide tables that keeps its table of contents.
NO_NAVIGATION = {"hide": ["navigation"]}


@lru_cache(maxsize=1)
def _icons_dir() -> Path | None:
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "templates" / ".icons"
    return folder if folder.is_dir() else None


#: An icon's name as a source or a setting may give it: a family and an icon, nothing that leaves the folder.
_ICON_NAME = re.compile(r"[a-z0-9-]+/[a-z0-9-]+")


@lru_cache(maxsize=1)
def _icon_ranks() -> dict[str, int]:
    """Every icon of the set by name, numbered in name order: the same number in
    every process and every build, whatever page first uses the icon."""
    folder = _icons_dir()
    if folder is None:
        return {}
    names = sorted(
        f"{family.name}/{icon.name[:-4]}" for family in folder.iterdir() if family.is_dir()
        for icon in family.iterdir() if icon.name.endswith(".svg")
    )
    return {name: rank for rank, name in enumerate(name for name in names if _ICON_NAME.fullmatch(name))}


def icon_rank(name: str) -> int | None:
    """The icon's number in the set, or None when there is no such icon."""
    return _icon_ranks().get(name)


@lru_cache(maxsize=None)
def icon_source(name: str) -> str | None:
    """The icon's SVG text, or None when there is no such icon."""
    folder = _icons_dir()
    if folder is None or not _ICON_NAME.fullmatch(name or ""):
        return None
    path = folder / f"{name}.svg"
    return path.read_text("utf-8").strip() if path.is_file() else None


#: Material's search dialog (`partials/search.html`): a `role="dialog"` with no name.
_SEARCH_DIALOG = re.compile(r"""<div(?=[^>]*\sclass=["']?md-search["'\s>])(?=[^>]*\srole=["']?dialog["'\s>])(?![^>]*\saria-label)([^>]*)>""")
#: Its search field, whose label Material writes in the site's language ("Rechercher").
_SEARCH_LABEL = re.compile(r"""<input(?=[^>]*\sclass=["']?md-search__input)[^>]*\saria-label=(["'])(.*?)\1""")


def name_search_dialog(html: str) -> str:
    """A page whose search dialog is named as its search field is (WCAG 4.1.2).

    Material's dialog has a role and no name, on every page: screen readers
    announce an unnamed dialog. Named here, in each page's HTML, it is named
    on every site that uses Parcours, whatever its `custom_dir`, without
    copying Material's template (which would then miss its updates). A dialog
    already named, or a page without one, is left as it is.
    """
    label = _SEARCH_LABEL.search(html)
    if label is None:
        return html
    return _SEARCH_DIALOG.sub(lambda match: f'<div{match.group(1)} aria-label="{label.group(2)}">', html, count=1)
