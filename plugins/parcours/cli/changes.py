"""`parcours changes`: what a version of the sources changes from another, as a
Markdown summary a pull request's review shows (the CI templates post it).

The sources at `--base` are read as they were where that version and HEAD
meet (what a pull request changes, as its diff shows it), then both versions
are loaded as any build loads them, reporting exports included: the figures
compared are the ones the pages show.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import click

from ..analyses.changes import compared
from ..index.entries import Index
from ..render.summary import changes_markdown
from ..sources.history import NoVersion, tree_at
from .setup import line, open_site, read_setup, told


@click.command("changes")
@click.argument("site_dir", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path), help="mkdocs.yml to read (default: SITE_DIR/mkdocs.yml).")
@click.option("--base", required=True, help="The version to compare with: a branch, a tag or a commit (their meeting point with HEAD is used).")
def changes(site_dir: Path, config_file: Path | None, base: str) -> None:
    """Summarise, in Markdown, what the sources change from BASE: figures, irritants, deliveries, commitments."""
    setup = told(read_setup(site_dir, config_file))
    translator = setup.translator
    after = open_site(setup)
    if after is None:
        sys.exit(1)
    if after.report.has_errors():
        # Figures read from sources with errors would be wrong: the errors first.
        for problem in after.report.errors:
            click.echo(line(problem, translator), err=True)
        click.echo(translator.summary(after.report), err=True)
        sys.exit(1)
    with tempfile.TemporaryDirectory(prefix="parcours-base-") as folder:
        try:
            root = tree_at(setup.config.root, base, Path(folder))
        except NoVersion as missing:
            click.echo(translator.message(missing.code, value=base if missing.code == "changes_unknown_base" else str(setup.config.root)), err=True)
            # Outside git there is nothing to compare: not a failure of the check it runs beside.
            sys.exit(0 if missing.code == "changes_no_git" else 1)
        before_setup = read_setup(root, root / "mkdocs.yml" if (root / "mkdocs.yml").is_file() else None)
        before = open_site(before_setup) if before_setup.settings is not None else None
        before_index = before.index if before is not None else Index(settings=after.settings)
        click.echo(changes_markdown(compared(before_index, after.index), after, base), nl=False)
