"""The map's emotion curve and funnel, drawn by the page itself as SVG.

Why: the charts must be on screen at first paint, before any script runs,
and print sharply; plotly, 400 KB of script, is loaded only when the reader
interacts with a chart (`charts.js`). The figures come from the same data as
plotly's (`journey.py`): one curve per persona (or one for all), bars for the
customers of the main line, the blocking point hatched and labelled.

Everything is placed in percentages of the chart's box, one column per
stage, so the drawing follows the map's columns at any width while markers
stay round and text upright (an SVG without a viewBox scales nothing).
Issue 15's overview draws its own curves the same way (`overview.py`, on
its branch when this was written).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...analyses.flow import Flow
from ...language.translator import Translator
from ...model import Stage
from ...model.vocabulary import ALL_PERSONAS
from ..formats import number, percent, signed
from .style import MARK, SERIES, persona_style

#: plotly's dash names (the personas' palette) as SVG dash patterns.
DASHES = {"solid": "", "dash": "9 5", "dot": "2 4", "dashdot": "9 4 2 4", "longdash": "16 6", "longdashdot": "16 5 2 5"}
#: The palette's marker shapes, centred on 0, 0, about 11 px across.
MARKERS = {
    "circle": "M-5.5 0a5.5 5.5 0 1 0 11 0a5.5 5.5 0 1 0-11 0z",
    "square": "M-5-5h10v10h-10z",
    "diamond": "M0-6.5l6.5 6.5l-6.5 6.5l-6.5-6.5z",
    "triangle-up": "M0-6l6.5 11h-13z",
    "x": "M-5-3l2-2l3 3l3-3l2 2l-3 3l3 3l-2 2l-3-3l-3 3l-2-2l3-3z",
    "star": "M0-6.5l1.9 4.2l4.6.4l-3.5 3l1.1 4.5l-4.1-2.4l-4.1 2.4l1.1-4.5l-3.5-3l4.6-.4z",
}
#: Room above the highest and below the lowest value, in % of the chart's height.
PAD = 12


@dataclass(frozen=True)
class Line:
    """One persona's curve: its segments and markers, in % of the box."""

    persona: str
    name: str
    colour: str
    #: Its mark in words (● ■ ◆…), for the legend: never told apart by colour alone.
    glyph: str
    dash: str
    marker: str
    segments: list[tuple[float, float, float, float]]
    points: list[tuple[float, float, str]]


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
    """What `_chart_svg.html` draws: bands for moments of truth, ticks, curves or bars."""

    #: The funnel's colours, as plotly draws it: the series', and the mark's for the blocking point.
    series_colour = SERIES
    mark_colour = MARK

    bands: list[tuple[float, float]]
    ticks: list[tuple[float, str]] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    note: tuple[float, str] | None = None


def _column(position: int, count: int) -> float:
    return round((position + 0.5) * 100 / count, 3)


def _bands(stages: list[Stage]) -> list[tuple[float, float]]:
    width = round(100 / len(stages), 3)
    return [(round(i * 100 / len(stages), 3), width) for i, stage in enumerate(stages) if stage.moment_of_truth]


def emotion_drawing(
    stages: list[Stage], personas: list[tuple[str, str]], scale: tuple[int, int], translator: Translator, positions: dict[str, int]
) -> Drawing:
    """One curve per persona (`(id, short name)`), or one for all when there is none."""
    low, high = scale
    language = translator.language

    def y(score: float) -> float:
        return round(PAD + (high - score) * (100 - 2 * PAD) / (high - low), 3)

    drawing = Drawing(_bands(stages), ticks=[(y(value), signed(value, language)) for value in range(low, high + 1)])
    series = personas or [(ALL_PERSONAS, translator.label("site.all_personas"))]
    for position, (persona_id, name) in enumerate(series):
        style = persona_style(positions.get(persona_id, position))
        points = []
        for index, stage in enumerate(stages):
            scores = stage.emotion or {}
            score = scores.get(persona_id, scores.get(ALL_PERSONAS))
            if score is not None:
                points.append((_column(index, len(stages)), y(score), signed(score, language)))
        segments = [(a[0], a[1], b[0], b[1]) for a, b in zip(points, points[1:])]
        if points:
            drawing.lines.append(Line(persona_id, name, style.colour, style.glyph, DASHES.get(style.dash, ""), MARKERS.get(style.symbol, MARKERS["circle"]), segments, points))
    return drawing


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
