"""Which files of a kind's folder are sources, and the prose beside them.

A source's file name is its page's address, so names follow the same rule
as identifiers; a name reserved for a generated page, a second file with
the same name, a stray file, each is named rather than silently skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..language.names import SLUG, closest, slugify
from .paths import is_inside, relative_to
from .problems import Problem, Severity
from .text import SourceError, decode_source

#: Files never read as sources: notes for the team, drafts.
IGNORED_NAMES = {"readme.md", "index.md"}
#: Files that hold only fields; a `.md` of the same name holds the prose.
FIELD_SUFFIXES = (".yml", ".yaml")
_SOURCE_LIKE = {".md", ".markdown", ".yml", ".yaml", ".json", ".txt"}
_FIELD_LINE = re.compile(r"^[A-Za-z_][\w-]*:(\s|$)")
#: Source names that would take the place of a generated page: `journeys/index.yml`
#: would become the page that lists every journey.
RESERVED_IDS = frozenset({"index"})


@dataclass(frozen=True)
class SourceFile:
    """A file to read as a source, and where the analyst knows it."""

    path: Path
    rel: str
    #: A `.md` of text alone where a sheet is expected: the prose of a renamed `.yml`?
    lone_prose: bool = False
    #: The `.md` name it most likely should have (a `.yml` left without prose).
    partner: str | None = None

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def holds_fields_only(self) -> bool:
        """A `.yml` source: its prose, if any, is the `.md` of the same name."""
        return self.path.suffix.lower() in FIELD_SUFFIXES


@dataclass(frozen=True)
class Prose:
    """The Markdown beside a `.yml` source: its text and file, if any."""

    text: str = ""
    rel: str | None = None
    first_line: int = 1


def source_files(root: Path, folder: Path, suffixes: tuple[str, ...]) -> tuple[list[SourceFile], list[Problem]]:
    """The sources of one kind's folder, in name order, and what is wrong with its other files."""
    if not folder.is_dir():
        return [], []
    found: list[SourceFile] = []
    problems: list[Problem] = []
    stems: dict[str, str] = {}
    files = sorted(path for path in folder.iterdir() if path.is_file())
    names = {path.name for path in files}
    for path in files:
        rel = relative_to(path, root)
        suffix = path.suffix.lower()
        if path.name.startswith((".", "_")) or path.name.lower() in IGNORED_NAMES:
            continue
        if suffix == ".md" and any(f"{path.stem}{ext}" in names for ext in FIELD_SUFFIXES):
            continue  # the prose of `<stem>.yml`, read with it
        if suffix not in suffixes:
            if suffix == ".md":  # a journey's prose without its journey
                problems.append(Problem(file=rel, code="orphan_body", severity=Severity.WARNING))
            elif suffix in _SOURCE_LIKE:
                problems.append(Problem(file=rel, code="ignored_file", params={"expected": list(suffixes)}, severity=Severity.WARNING))
            continue
        if not SLUG.match(path.stem):
            problems.append(Problem(file=rel, code="file_name", params={"value": path.name, "suggestion": slugify(path.stem) + suffix}))
            continue
        if path.stem in RESERVED_IDS:
            problems.append(Problem(file=rel, code="reserved_name", params={"value": path.name, "folder": folder.name}))
            continue
        if path.is_symlink() and not is_inside(path, folder):
            # A symbolic link to a file elsewhere: nothing outside the project is read.
            # (A file that is no link is inside its folder: not resolved, hundreds a build.)
            problems.append(Problem(file=rel, code="source_outside", params={"value": path.name, "folder": folder.name}))
            continue
        if path.stem in stems:
            problems.append(Problem(file=rel, code="duplicate_file", params={"value": path.stem, "other": stems[path.stem]}))
            continue
        stems[path.stem] = rel
        if suffix == ".md" and _is_prose_alone(path):
            # The prose of a `.yml` renamed or moved away: its partner, if one is left without prose.
            lonely = [other.stem for other in files if other.suffix.lower() in FIELD_SUFFIXES and f"{other.stem}.md" not in names]
            partner = closest(path.stem, lonely) or (lonely[0] if len(lonely) == 1 else None)
            found.append(SourceFile(path, rel, lone_prose=True, partner=f"{partner}.md" if partner else None))
            continue
        found.append(SourceFile(path, rel))
    return found, problems


def _is_prose_alone(path: Path) -> bool:
    """A `.md` that starts neither with its fields (`---`) nor with a field written
    without its fences (`name: …`): text alone, the prose of some `.yml`."""
    try:
        with path.open("rb") as file:
            first = file.readline(400).removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
    except OSError:
        return False  # unreadable: reading it says why
    return not first.startswith("---") and not _FIELD_LINE.match(first)


def read_prose(root: Path, source: SourceFile) -> tuple[Prose, list[Problem]]:
    """The prose beside a `.yml` source (`<stem>.md`, plain Markdown), and what keeps it from being read."""
    path = source.path.with_suffix(".md")
    if not path.is_file():
        return Prose(), []
    rel = relative_to(path, root)
    if not is_inside(path, source.path.parent):
        return Prose(rel=rel), [Problem(file=rel, code="source_outside", params={"value": path.name, "folder": source.path.parent.name})]
    try:
        text = decode_source(path, rel)
    except SourceError as error:
        return Prose(rel=rel), [error.problem]
    if text.startswith("---"):
        # Fields in both files: which would win is a trap; the analyst chooses.
        return Prose(rel=rel), [Problem(file=rel, code="body_front_matter", line=1, column=1, params={"value": source.rel})]
    return Prose(text, rel), []
