"""The solution sheets' pages: the list by priority, and each sheet with its score breakdown."""

from __future__ import annotations

from ...analyses.sitemap import source_page
from ...language.translator import Translator
from ...site import Site
from ..files import PageSpec
from ..urls import Urls


def pages(site: Site, translator: Translator, urls: Urls) -> list[PageSpec]:
    labels = translator.labels()
    ranking = site.analyses.priorities
    specs = [
        PageSpec(
            source_page("solutions"), "solutions_index.html", labels["kinds"]["solutions"], labels["index"]["solutions_intro"],
            context={"solutions": [row.entry for row in ranking], "priorities": {row.entry.id: row.priority for row in ranking}},
        )
    ]
    by_id = {row.entry.id: row for row in ranking}
    for entry in site.index.solutions.values():
        row = by_id[entry.id]
        specs.append(PageSpec(
            source_page("solutions", entry.id), "solution.html", entry.model.title, entry.model.summary, edit_path=entry.rel,
            context={"entry": entry, "solution": entry.model, "priority": row.priority, "breakdown": row.breakdown},
            # Its stages' names, and the touchpoints' value its priority counts.
            journeys=tuple(dict.fromkeys(reference.split("/")[0] for reference in (*entry.model.addresses, *entry.model.delivers))),
        ))
    return specs
