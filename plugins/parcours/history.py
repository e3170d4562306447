"""What changed in the sources, from git: when, what, by whom.

Read once per build with one `git log`. Built outside git (an archive, a CI
job without history) or without git installed, there is simply no history.
"""

from __future__ import annotations

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


def source_history(root: Path, folders: list[str], limit: int = 200) -> list[Change]:
    """The latest commits touching the given folders or files, newest first."""
    git = shutil.which("git")
    if git is None:
        return []
    try:
        result = subprocess.run(
            [
                git, "-C", str(root), "log", f"-n{limit}", "--no-merges", "--date=iso-strict",
                f"--format={_COMMIT}%H{_FIELD}%ad{_FIELD}%an{_FIELD}%s", "--name-only", "--", *folders,
            ],
            capture_output=True, text=True, timeout=30, check=False,
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
