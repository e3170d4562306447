"""The current journey beside the target one: which stages each target stage
replaces, how customers feel there today, and which of today's stages no
target stage replaces.

A target stage names the current stages it replaces (`replaces`). Where it
replaces several, today's emotion is their mean: the target curve is drawn
over it, one point per target stage.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Stage
from ..model.vocabulary import ALL_PERSONAS


def emotion_of(stage: Stage, key: str) -> float | None:
    """A stage's emotion for a persona (its own score, else the one given for all);
    for `ALL_PERSONAS`, the score given for all, else the mean of the personas'."""
    scores = stage.emotion or {}
    if key in scores:
        return scores[key]
    if key == ALL_PERSONAS and scores:
        return round(sum(scores.values()) / len(scores), 2)
    return scores.get(ALL_PERSONAS)


@dataclass(frozen=True)
class Replacement:
    """A target stage and the current stages it replaces, each with its number (from 1)."""

    number: int
    stage: Stage
    replaced: list[tuple[int, Stage]]

    def emotion_today(self, key: str) -> float | None:
        """How customers feel at the replaced stages today: the mean of their scores."""
        scores = [score for _, stage in self.replaced if (score := emotion_of(stage, key)) is not None]
        return round(sum(scores) / len(scores), 1) if scores else None

    def satisfaction_today(self) -> float | None:
        rates = [stage.satisfaction for _, stage in self.replaced if stage.satisfaction is not None]
        return round(sum(rates) / len(rates), 1) if rates else None


@dataclass(frozen=True)
class Comparison:
    """The target journey, stage by stage, against the current one."""

    replacements: list[Replacement]
    #: Current stages no target stage names: dropped, or not yet linked.
    not_replaced: list[tuple[int, Stage]]

    @property
    def linked(self) -> bool:
        """Whether any target stage says what it replaces."""
        return any(replacement.replaced for replacement in self.replacements)


def compare(current: list[Stage], target: list[Stage]) -> Comparison:
    numbered = {stage.id: (number, stage) for number, stage in enumerate(current, start=1)}
    replacements = [
        Replacement(number, stage, [numbered[i] for i in getattr(stage, "replaces", []) if i in numbered])
        for number, stage in enumerate(target, start=1)
    ]
    named = {stage.id for replacement in replacements for _, stage in replacement.replaced}
    return Comparison(replacements, [(number, stage) for number, stage in numbered.values() if stage.id not in named])
