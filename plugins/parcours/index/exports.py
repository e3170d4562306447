"""A journey's figures from its reporting exports: each row checked against the
journey it feeds, then the latest period of each series in place of the
figure written in the YAML, so that refreshing a map from last quarter's
reporting is a file drop; every period feeds the stage's trend.

A row names a stage (and maybe a touchpoint) of the journey, and a measure
of the model's vocabulary: both are references, checked here with the
journey at hand. A file with any problem is not used at all: nothing
half-read reaches the site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..language.names import closest, slugify
from ..model import Journey, Stage
from ..model.fields import LARGEST
from ..model.shares import as_percent, is_fraction
from ..model.vocabulary import COMMITMENT, MEASURED, MEASURES, VOLUME
from ..sources.exports import FORMATS, parse_number, read_table
from ..sources.paths import contained, relative_to
from ..sources.periods import Period, parse_period, period_refusal
from ..sources.problems import Problem, Severity
from ..sources.text import SourceError
from .entries import Entry
from .export_names import JourneyPlaces, Refusal, touchpoint_of

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


@dataclass(frozen=True)
class Point:
    period: Period
    value: float
    #: How the file that gave it knows its figures (`model.vocabulary.EVIDENCE`), and where they come from.
    status: str = MEASURED
    source: str | None = None


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


def attach_data(entry: "Entry[Journey]", root: Path, column_names: dict[str, str]) -> list[Problem]:
    """Read a journey's data files and put their latest figures in its model.

    A bad data file is an error, but the journey stays in the index (with its
    YAML figures) so that its one error does not turn into a missing page for
    every link to it.
    """
    problems = []
    folder = str(Path(entry.rel).parent)
    paths: list[tuple[Path, str, str]] = []
    written = (entry.doc.data or {}).get("data") or []
    for position, data_file in enumerate(entry.model.data):
        name = data_file.file
        # Where the analyst wrote it: the path alone, or a block's `file`.
        at = ("data", position) if position < len(written) and isinstance(written[position], str) else ("data", position, "file")
        path = contained(name, entry.doc.path.parent)
        if path is None:
            problems.append(entry.doc.problem("media_outside", at, value=name, folder=folder))
        elif Path(name).suffix.lower() not in FORMATS:
            problems.append(entry.doc.problem("media_format", at, value=name, expected=list(FORMATS)))
        elif not path.is_file():
            problems.append(entry.doc.problem("missing_media", at, value=name, folder=folder))
        if path is not None:
            said = data_file.evidence
            source = f"{name} — {said.source}" if said and said.source else name
            paths.append((path, said.status if said else MEASURED, source))
    if problems:
        return problems
    data, problems = read_journey_data(entry.model, paths, root, column_names)
    if not _blocking(problems):
        entry.model = apply_latest(entry.model, data)
        entry.data = data
    return problems


def read_journey_data(
    journey: Journey, files: list[tuple[Path, str, str]], root: Path, column_names: dict[str, str] | None = None
) -> tuple[JourneyData, list[Problem]]:
    """Every data file of a journey, checked; the data is empty when any has a
    problem (a note, such as the encoding a file was read in, is none).

    `column_names`: how the interface's language names each column, for the
    message about missing ones (the file's own headers name the others).
    """
    names = column_names or {name: name for name in COLUMNS}
    data = JourneyData()
    problems: list[Problem] = []
    seen = Seen()
    for path, status, source in files:
        rel = relative_to(path, root)
        file_problems: list[Problem] = []
        file_series: dict[tuple[str, str, str | None, str], Series] = {}
        try:
            _read_file(journey, path, rel, file_series, file_problems, names, seen, (status, source))
        except SourceError as error:
            file_problems.append(error.problem)
        problems.extend(file_problems)
        if not _blocking(file_problems):
            for key, series in file_series.items():
                if key in data.series:
                    data.series[key].points.extend(series.points)
                else:
                    data.series[key] = series
    return (JourneyData() if _blocking(problems) else data), problems


def _blocking(problems: list[Problem]) -> bool:
    return any(problem.severity is not Severity.INFO for problem in problems)


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
    journey: Journey, path: Path, rel: str, series: dict, problems: list[Problem], names: dict[str, str], seen: Seen, evidence: tuple[str, str]
) -> None:
    """One file's rows into `series`; `seen` holds the rows already read for this journey."""
    places = JourneyPlaces(journey)
    columns: dict[str, int] = {}
    headings: list[str] = []
    table = read_table(path, rel)
    if table.note is not None:
        problems.append(table.note)
    for number, cells in table.rows:
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
            code, params = period_refusal(cell("period"))
            problem(code, "period", **params)
            continue
        stage_text = str(cell("stage")).strip()
        found = places.stage(stage_text)
        if isinstance(found, Refusal):
            problem(found.code, "stage", **found.params)
            continue
        state, stage = found
        touchpoint = str(cell("touchpoint")).strip() or None
        if touchpoint is not None:
            named = touchpoint_of(stage, touchpoint)
            if isinstance(named, Refusal):
                problem(named.code, "touchpoint", **named.params)
                continue
            touchpoint = named
        raw_measure = str(cell("measure")).strip()
        measure = MEASURE_ALIASES.get(slugify(raw_measure), slugify(raw_measure).replace("-", "_"))
        if measure not in MEASURES:
            known = list(MEASURES.ids)
            problem("data_measure", "measure", value=raw_measure, suggestion=closest(raw_measure, known, MEASURE_ALIASES), known=known)
            continue
        if touchpoint is not None and not MEASURES[measure].on_touchpoint:
            problem("data_measure_touchpoint", "measure", value=raw_measure)
            continue
        # A rate met feeds the promise's commitment, else a KPI of type commitment.
        if measure == COMMITMENT and not (stage.promise and stage.promise.commitment) and not any(k.type == COMMITMENT for k in stage.kpis):
            problem("data_no_commitment", "stage", value=stage_text)
            continue
        value = parse_number(cell("value"))
        if value is None or not -LARGEST <= value <= LARGEST:
            problem("data_number", "value", value=str(cell("value")))
            continue
        if MEASURES[measure].share and is_fraction(value) and not str(cell("value")).strip().endswith("%"):
            # A tool's export of 30,2 % as 0,302: the same rule as in the YAML (model.shares).
            problem("data_share_fraction", "value", value=str(cell("value")), suggestion=as_percent(value))
            continue
        refusal = _out_of_range(measure, value)
        if refusal:
            problem(refusal[0], "value", value=str(cell("value")), **refusal[1])
            continue
        key = (state, stage.id, touchpoint, measure)
        first = seen.first.get(key)
        if first is not None and first.period.kind != period.kind:
            problem(_code("data_granularity", first, rel), "period", value=str(cell("period")).strip(), first=first.period.label, first_line=first.line, first_file=first.file)
            continue
        earlier = seen.by_period.get((*key, period.start))
        if earlier is not None:
            problem(_code("data_duplicate", earlier, rel), "period", first_line=earlier.line, first_file=earlier.file)
            continue
        row = Row(rel, number, period)
        seen.first.setdefault(key, row)
        seen.by_period[(*key, period.start)] = row
        series.setdefault(key, Series(state, stage.id, touchpoint, measure)).points.append(Point(period, value, *evidence))
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
                elif MEASURES[series.measure].stage_field:
                    changes[series.measure] = _typed(series.measure, latest.value)
                elif series.measure == COMMITMENT and stage.promise and stage.promise.commitment:
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
    return int(round(value)) if measure == VOLUME else value


def _out_of_range(measure_id: str, value: float) -> tuple[str, dict[str, Any]] | None:
    """The message for a value its measure cannot take, from the measure's definition."""
    measure = MEASURES[measure_id]
    if measure.share and not 0 <= value <= 100:
        return "data_share", {}
    if measure.low is not None and measure.high is not None and not measure.low <= value <= measure.high:
        return "data_range", {"low": measure.low, "high": measure.high}
    if measure.low is not None and value < measure.low:
        return "data_negative", {}
    return None
