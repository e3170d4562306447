"""KPI data from reporting exports (CSV or XLSX) feeding a journey's map.

A journey names its data files (`data:`); each row gives a period, a stage,
optionally a touchpoint, a measure and a value. The latest period of each
series replaces the figure written in the YAML, so refreshing a map from last
quarter's reporting is a file drop; every period feeds the stage's trend.

Files come from BI tools and spreadsheets: headers may be French or English,
CSV may use commas or semicolons, numbers may have decimal commas, spaces and
a % sign. A file with any problem is not used at all: nothing half-read
reaches the site.
"""

from __future__ import annotations

import calendar
import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator
from zipfile import BadZipFile

from .load import SourceError, decode_source
from .model import Journey, Stage
from .model.common import LARGEST
from .problems import Problem
from .slug import slugify
from .suggest import closest

#: What a row may measure, and whether a touchpoint may carry it.
MEASURES = {
    "volume": True,
    "satisfaction": True,
    "conversion": False,
    "nps": False,
    "csat": False,
    "ces": False,
    "delay": False,
    "complaints": False,
    "commitment": False,
}
#: Other names a reporting export gives a measure.
MEASURE_ALIASES = {
    "volumes": "volume",
    "satisfait": "satisfaction",
    "taux-de-satisfaction": "satisfaction",
    "taux-de-passage": "conversion",
    "passage": "conversion",
    "delai": "delay",
    "reclamations": "complaints",
    "engagement": "commitment",
    "engagement-tenu": "commitment",
    "commitment-met": "commitment",
    "effort": "ces",
}
#: Columns, by their canonical name, with the header spellings accepted.
COLUMNS = {
    "period": ("period", "periode", "mois", "trimestre", "annee", "date"),
    "stage": ("stage", "etape"),
    "touchpoint": ("touchpoint", "point-de-contact", "canal-point-de-contact"),
    "measure": ("measure", "mesure", "indicateur", "kpi"),
    "value": ("value", "valeur"),
}
REQUIRED = ("period", "stage", "measure", "value")
FORMATS = (".csv", ".xlsx")

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})[ -]?[QT]([1-4])$|^[QT]([1-4])[ -](\d{4})$", re.IGNORECASE)
_HALF = re.compile(r"^(\d{4})[ -]?S([12])$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")
_NUMBER = re.compile(r"^[-+]?\d+(?:[.,]\d+)?$")


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period: its first day sorts it; its label is as the file wrote it.

    `kind` (month, quarter, half, year, day) keeps one series from mixing
    lengths: a month and the quarter it opens start on the same day.
    """

    start: date
    end: date
    label: str
    kind: str = field(default="day", compare=False)


@dataclass(frozen=True)
class Point:
    period: Period
    value: float


@dataclass
class Series:
    """The values of one measure of one stage (or touchpoint) over time."""

    state: str
    stage: str
    touchpoint: str | None
    measure: str
    points: list[Point] = field(default_factory=list)

    @property
    def latest(self) -> Point:
        return max(self.points, key=lambda point: point.period)


@dataclass
class JourneyData:
    """Every series of a journey, by (state, stage, touchpoint, measure)."""

    series: dict[tuple[str, str, str | None, str], Series] = field(default_factory=dict)

    def for_stage(self, state: str, stage: str) -> list[Series]:
        return [s for key, s in sorted(self.series.items(), key=lambda item: str(item[0])) if key[0] == state and key[1] == stage]


def parse_period(text: str) -> Period | None:
    """`2026-09`, `2026-T3` / `2026-Q3` / `T3 2026`, `2026-S1`, `2026`, or a date."""
    text = str(text).strip()
    if isinstance(text, str) and (match := _MONTH.match(text)) and 1 <= int(match.group(2)) <= 12:
        year, month = int(match.group(1)), int(match.group(2))
        return Period(date(year, month, 1), _last(year, month), text, "month")
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


def _last(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_number(value: Any) -> float | None:
    """A number as exports write it: `12 000`, `4,5`, `72 %`, or a spreadsheet's own."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).replace("\u202f", "").replace("\u00a0", "").replace(" ", "").rstrip("%").strip()
    if not _NUMBER.match(text):
        return None
    return float(text.replace(",", "."))


