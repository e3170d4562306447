"""The cross-reference index: every source, and the links between them.

Built once all files are valid on their own. It checks what no single file
can (a persona a journey names, a stage a solution addresses) and records
the links in both directions, so that each page can show who points at it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit
from typing import Any, Generic, Iterator, TypeVar

from pydantic import BaseModel

from .load import Loc, SourceDocument
from .captions import is_webvtt, transcript
from .images import ImageError, check_image
from .model import KINDS, Benchmark, Journey, Kind, Persona, Solution, Stage, Touchpoint
from .model.common import Clip
from .model.journey import ALL_PERSONAS, PHASES
from .privacy import line_findings
from .problems import Problem
from .settings import DEFAULT_CRITERIA, Settings

DEFAULT_CRITERION_IDS = {criterion for criterion, _, _ in DEFAULT_CRITERIA}
from .suggest import closest

M = TypeVar("M", bound=BaseModel)


@dataclass
class Entry(Generic[M]):
    """One valid source: its identity, its file and its model."""

    kind: Kind
    doc: SourceDocument
    model: M
    body: str = ""
    body_file: str | None = None
    #: A journey's KPI series from its data files (see `kpi_data`).
    data: Any = None
    #: Built from the valid rest of an invalid file (`validate.salvage`), only
    #: to check its references: such a site is never rendered.
    partial: bool = False

    @property
    def id(self) -> str:
        return self.doc.stem

    @property
    def rel(self) -> str:
        return self.doc.rel


@dataclass(frozen=True)
class StagePlace:
    """A stage, located: journey, state (current or target) and position."""

    journey: str
    state: str
    index: int
    stage: Stage

    @property
    def loc(self) -> Loc:
        return ("stages", self.index) if self.state == "current" else ("target", "stages", self.index)


#: What a source may refer to, by kind of file.
IMAGE_FORMATS = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif")
AUDIO_FORMATS = {".mp3": "audio/mpeg", ".ogg": "audio/ogg", ".m4a": "audio/mp4"}
VIDEO_FORMATS = {".mp4": "video/mp4", ".webm": "video/webm"}
CAPTION_FORMATS = (".vtt",)


@dataclass(frozen=True)
class MediaFile:
    """A file a source refers to: copied (or, for images, cleaned) into the site
    beside its pages, or played from an allowed intranet host (`url`)."""

    site_path: str | None
    source: Path | None = None
    url: str | None = None
    kind: str = "file"
    text: str | None = None

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.url or self.site_path or "").suffix.lower()


@dataclass
class Index:
    """All sources of a site and the links between them."""

    settings: Settings
    journeys: dict[str, Entry[Journey]] = field(default_factory=dict)
    personas: dict[str, Entry[Persona]] = field(default_factory=dict)
    benchmarks: dict[str, Entry[Benchmark]] = field(default_factory=dict)
    solutions: dict[str, Entry[Solution]] = field(default_factory=dict)
    journeys_of_persona: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    stages_citing: dict[str, list[StagePlace]] = field(default_factory=lambda: defaultdict(list))
    solutions_addressing: dict[tuple[str, str, str | None], list[str]] = field(default_factory=lambda: defaultdict(list))
    solutions_delivering: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    media: dict[str, MediaFile] = field(default_factory=dict)
    #: Sources that exist but are invalid, by kind: a reference to one of them
    #: is not reported again (the file has its own error), nor followed.
    broken: dict[str, set[str]] = field(default_factory=dict)
    onboarding: Entry | None = None
    glossary: Entry | None = None

    def is_broken(self, kind: str, source_id: str) -> bool:
        return source_id in self.broken.get(kind, set())

    def entries(self, kind: str) -> dict[str, Entry]:
        return {"journey": self.journeys, "persona": self.personas, "benchmark": self.benchmarks, "solution": self.solutions}[kind]

    def all_entries(self) -> Iterator[Entry]:
        for kind in KINDS:
            yield from self.entries(kind).values()

    def stages(self, journey_id: str, state: str = "current") -> list[StagePlace]:
        journey = self.journeys[journey_id].model
        if state == "current":
            stages = journey.stages
        else:
            stages = journey.target.stages if journey.target else []
        return [StagePlace(journey_id, state, index, stage) for index, stage in enumerate(stages)]

    def solutions_addressing_stage(self, journey_id: str, stage_id: str) -> list[str]:
        """Solutions addressing a stage or any of its touchpoints, each once."""
        found: list[str] = []
        for (journey, stage, _), solutions in self.solutions_addressing.items():
            if journey == journey_id and stage == stage_id:
                found.extend(solution for solution in solutions if solution not in found)
        return found

    def media_file(self, entry: Entry, path: str | None) -> MediaFile | None:
        """A file a source refers to, once checked (None when absent)."""
        return self.media.get(_media_key(entry, path)) if path else None

    def media_url(self, entry: Entry, path: str | None) -> str | None:
        """The site path of a file a source refers to (None when absent or remote)."""
        media = self.media_file(entry, path)
        return media.site_path if media else None


def _media_key(entry: Entry, path: str) -> str:
    return f"{entry.rel}::{path}"


def build_index(entries: list[Entry], settings: Settings, broken: dict[str, set[str]] | None = None) -> tuple[Index, list[Problem]]:
    """Index valid sources and check every reference between them."""
    index = Index(settings=settings, broken=broken or {})
    problems: list[Problem] = []
    for entry in entries:
        index.entries(entry.kind.name)[entry.id] = entry
    for entry in entries:
        problems.extend(_check_identity(entry))
    for journey in index.journeys.values():
        problems.extend(_check_journey(index, journey))
    for persona in index.personas.values():
        problems.extend(_register_media(index, persona, ("portrait",), persona.model.portrait, IMAGE_FORMATS, "image"))
        problems.extend(_register_clip(index, persona, ("video",), persona.model.video))
    for benchmark in index.benchmarks.values():
        for position, shot in enumerate(benchmark.model.screenshots):
            problems.extend(_register_media(index, benchmark, ("screenshots", position, "file"), shot.file, IMAGE_FORMATS, "image"))
    for solution in index.solutions.values():
        problems.extend(_check_solution(index, solution))
    for journey in index.journeys.values():
        for state in ("current", "target"):
            for place in index.stages(journey.id, state):
                for benchmark in place.stage.best_practices:
                    if benchmark in index.benchmarks:
                        index.stages_citing[benchmark].append(place)
        for persona in journey.model.personas:
            if persona in index.personas:
                index.journeys_of_persona[persona].append(journey.id)
    return index, problems


def _check_identity(entry: Entry) -> list[Problem]:
    written = getattr(entry.model, "id", None)
    if written and written != entry.id:
        return [entry.doc.problem("id_mismatch", ("id",), value=written, stem=entry.id)]
    return []


def _check_journey(index: Index, entry: Entry[Journey]) -> list[Problem]:
    journey = entry.model
    doc = entry.doc
    problems: list[Problem] = []
    known_personas = sorted(index.personas)
    unknown_in_list = False
    for position, persona in enumerate(journey.personas):
        if persona not in index.personas and not index.is_broken("persona", persona):
            unknown_in_list = True
            problems.append(
                doc.problem("unknown_persona", ("personas", position), value=persona, suggestion=closest(persona, known_personas), known=known_personas)
            )

    def persona_ref(loc: Loc, persona: str) -> None:
        """A persona named inside the journey must be one of the journey's."""
        if index.is_broken("persona", persona):
            return
        if persona not in index.personas:
            problems.append(doc.problem("unknown_persona", loc, value=persona, suggestion=closest(persona, known_personas), known=known_personas))
        elif persona not in journey.personas and not unknown_in_list:
            # When the journey's own list has a mistake, that one line is the fix.
            problems.append(doc.problem("persona_not_in_journey", loc, value=persona))

    phases = PHASES[journey.kind]
    for state in ("current", "target"):
        seen_stages: dict[str, int] = {}
        for place in index.stages(entry.id, state):
            stage, loc = place.stage, place.loc
            if stage.id in seen_stages:
                first = doc.position((*_state_loc(state), seen_stages[stage.id], "id"))
                problems.append(doc.problem("duplicate_stage", (*loc, "id"), value=stage.id, first_line=first.line if first else "?"))
            else:
                seen_stages[stage.id] = place.index
            if stage.phase not in phases:
                problems.append(
                    doc.problem(
                        "phase_for_kind",
                        (*loc, "phase"),
                        value=stage.phase,
                        kind=journey.kind,
                        known=list(phases),
                    )
                )
            for position, persona in enumerate(stage.personas):
                persona_ref((*loc, "personas", position), persona)
            for persona in (stage.emotion or {}):
                if persona != ALL_PERSONAS:
                    persona_ref((*loc, "emotion", persona), persona)
            problems.extend(_check_touchpoints(doc, loc, stage, persona_ref))
            known_benchmarks = sorted(index.benchmarks)
            for position, benchmark in enumerate(stage.best_practices):
                if benchmark not in index.benchmarks and not index.is_broken("benchmark", benchmark):
                    problems.append(
                        doc.problem(
                            "unknown_benchmark",
                            (*loc, "best_practices", position),
                            value=benchmark,
                            suggestion=closest(benchmark, known_benchmarks),
                            known=known_benchmarks,
                        )
                    )
            keys = [touchpoint.key for touchpoint in stage.touchpoints]
            for position, verbatim in enumerate(stage.verbatims):
                vloc = (*loc, "verbatims", position)
                if verbatim.persona:
                    persona_ref((*vloc, "persona"), verbatim.persona)
                if verbatim.touchpoint and verbatim.touchpoint not in keys:
                    problems.append(
                        doc.problem("unknown_touchpoint", (*vloc, "touchpoint"), value=verbatim.touchpoint, suggestion=closest(verbatim.touchpoint, keys), known=keys)
                    )
                problems.extend(_register_clip(index, entry, (*vloc, "clip"), verbatim.clip))
    return problems


