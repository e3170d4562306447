"""A stage's trends, from its journey's reporting exports: the measures over the periods."""

from __future__ import annotations

from typing import Any

from ...language.translator import Translator
from ...model.vocabulary import COMMITMENT, MEASURES, VOLUME
from ..formats import number
from .style import MARK, NEUTRAL, persona_style, separators


def trend_figure(series: list[Any], met_target: float | None, translator: Translator) -> dict[str, Any]:
    """A stage's measures over the periods of its data: shares as lines, volume as bars.

    `series`: `index.exports.Series` of one stage (its own, not its touchpoints').
    """
    labels = translator.labels()["measure"]
    target = translator.label("trends.target")
    periods = sorted({point.period for s in series for point in s.points})
    names = [period.label for period in periods]
    traces = []
    for position, one in enumerate(sorted(series, key=lambda s: s.measure)):
        values = {point.period: point.value for point in one.points}
        ys = [values.get(period) for period in periods]
        if one.measure == VOLUME:
            traces.append({"type": "bar", "x": names, "y": ys, "name": labels[VOLUME], "yaxis": "y2", "marker": {"color": "rgba(128,128,128,0.18)", "line": {"color": NEUTRAL, "width": 1.5}},
                           "hovertemplate": "%{x}<br>" + labels[VOLUME] + translator.label("site.colon") + "%{y}<extra></extra>"})
        elif MEASURES[one.measure].share:
            style = persona_style(position)
            traces.append({"type": "scatter", "mode": "lines+markers", "x": names, "y": ys, "name": labels[one.measure],
                           "line": {"color": style.colour, "dash": style.dash, "width": 2}, "marker": {"symbol": style.symbol, "size": 8},
                           "connectgaps": True, "hovertemplate": "%{x}<br>" + labels[one.measure] + translator.label("site.colon") + "%{y} %<extra></extra>"})
    shapes, annotations = [], []
    if met_target is not None and any(s.measure == COMMITMENT for s in series):
        shapes.append({"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": met_target, "y1": met_target, "line": {"dash": "dash", "color": MARK, "width": 2}})
        annotations.append({"xref": "paper", "x": 1, "xanchor": "right", "y": met_target, "yanchor": "bottom", "showarrow": False,
                            "text": target.format(value=number(met_target, translator.language))})
    layout = {
        "height": 220,
        "margin": {"l": 40, "r": 48, "t": 8, "b": 56},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "xaxis": {"type": "category", "fixedrange": True},
        "yaxis": {"range": [0, 100], "ticksuffix": " %", "fixedrange": True},
        "yaxis2": {"overlaying": "y", "side": "right", "rangemode": "tozero", "showgrid": False, "fixedrange": True, "tickformat": ",d", "tickmode": "auto", "nticks": 4},
        "separators": separators(translator.language),
        "legend": {"orientation": "h", "x": 0, "y": -0.2, "yanchor": "top"},
        "shapes": shapes,
        "annotations": annotations,
        "dragmode": False,
        "hoverlabel": {"align": "left"},
    }
    return {"data": traces, "layout": layout}


def measure_trend_figure(one: Any, translator: Translator) -> dict[str, Any]:
    """One measure with a scale of its own (NPS, effort, delay, complaints) over time.

    It gets its own chart: on the shares' 0–100 axis an NPS of -20 or a delay
    of 6 days would be lost, or drawn on a scale that says nothing.
    """
    labels = translator.labels()["measure"]
    points = sorted(one.points, key=lambda point: point.period)
    label = labels.get(one.measure, one.measure)
    yaxis: dict[str, Any] = {"fixedrange": True, "zeroline": True}
    measure = MEASURES[one.measure]
    if measure.low is not None and measure.high is not None:
        yaxis["range"] = [measure.low, measure.high]
    else:
        yaxis["rangemode"] = "tozero"
    style = persona_style(0)
    trace = {
        "type": "scatter", "mode": "lines+markers", "name": label,
        "x": [point.period.label for point in points], "y": [point.value for point in points],
        "line": {"color": style.colour, "width": 2}, "marker": {"symbol": style.symbol, "size": 8},
        "hovertemplate": "%{x}<br>" + label + translator.label("site.colon") + "%{y}<extra></extra>",
    }
    layout = {
        "height": 180,
        "margin": {"l": 48, "r": 16, "t": 28, "b": 40},
        "title": {"text": label, "x": 0, "xanchor": "left", "font": {"size": 13}},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "xaxis": {"type": "category", "fixedrange": True},
        "yaxis": yaxis,
        "separators": separators(translator.language),
        "showlegend": False,
        "dragmode": False,
        "hoverlabel": {"align": "left"},
    }
    return {"data": [trace], "layout": layout}