def _rows(path: Path, rel: str) -> Iterator[tuple[int, list[Any]]]:
    """Row number (1-based, header included) and cells, from a CSV or XLSX file."""
    if path.suffix.lower() == ".xlsx":
        yield from _workbook_rows(path, rel)
        return
    text = decode_source(path, rel)
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    for number, row in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
        yield number, row


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


def read_journey_data(
    journey: Journey, journey_path: Path, root: Path, column_names: dict[str, str] | None = None
) -> tuple[JourneyData, list[Problem]]:
    """Every data file of a journey, checked; the data is empty when any has a problem.

    `column_names`: how the interface's language names each column, for the
    message about missing ones (the file's own headers name the others).
    """
    names = column_names or {name: name for name in COLUMNS}
    data = JourneyData()
    problems: list[Problem] = []
    seen = Seen()
    for name in journey.data:
        path = (journey_path.parent / name).resolve()
        rel = _relative(path, root)
        file_problems: list[Problem] = []
        file_series: dict[tuple[str, str, str | None, str], Series] = {}
        try:
            _read_file(journey, path, rel, file_series, file_problems, names, seen)
        except SourceError as error:
            file_problems.append(error.problem)
        problems.extend(file_problems)
        if not file_problems:
            for key, series in file_series.items():
                if key in data.series:
                    data.series[key].points.extend(series.points)
                else:
                    data.series[key] = series
    return (JourneyData() if problems else data), problems


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass(frozen=True)
class Row:
    """Where a row was read: the first of a series, or the one of a period."""

    file: str
    line: int
    period: Period


@dataclass
class Seen:
    """The rows already read for a journey, across its files: one series, one length of period, one row a period."""

    first: dict[tuple[str, str, str | None, str], Row] = field(default_factory=dict)
    by_period: dict[tuple[str, str, str | None, str, date], Row] = field(default_factory=dict)


def _code(code: str, earlier: Row, rel: str) -> str:
    """The message naming the other file, when the earlier row is in another of the journey's files."""
    return code if earlier.file == rel else f"{code}_file"


def _read_file(
    journey: Journey, path: Path, rel: str, series: dict, problems: list[Problem], names: dict[str, str], seen: Seen
) -> None:
    """One file's rows into `series`; `seen` holds the rows already read for this journey."""
    stages = {"current": {s.id: s for s in journey.stages}, "target": {s.id: s for s in (journey.target.stages if journey.target else [])}}
    known_stages = list(stages["current"]) + [s for s in stages["target"] if s not in stages["current"]]
    columns: dict[str, int] = {}
    headings: list[str] = []
    rows = _rows(path, rel)
    for number, cells in rows:
        if not any(str(cell).strip() for cell in cells):
            continue
        if not columns:
            columns = _header(cells, rel, number, problems, names)
            headings = [str(cell).strip() for cell in cells]
            if not columns:
                return
            continue

        def cell(name: str) -> Any:
            at = columns.get(name)
            return cells[at] if at is not None and at < len(cells) else ""

        def problem(code: str, column: str, **params: Any) -> None:
            problems.append(
                Problem(file=rel, code=code, params=params, line=number, column=columns[column] + 1, field_path=headings[columns[column]])
            )

        period = parse_period(cell("period"))
        if period is None:
            problem("data_period", "period", value=str(cell("period")))
            continue
        stage_id = str(cell("stage")).strip()
        state = "current" if stage_id in stages["current"] else ("target" if stage_id in stages["target"] else None)
        if state is None:
            problem("data_stage", "stage", value=stage_id, suggestion=closest(stage_id, known_stages), known=known_stages)
            continue
        stage: Stage = stages[state][stage_id]
        touchpoint = str(cell("touchpoint")).strip() or None
        if touchpoint is not None:
            keys = [t.key for t in stage.touchpoints]
            if touchpoint not in keys:
                problem("data_touchpoint", "touchpoint", value=touchpoint, suggestion=closest(touchpoint, keys), known=keys)
                continue
        raw_measure = str(cell("measure")).strip()
        measure = MEASURE_ALIASES.get(slugify(raw_measure), slugify(raw_measure).replace("-", "_"))
        if measure not in MEASURES:
            problem("data_measure", "measure", value=raw_measure, suggestion=closest(raw_measure, list(MEASURES), MEASURE_ALIASES), known=list(MEASURES))
            continue
        if touchpoint is not None and not MEASURES[measure]:
            problem("data_measure_touchpoint", "measure", value=raw_measure)
            continue
        # A rate met feeds the promise's commitment, else a KPI of type commitment.
        if measure == "commitment" and not (stage.promise and stage.promise.commitment) and not any(k.type == "commitment" for k in stage.kpis):
            problem("data_no_commitment", "stage", value=stage_id)
            continue
        value = parse_number(cell("value"))
        if value is None or not -LARGEST <= value <= LARGEST:
            problem("data_number", "value", value=str(cell("value")))
            continue
        if measure in ("satisfaction", "conversion", "commitment", "csat") and not 0 <= value <= 100:
            problem("data_share", "value", value=str(cell("value")))
            continue
        if measure in ("volume", "delay", "complaints") and value < 0:
            problem("data_negative", "value", value=str(cell("value")))
            continue
        if measure == "nps" and not -100 <= value <= 100:
            problem("data_nps", "value", value=str(cell("value")))
            continue
        key = (state, stage_id, touchpoint, measure)
        first = seen.first.get(key)
        if first is not None and first.period.kind != period.kind:
            problem(_code("data_granularity", first, rel), "period", value=period.label, first=first.period.label, first_line=first.line, first_file=first.file)
            continue
        earlier = seen.by_period.get((*key, period.start))
        if earlier is not None:
            problem(_code("data_duplicate", earlier, rel), "period", first_line=earlier.line, first_file=earlier.file)
            continue
        row = Row(rel, number, period)
        seen.first.setdefault(key, row)
        seen.by_period[(*key, period.start)] = row
        series.setdefault(key, Series(state, stage_id, touchpoint, measure)).points.append(Point(period, value))
    if not columns:
        problems.append(Problem(file=rel, code="data_empty", line=1, column=1))