def _state_loc(state: str) -> Loc:
    return ("stages",) if state == "current" else ("target", "stages")


def _check_touchpoints(doc: SourceDocument, loc: Loc, stage: Stage, persona_ref) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for position, touchpoint in enumerate(stage.touchpoints):
        tloc = (*loc, "touchpoints", position)
        key = touchpoint.key
        if key in seen:
            first = doc.position((*loc, "touchpoints", seen[key]))
            problems.append(
                doc.problem("duplicate_touchpoint", (*tloc, "id" if touchpoint.id else "channel"), value=key, first_line=first.line if first else "?")
            )
        else:
            seen[key] = position
        for index, persona in enumerate(touchpoint.personas):
            persona_ref((*tloc, "personas", index), persona)
    return problems


def _check_solution(index: Index, entry: Entry[Solution]) -> list[Problem]:
    solution = entry.model
    doc = entry.doc
    problems: list[Problem] = []
    journeys = sorted(index.journeys)
    for position, reference in enumerate(solution.addresses):
        loc = ("addresses", position)
        journey_id, stage_id, *rest = reference.split("/")
        touchpoint_id = rest[0] if rest else None
        if index.is_broken("journey", journey_id):
            continue
        if journey_id not in index.journeys:
            problems.append(doc.problem("unknown_journey", loc, value=journey_id, suggestion=closest(journey_id, journeys), known=journeys))
            continue
        stages = {place.stage.id: place.stage for place in index.stages(journey_id)}
        if stage_id not in stages:
            problems.append(
                doc.problem("unknown_stage", loc, value=stage_id, journey=journey_id, suggestion=closest(stage_id, list(stages)), known=list(stages))
            )
            continue
        if touchpoint_id is not None:
            keys = [touchpoint.key for touchpoint in stages[stage_id].touchpoints]
            if touchpoint_id not in keys:
                problems.append(doc.problem("unknown_touchpoint", loc, value=touchpoint_id, suggestion=closest(touchpoint_id, keys), known=keys))
                continue
        index.solutions_addressing[(journey_id, stage_id, touchpoint_id)].append(entry.id)
    for position, reference in enumerate(solution.delivers):
        loc = ("delivers", position)
        journey_id, stage_id, *_ = reference.split("/")
        if index.is_broken("journey", journey_id):
            continue
        if journey_id not in index.journeys:
            problems.append(doc.problem("unknown_journey", loc, value=journey_id, suggestion=closest(journey_id, journeys), known=journeys))
            continue
        if index.journeys[journey_id].model.target is None:
            problems.append(doc.problem("no_target_state", loc, journey=journey_id))
            continue
        targets = [place.stage.id for place in index.stages(journey_id, "target")]
        if stage_id not in targets:
            problems.append(
                doc.problem("unknown_target_stage", loc, value=stage_id, journey=journey_id, suggestion=closest(stage_id, targets), known=targets)
            )
            continue
        index.solutions_delivering[(journey_id, stage_id)].append(entry.id)
    criteria = index.settings.criterion_ids()
    for criterion in solution.scores:
        if criterion not in criteria:
            # A default criterion missing from a customised list: more likely a typo in mkdocs.yml
            # than in every sheet; say where the list comes from.
            code = "unknown_criterion_config" if criterion in DEFAULT_CRITERION_IDS else "unknown_criterion"
            suggestion = closest(criterion, criteria) if code == "unknown_criterion" else None
            problems.append(
                doc.problem(code, ("scores", criterion), key=True, value=criterion, suggestion=suggestion, known=criteria)
            )
    if solution.timeline and solution.timeline.end < solution.timeline.start:
        problems.append(
            doc.problem("timeline_order", ("timeline", "end"), start=solution.timeline.start.isoformat(), end=solution.timeline.end.isoformat())
        )
    return problems


