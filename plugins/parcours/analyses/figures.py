"""Figures computed from a journey's data, shared by every page that shows them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from ..model import Journey, Stage
from ..model.vocabulary import COUNTED, ENCHANTMENT, IRRITANT, MAIN_PATH, NPS_KPI, RUPTURE, SATISFACTION_KPI
from .evidence import JourneyEvidence


#: How a journey's satisfaction was obtained: its own indicator, or the mean of
#: the stages its customers live (not its prospects'), or of every rated stage.
SATISFACTION_BASES = ("kpi", "customer_stages", "stages")


@dataclass(frozen=True)
class JourneyFigures:
    """The key figures of a journey's current state, and how the headline ones were made."""

    stages: int
    touchpoints: int
    irritants: int
    ruptures: int
    enchantments: int
    satisfaction: float | None
    nps: float | None
    moments_of_truth: int
    #: How `satisfaction` was obtained (`SATISFACTION_BASES`), and from how many stages.
    satisfaction_basis: str | None = None
    satisfaction_stages: int = 0
    #: How many figures of the journey are measured, estimated, assumed, or not said.
    evidence: dict[str, int] = field(default_factory=dict)

    @property
    def figures_total(self) -> int:
        return sum(self.evidence.values())


def journey_figures(journey: Journey, data: Any = None, prospects: Sequence[str] = ()) -> JourneyFigures:
    touchpoints = [touchpoint for stage in journey.stages for touchpoint in stage.touchpoints]
    kpi = {kpi.type: kpi.value for kpi in journey.kpis}
    satisfaction, basis, rated = journey_satisfaction(journey, prospects)
    return JourneyFigures(
        stages=len(journey.stages),
        touchpoints=len(touchpoints),
        irritants=sum(1 for t in touchpoints if t.qualification == IRRITANT),
        ruptures=sum(1 for t in touchpoints if t.qualification == RUPTURE),
        enchantments=sum(1 for t in touchpoints if t.qualification == ENCHANTMENT),
        satisfaction=satisfaction,
        nps=kpi.get(NPS_KPI),
        moments_of_truth=sum(1 for stage in journey.stages if stage.moment_of_truth),
        satisfaction_basis=basis,
        satisfaction_stages=rated,
        evidence=dict(JourneyEvidence(journey, data).tally()),
    )


def journey_satisfaction(journey: Journey, prospects: Sequence[str] = ()) -> tuple[float | None, str | None, int]:
    """The journey's satisfaction, how it was obtained, and from how many stages.

    A journey-level satisfaction indicator (`csat`) is the figure. Otherwise
    the mean of the satisfaction of the main line's stages lived by customers
    (the kind's `prospects` phases left out: thousands of eligibility
    checks are not the customers' experience), each stage counting once, so
    that no stage weighs by its volume alone; when none of those is rated, the
    mean of every rated stage.
    """
    for indicator in journey.kpis:
        if indicator.type == SATISFACTION_KPI:
            return indicator.value, "kpi", 0
    rated = [s.satisfaction for s in journey.stages if s.satisfaction is not None]
    lived = [s.satisfaction for s in journey.stages if s.satisfaction is not None and s.path == MAIN_PATH and s.phase not in prospects]
    chosen, basis = (lived, "customer_stages") if lived else (rated, "stages")
    if not chosen:
        return None, None, 0
    return round(sum(chosen) / len(chosen), 1), basis, len(chosen)


def phase_groups(stages: list[Stage]) -> list[tuple[str, list[tuple[int, Stage]]]]:
    """Consecutive stages of one phase, in order: the columns' grouping."""
    groups: list[tuple[str, list[tuple[int, Stage]]]] = []
    for number, stage in enumerate(stages):
        if groups and groups[-1][0] == stage.phase:
            groups[-1][1].append((number, stage))
        else:
            groups.append((stage.phase, [(number, stage)]))
    return groups


def stage_counts(stage: Stage) -> list[tuple[str, int]]:
    """How many of a stage's touchpoints are of each counted qualification (`COUNTED`), in order."""
    return [(value, sum(1 for t in stage.touchpoints if t.qualification == value)) for value in COUNTED]
