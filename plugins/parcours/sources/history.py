"""What changed in the sources, from git: when, what, by whom.

Read once per build with one `git log`. Built outside git (an archive, a CI
job without history) or without git installed, there is simply no history.
"""

from __future__ import annotations

import posixpath
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

#: Separates the fields of one commit in `git log`'s output.
_FIELD = "\x1f"
_COMMIT = "\x1e"


@dataclass(frozen=True)
class Change:
    """One commit that touched sources."""

    commit: str
    when: datetime
    author: str
    message: str
    files: tuple[str, ...] = field(default_factory=tuple)


def source_history(root: Path, folders: list[str], limit: int = 20000) -> list[Change]:
    """The latest commits touching the given folders or files, newest first."""
    git = shutil.which("git")
    if git is None:
        return []
    try:
        result = subprocess.run(
            [
                # quotepath off: `données.csv` is named as written, not "donn\303\251es.csv".
                git, "-C", str(root), "-c", "core.quotepath=off", "log", f"-n{limit}", "--no-merges", "--date=iso-strict",
                f"--format={_COMMIT}%H{_FIELD}%ad{_FIELD}%an{_FIELD}%s", "--name-only", "--", *folders,
            ],
            capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=30, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    if result.returncode != 0:
        return []
    changes = []
    for block in result.stdout.split(_COMMIT):
        if not block.strip():
            continue
        header, _, names = block.partition("\n")
        commit, when, author, message = header.split(_FIELD, 3)
        files = tuple(name for name in names.splitlines() if name.strip())
        changes.append(Change(commit, datetime.fromisoformat(when), author, message, files))
    return changes


#: What a commit that builds the tool touches: its code. A commit that touches
#: code is the tool's development, even if it edits a source too (the demo's
#: sources live beside the tool that publishes them); a site's own Makefile or
#: lock, changed with its sources, is still the site's news.
TOOL_PATHSPECS = (":(glob)**/*.py",)


def tool_commits(root: Path, limit: int = 20000) -> set[str]:
    """The commits that changed the tool (its code, wherever it is, and the Parcours package's folder), not only sources."""
    git = shutil.which("git")
    if git is None:
        return set()
    package = Path(__file__).resolve().parent.parent
    try:
        inside = subprocess.run([git, "-C", str(package), "rev-parse", "--show-toplevel"], capture_output=True, text=True, timeout=10, check=False)
        own = subprocess.run([git, "-C", str(root), "rev-parse", "--show-toplevel"], capture_output=True, text=True, timeout=10, check=False)
        # The package's own folder counts only when it lives in the site's repository.
        extra = [str(package)] if inside.returncode == 0 and inside.stdout.strip() == own.stdout.strip() else []
        result = subprocess.run(
            [git, "-C", str(root), "log", f"-n{limit}", "--format=%H", "--", *TOOL_PATHSPECS, *extra],
            capture_output=True, text=True, timeout=30, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    return set(result.stdout.split()) if result.returncode == 0 else set()


def prefix_in_repository(root: Path) -> str:
    """Where `root` sits inside its git repository (`git log` names files from the top)."""
    git = shutil.which("git")
    if git is None:
        return ""
    try:
        result = subprocess.run([git, "-C", str(root), "rev-parse", "--show-prefix"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


class HistoryIndex:
    """The changes of each file, indexed once per build for every page to ask."""

    def __init__(self, history: list[Change]) -> None:
        self._history = history
        self._by_file: dict[str, list[int]] = {}
        for position, change in enumerate(history):
            for name in change.files:
                self._by_file.setdefault(name, []).append(position)

    def of_source(self, rel: str, others: set[str] = frozenset()) -> list[Change]:
        """The changes (newest first) to a source in any of its layouts, and to `others`."""
        positions = {
            position for name, found in self._by_file.items() if name in others or same_source(name, rel) for position in found
        }
        return [self._history[position] for position in sorted(positions)]


def same_source(path: str, rel: str) -> bool:
    """Whether `path` is a file of the source at `rel`, in any of its layouts:
    `lea.md` alone, or `lea.yml` with `lea.md` (so a page keeps its history
    when its fields move to a `.yml`)."""
    folder, name = posixpath.split(rel)
    other_folder, other_name = posixpath.split(path)
    return folder == other_folder and posixpath.splitext(name)[0] == posixpath.splitext(other_name)[0]
