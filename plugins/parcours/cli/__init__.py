"""The `parcours` command: check sources, start new ones, write the generated
pages, export schemas.

It runs without MkDocs, so that a CI job can check a pull request quickly
and another engine can build the site from plain files:

    parcours init DIR [--name NAME] [--customers WORD]
    parcours check [DIR] [--strict] [--format text|github|gitlab]
    parcours new journey|persona|benchmark|solution ID
    parcours build-pages --out DIR [SITE]
    parcours schema --out DIR [SITE]
    parcours changes --base REF [SITE]
    parcours fetch-assets
"""

from __future__ import annotations

import click

from .assets import fetch_assets
from .changes import changes
from .check import check
from .init import init
from .new import new
from .pages import build_pages
from .schema import schema


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Parcours: customer journey maps kept as Markdown and YAML."""


for command in (init, check, new, build_pages, schema, changes, fetch_assets):
    main.add_command(command)

__all__ = ["main"]
