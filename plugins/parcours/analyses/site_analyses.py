"""Every analysis of a site, each computed once per build, when first asked for.

The checks (coverage and team warnings), the pages and the navigation all
read the same results: nothing is computed twice.
"""

from __future__ import annotations

from functools import cached_property

from ..index.entries import Index
from .coverage import Finding, coverage
from .figures import JourneyFigures, journey_figures
from .insights import Insights, journey_insights
from .inventory import Inventory, touchpoint_inventory
from .prioritisation import RankedSolution, ranked_solutions
from .sitemap import generated_pages
from .teams import TeamWork, teams
from .verbatims import VerbatimPlace, every_verbatim


class Analyses:
    """The analyses of one index."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._insights: dict[tuple[str, str], Insights] = {}

    @cached_property
    def figures(self) -> dict[str, JourneyFigures]:
        """Each journey's key figures, by journey id."""
        return {
            journey_id: journey_figures(entry.model, entry.data, self.index.settings.prospect_phases_of(entry.model.kind))
            for journey_id, entry in self.index.journeys.items()
        }

    def insights(self, journey_id: str, state: str) -> Insights:
        """What to notice first on one state of a journey."""
        key = (journey_id, state)
        if key not in self._insights:
            self._insights[key] = journey_insights([place.stage for place in self.index.stages(journey_id, state)])
        return self._insights[key]

    @cached_property
    def coverage(self) -> list[Finding]:
        return coverage(self.index)

    @cached_property
    def teams(self) -> dict[str, TeamWork]:
        return teams(self.index)

    @cached_property
    def team_names(self) -> list[str]:
        return [work.name for work in self.teams.values()]

    @cached_property
    def inventory(self) -> Inventory:
        return touchpoint_inventory(self.index)

    @cached_property
    def verbatims(self) -> list[VerbatimPlace]:
        return every_verbatim(self.index)

    @cached_property
    def priorities(self) -> list[RankedSolution]:
        return ranked_solutions(self.index)

    @cached_property
    def pages(self) -> set[str]:
        """Every page the site will have that no author wrote."""
        return generated_pages(self.index, self.team_names)
