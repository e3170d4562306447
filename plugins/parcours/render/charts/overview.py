"""The overview's emotion curves, drawn by the page itself as SVG.

The overview must be on screen at once, before any script and without
plotly: its curves are computed here and drawn by `_overview.html`. Points
sit at the centre of each stage's column, in percentages of the curve's
box, so that the drawing follows the columns at any width. Lines are
drawn in a 1000 × 100 box stretched to the curve's (with strokes that do
not stretch); markers and labels are placed in percentages, so they keep
their shape.

On the current journey there is one curve per persona (or one for all). On
the target journey the target curve is drawn over today's: at each target
stage, the mean emotion of the current stages it replaces.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...analyses.comparison import Comparison, emotion_of
from ...language.translator import Translator
from ...model import Stage
from ...model.palette import SeriesStyle
from ...model.vocabulary import ALL_PERSONAS
from ..formats import signed
from .style import persona_style

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
#: Room above the highest and below the lowest score, in % of the curve's height.
PAD = 10


@dataclass(frozen=True)
class Series:
    """One curve: whose it is, how it is drawn, and its points."""

    key: str
    label: str
    style: SeriesStyle
    #: Points of the line in the 1000 × 100 box (`x,y x,y …`).
    line: str
    #: Each marker: x and y in %, and the score as written.
    marks: list[tuple[float, float, str]]
    #: Today's curve under a target one: drawn thinner, dashed, hollow markers.
    today: bool = False
    #: Drawn when no persona is chosen (a persona shows its own).
    shown: bool = True

    @property
    def dash(self) -> str:
        return "3 4" if self.today else DASHES.get(self.style.dash, "")


@dataclass(frozen=True)
class Curve:
    """What the overview draws in its emotion row."""

    ticks: list[tuple[float, str]]
    #: Moments of truth: the column's left edge and width, in %.
    bands: list[tuple[float, float]]
    series: list[Series] = field(default_factory=list)

    @property
    def symbols(self) -> list[str]:
        return sorted({series.style.symbol for series in self.series})


class _Scale:
    def __init__(self, count: int, scale: tuple[int, int], language: str) -> None:
        self.count, (self.low, self.high), self.language = count, scale, language

    def x(self, position: int) -> float:
        return round((position + 0.5) * 100 / self.count, 2)

    def y(self, score: float) -> float:
        return round(PAD + (self.high - score) * (100 - 2 * PAD) / (self.high - self.low), 2)

    def series(self, key: str, label: str, style: SeriesStyle, scores: list[float | None], **kind: bool) -> Series | None:
        points = [(self.x(i), self.y(score), signed(score, self.language)) for i, score in enumerate(scores) if score is not None]
        if not points:
            return None
        line = " ".join(f"{x * 10:g},{y:g}" for x, y, _ in points)
        return Series(key, label, style, line, points, **kind)

    def frame(self, stages: list[Stage]) -> Curve:
        ticks = [(self.y(value), signed(value, self.language)) for value in range(self.low, self.high + 1)]
        width = round(100 / self.count, 2)
        bands = [(round(i * 100 / self.count, 2), width) for i, stage in enumerate(stages) if stage.moment_of_truth]
        return Curve(ticks, bands)


def current_curve(
    stages: list[Stage], personas: list[tuple[str, str]], positions: dict[str, int], scale: tuple[int, int], translator: Translator
) -> Curve | None:
    """One curve per persona, or one for all when the journey names none."""
    drawing = _Scale(len(stages), scale, translator.language)
    curve = drawing.frame(stages)
    keys = personas or [(ALL_PERSONAS, translator.label("site.all_personas"))]
    for position, (key, name) in enumerate(keys):
        style = persona_style(positions.get(key, position))
        scores = [(stage.emotion or {}).get(key, (stage.emotion or {}).get(ALL_PERSONAS)) for stage in stages]
        series = drawing.series(key, name, style, scores)
        if series:
            curve.series.append(series)
    return curve if curve.series else None


def target_curve(
    comparison: Comparison, personas: list[tuple[str, str]], positions: dict[str, int], scale: tuple[int, int], translator: Translator
) -> Curve | None:
    """The target curve over today's, for all personas; a chosen persona shows its own pair."""
    stages = [replacement.stage for replacement in comparison.replacements]
    drawing = _Scale(len(stages), scale, translator.language)
    curve = drawing.frame(stages)
    words = translator.labels()["overview"]
    for position, (key, name) in enumerate([(ALL_PERSONAS, "")] + personas):
        style = persona_style(positions.get(key, position - 1) if key != ALL_PERSONAS else 0)
        target = [emotion_of(replacement.stage, key) for replacement in comparison.replacements]
        today = [replacement.emotion_today(key) for replacement in comparison.replacements]
        for scores, label, is_today in ((today, words["as_is"], True), (target, words["to_be"], False)):
            series = drawing.series(key, f"{label} — {name}" if name else label, style, scores, today=is_today, shown=key == ALL_PERSONAS)
            if series:
                curve.series.append(series)
    return curve if curve.series else None
