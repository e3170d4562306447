"""Team views: what each team touches in the customer's journeys.

Stages and touchpoints name the team that owns them, solutions their
`teams` (else their owner).
Names are matched without regard to case or accents ("Centre de gestion" and
"centre de Gestion" are one team), and shown as first written.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..language.names import closest, slugify
from ..model import Solution, Touchpoint
from ..model.vocabulary import PAIN_POINTS
from ..sources.problems import Problem, Severity

if TYPE_CHECKING:
    from ..index.entries import Entry, Index, StagePlace


@dataclass
class TeamWork:
    """A team and everything it owns across the site."""

    name: str
    slug: str
    stages: list["StagePlace"] = field(default_factory=list)
    touchpoints: list[tuple["StagePlace", Touchpoint]] = field(default_factory=list)
    solutions: list["Entry[Solution]"] = field(default_factory=list)

    @property
    def irritants(self) -> list[tuple["StagePlace", Touchpoint]]:
        return [(place, t) for place, t in self.touchpoints if t.qualification in PAIN_POINTS]


def teams(index: "Index") -> dict[str, TeamWork]:
    """Every team named by a stage, a touchpoint or a solution, by slug, in name order."""
    found: dict[str, TeamWork] = {}

    def team(name: str) -> TeamWork:
        slug = slugify(name)
        if slug not in found:
            found[slug] = TeamWork(name=name.strip(), slug=slug)
        return found[slug]

    for journey_id in sorted(index.journeys):
        for state in ("current", "target"):
            for place in index.stages(journey_id, state):
                if place.stage.team:
                    team(place.stage.team).stages.append(place)
                for touchpoint in place.stage.touchpoints:
                    if touchpoint.team:
                        team(touchpoint.team).touchpoints.append((place, touchpoint))
    for solution_id in sorted(index.solutions):
        entry = index.solutions[solution_id]
        for name in solution_teams(entry.model):
            team(name).solutions.append(entry)
    # French order, accents aside: "Équipe digitale" among the E, not after the Z.
    return dict(sorted(found.items(), key=lambda item: slugify(item[1].name)))


def solution_teams(solution: Solution) -> list[str]:
    """The teams a solution sheet counts for: its `teams`, else its owner."""
    return list(solution.teams) or [solution.owner]


def team_warnings(index: "Index", all_teams: dict[str, TeamWork]) -> list[Problem]:
    """A solution's team written almost like a journey's team is likely a typo: it would get a page of its own."""
    journey_teams = {slug: work.name for slug, work in all_teams.items() if work.stages or work.touchpoints}
    problems = []
    for solution_id in sorted(index.solutions):
        entry = index.solutions[solution_id]
        for position, name in enumerate(entry.model.teams):
            if slugify(name) in journey_teams:
                continue
            suggestion = closest(name, list(journey_teams.values()))
            if suggestion:
                problem = entry.doc.problem("unknown_team", ("teams", position), value=name, suggestion=suggestion)
                problems.append(replace(problem, severity=Severity.WARNING))
    return problems

