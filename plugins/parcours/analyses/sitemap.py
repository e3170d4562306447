"""The addresses of the pages Parcours generates, and of the places in them.

One list, used by the renderer to write pages and by the checks that let a
source point at a page (the onboarding path's visits). Pages live at stable
addresses: `<kind>/<file stem>` and the site-wide pages named here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..language.names import slugify
from ..model import KINDS

if TYPE_CHECKING:
    from ..index.entries import Index

#: Site-wide pages, by name.
PAGES = {
    "touchpoints": "touchpoints/index.md",
    "verbatims": "verbatims/index.md",
    "priorities": "priorities/index.md",
    "roadmap": "roadmap/index.md",
    "coverage": "coverage/index.md",
    "reference": "reference/index.md",
    "teams": "teams/index.md",
    "listening": "listening/index.md",
    "changes": "changes/index.md",
    "glossary": "glossary/index.md",
    "onboarding": "onboarding/index.md",
}

#: The page that shows each single source (the committees are part of the listening page).
SINGLE_SOURCE_PAGES = {"onboarding": PAGES["onboarding"], "glossary": PAGES["glossary"], "committees": PAGES["listening"]}


def source_page(plural: str, stem: str | None = None) -> str:
    """The page of a source (`journeys/demande.md`) or of its kind (`journeys/index.md`)."""
    return f"{plural}/{stem}.md" if stem else f"{plural}/index.md"


def stage_anchor(stage: str, state: str = "current", touchpoint: str | None = None) -> str:
    """Anchors of stages and touchpoints on a journey page (`--` never occurs in an id)."""
    base = f"{'target' if state == 'target' else 'stage'}-{stage}"
    return f"{base}--{touchpoint}" if touchpoint else base


def journey_anchors(index: "Index", journey_id: str) -> list[str]:
    """Every stage's and touchpoint's anchor on a journey's page, current then target."""
    anchors = []
    for state in ("current", "target"):
        for place in index.stages(journey_id, state):
            anchors.append(stage_anchor(place.stage.id, state))
            anchors.extend(stage_anchor(place.stage.id, state, touchpoint.key) for touchpoint in place.stage.touchpoints)
    return anchors


def team_page(team: str) -> str:
    return f"teams/{slugify(team)}.md"


def briefing_page(team: str) -> str:
    """A team's one-page briefing, to print."""
    return f"briefings/{slugify(team)}.md"


def generated_pages(index: "Index", team_names: list[str]) -> set[str]:
    """Every page the site will have that no author wrote."""
    pages = set(PAGES.values())
    for kind in KINDS.values():
        pages.add(source_page(kind.plural))
        pages.update(source_page(kind.plural, stem) for stem in index.entries(kind.name))
    pages.update(team_page(team) for team in team_names)
    pages.update(briefing_page(team) for team in team_names)
    return pages
