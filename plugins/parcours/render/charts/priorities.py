"""The priorities page's value / effort matrix: one point per solution, each leading to its sheet."""

from __future__ import annotations

from typing import Any

from ...language.translator import Translator
from .style import NEUTRAL, SERIES, separators


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
        # Near an edge, a name reads towards the middle: centred there, a phone's screen cut it.
        "textposition": [_towards_middle(point["effort"]) for point in points],
        "cliponaxis": False,
        "marker": {"size": 16, "color": SERIES, "symbol": "circle", "line": {"width": 1, "color": "#ffffff"}},
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
            {"type": "line", "x0": 2.5, "x1": 2.5, "y0": 0, "y1": 5, "line": {"dash": "dot", "width": 1, "color": NEUTRAL}},
            {"type": "line", "x0": 0, "x1": 5, "y0": 2.5, "y1": 2.5, "line": {"dash": "dot", "width": 1, "color": NEUTRAL}},
        ],
        "annotations": [
            {**quadrant, "x": 0.1, "y": 5.3, "xanchor": "left", "text": labels["quick_wins"]},
            {**quadrant, "x": 4.9, "y": 5.3, "xanchor": "right", "text": labels["big_bets"]},
            {**quadrant, "x": 0.1, "y": 0.0, "xanchor": "left", "text": labels["fill_ins"]},
            {**quadrant, "x": 4.9, "y": 0.0, "xanchor": "right", "text": labels["money_pits"]},
        ],
        "separators": separators(translator.language),
        "dragmode": False,
        "hoverlabel": {"align": "left"},
    }
    return {"data": [trace], "layout": layout}


def _towards_middle(effort: float) -> str:
    return "top left" if effort > 3.5 else "top right" if effort < 1.5 else "top center"
