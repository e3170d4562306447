"""Which customer words to show first: the most repeated, then the most recent.

An angry comment from three years ago weighs less than what fourteen
customers said last month.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from ..model import Stage, Touchpoint
from ..model.voices import Verbatim

if TYPE_CHECKING:
    from ..index.entries import Index


def ranked(verbatims: Iterable[Verbatim], persona: str | None = None) -> list[Verbatim]:
    """Most repeated first, then most recent; a persona's own words before others'."""
    return sorted(
        verbatims,
        key=lambda v: (
            0 if persona and v.persona == persona else 1,
            -(v.repeated or 1),
            -v.date.toordinal(),
        ),
    )


@dataclass(frozen=True)
class VerbatimPlace:
    """A verbatim and where it belongs: journey, state, stage, touchpoint."""

    journey: str
    state: str
    number: int
    stage: Stage
    touchpoint: Touchpoint | None
    verbatim: Verbatim


def every_verbatim(index: "Index") -> list[VerbatimPlace]:
    """All customers' words of the site, most repeated and most recent first."""
    places: list[VerbatimPlace] = []
    for journey_id in sorted(index.journeys):
        for state in ("current", "target"):
            for place in index.stages(journey_id, state):
                touchpoints = {touchpoint.key: touchpoint for touchpoint in place.stage.touchpoints}
                for verbatim in place.stage.verbatims:
                    places.append(
                        VerbatimPlace(journey_id, state, place.index + 1, place.stage, touchpoints.get(verbatim.touchpoint or ""), verbatim)
                    )
    order = {id(verbatim): rank for rank, verbatim in enumerate(ranked(p.verbatim for p in places))}
    return sorted(places, key=lambda p: order[id(p.verbatim)])
