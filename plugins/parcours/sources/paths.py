"""Paths a source or a setting names, and folders a command writes into.

Two rules, each written once here and used everywhere:

- a file or folder that a source or a setting names must lie inside its
  place (the site's folder, a source's folder), symbolic links resolved:
  nothing outside the project is read or published;
- a folder a command writes into (`site_dir`, `build-pages --out`) must
  neither be nor hold the project, its pages or its sources: building
  never deletes or overwrites what the team wrote.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath


def relative_to(path: Path, root: Path) -> str:
    """`path` as a site-relative POSIX path (`journeys/data/x.csv`), or whole when it is elsewhere."""
    for base in (root, root.resolve()):
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def contained(name: str, place: Path) -> Path | None:
    """The file or folder `name` (as written: relative to `place`) once resolved,
    or None when it lies outside `place`: an absolute path, a `../`, or a
    symbolic link leading elsewhere."""
    if not name or PurePosixPath(name).is_absolute() or Path(name).is_absolute() or name.startswith("\\"):
        return None
    target = (place / name).resolve()
    try:
        target.relative_to(place.resolve())
    except ValueError:
        return None
    return target


def is_inside(path: Path, place: Path) -> bool:
    """Whether `path`, symbolic links resolved, lies in `place` (or is it)."""
    try:
        path.resolve().relative_to(place.resolve())
    except ValueError:
        return False
    return True


def overwrites(out: Path, protected: list[Path]) -> Path | None:
    """The protected folder (the project, its pages, a source folder) that writing
    into `out` would delete or overwrite, because `out` is it or holds it. None
    when `out` is safe to write into (`site/`, a copy of `docs/`)."""
    target = out.resolve()
    for place in protected:
        place = place.resolve()
        if target == place or is_inside(place, target):
            return place
    return None
