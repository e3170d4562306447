"""The content model: the single definition of every field of every source."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from .benchmark import Benchmark
from .glossary import Glossary
from .onboarding import Onboarding
from .journey import Journey, Stage, Touchpoint
from .persona import Persona
from .solution import Solution


@dataclass(frozen=True)
class Kind:
    """A kind of source: its model, its folder setting and its file types."""

    name: str
    plural: str
    model: type[BaseModel]
    folder_setting: str
    #: `.yml` holds fields only (its prose, if any, in the `.md` of the same
    #: name, which editors can then check against the schema); `.md` alone
    #: holds both, the fields as front matter.
    suffixes: tuple[str, ...]


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("journey", "journeys", Journey, "journeys_dir", (".yml", ".yaml")),
        Kind("persona", "personas", Persona, "personas_dir", (".md", ".yml", ".yaml")),
        Kind("benchmark", "benchmarks", Benchmark, "benchmarks_dir", (".md", ".yml", ".yaml")),
        Kind("solution", "solutions", Solution, "solutions_dir", (".md", ".yml", ".yaml")),
    )
}

#: Sources of which a site has one file at most, named in the settings.
SINGLE_SOURCES: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("onboarding", "onboarding", Onboarding, "onboarding_file", (".yml", ".yaml")),
        Kind("glossary", "glossary", Glossary, "glossary_file", (".yml", ".yaml")),
    )
}

__all__ = ["KINDS", "SINGLE_SOURCES", "Glossary", "Onboarding", "Kind", "Journey", "Stage", "Touchpoint", "Persona", "Benchmark", "Solution"]
