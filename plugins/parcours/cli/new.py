"""`parcours new`: a new source from a commented template, and the schemas editors check it against."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..language.names import closest, slugify
from ..language.translator import LANGUAGES, Translator
from ..model import KINDS, Settings
from ..model.schema import json_schemas
from ..site import build_date
from ..sources.paths import relative_to
from ..sources.problems import Problem
from ..model.schema import SCHEMAS_DIR
from .scaffold import ScaffoldError, new_source
from .setup import line, read_setup, told


@click.command()
@click.argument("kind", required=False)
@click.argument("source_id", required=False)
@click.option("-C", "--site-dir", default=".", type=click.Path(file_okay=False, path_type=Path), help="The site's folder (default: here).")
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path))
def new(kind: str | None, source_id: str | None, site_dir: Path, config_file: Path | None) -> None:
    """Start a journey, persona, benchmark or solution from a commented template.

    KIND may be written as the folder is (`personas`) or in French
    (`parcours`, `bonne-pratique`, `chantier`)."""
    setup = told(read_setup(site_dir, config_file))
    settings, translator, config = setup.settings, setup.translator, setup.config
    if settings is None:
        sys.exit(1)
    # The analyst's words, answered in the site's language: never click's English usage error.
    known_kind = kind_named(kind or "")
    if known_kind is None or not source_id:
        code = "new_unknown_kind" if known_kind is None and kind else "new_usage"
        suggestion = closest(kind, list(KINDS)) if kind else None
        click.echo(translator.message(code, value=kind or "", suggestion=suggestion, known=list(KINDS)), err=True)
        sys.exit(2)
    kind = known_kind
    if not config.has_file:
        # Without mkdocs.yml, the new file would land in a folder no build reads.
        click.echo(line(Problem(file=str(site_dir), code="new_no_site", params={"value": str(site_dir)}), translator), err=True)
        sys.exit(1)
    try:
        files = new_source(kind, source_id, config.root, settings, build_date(), translator.language)
    except ScaffoldError as error:
        click.echo(line(error.problem, translator), err=True)
        sys.exit(1)
    schemas = config.root / SCHEMAS_DIR
    if not schemas.is_dir():
        # The first line of the new file points editors at its schema.
        for path in write_schemas(schemas, settings, translator.language):
            click.echo(translator.message("new_written", value=relative_to(path, config.root)))
    for new_file in files:
        new_file.path.parent.mkdir(parents=True, exist_ok=True)
        new_file.path.write_text(new_file.text, "utf-8")
        click.echo(translator.message("new_written", value=relative_to(new_file.path, config.root)))
    click.echo(translator.message("new_next"))


def kind_named(word: str) -> str | None:
    """The kind an analyst means: `persona`, `personas`, « parcours », « bonnes pratiques », « chantier »…"""
    wanted = slugify(word)
    for name, kind in KINDS.items():
        words = {name, kind.plural, *(slugify(Translator(language).labels()[group][key]) for language in LANGUAGES for group, key in (("kind", name), ("kinds", kind.plural)))}
        words |= {candidate.removesuffix("s") for candidate in words}
        if wanted in words or wanted.removesuffix("s") in words:
            return name
    return FRENCH_KINDS.get(wanted.removesuffix("s"))


#: Words analysts use for a kind that its labels do not say.
FRENCH_KINDS = {"chantier": "solution", "fiche-chantier": "solution", "fiches-chantier": "solution", "bonne-pratique": "benchmark", "bonnes-pratique": "benchmark"}


def write_schemas(out: Path, settings: Settings, language: str) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, document in json_schemas(settings, language).items():
        path = out / f"{name}.schema.json"
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8")
        written.append(path)
    return written
