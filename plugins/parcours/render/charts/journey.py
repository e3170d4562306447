"""The journey map's charts: the emotion curve and the funnel, drawn under the
stage columns.

Points sit at x = 0, 1, … n-1, one per stage, so a chart drawn across the
map's stage columns lines up with them. A point's `customdata` holds only
what the page does not already say; the page's script puts each stage's
identifier and name in front of it, from the map's columns (`customdata[0]`
and `[1]` in the hover templates).
"""

from __future__ import annotations

from typing import Any

from ...analyses.flow import Flow
from ...analyses.verbatims import ranked
from ...language.translator import Translator
from ...model import Stage
from ...model.vocabulary import ALL_PERSONAS
from ..formats import number, percent, signed
from .style import MARK, SERIES, persona_style, stage_layout

#: A verbatim on a chart's hover is cut here: the whole of it is on the map.
QUOTE_LENGTH = 120


def _quote(verbatim, translator: Translator) -> str:
    if verbatim is None:
        return ""
    text = verbatim.text if len(verbatim.text) <= QUOTE_LENGTH else verbatim.text[: QUOTE_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return f"{translator.quote(text)} — {verbatim.speaker}"


def _moments_of_truth(stages: list[Stage]) -> list[dict[str, Any]]:
    """Where to band each moment of truth, as the map's other lanes are tinted.

    A chart spans every stage column in one cell, where the browser paints
    the first column's tint across the whole row: the chart draws its own.
    Only the stage's place is written; the page's script draws the band in
    the scheme's tint (`--parcours-mot-bg`), which keeps a long map light.
    """
    return [{"name": "moment-of-truth", "x0": i - 0.5, "x1": i + 0.5} for i, stage in enumerate(stages) if stage.moment_of_truth]


def emotion_figure(
    stages: list[Stage],
    personas: list[tuple[str, str]],
    scale: tuple[int, int],
    translator: Translator,
    standalone: bool = False,
    positions: dict[str, int] | None = None,
) -> dict[str, Any]:
    """One curve per persona (`(id, name)`), or one for all when there is none.

    On a map, the curve runs under the stage columns; `standalone` (a persona's
    page) numbers the stages on its own axis instead.
    """
    language = translator.language
    series = personas or [(ALL_PERSONAS, translator.label("site.all_personas"))]
    traces = []
    for position, (persona_id, name) in enumerate(series):
        style = persona_style((positions or {}).get(persona_id, position))
        ys: list[float | None] = []
        hover: list[list[str]] = []
        for stage in stages:
            scores = stage.emotion or {}
            score = scores.get(persona_id, scores.get(ALL_PERSONAS))
            ys.append(score)
            # A persona's curve quotes its own words, or words said for everyone:
            # never another persona's, which would put them in the wrong mouth.
            own = [v for v in stage.verbatims if persona_id == ALL_PERSONAS or v.persona in (None, persona_id)]
            quote = next(iter(ranked(own, persona_id)), None)
            hover.append([signed(score, language) if score is not None else "", _quote(quote, translator)])
        traces.append(
            {
                "type": "scatter",
                "x": list(range(len(stages))),
                "y": ys,
                "name": name,
                "meta": persona_id,
                "mode": "lines+markers",
                "connectgaps": True,
                "line": {"color": style.colour, "dash": style.dash, "width": 3, "shape": "spline", "smoothing": 0.6},
                "marker": {"symbol": style.symbol, "size": 11, "color": style.colour},
                "customdata": hover,
                "hovertemplate": f"<b>%{{customdata[1]}}</b><br>{name}{translator.label('site.colon')}%{{customdata[2]}}<br><i>%{{customdata[3]}}</i><extra></extra>",
            }
        )
    low, high = scale
    layout = stage_layout(
        len(stages),
        showlegend=len(series) > 1,
        shapes=[] if standalone else _moments_of_truth(stages),
        **(
            {
                "xaxis": {"range": [-0.5, len(stages) - 0.5], "fixedrange": True, "zeroline": False, "tickvals": list(range(len(stages))), "ticktext": [str(n + 1) for n in range(len(stages))]},
                "margin": {"l": 8, "r": 8, "t": 8, "b": 28},
            }
            if standalone
            else {}
        ),
        legend={"orientation": "h", "x": 0, "y": 1.12, "font": {"size": 12}},
        yaxis={
            "range": [low - 0.4, high + 0.4],
            "tickvals": list(range(low, high + 1)),
            "ticktext": [signed(v, language) for v in range(low, high + 1)],
            "ticklabelposition": "inside",
            "zeroline": True,
            "fixedrange": True,
        },
    )
    return {"data": traces, "layout": layout}


def funnel_figure(stages: list[Stage], blocking: Stage | None, translator: Translator) -> dict[str, Any]:
    """Customers at each stage of the main line, the blocking point drawn hatched and
    labelled. A stage off the main line (an exception, an incident) has no bar: the
    funnel is the way most customers go."""
    language = translator.language
    flow = Flow(stages)
    volumes = [stage.volume if flow.is_main(stage) else None for stage in stages]
    blocking_at = stages.index(blocking) if blocking in stages else None
    hover = []
    for stage in stages:
        rate = flow.conversion(stage)
        rate = stage.conversion if rate is None and flow.is_main(stage) else rate  # the last stage's, as written
        passing = translator.label("map.conversion_hover").format(value=percent(rate, language)) if rate is not None else ""
        hover.append([number(stage.volume, language), passing])
    bar = {
        "type": "bar",
        "x": list(range(len(stages))),
        "y": volumes,
        "text": [number(v, language) if v is not None else "" for v in volumes],
        "textposition": "outside",
        "cliponaxis": False,
        "marker": {
            "color": SERIES,
            "pattern": {"shape": ["/" if i == blocking_at else "" for i in range(len(stages))], "fgcolor": MARK, "solidity": 0.4, "fillmode": "overlay"},
        },
        "customdata": hover,
        "hovertemplate": "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>%{customdata[3]}<extra></extra>",
        "showlegend": False,
        "width": 0.45,
    }
    annotations = []
    blocking_rate = flow.conversion(blocking) if blocking is not None else None
    if blocking_at is not None and blocking_rate is not None:
        annotations.append(
            {
                "x": blocking_at + 0.5,
                "y": max(v or 0 for v in volumes),
                "text": translator.label("map.blocking_short").format(drop=percent(round(100 - blocking_rate, 1), language)),
                "showarrow": False,
                "font": {"size": 12},
                "bgcolor": "rgba(213,94,0,0.12)",
                "bordercolor": MARK,
            }
        )
    top = max((v or 0) for v in volumes) or 1
    layout = stage_layout(
        len(stages),
        showlegend=False,
        annotations=annotations,
        shapes=_moments_of_truth(stages),
        yaxis={"visible": False, "range": [0, top * 1.25], "fixedrange": True},
        bargap=0.3,
    )
    return {"data": [bar], "layout": layout}
