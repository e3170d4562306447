"""Icons from the set Material for MkDocs ships, drawn by one cached stylesheet.

Icons are named as in Material's configuration (`material/phone-outline`)
and read from the installed package's files, without importing it. Pages
refer to an icon by class (`<i class="pi pi-phone-outline">`); the site's
`icons.css` draws each icon once, as a CSS mask in the colour of the text.
No icon font, no request to another host, a few bytes per icon in a page,
and the pages stay complete for an engine that does not know Material's
icon syntax.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

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


class IconSet:
    """The icons a site uses; calling it with a name gives the markup of one."""

    def __init__(self) -> None:
        self.used: dict[str, str] = {}

    def __call__(self, name: str) -> Markup:
        if icon_source(name) is None:
            return Markup("")
        css_class = self.used.get(name)
        if css_class is None:
            # Short classes: a map repeats icons hundreds of times.
            css_class = self.used[name] = f"pi-{_short(len(self.used))}"
        # Empty, so assistive technologies skip it; the word beside it speaks.
        return Markup(f'<i class="pi {css_class}"></i>')

    def css_class(self, name: str) -> str | None:
        return self.used.get(name)

    def stylesheet(self) -> str:
        rules = [
            "/* Icons of Material for MkDocs used by Parcours pages, as CSS masks. */",
            ".pi{display:inline-block;flex:none;width:1.15em;height:1.15em;vertical-align:-.2em;margin-right:.25em;"
            "background-color:currentColor;-webkit-mask:var(--pi) no-repeat center/contain;mask:var(--pi) no-repeat center/contain;"
            "-webkit-print-color-adjust:exact;print-color-adjust:exact}",
        ]
        for name, css_class in self.used.items():
            rules.append(f'.{css_class}{{--pi:url("data:image/svg+xml,{_data_uri(name)}")}} /* {name} */')
        return "\n".join(rules) + "\n"


def _short(number: int) -> str:
    """0 → a, 25 → z, 26 → ba…: a short name per icon."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    name = letters[number % 26]
    while number >= 26:
        number //= 26
        name = letters[number % 26] + name
    return name


def _data_uri(name: str) -> str:
    """The icon's SVG, escaped for a CSS `url("data:…")`."""
    svg = (icon_source(name) or "").replace('"', "'")
    return quote(svg, safe=" '=:/.,-()")
