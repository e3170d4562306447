"""What every chart shares: the personas' palette, the map's layout, and the
JSON a page embeds for plotly.js to draw.

Figures are plain dicts in plotly's figure schema (plotly.py's validation
of every property would double a large site's rendering time; the tests
check each figure with plotly.py instead), passed to the page as JSON.
Series are told apart by line dash and marker shape as well as colour.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from ...model.palette import PALETTE, SeriesStyle
from ...model.vocabulary import STATUSES

#: A chart's one series (the funnel, the matrix): the palette's first colour.
SERIES = PALETTE[0].colour
#: What the eye must find on a chart (today, a commitment's target, the blocking
#: stage): vermillion, the palette's second colour. A mark's words are written
#: in the page's text colour beside it: vermillion is for lines (3:1), not text.
MARK = PALETTE[1].colour
#: Guides (the matrix's quadrants) and quiet bars (volumes under a trend): the neutral grey.
NEUTRAL = STATUSES["idea"].colour


def persona_style(position: int) -> SeriesStyle:
    """How the n-th persona's curve is drawn: colour, dash, marker and glyph."""
    return PALETTE[position % len(PALETTE)]


def persona_positions(personas: list[str], site_personas: list[str]) -> dict[str, int]:
    """Each persona's style, the same on every journey: its place among the site's personas.

    When two personas of one journey would then look alike (more personas
    than styles), the journey numbers its own: telling them apart comes first.
    """
    order = sorted(site_personas)
    positions = {pid: order.index(pid) if pid in order else len(order) + i for i, pid in enumerate(personas)}
    if len({position % len(PALETTE) for position in positions.values()}) < len(positions):
        return {pid: i for i, pid in enumerate(personas)}
    return positions


def separators(language: str) -> str:
    """plotly's decimal and thousands separators, as the site's language writes numbers."""
    return ", " if language == "fr" else ".,"


def chart_json(figure: dict[str, Any]) -> Markup:
    """Figure JSON as the text of a `<template>`: inert, never run as a script
    (instant navigation re-runs a page's scripts), with no `<`, `>` or `&`."""
    text = json.dumps(figure, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def stage_layout(count: int, **extra: Any) -> dict[str, Any]:
    return {
        "margin": {"l": 0, "r": 0, "t": 6, "b": 6},
        "autosize": True,
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "xaxis": {"range": [-0.5, count - 0.5], "visible": False, "fixedrange": True},
        "hoverlabel": {"align": "left"},
        "dragmode": False,
        **extra,
    }
