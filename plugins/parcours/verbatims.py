"""Which customer words to show first: the most repeated, then the most recent.

An angry comment from three years ago weighs less than what fourteen
customers said last month.
"""

from __future__ import annotations

from typing import Iterable

from .model.common import Verbatim


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
