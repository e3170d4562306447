"""The priorities page: solutions ranked with each score and its weight, and a
value / effort matrix whose points lead to their sheets."""

from __future__ import annotations

from typing import Any

from ...analyses.sitemap import PAGES, source_page
from ...language.translator import Translator
from ...site import Site
from .. import formats
from ..charts.priorities import matrix_figure
from ..charts.style import chart_json
from ..files import PageSpec
from ..material import NO_TOC
from ..urls import Urls

#: Titles longer than this are cut on the charts (the tables say them whole).
SHORT_TITLE = 34


def short_title(title: str) -> str:
    return title if len(title) <= SHORT_TITLE else title[: SHORT_TITLE - 1].rsplit(" ", 1)[0] + "…"


def pages(site: Site, translator: Translator, urls: Urls) -> list[PageSpec]:
    labels = translator.labels()["priorities"]
    return [PageSpec(PAGES["priorities"], "priorities.html", labels["title"], labels["intro"], meta=NO_TOC, context=priorities_view(site, translator, urls))]


def priorities_view(site: Site, translator: Translator, urls: Urls) -> dict[str, Any]:
    ranked = site.analyses.priorities
    points = [
        {
            "title": row.entry.model.title,
            "short": short_title(row.entry.model.title),
            "url": urls.relative(PAGES["priorities"], source_page("solutions", row.entry.id)),
            "value": row.value,
            "effort": row.effort,
            "priority": f"{formats.number(row.priority, translator.language)} / 5" if row.priority is not None else "",
            "status": translator.labels()["status"][row.entry.model.status],
        }
        for row in ranked
        if row.value is not None and row.effort is not None
    ]
    return {"ranking": ranked, "matrix": chart_json(matrix_figure(points, translator))}
