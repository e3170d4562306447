"""The detailed map's funnel, drawn by the page itself as SVG.

Why: the charts must be on screen at first paint, before any script runs,
and print sharply; plotly draws over them for hover (`charts.js`). The bars
come from the same data as plotly's funnel (`journey.py`): the customers of
the main line, the blocking point hatched and its drop said in words. The
emotion chart draws the overview's curve (`overview.py`).

Everything is placed in percentages of the chart's box, one column per
stage, so the drawing follows the map's columns at any width while text
stays upright (an SVG without a viewBox scales nothing).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...analyses.flow import Flow
from ...language.translator import Translator
from ...model import Stage
from ..formats import number, percent
from .style import MARK, SERIES

#: Room above the highest and below the lowest value, in % of the chart's height.
PAD = 12


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    blocking: bool


@dataclass
class Drawing:
    """What `_chart_svg.html` draws: bands for moments of truth, and bars."""

    #: The funnel's colours, as plotly draws it: the series', and the mark's for the blocking point.
    series_colour = SERIES
    mark_colour = MARK

    bands: list[tuple[float, float]]
    bars: list[Bar] = field(default_factory=list)
    note: tuple[float, str] | None = None


def _column(position: int, count: int) -> float:
    return round((position + 0.5) * 100 / count, 3)


def _bands(stages: list[Stage]) -> list[tuple[float, float]]:
    width = round(100 / len(stages), 3)
    return [(round(i * 100 / len(stages), 3), width) for i, stage in enumerate(stages) if stage.moment_of_truth]


def funnel_drawing(stages: list[Stage], blocking: Stage | None, translator: Translator) -> Drawing:
    """Customers at each stage of the main line; the blocking point hatched, its drop said in words."""
    flow = Flow(stages)
    volumes = [stage.volume if flow.is_main(stage) else None for stage in stages]
    top = max((volume or 0) for volume in volumes) or 1
    width = round(45 / len(stages), 3)
    drawing = Drawing(_bands(stages))
    for index, volume in enumerate(volumes):
        if volume is None:
            continue
        height = round(volume * (100 - 2 * PAD) / top, 3)
        drawing.bars.append(Bar(round(_column(index, len(stages)) - width / 2, 3), round(100 - height, 3), width, height,
                                number(volume, translator.language), stages[index] is blocking))
    rate = flow.conversion(blocking) if blocking is not None and blocking in stages else None
    if rate is not None:
        words = translator.label("map.blocking_short").format(drop=percent(round(100 - rate, 1), translator.language))
        drawing.note = (round(_column(stages.index(blocking), len(stages)) + 50 / len(stages), 3), words)
    return drawing
