"""Field paths as analysts read them: `stages[3].touchpoints[1].channel`.

Positions in lists are counted from 1, as people count stages on a map.
"""

from __future__ import annotations

from typing import Sequence


def format_loc(loc: Sequence[str | int]) -> str:
    """`('stages', 2, 'name')` → `stages[3].name`."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text
