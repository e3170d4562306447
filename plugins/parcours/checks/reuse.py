"""Sources read again only when they changed: the preview's rebuilds reuse the rest.

Under `mkdocs serve`, each save rebuilds the whole site, and reading and
checking every source was most of that. A source's checked result is kept
with what it was made from: the bytes of its file and of its prose, and the
site's settings and words. A rebuild reuses it while all of them are the
same, compared by content, not by modification time, so that two saves in
the same instant are still two versions.

A journey with data files is read again each time: reading its exports puts
their latest figures in its model.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..sources.folders import SourceFile
from .source import CheckedSource


def fingerprint(*paths: Path) -> str:
    """What the files hold (a missing file counts as such), in a few bytes."""
    digest = hashlib.blake2b(digest_size=16)
    for path in paths:
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"\x00missing\x00")
        digest.update(b"\x00\x01")
    return digest.hexdigest()


@dataclass
class SourceMemory:
    """Checked sources of the last build, by file, with the fingerprint they were read from."""

    kept: dict[str, tuple[str, CheckedSource]] = field(default_factory=dict)
    #: Each source's fingerprint in the build under way (pages' reuse reads them).
    seen: dict[str, str] = field(default_factory=dict)

    def start(self) -> None:
        self.seen = {}

    def checked(self, source: SourceFile, context: str, check: Callable[[], CheckedSource]) -> CheckedSource:
        """The source checked again if it changed since the last build, else as it was.

        `context` names what else the check depends on (the settings, the words)."""
        files = [source.path, source.path.with_suffix(".md")] if source.holds_fields_only else [source.path]
        key = context + fingerprint(*files)
        self.seen[source.rel] = key
        known = self.kept.get(source.rel)
        if known is not None and known[0] == key:
            return known[1]
        checked = check()
        if getattr(checked.model, "data", None):
            self.kept.pop(source.rel, None)  # its exports change its model: never reused
        else:
            self.kept[source.rel] = (key, checked)
        return checked
