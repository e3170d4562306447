"""The road map: the solutions' timelines by status or by journey, today marked, with the same dates as a table."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from ...analyses.sitemap import PAGES, source_page
from ...language.translator import Translator
from ...model.vocabulary import STATUSES
from ...site import Site
from .. import formats
from ..charts.roadmap import roadmap_figure
from ..charts.style import chart_json
from ..files import PageSpec
from ..material import NO_TOC
from ..urls import Urls
from .priorities import short_title


def pages(site: Site, translator: Translator, urls: Urls) -> list[PageSpec]:
    title = translator.label("roadmap.title")
    return [PageSpec(PAGES["roadmap"], "roadmap.html", title, title, meta=NO_TOC, context=roadmap_view(site, translator, urls))]


def roadmap_view(site: Site, translator: Translator, urls: Urls) -> dict[str, Any]:
    index, today = site.index, site.today
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
                        "short": short_title(entry.model.title),
                        "url": urls.relative(PAGES["roadmap"], source_page("solutions", entry.id)),
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
        order = list(STATUSES.ids) if key == "status" else None
        rows.sort(key=lambda row: (order.index(row["status"]) if order else row["group"], row["start"]))
        if rows:
            groupings.append({"key": key, "rows": rows, "chart": chart_json(roadmap_figure(rows, today.isoformat(), translator))})
    return {"groupings": groupings, "undated": undated, "today": today}
