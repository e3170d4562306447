"""Icons from the set Material for MkDocs ships, drawn by one cached stylesheet.

Icons are named as in Material's configuration (`material/phone-outline`)
and read from the installed package's files, without importing it. Pages
refer to an icon by a short class (`<i class="pi pi-frq">`); the site's
`icons.css` draws each icon once, as a CSS mask in the colour of the text.
No icon font, no request to another host, a few bytes per icon in a page,
and the pages stay complete for an engine that does not know Material's
icon syntax.
"""

from __future__ import annotations

from urllib.parse import quote

from .material import icon_rank, icon_source

class IconSet:
    """The icons a site uses, each with a short class name drawn by the site's `icons.css`.

    An icon's class comes from its place in the whole set (`pi-a` for the
    first icon by name): the same in every page, whichever process drew it
    (`parallel.py`), and from one build to the next."""

    def __init__(self) -> None:
        self.used: dict[str, str] = {}

    def css_class(self, name: str) -> str | None:
        """The class that draws an icon, or None when there is no such icon."""
        css_class = self.used.get(name)
        if css_class is None:
            rank = icon_rank(name)
            if rank is None:
                return None
            css_class = self.used[name] = f"pi-{_short(rank)}"
        return css_class

    def stylesheet(self) -> str:
        rules = [
            "/* Icons of Material for MkDocs used by Parcours pages, as CSS masks. */",
            ".pi{display:inline-block;flex:none;width:1.15em;height:1.15em;vertical-align:-.2em;margin-right:.25em;"
            "background-color:currentColor;-webkit-mask:var(--pi) no-repeat center/contain;mask:var(--pi) no-repeat center/contain;"
            "-webkit-print-color-adjust:exact;print-color-adjust:exact}",
        ]
        for name in sorted(self.used):
            rules.append(f'.{self.used[name]}{{--pi:url("data:image/svg+xml,{_data_uri(name)}")}} /* {name} */')
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
