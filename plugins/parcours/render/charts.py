"""Plotly figures of a journey, as JSON the page embeds and plotly.js draws.

Figures are plain dicts in plotly's figure schema (plotly.py's validation
of every property would double a large site's rendering time; the tests
check each figure with plotly.py instead), passed to the page as JSON. Points sit at x = 0, 1, … n-1, one per stage, so a
chart drawn across the map's stage columns lines up with them. Series are
told apart by line dash and marker shape as well as colour.

A point's `customdata` holds only what the page does not already say; the
page's script puts each stage's identifier and name in front of it, from
the map's columns (`customdata[0]` and `[1]` in the hover templates).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..i18n import Translator
from ..model import Stage
from ..model.journey import ALL_PERSONAS
from .formats import number, percent, signed
from ..verbatims import ranked

#: Okabe–Ito: told apart by people with colour-vision deficiencies.
COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"]
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "x", "star"]
#: The same shapes in text, beside each score in the map's emotion lane.
SYMBOL_GLYPHS = ["●", "■", "◆", "▲", "✕", "★"]


def persona_style(position: int) -> dict[str, str]:
    """Colour, dash, marker and glyph of the n-th persona's curve."""
    at = position % len(COLOURS)
    return {"colour": COLOURS[at], "dash": DASHES[at], "symbol": SYMBOLS[at], "glyph": SYMBOL_GLYPHS[at]}


def persona_positions(personas: list[str], site_personas: list[str]) -> dict[str, int]:
    """Each persona's style, the same on every journey: its place among the site's personas.

    When two personas of one journey would then look alike (more personas
    than styles), the journey numbers its own: telling them apart comes first.
    """
    order = sorted(site_personas)
    positions = {pid: order.index(pid) if pid in order else len(order) + i for i, pid in enumerate(personas)}
    if len({position % len(COLOURS) for position in positions.values()}) < len(positions):
        return {pid: i for i, pid in enumerate(personas)}
    return positions


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


