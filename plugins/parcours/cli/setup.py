"""Reading a site's set-up for a command: its `mkdocs.yml`, its settings, its sources."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import click

from ..checks.validation import validate_settings
from ..language.translator import Translator
from ..model import KINDS, Settings
from ..site import Site, load_site, protected_folders
from ..sources.paths import overwrites, relative_to
from ..sources.problems import Problem, Severity
from ..sources.site_config import SiteConfig, SiteConfigError, read_site_config, site_language

#: The source folders a site has when mkdocs.yml does not say otherwise.
SOURCE_FOLDERS = tuple(kind.folder(Settings()) for kind in KINDS.values())


@dataclass
class Setup:
    """The site's `mkdocs.yml` and Parcours settings, or what keeps them from being read."""

    config: SiteConfig
    translator: Translator
    settings: Settings | None
    problems: list[Problem]


def read_setup(site_dir: Path, config_file: Path | None) -> Setup:
    """Read `mkdocs.yml` (here or in the nearest folder above) and the plugin's settings."""
    if config_file is None:
        site_dir = site_around(site_dir)
    try:
        config = read_site_config(site_dir, config_file)
    except SiteConfigError as error:
        return Setup(SiteConfig(root=site_dir), Translator(), None, [error.problem])
    language = site_language((config.plugin or {}).get("language"), config.theme_language)
    translator = Translator(language)
    if not config.has_file and not any((config.root / folder).is_dir() for folder in SOURCE_FOLDERS):
        # Checking an empty or mistyped folder must not say "no problem".
        return Setup(config, translator, None, [Problem(file=str(site_dir), code="no_site", params={"value": str(site_dir)})])
    settings, problems = validate_settings(config.plugin, translator)
    if settings is not None:
        translator = Translator(language, settings.customer_words())
    return Setup(config, translator, settings, problems)


def told(setup: Setup) -> Setup:
    """The set-up, its problems printed for a person (stderr)."""
    for problem in setup.problems:
        click.echo(line(problem, setup.translator), err=True)
    return setup


def open_site(setup: Setup) -> Site | None:
    """Every source of the site, read and checked; None when the settings are wrong."""
    if setup.settings is None:
        return None
    config = setup.config
    return load_site(config.root, setup.settings, setup.translator.language, docs_dir=config.root / config.docs_dir)


def refuse_output(setup: Setup, out: Path) -> None:
    """Stop before writing into a folder that is, or holds, the site, its pages or its sources."""
    config = setup.config
    settings = setup.settings or Settings()
    place = overwrites(out, protected_folders(config.root, settings, config.root / config.docs_dir))
    if place is not None:
        problem = Problem(file=str(out), code="output_overwrites", params={"value": str(out), "folder": relative_to(place, config.root) if place != config.root.resolve() else "."})
        click.echo(line(problem, setup.translator), err=True)
        sys.exit(1)


#: The word opening a problem's line, by its severity.
WORDS = {Severity.ERROR: "site.error_word", Severity.WARNING: "site.warning_word", Severity.INFO: "site.note_word"}


def line(problem: Problem, translator: Translator) -> str:
    return f"{translator.label(WORDS[problem.severity])} {problem.format(translator)}"


def site_around(folder: Path) -> Path:
    """The folder holding `mkdocs.yml`: this one or the nearest above it.

    An analyst in `journeys/` who types `parcours new journey x` means the
    site's journeys, not `journeys/journeys/`.
    """
    for candidate in (folder.resolve(), *folder.resolve().parents):
        if (candidate / "mkdocs.yml").is_file():
            return candidate
    return folder