def _register_clip(index: Index, entry: Entry, loc: Loc, clip: Clip | None) -> list[Problem]:
    """A clip's file and captions: both checked, both published."""
    if clip is None:
        return []
    formats = (*AUDIO_FORMATS, *VIDEO_FORMATS)
    problems = _register_media(index, entry, (*loc, "file"), clip.file, formats, "clip")
    problems += _register_media(index, entry, (*loc, "captions"), clip.captions, CAPTION_FORMATS, "captions")
    return problems


def _register_media(index: Index, entry: Entry, loc: Loc, path: str | None, formats: tuple[str, ...], kind: str) -> list[Problem]:
    """Check that a referenced file is acceptable, and record where the site shows it.

    A local file must exist inside its kind's folder, in an accepted format,
    under the size limit; a remote one must be on an allowed intranet host.
    """
    if not path:
        return []
    doc = entry.doc
    folder = doc.path.parent
    shown_folder = str(PurePosixPath(entry.rel).parent)
    settings = index.settings
    parts = urlsplit(path)
    wrong_format = PurePosixPath(parts.path).suffix.lower() not in formats
    if parts.scheme or path.startswith("//"):
        if kind == "image" or parts.scheme not in ("http", "https") or parts.hostname not in settings.media_hosts:
            return [doc.problem("media_host", loc, value=path, known=settings.media_hosts)]
        if wrong_format:
            return [doc.problem("media_format", loc, value=path, expected=list(formats))]
        index.media[_media_key(entry, path)] = MediaFile(site_path=None, url=path, kind=kind)
        return []
    target = (folder / path).resolve()
    try:
        relative = target.relative_to(folder.resolve())
    except ValueError:
        relative = None
    if path.startswith("/") or relative is None:
        return [doc.problem("media_outside", loc, value=path, folder=shown_folder)]
    if wrong_format:
        return [doc.problem("media_format", loc, value=path, expected=list(formats))]
    if not target.is_file():
        return [doc.problem("missing_media", loc, value=path, folder=shown_folder)]
    size = target.stat().st_size
    if kind == "clip" and size > settings.media_max_mb * 1024 * 1024:
        return [doc.problem("media_too_large", loc, value=path, size=round(size / 1024 / 1024, 1), max=settings.media_max_mb)]
    text = None
    if kind == "image":
        try:
            check_image(target)
        except ImageError as error:
            return [doc.problem("image_invalid", loc, value=path, detail=str(error))]
    if kind == "captions":
        try:
            content = target.read_text("utf-8")
        except (UnicodeDecodeError, OSError):
            content = ""
        if not is_webvtt(content):
            return [doc.problem("captions_invalid", loc, value=path)]
        text = transcript(content)
        if not text:
            return [doc.problem("captions_empty", loc, value=path)]
        # The captions are the customer's words on the page: the same privacy rule as a verbatim's text.
        captions_rel = str(PurePosixPath(shown_folder) / relative.as_posix())
        leaks = [
            Problem(file=captions_rel, line=line, column=column, code=finding.code, params={"value": finding.value, "suggestion": finding.suggestion})
            for line, column, finding in line_findings(content)
        ]
        if leaks:
            return leaks
    site_path = f"{entry.kind.plural}/{relative.as_posix()}"
    index.media[_media_key(entry, path)] = MediaFile(site_path=site_path, source=target, kind=kind, text=text)
    return []
