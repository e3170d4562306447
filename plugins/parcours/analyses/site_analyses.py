"""Every analysis of a site, each computed once per build, when first asked for.

The checks (coverage and team warnings), the pages and the navigation all
read the same results: nothing is computed twice.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property

from ..index.entries import Index, StagePlace
from .briefings import Briefing, briefing
from .changes import Changes, changes_since
from .coverage import Finding, coverage
from .figures import JourneyFigures, journey_figures
from .insights import Insights, journey_insights
from .inventory import Inventory, touchpoint_inventory
from .listening import ListeningPlace, listening_plan, unlistened
from .prioritisation import RankedSolution, ranked_solutions
from .sitemap import generated_pages
from .teams import TeamWork, teams
from .verbatims import VerbatimPlace, every_verbatim


class Analyses:
    """The analyses of one index."""

    def __init__(self, index: Index, today: date) -> None:
        self.index = index
        #: The day the site is built for: late listening results and what changed depend on it.
        self.today = today
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
        return coverage(self.index, self.today)

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
    def listening(self) -> list[ListeningPlace]:
        """Every listening device, where it listens, and whether its last result is late."""
        return listening_plan(self.index, self.today)

    @cached_property
    def unlistened(self) -> list[StagePlace]:
        """The moments of truth nobody listens to."""
        return unlistened(self.index)

    @cached_property
    def changes(self) -> Changes:
        """Every change since any date, each with the dates for which it holds."""
        return changes_since(self.index)

    @cached_property
    def briefings(self) -> dict[str, Briefing]:
        """Each team's one-page briefing, by the team's slug."""
        return {slug: briefing(self.index, work, self.verbatims) for slug, work in self.teams.items()}

    @cached_property
    def pages(self) -> set[str]:
        """Every page the site will have that no author wrote."""
        return generated_pages(self.index, self.team_names)
