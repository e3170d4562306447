"""How each figure of a journey is known: measured, estimated, an assumption, or not said.

A figure from a reporting export is what its file says (measured, unless the
file is marked otherwise); a figure written in the YAML is what the
`evidence` of its block says (a touchpoint's or a commitment's, else its
stage's); an indicator's is its own. The header counts them, so that a
reader sees how much of the map is measured before quoting it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..model import Journey, Stage, Touchpoint
from ..model.indicators import Evidence, Kpi
from ..model.vocabulary import EVIDENCE

#: A figure whose block says nothing of where it comes from.
UNSOURCED = "unsourced"
#: The figures of a stage and of a touchpoint, as they are counted.
STAGE_FIGURES = ("volume", "satisfaction", "conversion")
TOUCHPOINT_FIGURES = ("volume", "satisfaction")


@dataclass(frozen=True)
class Known:
    """How one figure is known, and where it comes from."""

    status: str
    source: str | None = None

    @property
    def marked(self) -> bool:
        """Shown with a mark and a word on the map: an estimate, an assumption."""
        return self.status not in (EVIDENCE.ids[0], UNSOURCED)


def _said(evidence: Evidence | None) -> Known | None:
    return Known(evidence.status, evidence.source) if evidence else None


class JourneyEvidence:
    """The evidence of one journey's figures, from its blocks and its data files."""

    def __init__(self, journey: Journey, data: Any = None) -> None:
        self.journey = journey
        self.data = data

    def _from_data(self, state: str, stage: str, touchpoint: str | None, measure: str) -> Known | None:
        series = self.data.series.get((state, stage, touchpoint, measure)) if self.data else None
        if not series:
            return None
        latest = series.latest
        return Known(latest.status, latest.source)

    def of_stage(self, state: str, stage: Stage, figure: str) -> Known:
        return self._from_data(state, stage.id, None, figure) or _said(stage.evidence) or Known(UNSOURCED)

    def of_touchpoint(self, state: str, stage: Stage, touchpoint: Touchpoint, figure: str) -> Known:
        return (
            self._from_data(state, stage.id, touchpoint.key, figure)
            or _said(touchpoint.evidence) or _said(stage.evidence) or Known(UNSOURCED)
        )

    def of_kpi(self, kpi: Kpi, state: str | None = None, stage: Stage | None = None) -> Known:
        from_data = self._from_data(state, stage.id, None, kpi.type) if stage is not None and state else None
        return from_data or _said(kpi.evidence) or (_said(stage.evidence) if stage else None) or Known(UNSOURCED)

    def sources_of(self, state: str, stage: Stage) -> list[tuple[str, str | None, Known]]:
        """Each figure of a stage that says where it comes from: (figure, touchpoint key or None, how it is known)."""
        found = []
        for figure in STAGE_FIGURES:
            if getattr(stage, figure) is not None:
                found.append((figure, None, self.of_stage(state, stage, figure)))
        for touchpoint in stage.touchpoints:
            for figure in TOUCHPOINT_FIGURES:
                if getattr(touchpoint, figure) is not None:
                    found.append((figure, touchpoint.label, self.of_touchpoint(state, stage, touchpoint, figure)))
        for kpi in stage.kpis:
            found.append(("indicator", kpi.name, self.of_kpi(kpi, state, stage)))
        return [item for item in found if item[2].status != UNSOURCED]

    def tally(self) -> Counter:
        """How many figures of the current journey are measured, estimated, assumed, or not said."""
        counts: Counter = Counter()
        for kpi in self.journey.kpis:
            counts[self.of_kpi(kpi).status] += 1
        for stage in self.journey.stages:
            for figure in STAGE_FIGURES:
                if getattr(stage, figure) is not None:
                    counts[self.of_stage("current", stage, figure).status] += 1
            for touchpoint in stage.touchpoints:
                for figure in TOUCHPOINT_FIGURES:
                    if getattr(touchpoint, figure) is not None:
                        counts[self.of_touchpoint("current", stage, touchpoint, figure).status] += 1
            for kpi in stage.kpis:
                counts[self.of_kpi(kpi, "current", stage).status] += 1
        return counts
