"""Reading a text file as a source: UTF-8, of a reasonable size, with plain line ends.

A file that is not UTF-8 (a spreadsheet saved in Windows-1252, say) is
refused with the offending byte located and shown, never half-read.
"""

from __future__ import annotations

from pathlib import Path

from .problems import Problem

#: A source larger than this is refused before parsing: no journey map needs it.
MAX_SOURCE_BYTES = 2 * 1024 * 1024


class SourceError(Exception):
    """A file that cannot be read at all; carries its one problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def decode_source(path: Path, rel: str) -> str:
    """A text file's content; raises `SourceError` when it is not UTF-8 or too large."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceError(Problem(file=rel, code="unreadable_file", params={"reason": error.strerror or str(error)}))
    if len(raw) > MAX_SOURCE_BYTES:
        raise SourceError(_too_large(raw, rel))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        byte = raw[error.start : error.start + 1]
        raise SourceError(
            Problem(
                file=rel,
                code="not_utf8",
                params={"byte": f"0x{byte.hex().upper()}", "guess": byte.decode("cp1252", errors="replace")},
                line=line,
                column=column,
            )
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _too_large(raw: bytes, rel: str) -> Problem:
    """Refusal of a file over the limit, at its first byte past it; sizes rounded up, so never "2048 KB over 2048 KB"."""
    before = raw[:MAX_SOURCE_BYTES]
    line_start = before.rfind(b"\n") + 1
    return Problem(
        file=rel,
        code="file_too_large",
        params={"size_kb": -(-len(raw) // 1024), "max_kb": MAX_SOURCE_BYTES // 1024},
        line=before.count(b"\n") + 1,
        column=len(before[line_start:].decode("utf-8", errors="ignore")) + 1,
    )
