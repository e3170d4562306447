"""The touchpoint inventory: every stage × channel of every journey, quantified.

Volumes are brought to one period (per month) so that channels can be
compared across journeys that count differently.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..index.entries import Index
from ..model import Touchpoint
from ..model.vocabulary import PERIODS


@dataclass
class Tally:
    """Touchpoints counted together: volume per month, satisfaction, qualifications."""

    touchpoints: list[Touchpoint] = field(default_factory=list)
    volume: float = 0.0
    rated_volume: float = 0.0
    satisfaction_sum: float = 0.0
    qualifications: Counter = field(default_factory=Counter)
    counted: bool = False

    def add(self, touchpoint: Touchpoint, period: str) -> None:
        self.touchpoints.append(touchpoint)
        monthly = (touchpoint.volume or 0) * PERIODS[touchpoint.volume_period or period].per_month
        # A part of another touchpoint (failed interventions among all) is already in its whole's volume.
        if touchpoint.part_of is None:
            self.volume += monthly
            self.counted = self.counted or touchpoint.volume is not None
        if touchpoint.satisfaction is not None:
            weight = monthly or 1.0
            self.rated_volume += weight
            self.satisfaction_sum += touchpoint.satisfaction * weight
        if touchpoint.qualification:
            self.qualifications[touchpoint.qualification] += 1

    @property
    def satisfaction(self) -> float | None:
        """Satisfaction weighted by volume (each touchpoint counts once when none has a volume)."""
        return round(self.satisfaction_sum / self.rated_volume, 1) if self.rated_volume else None


@dataclass
class InventoryRow:
    journey: str
    stage: str
    stage_name: str
    stage_number: int
    channel: str
    tally: Tally
    share: float | None


@dataclass
class Inventory:
    rows: list[InventoryRow]
    channels: dict[str, Tally]
    total_volume: float

    def channel_share(self, channel: str) -> float | None:
        if not self.total_volume:
            return None
        return round(100 * self.channels[channel].volume / self.total_volume, 1)


def touchpoint_inventory(index: Index) -> Inventory:
    order = index.settings.channel_ids()
    rows: list[InventoryRow] = []
    channels: dict[str, Tally] = {}
    for journey_id, entry in sorted(index.journeys.items(), key=lambda item: item[1].model.title):
        period = entry.model.period
        for number, stage in enumerate(entry.model.stages):
            by_channel: dict[str, Tally] = {}
            for touchpoint in stage.touchpoints:
                by_channel.setdefault(touchpoint.channel, Tally()).add(touchpoint, period)
                channels.setdefault(touchpoint.channel, Tally()).add(touchpoint, period)
            stage_volume = sum(tally.volume for tally in by_channel.values())
            for channel in sorted(by_channel, key=order.index):
                tally = by_channel[channel]
                share = round(100 * tally.volume / stage_volume, 1) if stage_volume else None
                rows.append(InventoryRow(journey_id, stage.id, stage.name, number + 1, channel, tally, share))
    ordered = {channel: channels[channel] for channel in order if channel in channels}
    return Inventory(rows=rows, channels=ordered, total_volume=sum(t.volume for t in ordered.values()))
