"""The core's entry point: a folder of sources becomes a checked, indexed site.

`load_site` runs the pipeline once: each kind's files are read and checked
on their own (`sources`, `checks`), the valid ones indexed with the links
between them (`index`), then analysed (`analyses`); the method's, the
onboarding path's, the teams' and coverage's warnings join the report. The
adapters render the result (`render`) and show the report.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from .analyses.coverage import coverage_warnings
from .analyses.site_analyses import Analyses
from .analyses.sitemap import journey_anchors, source_page
from .analyses.teams import team_warnings
from .checks.figures import figure_problems
from .checks.method import method_warnings
from .checks.onboarding import check_onboarding
from .checks.placeholders import without_echoes
from .checks.reuse import SourceMemory
from .checks.schemas import stale_schemas
from .checks.source import check_single_source, check_source
from .index.entries import Entry, Index
from .index.exports import attach_data
from .index.references import build_index, check_committees
from .language.translator import Translator
from .model import KINDS, SINGLE_SOURCES, Kind, Settings, source_paths
from .sources.authored import authored_pages
from .sources.folders import source_files
from .sources.history import Change, prefix_in_repository, source_history, tool_commits
from .sources.paths import contained, relative_to
from .sources.problems import Problem, Report


@dataclass
class Site:
    """The checked content of a site, its analyses, and every problem found in it."""

    root: Path
    settings: Settings
    language: str
    index: Index
    report: Report
    today: date
    analyses: Analyses
    #: Commits that touched the sources, newest first (empty outside git).
    history: list[Change] = field(default_factory=list)
    #: The authors' own pages (`docs/`), by path, with their titles.
    authored: dict[str, str] = field(default_factory=dict)
    #: Where the site sits in its git repository (`""` at its root, or outside git): the
    #: repository names a source `<prefix><rel>`.
    prefix: str = ""

    @property
    def translator(self) -> Translator:
        """The site's words: its language, naming its customers its own way."""
        return Translator(self.language, self.settings.customer_words())


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
    root: Path, settings: Settings, language: str = "fr", today: date | None = None, docs_dir: Path | None = None,
    memory: SourceMemory | None = None,
) -> Site:
    """Read, check, index and analyse every source under `root`.

    `docs_dir` holds the authors' own pages, which the onboarding path may
    send readers to (default: `docs` beside the sources). `memory` (the
    preview's) keeps the sources checked by the last build, reused while
    they have not changed.
    """
    today = today or build_date()
    translator = Translator(language, settings.customer_words())
    report = Report()
    entries: list[Entry] = []
    present: dict[str, set[str]] = {}
    if memory is not None:
        memory.start()
    for kind in KINDS.values():
        entries.extend(_load_kind(root, kind, settings, translator, report, present.setdefault(kind.name, set()), memory))
    valid = {(entry.kind.name, entry.id) for entry in entries if not entry.partial}
    broken = {kind: {stem for stem in stems if (kind, stem) not in valid} for kind, stems in present.items()}
    index, problems = build_index(entries, settings, broken)
    # In the rest of an invalid file, a reference to an item left out is not a second problem.
    partial = {entry.rel: entry.doc for entry in entries if entry.partial}
    report.extend(p for p in problems if p.file not in partial or not partial[p.file].echoes(p))
    for name, kind in SINGLE_SOURCES.items():
        setattr(index, name, _load_single(root, kind, settings, translator, report))
    if index.committees is not None:
        report.extend(check_committees(index, index.committees))
    analyses = Analyses(index, today)
    authored, authored_problems = authored_pages(docs_dir or root / "docs", root)
    report.extend(authored_problems)
    if index.onboarding is not None:
        # A source with errors of its own has no page yet; those errors are enough.
        waiting = {source_page(KINDS[kind].plural, stem) for kind, stems in index.broken.items() for stem in stems}
        anchors = {source_page("journeys", journey_id): journey_anchors(index, journey_id) for journey_id in index.journeys}
        pages = analyses.pages | set(authored) | waiting
        report.extend(check_onboarding(index.onboarding.doc, index.onboarding.model, pages, anchors))
    for journey in index.journeys.values():
        report.extend(method_warnings(journey.doc, journey.model, settings, language, today))
        report.extend(figure_problems(journey.doc, journey.model))
    report.extend(team_warnings(index, analyses.teams))
    report.extend(stale_schemas(root, settings, language))
    # Until every journey and solution sheet reads, "no solution addresses this
    # irritant" may be wrong: the files' own errors come first.
    if settings.coverage_warnings and not index.broken.get("solution") and not index.broken.get("journey"):
        report.extend(coverage_warnings(index, analyses.coverage))
    report.problems = without_echoes(report.problems)
    prefix = prefix_in_repository(root)
    return Site(
        root=root, settings=settings, language=language, index=index, report=report, today=today, analyses=analyses,
        history=_history(root, settings, prefix), authored=authored, prefix=prefix,
    )


