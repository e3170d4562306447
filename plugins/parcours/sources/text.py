"""Reading a text file as a source: UTF-8, of a reasonable size, with plain line ends.

A source the team writes (YAML, Markdown) that is not UTF-8 is refused with
the offending byte located and shown, never half-read: an editor saves UTF-8
when asked to. A reporting export is another matter: Excel on Windows saves
its CSV in Windows-1252 and the analyst did not choose it, so an export is
read in the first encoding that fits, and the build says which, in a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem, Severity

#: A source larger than this is refused before parsing: no journey map needs it.
MAX_SOURCE_BYTES = 2 * 1024 * 1024


class SourceError(Exception):
    """A file that cannot be read at all; carries its one problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def decode_source(path: Path, rel: str) -> str:
    """A text file's content; raises `SourceError` when it is not UTF-8 or too large."""
    raw = read_bytes(path, rel)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(not_utf8(raw, error.start, rel))
    return plain_line_ends(text)


def read_bytes(path: Path, rel: str) -> bytes:
    """A source's bytes; raises `SourceError` when it cannot be read or is too large."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceError(Problem(file=rel, code="unreadable_file", params={"reason": error.strerror or str(error)}))
    if len(raw) > MAX_SOURCE_BYTES:
        raise SourceError(_too_large(raw, rel))
    return raw


def plain_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def not_utf8(raw: bytes, start: int, rel: str, code: str = "not_utf8") -> Problem:
    """The refusal of a byte UTF-8 cannot read, located, with what it likely was."""
    before = raw[:start]
    byte = raw[start : start + 1]
    return Problem(
        file=rel,
        code=code,
        params={"byte": f"0x{byte.hex().upper()}", "guess": byte.decode("cp1252", errors="replace")},
        line=before.count(b"\n") + 1,
        column=start - (before.rfind(b"\n") + 1) + 1,
    )


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


#: An export's encodings, in the order tried: UTF-8 (with or without its
#: BOM) first; then Windows-1252, Excel's on Windows, which reads every
#: printable character of Latin-1 and more (€, ’, œ); Latin-1 last, which
#: reads any byte. The name is the one the note gives.
EXPORT_ENCODINGS = {"utf-8-sig": "UTF-8", "cp1252": "Windows-1252", "latin-1": "Latin-1 (ISO-8859-1)"}
#: The bytes of UTF-8's accented letters and typographic signs (é, °, ’…):
#: read in Windows-1252 they make « Ã© », « Â° », « â€™ », never French.
_UTF8_INSIDE = re.compile(rb"\xC3[\x80-\xBF]|\xC2[\xA0-\xBF]|\xE2\x80[\x80-\xBF]")
#: What ends the passage a note quotes (the cell, in short): a line end or a CSV separator.
_PASSAGE_END = re.compile(r"[\n;,\t\"]")
_PASSAGE_LENGTH = 40


@dataclass(frozen=True)
class ExportText:
    """An export's text, and the note saying it was not UTF-8 (None when it was)."""

    text: str
    note: Problem | None = None


def decode_export(path: Path, rel: str) -> ExportText:
    """A CSV export's text, in the first of `EXPORT_ENCODINGS` that reads it.

    A file mixing UTF-8 and another encoding (two tools wrote it) is refused:
    any one reading would garble half of its accents.
    """
    raw = read_bytes(path, rel)
    try:
        return ExportText(plain_line_ends(raw.decode("utf-8-sig")))
    except UnicodeDecodeError as error:
        if _UTF8_INSIDE.search(raw):
            raise SourceError(not_utf8(raw, error.start, rel, code="data_mixed_encoding"))
    for encoding in ("cp1252", "latin-1"):
        try:
            text = plain_line_ends(raw.decode(encoding))
        except UnicodeDecodeError:
            continue
        return ExportText(text, _read_in(text, EXPORT_ENCODINGS[encoding], rel))
    raise AssertionError("Latin-1 reads any byte")


def _read_in(text: str, encoding: str, rel: str) -> Problem:
    """The note saying in which encoding the file was read, at its first
    character outside ASCII, quoting its cell so that the analyst can check it."""
    at = next(position for position, char in enumerate(text) if ord(char) > 127)
    line_start = text.rfind("\n", 0, at) + 1
    start = max((match.end() for match in _PASSAGE_END.finditer(text, line_start, at)), default=line_start)
    end = _PASSAGE_END.search(text, at)
    stop = end.start() if end else len(text)
    # Of a long cell, only the words around the character.
    first, last = max(start, at - _PASSAGE_LENGTH // 2), min(stop, at + _PASSAGE_LENGTH // 2)
    passage = ("…" if first > start else "") + text[first:last].strip() + ("…" if last < stop else "")
    return Problem(
        file=rel,
        code="data_encoding",
        params={"encoding": encoding, "passage": passage},
        line=text.count("\n", 0, at) + 1,
        column=at - line_start + 1,
        severity=Severity.INFO,
    )
