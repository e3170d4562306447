"""New sources from commented templates (`parcours new journey <id>`).

An analyst starts a journey, persona, benchmark or solution from a file
that already has the right shape, comments in French on every field, and
« À COMPLÉTER » wherever only they know what to write: `parcours check`
points at each one left (see `placeholders`). The fields go in `<id>.yml`,
which editors check against the JSON Schema named in its first line; the
prose goes in `<id>.md` beside it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..language.names import SLUG, slugify
from ..language.translator import Translator
from ..model import KINDS, Settings
from ..model.schema import SCHEMAS_DIR
from ..model.site_words import kind_label, phase_label
from ..sources.folders import RESERVED_IDS
from ..sources.problems import Problem

#: Where the committed JSON Schemas live, relative to the site's root.


class ScaffoldError(Exception):
    """Why no file was written; carries its one problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


@dataclass(frozen=True)
class NewFile:
    path: Path
    text: str


def _environment() -> Environment:
    # Plain text, not HTML: nothing to escape, and a missing value is a bug.
    return Environment(loader=PackageLoader("parcours.cli", "scaffolds"), autoescape=False, undefined=StrictUndefined, keep_trailing_newline=True)


def new_source(kind: str, source_id: str, root: Path, settings: Settings, today: date, language: str = "fr") -> list[NewFile]:
    """The files of a new source of `kind` named `source_id`, not yet written.

    Raises `ScaffoldError` for an id that cannot name a file, or when any
    file of that source exists already: a scaffold never overwrites work.
    """
    spec = KINDS[kind]
    folder = root / spec.folder(settings)
    if not SLUG.match(source_id):
        # `resiliation.yml` is a file name typed for an id: suggest `resiliation`.
        stem = source_id[: -len(suffix)] if (suffix := Path(source_id).suffix.lower()) in (".yml", ".yaml", ".md") else source_id
        raise ScaffoldError(Problem(file=source_id, code="new_bad_id", params={"value": source_id, "suggestion": slugify(stem)}))
    if source_id in RESERVED_IDS:
        raise ScaffoldError(Problem(file=source_id, code="new_reserved_id", params={"value": source_id, "folder": folder.name}))
    existing = [folder / f"{source_id}{suffix}" for suffix in (".yml", ".yaml", ".md") if (folder / f"{source_id}{suffix}").exists()]
    if existing:
        rel = existing[0].relative_to(root).as_posix()
        raise ScaffoldError(Problem(file=rel, code="new_exists", params={"value": rel}))
    fields = folder / f"{source_id}.yml"
    translator = Translator(language, settings.customer_words())
    labels = translator.labels()
    phase_names = {phase: phase_label(settings, translator, phase) for phase in settings.phase_ids()}
    schema = Path(os.path.relpath(root / SCHEMAS_DIR / f"{kind}.schema.json", folder)).as_posix()
    context = {
        "id": source_id,
        "schema": schema,
        "today": today.isoformat(),
        "phases": _choices(phase_names),
        "kinds": [
            (kind, kind_label(translator, kind), ", ".join(phase_names[phase].lower() for phase in settings.kind_phases(kind)))
            for kind in settings.journey_kinds()
        ],
        "periods": _choices(labels["period"]),
        "statuses": _choices(labels["status"]),
        "channels": ", ".join(settings.channel_ids()),
        "criteria": settings.scored_criterion_ids(),
        "criterion_labels": {
            c.id: (c.label or labels["criterion"].get(c.id, c.id)) + (labels["scaffold"]["against"] if c.against else "") for c in settings.criteria
        },
        "example_touchpoint": "demande/j-envoie-mon-dossier/courrier",
        "customer": translator.label("initiator.customer"),
    }
    environment = _environment()
    return [
        NewFile(fields, environment.get_template(f"{kind}.yml").render(context)),
        NewFile(folder / f"{source_id}.md", environment.get_template(f"{kind}.md").render(context)),
    ]


def _choices(labels: dict[str, str]) -> str:
    """`after (Après-vente), before (Avant-vente)`: the value to write, and its meaning."""
    return ", ".join(f"{value} ({label})" for value, label in labels.items())
