"""The content model: the single definition of every field and every domain value.

Validation, the JSON Schemas, the reference page, the templates and the
analyses all read it; `vocabulary` holds the domain's values, `fields` how a
field is declared, and one module per kind of source its fields.
"""

from __future__ import annotations

from .benchmark import Benchmark
from .committees import Committees
from .glossary import Glossary
from .journey import Journey, Stage, Touchpoint
from .listening import ListeningDevice
from .kinds import KINDS, RESERVED_IDS, SINGLE_SOURCES, Kind, source_paths
from .onboarding import Onboarding
from .persona import Persona
from .settings import Settings
from .solution import Solution

__all__ = [
    "KINDS", "RESERVED_IDS", "SINGLE_SOURCES", "Kind", "source_paths", "Settings",
    "Glossary", "Onboarding", "Committees", "Journey", "Stage", "Touchpoint", "ListeningDevice", "Persona", "Benchmark", "Solution",
]
