"""Media files named by sources, registered where the site publishes them."""

from __future__ import annotations

from pathlib import PurePosixPath

from ..media.files import check_media
from ..model.voices import Clip
from ..sources.positions import Loc
from ..sources.problems import Problem
from .entries import Entry, Index, media_key


def register_clip(index: Index, entry: Entry, loc: Loc, clip: Clip | None) -> list[Problem]:
    """A clip's file and captions: both checked, both published."""
    if clip is None:
        return []
    problems = register_media(index, entry, (*loc, "file"), clip.file, "clip")
    problems += register_media(index, entry, (*loc, "captions"), clip.captions, "captions")
    return problems


def register_media(index: Index, entry: Entry, loc: Loc, path: str | None, kind: str) -> list[Problem]:
    """Check a file a source names at `loc`, and record where the site shows it."""
    if not path:
        return []
    shown_folder = str(PurePosixPath(entry.rel).parent)
    found = check_media(path, entry.doc.path.parent, shown_folder, entry.kind.plural, kind, index.settings)
    if found.refusal is not None:
        code, params = found.refusal
        return [entry.doc.problem(code, loc, **params)]
    if found.file is not None:
        index.media[media_key(entry, path)] = found.file
    return found.problems
