"""One module per page kind: each says which pages it makes and what their
templates need (`pages(site, translator, urls) -> [PageSpec]`); the
renderer draws them, in this order."""

from __future__ import annotations

from . import (
    benchmarks,
    briefings,
    changes,
    coverage,
    glossary,
    inventory,
    journeys,
    listening,
    onboarding,
    personas,
    priorities,
    reference,
    roadmap,
    solutions,
    teams,
    verbatims,
)

#: The page kinds, in the order their pages are drawn (icons are named in order of first use).
PAGE_KINDS = (
    journeys, personas, benchmarks, solutions, inventory, verbatims, priorities, roadmap, coverage, listening, changes, reference, teams,
    briefings, glossary, onboarding,
)
