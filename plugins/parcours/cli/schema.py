"""`parcours schema`: the JSON Schema of each kind of source, for editors."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .new import write_schemas
from .setup import read_setup, refuse_output, told


@click.command()
@click.argument("site_dir", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--out", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path))
def schema(site_dir: Path, out: Path, config_file: Path | None) -> None:
    """Export the JSON Schema of each kind of source, for editors."""
    setup = told(read_setup(site_dir, config_file))
    if setup.settings is None:
        sys.exit(1)
    refuse_output(setup, out)
    for path in write_schemas(out, setup.settings, setup.translator.language):
        click.echo(str(path))
