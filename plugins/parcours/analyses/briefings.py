"""A team's briefing: the one page a team prints for a meeting or hands a new
member. What it owns, what its customers say most, how to behave with the
personas it serves, what it is measured on, and what it is working on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model.vocabulary import COMMITMENT
from .teams import TeamWork
from .verbatims import VerbatimPlace

if TYPE_CHECKING:
    from ..index.entries import Index, StagePlace

#: How many customers' words a briefing quotes.
TOP_VERBATIMS = 3


@dataclass(frozen=True)
class Measured:
    """A commitment a team is measured on: a promise's commitment, or a commitment KPI."""

    place: "StagePlace"
    indicator: str
    target: float | None
    unit: str | None
    met: float | None
    met_target: float | None

    @property
    def kept(self) -> bool | None:
        return None if self.met is None or self.met_target is None else self.met >= self.met_target


@dataclass
class Briefing:
    """What a team's one-page card shows."""

    team: TeamWork
    verbatims: list[VerbatimPlace] = field(default_factory=list)
    personas: list[str] = field(default_factory=list)
    commitments: list[Measured] = field(default_factory=list)


def briefing(index: "Index", work: TeamWork, ranked: list[VerbatimPlace]) -> Briefing:
    """A team's briefing, its verbatims taken from the site's ranking (most repeated and recent first)."""
    stages = {(place.journey, place.state, place.stage.id) for place in work.stages}
    touchpoints = {(place.journey, place.state, place.stage.id, touchpoint.key) for place, touchpoint in work.touchpoints}
    verbatims = [
        place for place in ranked
        if (place.journey, place.state, place.stage.id) in stages
        or (place.touchpoint is not None and (place.journey, place.state, place.stage.id, place.touchpoint.key) in touchpoints)
    ]
    return Briefing(work, verbatims[:TOP_VERBATIMS], _personas(index, work), _commitments(work))


def _personas(index: "Index", work: TeamWork) -> list[str]:
    """The personas the team serves, with a posture to adopt: those its stages and
    touchpoints are for, else their journey's."""
    found: list[str] = []
    served = [(place, place.stage.personas) for place in work.stages] + [(place, t.personas or place.stage.personas) for place, t in work.touchpoints]
    for place, personas in served:
        for persona in personas or index.journeys[place.journey].model.personas:
            entry = index.personas.get(persona)
            if entry is not None and entry.model.posture and persona not in found:
                found.append(persona)
    return found


def _commitments(work: TeamWork) -> list[Measured]:
    found = []
    for place in work.stages:
        stage = place.stage
        commitment = stage.promise.commitment if stage.promise else None
        if commitment is not None:
            found.append(Measured(place, commitment.indicator, commitment.target, commitment.unit, commitment.met, commitment.met_target))
        for kpi in stage.kpis:
            if kpi.type == COMMITMENT:
                found.append(Measured(place, kpi.name, kpi.target, kpi.unit, kpi.value, kpi.target))
    return found
