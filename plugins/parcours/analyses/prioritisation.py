"""A solution's priority, computed from its scores and the site's criteria.

Never typed in: the CX team scores each criterion, the weights come from
`mkdocs.yml`, and criteria counted against (resources needed) subtract. A
criterion `from_touchpoints` (by default, the value of the touchpoints
addressed) is scored from the touchpoints themselves: the strongest effect
on conversion or loyalty among those the solution addresses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Settings, Solution
from ..model.vocabulary import IMPACTS

if TYPE_CHECKING:
    from ..index.entries import Entry, Index

#: Scores run from 0 to this.
MAX_SCORE = 5


@dataclass(frozen=True)
class ScoreLine:
    criterion: str
    weight: float
    against: bool
    score: float | None
    contribution: float | None
    #: Computed from the touchpoints addressed, not written in the sheet.
    computed: bool = False


def breakdown(solution: Solution, settings: Settings, touchpoint_value: float | None = None) -> list[ScoreLine]:
    lines = []
    for criterion in settings.criteria:
        score = touchpoint_value if criterion.from_touchpoints else solution.scores.get(criterion.id)
        contribution = None
        if score is not None:
            value = MAX_SCORE - score if criterion.against else score
            contribution = value * criterion.weight
        lines.append(ScoreLine(criterion.id, criterion.weight, criterion.against, score, contribution, criterion.from_touchpoints))
    return lines


def priority(solution: Solution, settings: Settings, touchpoint_value: float | None = None) -> float | None:
    """Weighted mean of the scores on a 0–5 scale; None when nothing is scored."""
    lines = [line for line in breakdown(solution, settings, touchpoint_value) if line.contribution is not None]
    total_weight = sum(line.weight for line in lines)
    if not lines or total_weight == 0:
        return None
    return round(sum(line.contribution for line in lines) / total_weight, 2)


def value_and_effort(solution: Solution, settings: Settings, touchpoint_value: float | None = None) -> tuple[float | None, float | None]:
    """Where a solution sits on the value / effort matrix, each on 0–5.

    Value is the weighted mean of the criteria that count for it; effort, of
    those counted against it (the resources needed, by default).
    """

    def mean(against: bool) -> float | None:
        lines = [line for line in breakdown(solution, settings, touchpoint_value) if line.against is against and line.score is not None]
        weight = sum(line.weight for line in lines)
        return round(sum(line.score * line.weight for line in lines) / weight, 2) if weight else None  # type: ignore[operator]

    return mean(False), mean(True)


@dataclass
class RankedSolution:
    """A solution sheet with its priority and where it sits on the value / effort matrix."""

    entry: "Entry[Solution]"
    priority: float | None
    value: float | None
    effort: float | None
    breakdown: list[ScoreLine]


def ranked_solutions(index: "Index") -> list[RankedSolution]:
    """Every solution, highest priority first (unscored last), then by title."""
    settings = index.settings
    rows = []
    for entry in index.solutions.values():
        worth = touchpoint_value(index, entry.model)
        value, effort = value_and_effort(entry.model, settings, worth)
        rows.append(RankedSolution(entry, priority(entry.model, settings, worth), value, effort, breakdown(entry.model, settings, worth)))
    return sorted(rows, key=lambda row: (-(row.priority if row.priority is not None else -1), row.entry.model.title))


def unscored(solution: Solution, settings: Settings) -> list[str]:
    """The site's criteria a solution sheet has no score for (computed ones aside)."""
    return [criterion for criterion in settings.scored_criterion_ids() if criterion not in solution.scores]


def touchpoint_value(index: "Index", solution: Solution) -> float | None:
    """The strongest effect on conversion or loyalty among the touchpoints a solution
    addresses (a stage counts all of its touchpoints), on 0–5; None when none says."""
    scores = []
    for reference in solution.addresses:
        journey_id, stage_id, *rest = reference.split("/")
        if journey_id not in index.journeys:
            continue
        for place in index.stages(journey_id):
            if place.stage.id != stage_id:
                continue
            for touchpoint in place.stage.touchpoints:
                if touchpoint.value is None or (rest and touchpoint.key != rest[0]):
                    continue
                scores += [IMPACTS[impact].score for impact in (touchpoint.value.conversion, touchpoint.value.loyalty) if impact]
    return float(max(scores)) if scores else None
