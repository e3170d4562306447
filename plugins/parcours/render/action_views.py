"""What the priorities and road map pages show, prepared from the solutions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from ..i18n import Translator
from ..index import Entry, Index
from ..model import Solution
from ..prioritisation import ScoreLine, breakdown, priority, value_and_effort
from ..settings import Settings
from . import formats
from .charts import matrix_figure, roadmap_figure
from .journey_view import chart_json
from .urls import Urls, page_uri

PRIORITIES = "priorities/index.md"
ROADMAP = "roadmap/index.md"
SHORT_TITLE = 34


@dataclass
class RankedSolution:
    entry: Entry[Solution]
    priority: float | None
    value: float | None
    effort: float | None
    breakdown: list[ScoreLine]


def _short(title: str) -> str:
    return title if len(title) <= SHORT_TITLE else title[: SHORT_TITLE - 1].rsplit(" ", 1)[0] + "…"


def ranked_solutions(index: Index, settings: Settings) -> list[RankedSolution]:
    rows = []
    for entry in index.solutions.values():
        value, effort = value_and_effort(entry.model, settings)
        rows.append(RankedSolution(entry, priority(entry.model, settings), value, effort, breakdown(entry.model, settings)))
    return sorted(rows, key=lambda row: (-(row.priority if row.priority is not None else -1), row.entry.model.title))


def priorities_view(index: Index, settings: Settings, translator: Translator, urls: Urls) -> dict[str, Any]:
    ranked = ranked_solutions(index, settings)
    points = [
        {
            "title": row.entry.model.title,
            "short": _short(row.entry.model.title),
            "url": urls.relative(PRIORITIES, page_uri("solutions", row.entry.id)),
            "value": row.value,
            "effort": row.effort,
            "priority": f"{formats.number(row.priority, translator.language)} / 5" if row.priority is not None else "",
            "status": translator.labels()["status"][row.entry.model.status],
        }
        for row in ranked
        if row.value is not None and row.effort is not None
    ]
    return {"ranking": ranked, "matrix": chart_json(matrix_figure(points, translator))}


def roadmap_view(index: Index, translator: Translator, urls: Urls, today: date) -> dict[str, Any]:
    status_labels = translator.labels()["status"]
    dated = [entry for entry in index.solutions.values() if entry.model.timeline]
    undated = sorted((entry for entry in index.solutions.values() if not entry.model.timeline), key=lambda e: e.model.title)
    groupings = []
    for key in ("status", "journey"):
        rows = []
        for entry in sorted(dated, key=lambda e: (e.model.timeline.start, e.model.title)):  # type: ignore[union-attr]
            timeline = entry.model.timeline
            assert timeline is not None and timeline.start and timeline.end
            if key == "status":
                groups = [status_labels[entry.model.status]]
            else:
                journeys = dict.fromkeys(reference.split("/")[0] for reference in (*entry.model.addresses, *entry.model.delivers))
                groups = [index.journeys[j].model.title for j in journeys if j in index.journeys] or [translator.label("roadmap.no_journey")]
            end = datetime.combine(timeline.end, time(23, 59))
            start = datetime.combine(timeline.start, time(0, 0))
            for group in groups:
                rows.append(
                    {
                        "group": group,
                        "title": entry.model.title,
                        "short": _short(entry.model.title),
                        "url": urls.relative(ROADMAP, page_uri("solutions", entry.id)),
                        "start": timeline.start.isoformat(),
                        "end": timeline.end.isoformat(),
                        "start_date": timeline.start,
                        "end_date": timeline.end,
                        "duration_ms": int((end - start).total_seconds() * 1000),
                        "dates": f"{formats.long_date(timeline.start, translator.language)} → {formats.long_date(timeline.end, translator.language)}",
                        "status": entry.model.status,
                        "status_label": status_labels[entry.model.status],
                        "now": timeline.start <= today <= timeline.end,
                    }
                )
        order = list(status_labels) if key == "status" else None
        rows.sort(key=lambda row: (order.index(row["status"]) if order else row["group"], row["start"]))
        if rows:
            groupings.append({"key": key, "rows": rows, "chart": chart_json(roadmap_figure(rows, today.isoformat(), translator))})
    return {"groupings": groupings, "undated": undated, "today": today}
