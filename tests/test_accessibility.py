"""Accessibility that needs no browser: the colours' contrast, and the names
and keyboard stops every page is built with. axe-core checks the rendered
pages in both schemes (`test_a11y_browser.py`); it cannot see a chart's
lines against its background, nor a palette's colours that a page does not
happen to show.
"""

from __future__ import annotations

import colorsys
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from parcours.model.palette import PALETTE
from parcours.model.vocabulary import STATUSES
from parcours.render.assets import packaged
from parcours.render.charts.style import MARK, NEUTRAL, SERIES


def _rgb(colour: str) -> tuple[float, float, float]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _over(colour: tuple[float, ...], alpha: float, background: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(alpha * c + (1 - alpha) * b for c, b in zip(colour, background))


def _luminance(rgb: tuple[float, ...]) -> float:
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: tuple[float, ...], other: tuple[float, ...]) -> float:
    """WCAG 2.1's contrast ratio of two colours."""
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


WHITE = (1.0, 1.0, 1.0)
#: Material's slate: hsl(225, 15 %, 14 %).
SLATE = colorsys.hls_to_rgb(225 / 360, 0.14, 0.15)
#: The background a chart is drawn on, in each scheme, and the moment-of-truth
#: band the map's charts draw under a stage (`--parcours-mot-bg`).
CHART_BACKGROUNDS = {
    "white page": WHITE,
    "light moment-of-truth band": _over(_rgb("#0b57d0"), 0.07, WHITE),
    "slate page": SLATE,
    "dark moment-of-truth band": _over(_rgb("#a8c7fa"), 0.09, SLATE),
}
#: Every colour a chart draws data with, and what it draws.
CHART_COLOURS = [
    *((f"persona series {n + 1}", style.colour) for n, style in enumerate(PALETTE)),
    *((f"status {status.id}", status.colour) for status in STATUSES),
    ("one series (funnel, matrix)", SERIES),
    ("a mark (today, a target, the blocking stage)", MARK),
    ("guides and volume bars' edges", NEUTRAL),
]


@pytest.mark.parametrize(("what", "colour"), CHART_COLOURS, ids=[row[0] for row in CHART_COLOURS])
def test_chart_colours_stand_out_from_the_page_in_both_schemes(what, colour):
    """WCAG 1.4.11: a graphical object reads at 3:1 against what is around it."""
    for background, rgb in CHART_BACKGROUNDS.items():
        # The road map and the matrix draw no moment-of-truth band.
        if what.startswith("status") and "band" in background:
            continue
        assert contrast(_rgb(colour), rgb) >= 3, (what, colour, background, round(contrast(_rgb(colour), rgb), 2))


@pytest.mark.parametrize("status", list(STATUSES), ids=[status.id for status in STATUSES])
def test_a_status_written_on_its_bar_reads_at_aa(status):
    """The road map writes each bar's status on it, in black."""
    assert contrast(_rgb(status.colour), (0.0, 0.0, 0.0)) >= 4.5


def _palette(selector: str) -> dict[str, str]:
    """The variables Parcours's stylesheet gives a palette's selector."""
    css = packaged("parcours.css")
    block = re.search(r"^\s*" + re.escape(selector) + r"\s*\{(.*?)\}", css, re.S | re.M)
    assert block, selector
    return dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{6})", block.group(1)))


def test_parcours_palette_header_and_tabs_read_at_aa():
    primary = _rgb(_palette('[data-md-color-primary="parcours"]')["--md-primary-fg-color"])
    assert contrast(WHITE, primary) >= 4.5
    # Material dims the tabs not chosen to 70 % white.
    assert contrast(_over(WHITE, 0.7, primary), primary) >= 4.5


@pytest.mark.parametrize(
    ("selector", "variable", "background"),
    [
        ('[data-md-color-primary="parcours"]', "--md-typeset-a-color", WHITE),
        ('[data-md-color-scheme="slate"][data-md-color-primary="parcours"]', "--md-typeset-a-color", SLATE),
        ('[data-md-color-accent="parcours"]', "--md-accent-fg-color", WHITE),
        ('[data-md-color-scheme="slate"][data-md-color-accent="parcours"]', "--md-accent-fg-color", SLATE),
    ],
    ids=["links, light", "links, dark", "accent, light", "accent, dark"],
)
def test_parcours_palette_links_and_accent_read_at_aa(selector, variable, background):
    assert contrast(_rgb(_palette(selector)[variable]), background) >= 4.5


class _Landmarks(HTMLParser):
    """Material's search dialog and Parcours's scroll regions of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.dialogs: list[dict] = []
        self.regions: list[dict] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if "md-search" in classes:
            self.dialogs.append(attributes)
        if "parcours-table-scroll" in classes or "parcours-map-scroll" in classes:
            self.regions.append(attributes)


def _pages(site_dir: Path) -> dict[str, _Landmarks]:
    pages = {}
    for path in sorted(site_dir.rglob("*.html")):
        parser = _Landmarks()
        parser.feed(path.read_text("utf-8"))
        pages[path.relative_to(site_dir).as_posix()] = parser
    return pages


def test_materials_search_dialog_is_named_on_every_page_the_404_included(demo):
    pages = _pages(demo.site_dir)
    assert "404.html" in pages
    for name, page in pages.items():
        if page.dialogs:
            (dialog,) = page.dialogs
            assert dialog.get("role") == "dialog" and dialog.get("aria-label") == "Rechercher", name


def test_every_scroll_region_is_named_and_reachable_from_the_keyboard(demo):
    regions = 0
    for name, page in _pages(demo.site_dir).items():
        labels = [region.get("aria-label") for region in page.regions]
        for region in page.regions:
            assert region.get("tabindex") == "0" and region.get("role") == "region" and region.get("aria-label"), (name, region)
        assert len(labels) == len(set(labels)), (name, labels)
        regions += len(labels)
    assert regions > 20
