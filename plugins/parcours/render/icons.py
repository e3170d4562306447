"""Icons, inlined as SVG from the icon set Material for MkDocs ships.

Icons are named as in Material's configuration (`material/phone-outline`).
They are read from the installed package's files, without importing it, and
inlined in the page: no icon font, no request, and the generated pages stay
complete for an engine that does not know Material's icon syntax.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

#: What each qualification of a touchpoint looks like (always beside its word).
QUALIFICATION_ICONS = {
    "enchantment": "material/star-shooting-outline",
    "irritant": "material/emoticon-sad-outline",
    "rupture": "material/link-variant-off",
    "missing": "material/help-circle-outline",
    "redundant": "material/content-duplicate",
}
INITIATOR_ICONS = {"customer": "material/account-arrow-right-outline", "company": "material/domain"}
MOMENT_OF_TRUTH_ICON = "material/flag-variant"
CLIP_ICON = "material/play-circle-outline"


@lru_cache(maxsize=1)
def _icons_dir() -> Path | None:
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "templates" / ".icons"
    return folder if folder.is_dir() else None


@lru_cache(maxsize=None)
def icon_svg(name: str) -> Markup:
    """The icon's SVG, decorative (hidden from screen readers), or nothing."""
    folder = _icons_dir()
    if folder is None or not re.fullmatch(r"[a-z0-9-]+/[a-z0-9-]+", name or ""):
        return Markup("")
    path = folder / f"{name}.svg"
    if not path.is_file():
        return Markup("")
    svg = path.read_text("utf-8").strip()
    svg = svg.replace("<svg ", '<svg class="parcours-icon" aria-hidden="true" focusable="false" ', 1)
    return Markup(svg)


def icon_exists(name: str) -> bool:
    return bool(icon_svg(name))
