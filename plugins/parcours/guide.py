"""Checks of the onboarding path: every page it sends a new hire to exists."""

from __future__ import annotations

from .index import Entry, Index
from .model import KINDS
from .problems import Problem
from .sitemap import generated_pages, source_page
from .suggest import closest


def check_onboarding(index: Index, entry: Entry, authored: set[str]) -> list[Problem]:
    # A source with errors of its own has no page yet; those errors are enough.
    waiting = {source_page(KINDS[kind].plural, stem) for kind, stems in index.broken.items() for stem in stems}
    known = sorted(generated_pages(index) | authored | waiting)
    problems = []
    for step_position, step in enumerate(entry.model.steps):
        for visit_position, visit in enumerate(step.visits):
            page = visit.page.split("#", 1)[0].lstrip("/")
            if page not in known:
                problems.append(
                    entry.doc.problem(
                        "unknown_page",
                        ("steps", step_position, "visits", visit_position, "page"),
                        value=visit.page,
                        suggestion=closest(page, known),
                    )
                )
    seen: dict[str, int] = {}
    for position, step in enumerate(entry.model.steps):
        if step.id in seen:
            first = entry.doc.position(("steps", seen[step.id], "id"))
            problems.append(entry.doc.problem("duplicate_step", ("steps", position, "id"), value=step.id, first_line=first.line if first else "?"))
        seen.setdefault(step.id, position)
    return problems
