"""The way customers go through a journey: its main line, its forks and its loops.

A stage leads to the following stage of the main line, unless it says where
its customers go (`next`): several stages with the share of each (a fork),
or an earlier stage (a retry). A stage off the main line (an exception, an
incident) ends where it says, or nowhere. The funnel, the conversion and
the blocking point follow the main line only: a stage on a branch is never
"where customers stop" because of its place in the list.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Stage
from ..model.vocabulary import MAIN_PATH


@dataclass(frozen=True)
class Way:
    """Where some customers go after a stage."""

    target: Stage
    number: int
    share: float | None
    label: str | None
    #: Back to an earlier stage: a retry, a loop.
    back: bool
    #: Written in the source (`next`), or the main line's own continuation.
    written: bool


class Flow:
    """The stages of one journey state, and the ways between them."""

    def __init__(self, stages: list[Stage]) -> None:
        self.stages = stages
        self._position = {stage.id: position for position, stage in enumerate(stages)}
        #: The main line, in the order customers live it.
        self.main = [stage for stage in stages if stage.path == MAIN_PATH]

    def is_main(self, stage: Stage) -> bool:
        return stage.path == MAIN_PATH

    def next_on_main(self, stage: Stage) -> Stage | None:
        """The main line's stage after this one (None at its end, or off the main line)."""
        if not self.is_main(stage):
            return None
        at = self.main.index(stage)
        return self.main[at + 1] if at + 1 < len(self.main) else None

    def ways(self, stage: Stage) -> list[Way]:
        """Where customers go after a stage, as written, else along the main line."""
        here = self._position[stage.id]
        if stage.next:
            return [
                Way(self.stages[self._position[way.stage]], self._position[way.stage] + 1, way.share, way.label, self._position[way.stage] < here, True)
                for way in stage.next
                if way.stage in self._position
            ]
        following = self.next_on_main(stage)
        if following is None:
            return []
        return [Way(following, self._position[following.id] + 1, None, None, False, False)]

    def conversion(self, stage: Stage) -> float | None:
        """The share of a stage's customers going on along the main line: written as
        `conversion`, else the share of its way to the main line's next stage."""
        following = self.next_on_main(stage)
        if following is None:
            return None
        if stage.conversion is not None:
            return stage.conversion
        return next((way.share for way in stage.next if way.stage == following.id and way.share is not None), None)

    @property
    def branches(self) -> bool:
        """Whether the journey forks, loops or leaves its main line somewhere."""
        return any(stage.next or not self.is_main(stage) for stage in self.stages)
