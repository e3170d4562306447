"""From a folder of sources to a checked index: load → validate → index.

This is the one entry point both adapters call. It reads every source,
validates every file, builds the index and adds the domain warnings, and
returns them together with every problem found: nothing is rendered here,
and nothing is rendered before all of it has run.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from .coverage import coverage_warnings
from .domain import domain_warnings
from .teams import team_warnings
from .i18n import Translator
from .index import Entry, Index, build_index
from .load import SourceError, decode_source, read_source
from .guide import check_onboarding
from .history import Change, prefix_in_repository, source_history
from .kpi_data import FORMATS, apply_latest, read_journey_data
from .placeholders import unfilled_fields, unfilled_prose, without_echoes
from .model import KINDS, SINGLE_SOURCES, Kind
from .problems import Problem, Report, Severity
from .settings import Settings
from .sitemap import RESERVED_IDS
from .slug import SLUG, slugify
from .validate import salvage, validate_source

#: Files never read as sources: notes for the team, drafts.
IGNORED_NAMES = {"readme.md", "index.md"}
#: Files that hold only fields; a `.md` of the same name holds the prose.
FIELD_SUFFIXES = (".yml", ".yaml")
_SOURCE_LIKE = {".md", ".markdown", ".yml", ".yaml", ".json", ".txt"}


@dataclass
class Site:
    """The checked content of a site, and every problem found in it."""

    root: Path
    settings: Settings
    language: str
    index: Index
    report: Report
    today: date
    #: Commits that touched the sources, newest first (empty outside git).
    history: list[Change] = field(default_factory=list)
    #: The authors' own pages (`docs/`), by path, with their titles.
    authored: dict[str, str] = field(default_factory=dict)


def build_date() -> date:
    """The day the site is built for: today, or `SOURCE_DATE_EPOCH`'s day when set.

    Freshness warnings, old verbatims and the road map's "today" depend on
    it. `SOURCE_DATE_EPOCH` is the reproducible-builds convention (MkDocs
    honours it too): a test suite or an archive rebuild sets it so that the
    same sources give the same site, whatever the calendar says.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()


def load_site(
    root: Path, settings: Settings, language: str = "fr", today: date | None = None, docs_dir: Path | None = None
) -> Site:
    """Read, validate and index every source under `root`.

    `docs_dir` holds the authors' own pages, which the onboarding path may
    send readers to (default: `docs` beside the sources).
    """
    today = today or build_date()
    translator = Translator(language)
    report = Report()
    entries: list[Entry] = []
    present: dict[str, set[str]] = {}
    for kind in KINDS.values():
        folder = root / getattr(settings, kind.folder_setting)
        entries.extend(_load_kind(root, folder, kind, settings, translator, report, present.setdefault(kind.name, set())))
    valid = {(entry.kind.name, entry.id) for entry in entries if not entry.partial}
    broken = {kind: {stem for stem in stems if (kind, stem) not in valid} for kind, stems in present.items()}
    index, problems = build_index(entries, settings, broken)
    # In the rest of an invalid file, a reference to an item left out is not a second problem.
    partial = {entry.rel: entry.doc for entry in entries if entry.partial}
    report.extend(p for p in problems if p.file not in partial or not partial[p.file].echoes(p))
    for name, kind in SINGLE_SOURCES.items():
        entry = _load_single(root, kind, settings, translator, report)
        setattr(index, name, entry)
    authored = _authored_pages(docs_dir or root / "docs")
    if index.onboarding is not None:
        report.extend(check_onboarding(index, index.onboarding, set(authored)))
    report.extend(domain_warnings(index, language, today))
    report.extend(team_warnings(index))
    # Until every journey and solution sheet reads, "no solution addresses this
    # irritant" may be wrong: the files' own errors come first.
    if settings.coverage_warnings and not index.broken.get("solution") and not index.broken.get("journey"):
        report.extend(coverage_warnings(index))
    report.problems = without_echoes(report.problems)
    return Site(
        root=root, settings=settings, language=language, index=index, report=report, today=today,
        history=_history(root, settings), authored=authored,
    )


def _history(root: Path, settings: Settings) -> list[Change]:
    """The sources' commits, with file names relative to `root` (as sources name them)."""
    folders = [settings.journeys_dir, settings.personas_dir, settings.benchmarks_dir, settings.solutions_dir, settings.onboarding_file, settings.glossary_file]
    prefix = prefix_in_repository(root)
    changes = []
    for change in source_history(root, folders):
        files = tuple(name[len(prefix) :] if prefix and name.startswith(prefix) else name for name in change.files)
        changes.append(Change(change.commit, change.when, change.author, change.message, files))
    return changes


_TITLE = re.compile(r"^(?:title:\s*[\"']?(?P<meta>.+?)[\"']?\s*$|#\s+(?P<heading>.+?)\s*#*\s*$)", re.M)


def _data_files(entry: Entry) -> list[Problem]:
    """A journey's data files exist beside it, as CSV or XLSX."""
    problems = []
    for position, name in enumerate(entry.model.data):
        path = entry.doc.path.parent / name
        if Path(name).suffix.lower() not in FORMATS:
            problems.append(entry.doc.problem("media_format", ("data", position), value=name, expected=list(FORMATS)))
        elif not path.is_file():
            problems.append(entry.doc.problem("missing_media", ("data", position), value=name, folder=str(Path(entry.rel).parent)))
    return problems


