"""Paths as the analyst knows them: relative to the site's folder."""

from __future__ import annotations

from pathlib import Path


def relative_to(path: Path, root: Path) -> str:
    """`path` as a site-relative POSIX path (`journeys/data/x.csv`), or whole when it is elsewhere."""
    for base in (root, root.resolve()):
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            continue
    return path.as_posix()
