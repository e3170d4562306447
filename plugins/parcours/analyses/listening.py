"""The listening plan: how the customers of each stage are listened to, which
results are late, and which moments of truth nobody listens to.

A result is late when it is older than its device's frequency (a quarterly
survey whose last result is five months old): the day of the build decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..model import ListeningDevice
from ..model.vocabulary import FREQUENCIES

if TYPE_CHECKING:
    from ..index.entries import Index, StagePlace


def late(device: ListeningDevice, today: date) -> bool:
    """Whether a device's last result is older than its frequency allows."""
    days = FREQUENCIES[device.frequency].days
    result = device.last_result
    return days is not None and result is not None and result.date < today - timedelta(days=days)


@dataclass(frozen=True)
class ListeningPlace:
    """A listening device where it listens: its stage, and its position there."""

    place: "StagePlace"
    position: int
    device: ListeningDevice
    late: bool

    @property
    def journey(self) -> str:
        return self.place.journey


def listening_plan(index: "Index", today: date) -> list[ListeningPlace]:
    """Every device of every journey, in the journeys' order and the stages' order."""
    plan = []
    for journey_id in sorted(index.journeys):
        for state in ("current", "target"):
            for place in index.stages(journey_id, state):
                for position, device in enumerate(place.stage.listening):
                    plan.append(ListeningPlace(place, position, device, late(device, today)))
    return plan


def unlistened(index: "Index") -> list["StagePlace"]:
    """The moments of truth of the current journeys that no device listens to."""
    return [
        place
        for journey_id in sorted(index.journeys)
        for place in index.stages(journey_id, "current")
        if place.stage.moment_of_truth and not place.stage.listening
    ]
