"""Figures computed from a journey's data, shared by every page that shows them."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Journey, Stage
from ..model.vocabulary import ENCHANTMENT, IRRITANT, NPS_KPI, RUPTURE, SATISFACTION_KPI


@dataclass(frozen=True)
class JourneyFigures:
    """The key figures of a journey's current state."""

    stages: int
    touchpoints: int
    irritants: int
    ruptures: int
    enchantments: int
    satisfaction: float | None
    nps: float | None
    moments_of_truth: int


def journey_figures(journey: Journey) -> JourneyFigures:
    touchpoints = [touchpoint for stage in journey.stages for touchpoint in stage.touchpoints]
    kpi = {kpi.type: kpi.value for kpi in journey.kpis}
    return JourneyFigures(
        stages=len(journey.stages),
        touchpoints=len(touchpoints),
        irritants=sum(1 for t in touchpoints if t.qualification == IRRITANT),
        ruptures=sum(1 for t in touchpoints if t.qualification == RUPTURE),
        enchantments=sum(1 for t in touchpoints if t.qualification == ENCHANTMENT),
        satisfaction=kpi.get(SATISFACTION_KPI, _mean_satisfaction(journey.stages)),
        nps=kpi.get(NPS_KPI),
        moments_of_truth=sum(1 for stage in journey.stages if stage.moment_of_truth),
    )


def _mean_satisfaction(stages: list[Stage]) -> float | None:
    """Satisfaction of the whole journey when no KPI gives it: stages weighted by volume."""
    rated = [(stage.satisfaction, stage.volume or 1) for stage in stages if stage.satisfaction is not None]
    if not rated:
        return None
    total = sum(weight for _, weight in rated)
    return round(sum(value * weight for value, weight in rated) / total, 1)


def phase_groups(stages: list[Stage]) -> list[tuple[str, list[tuple[int, Stage]]]]:
    """Consecutive stages of one phase, in order: the columns' grouping."""
    groups: list[tuple[str, list[tuple[int, Stage]]]] = []
    for number, stage in enumerate(stages):
        if groups and groups[-1][0] == stage.phase:
            groups[-1][1].append((number, stage))
        else:
            groups.append((stage.phase, [(number, stage)]))
    return groups

