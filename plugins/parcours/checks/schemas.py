"""The editors' schemas in `schemas/` follow the site's settings, or the build says so.

VS Code checks each source against `schemas/<kind>.schema.json` as the
analyst types. Once the site adds a channel, a phase or a kind of journey,
a schema written before would flag the new value as wrong, and say nothing
of why: the build names each stale file and the command that rewrites them.
A site without a `schemas/` folder has nothing to keep in step.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..model import Settings
from ..model.schema import SCHEMAS_DIR, json_schemas
from ..sources.problems import Problem


def stale_schemas(root: Path, settings: Settings, language: str) -> list[Problem]:
    folder = root / SCHEMAS_DIR
    if not folder.is_dir():
        return []
    problems = []
    for name, expected in json_schemas(settings, language).items():
        path = folder / f"{name}.schema.json"
        rel = f"{SCHEMAS_DIR}/{path.name}"
        try:
            written = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            written = None
        if written != expected:
            problems.append(Problem(file=rel, code="schema_stale" if written is not None else "schema_missing", params={"value": rel}))
    return problems
