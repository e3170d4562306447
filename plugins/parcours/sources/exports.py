"""Reporting exports (CSV or XLSX) read as the analyst sees them in a spreadsheet.

Files come from BI tools and spreadsheets: CSV may use commas or semicolons,
and Excel on Windows saves it in Windows-1252 (`text.decode_export`);
numbers may have decimal commas, spaces and a % sign; a workbook's cell shows
a percentage or a month the way it is formatted; periods are written many
ways (`periods`). Reading knows nothing of journeys: it gives rows of cells,
periods and numbers.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator
from zipfile import BadZipFile

from ..language.numbers import read_number
from .problems import Problem
from .text import SourceError, decode_export

FORMATS = (".csv", ".xlsx")


@dataclass
class Table:
    """An export's rows (number, 1-based with the header, and cells), and the
    note saying in which encoding a CSV not in UTF-8 was read."""

    rows: list[tuple[int, list[Any]]] = field(default_factory=list)
    note: Problem | None = None


def parse_number(value: Any) -> float | None:
    """A number as exports write it: `12 000`, `4,5`, `72 %`, or a spreadsheet's own."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    return read_number(str(value))


def read_table(path: Path, rel: str) -> Table:
    """A CSV or XLSX file's rows; raises `SourceError` when it cannot be read."""
    if path.suffix.lower() == ".xlsx":
        return Table(list(_workbook_rows(path, rel)))
    export = decode_export(path, rel)
    try:
        dialect = csv.Sniffer().sniff(export.text.split("\n", 1)[0], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    return Table(list(enumerate(csv.reader(io.StringIO(export.text), dialect), start=1)), export.note)


def _workbook_rows(path: Path, rel: str) -> Iterator[tuple[int, list[Any]]]:
    """The first sheet's rows; a file that is not a workbook is named, not raised."""
    # Imported here: openpyxl takes 0.15 s to import, and most sites have no workbook.
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    # A renamed CSV, a truncated download, an old .xls: each fails in its own way.
    unreadable = (InvalidFileException, BadZipFile, OSError, KeyError, ValueError, TypeError)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            rows = [[_shown(cell) for cell in row] for row in workbook.worksheets[0].iter_rows()]
        finally:
            workbook.close()
    except unreadable as error:
        raise SourceError(Problem(file=rel, code="data_unreadable", params={"detail": str(error) or type(error).__name__}))
    yield from enumerate(rows, start=1)


def _shown(cell: Any) -> Any:
    """A cell's value as the spreadsheet shows it, which is what the analyst meant.

    A cell formatted as a percentage holds 0.635 and shows 63,5 %; a date
    formatted without its day (`mmm yyyy`) is a month, written `2026-09`.
    """
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    number_format = str(getattr(cell, "number_format", "") or "").lower()
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        # A format's day is a "d" outside quoted text and brackets ([$-fr-FR]).
        shown = re.sub(r'"[^"]*"|\[[^\]]*\]', "", number_format)
        return f"{value.year}-{value.month:02d}" if "d" not in shown and "y" in shown else value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in number_format:
        return round(value * 100, 10)
    return value
