"""Checks of the onboarding path: every page it sends a new hire to exists,
and every stage it points at is on its map."""

from __future__ import annotations

from ..language.names import closest
from ..model import Onboarding
from ..sources.document import SourceDocument
from ..sources.problems import Problem


def check_onboarding(doc: SourceDocument, onboarding: Onboarding, known_pages: set[str], anchors: dict[str, list[str]]) -> list[Problem]:
    """`known_pages`: every page of the site by its source path; `anchors`:
    each journey page's stage and touchpoint anchors."""
    known = sorted(known_pages)
    # The example names one of this site's own pages, a journey's when there is one.
    example = next((page for page in known if page.startswith("journeys/") and not page.endswith("index.md")), known[0] if known else "index.md")
    problems = []
    for step_position, step in enumerate(onboarding.steps):
        for visit_position, visit in enumerate(step.visits):
            page, _, anchor = visit.page.partition("#")
            page = page.lstrip("/")
            loc = ("steps", step_position, "visits", visit_position, "page")
            if page not in known_pages:
                problems.append(doc.problem("unknown_page", loc, value=visit.page, suggestion=closest(page, known), example=example))
            elif page in anchors and anchor.startswith(("stage-", "target-")):
                # A stage or touchpoint of the map: the new hire must land on it.
                if anchor not in anchors[page]:
                    suggestion = closest(anchor, anchors[page])
                    problems.append(
                        doc.problem("unknown_anchor", loc, value=anchor, page=page, suggestion=f"{page}#{suggestion}" if suggestion else None)
                    )
    seen: dict[str, int] = {}
    for position, step in enumerate(onboarding.steps):
        if step.id in seen:
            first = doc.position(("steps", seen[step.id], "id"))
            problems.append(doc.problem("duplicate_step", ("steps", position, "id"), value=step.id, first_line=first.line if first else "?"))
        seen.setdefault(step.id, position)
    return problems
