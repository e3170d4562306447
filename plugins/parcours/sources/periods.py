"""Reporting periods as exports write them: months, quarters, halves, years, days.

The written forms are `2026-09`, `2026-T3`, `2026-S1`, `2026` and
`2026-09-30`. Exports write months in other ways too, and each one that
cannot be misread is taken: `09/2026`, `09-2026`, `2026/09`, « sept. 2026 »,
« septembre 2026 », "Sep 2026", "September 2026". A month read from one of
them is labelled `2026-09`, as a workbook's month cell is: a chart mixing
two files' spellings would otherwise show one month as two.

What is refused gets an explanation: a month 13, a two-digit year (« oct-25 »
may be 25 October), a day-first date (01/10/2026 is October in Paris and
January in New York), a misspelt month name.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..language.months import closest_month, month_of

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR_SLASH_MONTH = re.compile(r"^(\d{4})/(\d{1,2})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[-/](\d{4})$")
#: A month's name then its year: « oct. 2025 », "Oct-2025", "October, 2025".
_NAMED = re.compile(r"^([^\W\d_]+)\.?[\s,/-]*(\d{4})$")
_NAMED_SHORT_YEAR = re.compile(r"^([^\W\d_]+)\.?[\s,/-]*'?(\d{2})$")
_MONTH_SHORT_YEAR = re.compile(r"^(\d{1,2})[-/](\d{2})$")
_DAY_FIRST = re.compile(r"^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$")
_QUARTER = re.compile(r"^(\d{4})[ -]?[QT]([1-4])$|^[QT]([1-4])[ -](\d{4})$", re.IGNORECASE)
_HALF = re.compile(r"^(\d{4})[ -]?S([12])$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period: its first day sorts it; its label is as the file wrote it
    (a month written another way than `2026-09` is labelled `2026-09`).

    `kind` (month, quarter, half, year, day) keeps one series from mixing
    lengths: a month and the quarter it opens start on the same day.
    """

    start: date
    end: date
    label: str
    kind: str = field(default="day", compare=False)


def parse_period(text: str) -> Period | None:
    """`2026-09` (or another month form above), `2026-T3` / `2026-Q3` / `T3 2026`, `2026-S1`, `2026`, or a date."""
    text = " ".join(str(text).split())
    if (match := _MONTH.match(text)) and 1 <= int(match.group(2)) <= 12:
        return _month(int(match.group(1)), int(match.group(2)), text)
    if month := _other_month(text):
        return _month(*month)
    if match := _QUARTER.match(text):
        year = int(match.group(1) or match.group(4))
        quarter = int(match.group(2) or match.group(3))
        return Period(date(year, 3 * quarter - 2, 1), _last(year, 3 * quarter), text, "quarter")
    if match := _HALF.match(text):
        year, half = int(match.group(1)), int(match.group(2))
        return Period(date(year, 6 * half - 5, 1), _last(year, 6 * half), text, "half")
    if match := _YEAR.match(text):
        year = int(match.group(1))
        return Period(date(year, 1, 1), date(year, 12, 31), text, "year")
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        return None
    return Period(day, day, text[:10], "day")


def _other_month(text: str) -> tuple[int, int] | None:
    """The year and month of a month written otherwise than `2026-09`, when it is one."""
    year = month = None
    if match := _YEAR_SLASH_MONTH.match(text):
        year, month = int(match.group(1)), int(match.group(2))
    elif match := _MONTH_YEAR.match(text):
        month, year = int(match.group(1)), int(match.group(2))
    elif match := _NAMED.match(text):
        month, year = month_of(match.group(1)), int(match.group(2))
    return (year, month) if year is not None and month is not None and 1 <= month <= 12 else None


def _month(year: int, month: int, label: str | None = None) -> Period:
    return Period(date(year, month, 1), _last(year, month), label or f"{year}-{month:02d}", "month")


def _last(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def period_refusal(text: str) -> tuple[str, dict[str, Any]]:
    """Why a text is not a period, as a message code and its parameters: what
    is wrong when it looks like a month or a date, else the forms to write."""
    text = " ".join(str(text).split())
    numbered = _MONTH.match(text) or _YEAR_SLASH_MONTH.match(text)
    if numbered:
        return "data_period_month", {"value": text, "month": int(numbered.group(2))}
    if numbered := _MONTH_YEAR.match(text):
        return "data_period_month", {"value": text, "month": int(numbered.group(1))}
    if (short := _NAMED_SHORT_YEAR.match(text)) and (month := month_of(short.group(1))):
        return "data_period_short_year", {"value": text, "suggestion": f"20{short.group(2)}-{month:02d}"}
    if (short := _MONTH_SHORT_YEAR.match(text)) and 1 <= int(short.group(1)) <= 12:
        return "data_period_short_year", {"value": text, "suggestion": f"20{short.group(2)}-{int(short.group(1)):02d}"}
    if _DAY_FIRST.match(text):
        return "data_period_day_first", {"value": text}
    if (named := _NAMED.match(text)) and (suggestion := closest_month(named.group(1))):
        return "data_period_month_name", {"value": text, "word": named.group(1), "suggestion": suggestion}
    return "data_period", {"value": text}
