"""What changed in the sources, from git: when, what, by whom.

Read once per build with one `git log`. Built outside git (an archive, a CI
job without history) or without git installed, there is simply no history.
A pull request's summary also reads the sources as they were at its base
(`tree_at`), with one `git archive`.
"""

from __future__ import annotations

import io
import posixpath
import shutil
import subprocess
import tarfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

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


class NoVersion(Exception):
    """The sources cannot be read at a version: `code` says why (no git, not a repository, unknown version)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def tree_at(root: Path, ref: str, into: Path) -> Path:
    """Write the site at `root` as it was where `ref` and HEAD meet (a pull
    request's base) into `into`, which then holds what `root` held; return it.

    Only regular files and folders inside the site are written: an archive's
    link or a path climbing out of `into` is left out.
    """
    git = shutil.which("git")
    if git is None:
        raise NoVersion("changes_no_git")

    def run(*args: str) -> subprocess.CompletedProcess:
        try:
            return subprocess.run([git, "-C", str(root), *args], capture_output=True, timeout=120, check=False)
        except (OSError, subprocess.SubprocessError):
            raise NoVersion("changes_no_git") from None

    if run("rev-parse", "--is-inside-work-tree").returncode != 0:
        raise NoVersion("changes_no_git")
    base = run("merge-base", "HEAD", ref)
    if base.returncode != 0 or not ref.strip():
        raise NoVersion("changes_unknown_base")
    prefix = prefix_in_repository(root)
    top = run("rev-parse", "--show-toplevel").stdout.decode("utf-8").strip()
    archive = subprocess.run(
        [git, "-C", top, "archive", "--format=tar", base.stdout.decode("ascii").strip(), *([prefix] if prefix else [])],
        capture_output=True, timeout=300, check=False,
    )
    if archive.returncode != 0:
        # The site's folder did not exist yet at the base: nothing to compare with.
        return into
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        for member in tar.getmembers():
            name = PurePosixPath(member.name)
            rel = name.relative_to(prefix) if prefix and name.is_relative_to(prefix) else (None if prefix else name)
            if rel is None or name.is_absolute() or ".." in name.parts or not (member.isfile() or member.isdir()):
                continue
            target = into.joinpath(*rel.parts)
            if member.isdir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            source = tar.extractfile(member)
            if source is not None:
                target.write_bytes(source.read())
    return into
