"""Where a value was written: a path of keys and list positions, a line and a column.

Field paths are shown as analysts read them, `stages[3].touchpoints[1].channel`:
positions in lists count from 1, as people count stages on a map.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

#: A value's path in a source: keys and 0-based list positions.
Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a source file."""

    line: int
    column: int


#: How a source keeps its values' positions: a plain `(line, column)` tuple, which
#: Python's cycle collector stops tracking (a `Position` it tracks for ever). A
#: site of a hundred journeys holds some 190,000: half of what each full
#: collection of the preview went through.
Spot = tuple[int, int]


def format_loc(loc: Sequence[str | int]) -> str:
    """`('stages', 2, 'name')` → `stages[3].name`."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def position_of(text: str, value: str, first_line: int = 1) -> Position:
    """Where `value` is first written in `text` (the first line when it is not found as written)."""
    for number, line in enumerate(text.splitlines()):
        column = line.find(value)
        if column >= 0:
            return Position(first_line + number, column + 1)
    return Position(first_line, 1)