def protected_folders(root: Path, settings: Settings, docs_dir: Path | None = None) -> list[Path]:
    """What no command may write into: the site's folder, its pages and its sources."""
    sources = [root / kind.folder(settings) for kind in KINDS.values()]
    return [root, docs_dir or root / "docs", *sources]


def _place(root: Path, kind: Kind, settings: Settings, report: Report) -> Path | None:
    """Where a kind's sources (or its one file) are, when the setting naming it stays inside the site."""
    place = contained(kind.folder(settings), root)
    if place is None:
        report.add(Problem(file="mkdocs.yml", code="setting_outside", field_path=f"plugins.parcours.{kind.folder_setting}", params={"value": kind.folder(settings)}))
    return place


def _load_kind(
    root: Path, kind: Kind, settings: Settings, translator: Translator, report: Report, present: set[str], memory: SourceMemory | None = None
) -> list[Entry]:
    """The entries of one kind, valid or partial; `present` receives the id of every source file found."""
    folder = _place(root, kind, settings, report)
    if folder is None:
        return []
    files, problems = source_files(root, folder, kind.suffixes)
    report.extend(problems)
    entries = []
    context = f"{settings.model_dump_json()}{translator.language}{settings.customer_words()}" if memory is not None else ""
    for source in files:
        present.add(source.stem)
        if memory is None:
            checked = check_source(root, source, kind, settings, translator)
        else:
            checked = memory.checked(source, context, lambda: check_source(root, source, kind, settings, translator))
        report.extend(checked.problems)
        if checked.model is None:
            continue
        entry = Entry(kind=kind, doc=checked.doc, model=checked.model, body=checked.prose.text, body_file=checked.prose.rel, partial=checked.partial)
        if kind.name == "journey" and not entry.partial:
            report.extend(attach_data(entry, root, translator.labels()["data_columns"]))
        entries.append(entry)
    return entries


def _load_single(root: Path, kind: Kind, settings: Settings, translator: Translator, report: Report) -> Entry | None:
    """A source of which the site has one file at most (the onboarding path, the glossary)."""
    path = _place(root, kind, settings, report)
    if path is None or not path.is_file():
        return None
    checked = check_single_source(root, path, relative_to(path, root), kind, settings, translator)
    report.extend(checked.problems)
    return Entry(kind=kind, doc=checked.doc, model=checked.model) if checked.model is not None else None


def _history(root: Path, settings: Settings, prefix: str) -> list[Change]:
    """The sources' commits, with file names relative to `root` (as sources name them).

    A commit that also changes the tool (its code) is the tool's
    development, not news for the site's readers: it is left out.
    """
    history = source_history(root, source_paths(settings))
    tool = tool_commits(root) if history else set()
    changes = []
    for change in (change for change in history if change.commit not in tool):
        files = tuple(name[len(prefix) :] if prefix and name.startswith(prefix) else name for name in change.files)
        changes.append(Change(change.commit, change.when, change.author, change.message, files))
    return changes
