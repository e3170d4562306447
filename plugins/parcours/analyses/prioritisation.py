"""A solution's priority, computed from its scores and the site's criteria.

Never typed in: the CX team scores each criterion, the weights come from
`mkdocs.yml`, and criteria counted against (resources needed) subtract.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Settings, Solution

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


def breakdown(solution: Solution, settings: Settings) -> list[ScoreLine]:
    lines = []
    for criterion in settings.criteria:
        score = solution.scores.get(criterion.id)
        contribution = None
        if score is not None:
            value = MAX_SCORE - score if criterion.against else score
            contribution = value * criterion.weight
        lines.append(ScoreLine(criterion.id, criterion.weight, criterion.against, score, contribution))
    return lines


def priority(solution: Solution, settings: Settings) -> float | None:
    """Weighted mean of the scores on a 0–5 scale; None when nothing is scored."""
    lines = [line for line in breakdown(solution, settings) if line.contribution is not None]
    total_weight = sum(line.weight for line in lines)
    if not lines or total_weight == 0:
        return None
    return round(sum(line.contribution for line in lines) / total_weight, 2)


def value_and_effort(solution: Solution, settings: Settings) -> tuple[float | None, float | None]:
    """Where a solution sits on the value / effort matrix, each on 0–5.

    Value is the weighted mean of the criteria that count for it; effort, of
    those counted against it (the resources needed, by default).
    """

    def mean(against: bool) -> float | None:
        lines = [line for line in breakdown(solution, settings) if line.against is against and line.score is not None]
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
        value, effort = value_and_effort(entry.model, settings)
        rows.append(RankedSolution(entry, priority(entry.model, settings), value, effort, breakdown(entry.model, settings)))
    return sorted(rows, key=lambda row: (-(row.priority if row.priority is not None else -1), row.entry.model.title))


def unscored(solution: Solution, settings: Settings) -> list[str]:
    """The site's criteria a solution has no score for."""
    return [criterion.id for criterion in settings.criteria if criterion.id not in solution.scores]
