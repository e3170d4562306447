"""Checks of the onboarding path: every page it sends a new hire to exists."""

from __future__ import annotations

from .index import Entry, Index
from .model import KINDS
from .problems import Problem
from .sitemap import generated_pages, journey_anchors, source_page
from .suggest import closest


def check_onboarding(index: Index, entry: Entry, authored: set[str]) -> list[Problem]:
    # A source with errors of its own has no page yet; those errors are enough.
    waiting = {source_page(KINDS[kind].plural, stem) for kind, stems in index.broken.items() for stem in stems}
    known = sorted(generated_pages(index) | authored | waiting)
    problems = []
    journeys = {source_page("journeys", journey_id): journey_id for journey_id in index.journeys}
    for step_position, step in enumerate(entry.model.steps):
        for visit_position, visit in enumerate(step.visits):
            page, _, anchor = visit.page.partition("#")
            page = page.lstrip("/")
            loc = ("steps", step_position, "visits", visit_position, "page")
            if page not in known:
                problems.append(entry.doc.problem("unknown_page", loc, value=visit.page, suggestion=closest(page, known)))
            elif page in journeys and anchor.startswith(("stage-", "target-")):
                # A stage or touchpoint of the map: the new hire must land on it.
                anchors = journey_anchors(index, journeys[page])
                if anchor not in anchors:
                    suggestion = closest(anchor, anchors)
                    problems.append(
                        entry.doc.problem("unknown_anchor", loc, value=anchor, page=page, suggestion=f"{page}#{suggestion}" if suggestion else None)
                    )
    seen: dict[str, int] = {}
    for position, step in enumerate(entry.model.steps):
        if step.id in seen:
            first = entry.doc.position(("steps", seen[step.id], "id"))
            problems.append(entry.doc.problem("duplicate_step", ("steps", position, "id"), value=step.id, first_line=first.line if first else "?"))
        seen.setdefault(step.id, position)
    return problems
