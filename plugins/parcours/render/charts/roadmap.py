"""The road map: the solutions' timelines, coloured and hatched by status, today marked."""

from __future__ import annotations

from datetime import date
from typing import Any

from ...language.translator import Translator
from ...model.vocabulary import STATUSES
from .style import MARK


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


def roadmap_figure(rows: list[dict[str, Any]], today: str, translator: Translator) -> dict[str, Any]:
    """One bar per solution and group, from its start to its end, today marked.

    `rows`: group, title, url, start, end (ISO dates), status, status label.
    """
    labels = translator.labels()["roadmap"]
    traces = []
    for status in STATUSES:
        chosen = [row for row in rows if row["status"] == status.id]
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
                "marker": {"color": status.colour, "pattern": {"shape": status.pattern, "fgcolor": "#ffffff", "solidity": 0.3, "fillmode": "overlay"}},
                "text": [row["status_label"] for row in chosen],
                "textposition": "inside",
                # Black on every status's colour: 4.99:1 at worst (plotly's white: 3.4:1 on green).
                "insidetextfont": {"color": "#000000"},
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
        "shapes": [{"type": "line", "x0": today, "x1": today, "yref": "paper", "y0": 0, "y1": 1, "line": {"width": 2, "dash": "dash", "color": MARK}}],
        "annotations": [{"x": today, "yref": "paper", "y": 1.0, "yanchor": "bottom", "text": labels["today"], "showarrow": False}],
        "dragmode": False,
        "hoverlabel": {"align": "left"},
    }
    return {"data": traces, "layout": layout}
