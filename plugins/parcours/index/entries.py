"""The index's records: each valid source, each stage located, and the links between them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Generic, Iterator, TypeVar

from pydantic import BaseModel

from ..media.files import MediaFile
from ..model import KINDS, Benchmark, Journey, Kind, Persona, Settings, Solution, Stage
from ..model.committees import Committee, Session, Topic
from ..sources.document import SourceDocument
from ..sources.positions import Loc

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


@dataclass(frozen=True)
class SessionTopic:
    """One topic of a committee's session, as a page about its stage or solution shows it."""

    committee: Committee
    session: Session
    topic: Topic


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
    #: The target stages replacing each current stage (`replaces`), by (journey, current stage).
    replaced_by: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    media: dict[str, MediaFile] = field(default_factory=dict)
    #: Sources that exist but are invalid, by kind: a reference to one of them
    #: is not reported again (the file has its own error), nor followed.
    broken: dict[str, set[str]] = field(default_factory=dict)
    onboarding: Entry | None = None
    glossary: Entry | None = None
    committees: Entry | None = None
    #: Committee topics about each stage (`(journey, stage)`, current or target) and each solution.
    topics_about_stage: dict[tuple[str, str], list[SessionTopic]] = field(default_factory=lambda: defaultdict(list))
    topics_about_solution: dict[str, list[SessionTopic]] = field(default_factory=lambda: defaultdict(list))
    #: Each journey's stages as `stages()` locates them, with the model they were read from.
    _places: dict[tuple[str, str], tuple[Journey, list[StagePlace]]] = field(default_factory=dict, repr=False, compare=False)

    def topics_about_journey(self, journey_id: str) -> list[SessionTopic]:
        """Each committee topic about any stage of a journey, once, newest session first."""
        found: list[SessionTopic] = []
        for (journey, _), topics in self.topics_about_stage.items():
            if journey == journey_id:
                found.extend(topic for topic in topics if topic not in found)
        return sorted(found, key=lambda item: item.session.date, reverse=True)

    def is_broken(self, kind: str, source_id: str) -> bool:
        return source_id in self.broken.get(kind, set())

    def entries(self, kind: str) -> dict[str, Entry]:
        return {"journey": self.journeys, "persona": self.personas, "benchmark": self.benchmarks, "solution": self.solutions}[kind]

    def all_entries(self) -> Iterator[Entry]:
        for kind in KINDS:
            yield from self.entries(kind).values()

    def stages(self, journey_id: str, state: str = "current") -> list[StagePlace]:
        """A journey's stages, located; pages ask for them thousands of times, so
        they are made once for each journey's model."""
        journey = self.journeys[journey_id].model
        known = self._places.get((journey_id, state))
        if known is None or known[0] is not journey:
            if state == "current":
                stages = journey.stages
            else:
                stages = journey.target.stages if journey.target else []
            known = self._places[(journey_id, state)] = (journey, [StagePlace(journey_id, state, index, stage) for index, stage in enumerate(stages)])
        return list(known[1])

    def solutions_addressing_stage(self, journey_id: str, stage_id: str) -> list[str]:
        """Solutions addressing a stage or any of its touchpoints, each once."""
        found: list[str] = []
        for (journey, stage, _), solutions in self.solutions_addressing.items():
            if journey == journey_id and stage == stage_id:
                found.extend(solution for solution in solutions if solution not in found)
        return found

    def media_file(self, entry: Entry, path: str | None) -> MediaFile | None:
        """A file a source refers to, once checked (None when absent)."""
        return self.media.get(media_key(entry, path)) if path else None

    def media_url(self, entry: Entry, path: str | None) -> str | None:
        """The site path of a file a source refers to (None when absent or remote)."""
        media = self.media_file(entry, path)
        return media.site_path if media else None


def media_key(entry: Entry, path: str) -> str:
    return f"{entry.rel}::{path}"
