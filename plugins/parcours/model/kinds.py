"""The kinds of source a site holds: their models, folders and file types."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from .benchmark import Benchmark
from .committees import Committees
from .glossary import Glossary
from .journey import Journey
from .onboarding import Onboarding
from .persona import Persona
from .settings import Settings
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
    #: The icon of Material's set its pages and cards show.
    icon: str = "material/file-document-outline"

    def folder(self, settings: Settings) -> str:
        """Where the site keeps this kind's sources (or its one file), relative to `mkdocs.yml`."""
        return str(getattr(settings, self.folder_setting))


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("journey", "journeys", Journey, "journeys_dir", (".yml", ".yaml"), "material/map-marker-path"),
        Kind("persona", "personas", Persona, "personas_dir", (".md", ".yml", ".yaml"), "material/account-circle-outline"),
        Kind("benchmark", "benchmarks", Benchmark, "benchmarks_dir", (".md", ".yml", ".yaml"), "material/lightbulb-on-outline"),
        Kind("solution", "solutions", Solution, "solutions_dir", (".md", ".yml", ".yaml"), "material/hammer-wrench"),
    )
}

#: Sources of which a site has one file at most, named in the settings.
SINGLE_SOURCES: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("onboarding", "onboarding", Onboarding, "onboarding_file", (".yml", ".yaml")),
        Kind("glossary", "glossary", Glossary, "glossary_file", (".yml", ".yaml")),
        Kind("committees", "committees", Committees, "committees_file", (".yml", ".yaml"), "material/account-group-outline"),
    )
}

#: Source names that would take the place of a generated page: `journeys/index.yml`
#: would become the page that lists every journey.
RESERVED_IDS = frozenset({"index"})


def source_paths(settings: Settings) -> list[str]:
    """Every folder and file a site's sources live in, relative to `mkdocs.yml`:
    what `mkdocs serve` watches and git history follows."""
    return [kind.folder(settings) for kind in (*KINDS.values(), *SINGLE_SOURCES.values())]