def _authored_pages(docs_dir: Path) -> dict[str, str]:
    """The Markdown pages authors wrote, by their path in the site, with their titles
    (the front matter's `title`, else the first `# heading`, else the path)."""
    if not docs_dir.is_dir():
        return {}
    pages = {}
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        match = _TITLE.search(text)
        pages[rel] = (match.group("meta") or match.group("heading")) if match else rel.removesuffix(".md")
    return pages


def _load_single(root: Path, kind: Kind, settings: Settings, translator: Translator, report: Report) -> Entry | None:
    """A source of which the site has one file at most (the onboarding path, the glossary)."""
    path = root / getattr(settings, kind.folder_setting)
    if not path.is_file():
        return None
    rel = _rel(root, path)
    doc, problems = read_source(path, rel, kind.name)
    report.extend(problems)
    if doc.data is None:
        return None
    report.extend(unfilled_fields(doc))
    model, invalid = validate_source(doc, kind, settings, translator)
    report.extend(invalid)
    if problems or invalid or model is None:
        return None
    return Entry(kind=kind, doc=doc, model=model)


def _rel(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _read_body(root: Path, path: Path) -> tuple[str, str | None, list[Problem]]:
    """The prose beside a `.yml` source (`<stem>.md`, plain Markdown), if any:
    its text, its path, and what is wrong with it."""
    body_path = path.with_suffix(".md")
    if not body_path.is_file():
        return "", None, []
    body_rel = _rel(root, body_path)
    try:
        text = decode_source(body_path, body_rel)
    except SourceError as error:
        return "", body_rel, [error.problem]
    if text.startswith("---"):
        # Fields in both files: which would win is a trap; the analyst chooses.
        return "", body_rel, [Problem(file=body_rel, code="body_front_matter", line=1, column=1, params={"value": _rel(root, path)})]
    return text, body_rel, unfilled_prose(text, body_rel)


def _load_kind(
    root: Path, folder: Path, kind: Kind, settings: Settings, translator: Translator, report: Report, present: set[str]
) -> list[Entry]:
    """Valid entries of one kind; `present` receives the id of every source file found."""
    if not folder.is_dir():
        return []
    entries: list[Entry] = []
    stems: dict[str, str] = {}
    files = sorted(path for path in folder.iterdir() if path.is_file())
    names = {path.name for path in files}
    for path in files:
        rel = _rel(root, path)
        suffix = path.suffix.lower()
        if path.name.startswith((".", "_")) or path.name.lower() in IGNORED_NAMES:
            continue
        if suffix == ".md" and any(f"{path.stem}{ext}" in names for ext in FIELD_SUFFIXES):
            continue  # the prose of `<stem>.yml`, read with it below
        if suffix not in kind.suffixes:
            if suffix == ".md":  # a journey's prose without its journey
                report.add(Problem(file=rel, code="orphan_body", severity=Severity.WARNING))
            elif suffix in _SOURCE_LIKE:
                report.add(
                    Problem(file=rel, code="ignored_file", params={"expected": list(kind.suffixes)}, severity=Severity.WARNING)
                )
            continue
        if not SLUG.match(path.stem):
            report.add(Problem(file=rel, code="file_name", params={"value": path.name, "suggestion": slugify(path.stem) + suffix}))
            continue
        if path.stem in RESERVED_IDS:
            report.add(Problem(file=rel, code="reserved_name", params={"value": path.name, "folder": folder.name}))
            continue
        if path.stem in stems:
            report.add(Problem(file=rel, code="duplicate_file", params={"value": path.stem, "other": stems[path.stem]}))
            continue
        stems[path.stem] = rel
        present.add(path.stem)
        doc, problems = read_source(path, rel, kind.name)
        report.extend(problems)
        if doc.data is None:
            continue
        report.extend(unfilled_fields(doc))
        if suffix in FIELD_SUFFIXES:
            body, body_file, body_problems = _read_body(root, path)
        else:
            body, body_file, body_problems = doc.body, None, unfilled_prose(doc.body, rel, doc.body_line)
        report.extend(body_problems)
        model, invalid = validate_source(doc, kind, settings, translator)
        report.extend(invalid)
        if problems or invalid or model is None:
            rest = salvage(doc, kind, settings) if invalid and not problems else None
            if rest is not None:
                entries.append(Entry(kind=kind, doc=rest[1], model=rest[0], body=body, body_file=body_file, partial=True))
            continue
        if any(problem.severity is Severity.ERROR and problem.code != "placeholder" for problem in body_problems):
            continue
        entry = Entry(kind=kind, doc=doc, model=model, body=body, body_file=body_file)
        if kind.name == "journey":
            # A bad data file is an error, but the journey stays in the index
            # (with its YAML figures) so that its one error does not turn into
            # a missing page for every link to it.
            missing = _data_files(entry)
            report.extend(missing)
            if not missing:
                data, invalid_data = read_journey_data(model, path, root, translator.labels()["data_columns"])
                report.extend(invalid_data)
                if not invalid_data:
                    entry.model = apply_latest(model, data)
                    entry.data = data
        entries.append(entry)
    return entries
