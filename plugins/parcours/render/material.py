"""What Parcours knows of Material for MkDocs, in one place.

Material draws the site around Parcours's pages. The Python side relies on
it here only: its icon set, read from the installed package's files
(without importing it), and the front matter keys that hide its navigation
and table of contents on wide pages. The script's side (instant
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


@lru_cache(maxsize=None)
def icon_source(name: str) -> str | None:
    """The icon's SVG text, or None when there is no such icon."""
    folder = _icons_dir()
    if folder is None or not re.fullmatch(r"[a-z0-9-]+/[a-z0-9-]+", name or ""):
        return None
    path = folder / f"{name}.svg"
    return path.read_text("utf-8").strip() if path.is_file() else None