def _layout(count: int, **extra: Any) -> dict[str, Any]:
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
                "line": {"color": style["colour"], "dash": style["dash"], "width": 3, "shape": "spline", "smoothing": 0.6},
                "marker": {"symbol": style["symbol"], "size": 11, "color": style["colour"]},
                "customdata": hover,
                "hovertemplate": f"<b>%{{customdata[1]}}</b><br>{name}{translator.label('site.colon')}%{{customdata[2]}}<br><i>%{{customdata[3]}}</i><extra></extra>",
            }
        )
    low, high = scale
    layout = _layout(
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
    """Customers at each stage, the blocking point drawn hatched and labelled."""
    language = translator.language
    volumes = [stage.volume for stage in stages]
    blocking_at = stages.index(blocking) if blocking in stages else None
    hover = []
    for stage in stages:
        passing = (
            translator.label("map.conversion_hover").format(value=percent(stage.conversion, language))
            if stage.conversion is not None
            else ""
        )
        hover.append([number(stage.volume, language), passing])
    bar = {
        "type": "bar",
        "x": list(range(len(stages))),
        "y": volumes,
        "text": [number(v, language) if v is not None else "" for v in volumes],
        "textposition": "outside",
        "cliponaxis": False,
        "marker": {
            "color": "#0072B2",
            "pattern": {"shape": ["/" if i == blocking_at else "" for i in range(len(stages))], "fgcolor": "#D55E00", "solidity": 0.4, "fillmode": "overlay"},
        },
        "customdata": hover,
        "hovertemplate": "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>%{customdata[3]}<extra></extra>",
        "showlegend": False,
        "width": 0.45,
    }
    annotations = []
    if blocking_at is not None and blocking is not None and blocking.conversion is not None:
        annotations.append(
            {
                "x": blocking_at + 0.5,
                "y": max(v or 0 for v in volumes),
                "text": translator.label("map.blocking_short").format(drop=percent(round(100 - blocking.conversion, 1), language)),
                "showarrow": False,
                "font": {"size": 12},
                "bgcolor": "rgba(213,94,0,0.12)",
                "bordercolor": "#D55E00",
            }
        )
    top = max((v or 0) for v in volumes) or 1
    layout = _layout(
        len(stages),
        showlegend=False,
        annotations=annotations,
        shapes=_moments_of_truth(stages),
        yaxis={"visible": False, "range": [0, top * 1.25], "fixedrange": True},
        bargap=0.3,
    )
    return {"data": [bar], "layout": layout}


#: How each status looks on the road map: its colour, and its hatching so
#: that colour is never the only difference.
STATUS_STYLE = {
    "idea": ("#9E9E9E", "."),
    "planned": ("#56B4E9", "/"),
    "in_progress": ("#0072B2", ""),
    "done": ("#009E73", "x"),
    "dropped": ("#D55E00", "-"),
}


def _quarters(first: str, last: str, today: str) -> list[date]:
    """The first day of every quarter the road map spans, today included."""
    start = min(date.fromisoformat(first), date.fromisoformat(today))
    end = max(date.fromisoformat(last), date.fromisoformat(today))
    tick = date(start.year, 3 * ((start.month - 1) // 3) + 1, 1)
    ticks = []
    while tick <= end:
        ticks.append(tick)
        month = tick.month + 3
        tick = date(tick.year + (month > 12), (month - 1) % 12 + 1, 1)
    ticks.append(tick)
    return ticks


def matrix_figure(points: list[dict[str, Any]], translator: Translator) -> dict[str, Any]:
    """Value (up) against effort (right), one point per solution; each links to its sheet.

    `points`: title, url, value, effort, priority (text), status label.
    """
    labels = translator.labels()["priorities"]
    colon = translator.label("site.colon")
    trace = {
        "type": "scatter",
        "mode": "markers+text",
        "x": [point["effort"] for point in points],
        "y": [point["value"] for point in points],
        "text": [point["short"] for point in points],
        "textposition": "top center",
        "marker": {"size": 16, "color": "#0072B2", "symbol": "circle", "line": {"width": 1, "color": "#ffffff"}},
        "customdata": [[point["title"], point["url"], point["priority"], point["status"]] for point in points],
        "hovertemplate": "<b>%{customdata[0]}</b><br>"
        + labels["value"] + colon + "%{y:.2f}<br>" + labels["effort"] + colon + "%{x:.2f}<br>"
        + labels["priority_hover"] + "%{customdata[2]}<br>%{customdata[3]}<extra></extra>",
        "showlegend": False,
    }
    quadrant = {"showarrow": False, "font": {"size": 12}, "opacity": 0.7}
    layout = {
        "margin": {"l": 56, "r": 16, "t": 16, "b": 48},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "xaxis": {"title": {"text": labels["effort_axis"]}, "range": [-0.2, 5.2], "fixedrange": True, "zeroline": False},
        "yaxis": {"title": {"text": labels["value_axis"]}, "range": [-0.2, 5.4], "fixedrange": True, "zeroline": False},
        "shapes": [
            {"type": "line", "x0": 2.5, "x1": 2.5, "y0": 0, "y1": 5, "line": {"dash": "dot", "width": 1, "color": "#9E9E9E"}},
            {"type": "line", "x0": 0, "x1": 5, "y0": 2.5, "y1": 2.5, "line": {"dash": "dot", "width": 1, "color": "#9E9E9E"}},
        ],
        "annotations": [
            {**quadrant, "x": 0.1, "y": 5.3, "xanchor": "left", "text": labels["quick_wins"]},
            {**quadrant, "x": 4.9, "y": 5.3, "xanchor": "right", "text": labels["big_bets"]},
            {**quadrant, "x": 0.1, "y": 0.0, "xanchor": "left", "text": labels["fill_ins"]},
            {**quadrant, "x": 4.9, "y": 0.0, "xanchor": "right", "text": labels["money_pits"]},
        ],
        "separators": ", " if translator.language == "fr" else ".,",
        "dragmode": False,
        "hoverlabel": {"align": "left"},
    }
    return {"data": [trace], "layout": layout}


def roadmap_figure(rows: list[dict[str, Any]], today: str, translator: Translator) -> dict[str, Any]:
    """One bar per solution and group, from its start to its end, today marked.

    `rows`: group, title, url, start, end (ISO dates), status, status label.
    """
    labels = translator.labels()["roadmap"]
    traces = []
    for status, (colour, pattern) in STATUS_STYLE.items():
        chosen = [row for row in rows if row["status"] == status]
        if not chosen:
            continue
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": chosen[0]["status_label"],
                "y": [[row["group"] for row in chosen], [row["short"] for row in chosen]],
                "base": [row["start"] for row in chosen],
                "x": [row["duration_ms"] for row in chosen],
                "marker": {"color": colour, "pattern": {"shape": pattern, "fgcolor": "#ffffff", "solidity": 0.3, "fillmode": "overlay"}},
                "text": [row["status_label"] for row in chosen],
                "textposition": "inside",
                "insidetextanchor": "start",
                "customdata": [[row["title"], row["url"], row["dates"], row["status_label"]] for row in chosen],
                "hovertemplate": "<b>%{customdata[0]}</b><br>%{customdata[2]}<br>%{customdata[3]}<extra></extra>",
            }
        )
    count = len({(row["group"], row["short"]) for row in rows})
    ticks = _quarters(min(row["start"] for row in rows), max(row["end"] for row in rows), today)
    quarter = translator.label("roadmap.quarter")
    layout = {
        "barmode": "overlay",
        "height": 140 + 34 * count,
        "margin": {"l": 16, "r": 16, "t": 28, "b": 72},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "xaxis": {
            "type": "date",
            "fixedrange": True,
            "tickvals": [tick.isoformat() for tick in ticks],
            "ticktext": [quarter.format(number=(tick.month - 1) // 3 + 1, year=tick.year) for tick in ticks],
        },
        "yaxis": {"automargin": True, "autorange": "reversed", "fixedrange": True},
        "legend": {"orientation": "h", "x": 0, "y": -0.12, "yanchor": "top"},
        "shapes": [{"type": "line", "x0": today, "x1": today, "yref": "paper", "y0": 0, "y1": 1, "line": {"width": 2, "dash": "dash", "color": "#D55E00"}}],
        "annotations": [{"x": today, "yref": "paper", "y": 1.0, "yanchor": "bottom", "text": labels["today"], "showarrow": False, "font": {"color": "#D55E00"}}],
        "dragmode": False,
        "hoverlabel": {"align": "left"},
    }
    return {"data": traces, "layout": layout}


#: Measures drawn as shares (left axis, 0–100) on a stage's trend chart.
SHARE_MEASURES = ("satisfaction", "conversion", "commitment", "csat")


def trend_figure(series: list[Any], met_target: float | None, translator: Translator) -> dict[str, Any]:
    """A stage's measures over the periods of its data: shares as lines, volume as bars.

    `series`: `kpi_data.Series` of one stage (its own, not its touchpoints').
    """
    labels = translator.labels()["trends"]
    periods = sorted({point.period for s in series for point in s.points})
    names = [period.label for period in periods]
    traces = []
    for position, one in enumerate(sorted(series, key=lambda s: s.measure)):
        values = {point.period: point.value for point in one.points}
        ys = [values.get(period) for period in periods]
        if one.measure == "volume":
            traces.append({"type": "bar", "x": names, "y": ys, "name": labels["volume"], "yaxis": "y2", "marker": {"color": "rgba(0,114,178,0.25)"},
                           "hovertemplate": "%{x}<br>" + labels["volume"] + translator.label("site.colon") + "%{y}<extra></extra>"})
        elif one.measure in SHARE_MEASURES:
            style = persona_style(position)
            traces.append({"type": "scatter", "mode": "lines+markers", "x": names, "y": ys, "name": labels[one.measure],
                           "line": {"color": style["colour"], "dash": style["dash"], "width": 2}, "marker": {"symbol": style["symbol"], "size": 8},
                           "connectgaps": True, "hovertemplate": "%{x}<br>" + labels[one.measure] + translator.label("site.colon") + "%{y} %<extra></extra>"})
    shapes, annotations = [], []
    if met_target is not None and any(s.measure == "commitment" for s in series):
        shapes.append({"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": met_target, "y1": met_target, "line": {"dash": "dash", "color": "#D55E00", "width": 2}})
        annotations.append({"xref": "paper", "x": 1, "xanchor": "right", "y": met_target, "yanchor": "bottom", "showarrow": False,
                            "text": labels["target"].format(value=number(met_target, translator.language)), "font": {"color": "#D55E00"}})
    layout = {
        "height": 220,
        "margin": {"l": 40, "r": 48, "t": 8, "b": 56},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "xaxis": {"type": "category", "fixedrange": True},
        "yaxis": {"range": [0, 100], "ticksuffix": " %", "fixedrange": True},
        "yaxis2": {"overlaying": "y", "side": "right", "rangemode": "tozero", "showgrid": False, "fixedrange": True, "tickformat": ",d", "tickmode": "auto", "nticks": 4},
        "separators": ", " if translator.language == "fr" else ".,",
        "legend": {"orientation": "h", "x": 0, "y": -0.2, "yanchor": "top"},
        "shapes": shapes,
        "annotations": annotations,
        "dragmode": False,
        "hoverlabel": {"align": "left"},
    }
    return {"data": traces, "layout": layout}


#: A measure's fixed range on its own trend chart; others start from zero.
MEASURE_RANGES = {"nps": [-100, 100]}


def measure_trend_figure(one: Any, translator: Translator) -> dict[str, Any]:
    """One measure with a scale of its own (NPS, effort, delay, complaints) over time.

    It gets its own chart: on the shares' 0–100 axis an NPS of -20 or a delay
    of 6 days would be lost, or drawn on a scale that says nothing.
    """
    labels = translator.labels()["trends"]
    points = sorted(one.points, key=lambda point: point.period)
    label = labels.get(one.measure, one.measure)
    yaxis: dict[str, Any] = {"fixedrange": True, "zeroline": True}
    if one.measure in MEASURE_RANGES:
        yaxis["range"] = MEASURE_RANGES[one.measure]
    else:
        yaxis["rangemode"] = "tozero"
    style = persona_style(0)
    trace = {
        "type": "scatter", "mode": "lines+markers", "name": label,
        "x": [point.period.label for point in points], "y": [point.value for point in points],
        "line": {"color": style["colour"], "width": 2}, "marker": {"symbol": style["symbol"], "size": 8},
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
        "separators": ", " if translator.language == "fr" else ".,",
        "showlegend": False,
        "dragmode": False,
        "hoverlabel": {"align": "left"},
    }
    return {"data": [trace], "layout": layout}
