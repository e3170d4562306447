"""What a reader should notice first on a journey map, computed from its data.

Shown above the map: the lowest-rated stage, the blocking point (the largest
drop in conversion), irritants that fall on a moment of truth, ruptures,
touchpoints nobody has qualified, stages with no channel.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Stage
from .flow import Flow
from ..model.vocabulary import PAIN_POINTS, RUPTURE


@dataclass(frozen=True)
class TouchpointRef:
    """A touchpoint named by an insight: its stage, its key and its label."""

    stage: str
    key: str
    label: str
    stage_name: str


@dataclass(frozen=True)
class Insights:
    """The findings of one journey state; empty fields mean nothing to report."""

    lowest_stage: Stage | None = None
    blocking_stage: Stage | None = None
    blocking_drop: float | None = None
    irritants_on_moments_of_truth: list[TouchpointRef] = field(default_factory=list)
    ruptures: list[TouchpointRef] = field(default_factory=list)
    unqualified: list[TouchpointRef] = field(default_factory=list)
    stages_without_channel: list[Stage] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any(
            (self.lowest_stage, self.blocking_stage, self.irritants_on_moments_of_truth, self.ruptures, self.unqualified, self.stages_without_channel)
        )


def blocking_point(stages: list[Stage]) -> tuple[Stage | None, float | None]:
    """The stage after which most customers stop: the largest drop in conversion
    along the main line (`flow`). Its last stage leads nowhere on this map, and a
    stage off the main line is not where customers stop: neither counts."""
    flow = Flow(stages)
    rates = [(stage, flow.conversion(stage)) for stage in flow.main]
    candidates = [(stage, rate) for stage, rate in rates if rate is not None]
    if not candidates:
        return None, None
    stage, rate = min(candidates, key=lambda pair: pair[1])
    return stage, round(100 - rate, 1)


def lowest_stage(stages: list[Stage]) -> Stage | None:
    """The stage with the lowest satisfaction, when at least two are rated."""
    rated = [stage for stage in stages if stage.satisfaction is not None]
    return min(rated, key=lambda s: s.satisfaction) if len(rated) > 1 else None  # type: ignore[arg-type, return-value]


def journey_insights(stages: list[Stage]) -> Insights:
    lowest = lowest_stage(stages)
    blocking, drop = blocking_point(stages)
    on_moments: list[TouchpointRef] = []
    ruptures: list[TouchpointRef] = []
    unqualified: list[TouchpointRef] = []
    for stage in stages:
        for touchpoint in stage.touchpoints:
            ref = TouchpointRef(stage.id, touchpoint.key, touchpoint.label, stage.name)
            if touchpoint.qualification in PAIN_POINTS and stage.moment_of_truth:
                on_moments.append(ref)
            if touchpoint.qualification == RUPTURE:
                ruptures.append(ref)
            if touchpoint.qualification is None:
                unqualified.append(ref)
    return Insights(
        lowest_stage=lowest,
        blocking_stage=blocking,
        blocking_drop=drop,
        irritants_on_moments_of_truth=on_moments,
        ruptures=ruptures,
        unqualified=unqualified,
        # Worth saying only when the map draws channels at all: a target journey
        # told as promises, without touchpoints, is not "missing" every channel.
        stages_without_channel=[stage for stage in stages if not stage.touchpoints] if any(s.touchpoints for s in stages) else [],
    )