def _header(cells: list[Any], rel: str, number: int, problems: list[Problem], names: dict[str, str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    spellings = {spelling: name for name, names in COLUMNS.items() for spelling in names}
    for position, heading in enumerate(cells):
        name = spellings.get(slugify(str(heading)))
        if name and name not in columns:
            columns[name] = position
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        problems.append(
            Problem(file=rel, code="data_columns", params={"known": [names[n] for n in missing], "expected": [names[n] for n in REQUIRED]}, line=number, column=1)
        )
        return {}
    return columns


def apply_latest(journey: Journey, data: JourneyData) -> Journey:
    """The journey with the latest value of each series in place of the YAML's."""
    if not data.series:
        return journey

    def updated(stages: list[Stage], state: str) -> list[Stage]:
        result = []
        for stage in stages:
            changes: dict[str, Any] = {}
            touchpoints = list(stage.touchpoints)
            kpis = list(stage.kpis)
            for series in data.for_stage(state, stage.id):
                latest = series.latest
                if series.touchpoint is not None:
                    touchpoints = [
                        t.model_copy(update={series.measure: _typed(series.measure, latest.value)}) if t.key == series.touchpoint else t
                        for t in touchpoints
                    ]
                elif series.measure in ("volume", "satisfaction", "conversion"):
                    changes[series.measure] = _typed(series.measure, latest.value)
                elif series.measure == "commitment" and stage.promise and stage.promise.commitment:
                    commitment = stage.promise.commitment.model_copy(update={"met": latest.value})
                    changes["promise"] = stage.promise.model_copy(update={"commitment": commitment})
                else:
                    kpis = [k.model_copy(update={"value": latest.value, "period": latest.period.label}) if k.type == series.measure else k for k in kpis]
            changes["touchpoints"] = touchpoints
            changes["kpis"] = kpis
            result.append(stage.model_copy(update=changes))
        return result

    update: dict[str, Any] = {"stages": updated(journey.stages, "current")}
    if journey.target:
        update["target"] = journey.target.model_copy(update={"stages": updated(journey.target.stages, "target")})
    return journey.model_copy(update=update)


def _typed(measure: str, value: float) -> float | int:
    return int(round(value)) if measure == "volume" else value
