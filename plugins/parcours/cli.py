"""The `parcours` command: check sources, write the generated pages, export schemas.

It runs without MkDocs, so that a CI job can check a pull request quickly
and another engine can build the site from plain files:

    parcours check [DIR] [--strict] [--format text|github|gitlab]
    parcours new journey|persona|benchmark|solution ID
    parcours build-pages --out DIR [SITE]
    parcours schema --out DIR [SITE]
    parcours fetch-assets
"""

from __future__ import annotations

import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from .ci_report import github_annotations, gitlab_code_quality
from .i18n import Translator
from .model import KINDS
from .problems import Problem, Report, Severity
from .render.pages import BLOCK_MARKER, Renderer
from .render.urls import Urls
from .scaffold import SCHEMAS_DIR, ScaffoldError, new_source
from .schema import json_schemas
from .site import Site, build_date, load_site
from .settings import Settings
from .site_config import SiteConfig, SiteConfigError, read_site_config, site_language
from .validate import validate_settings


#: The source folders a site has when mkdocs.yml does not say otherwise.
_DEFAULTS = Settings()
SOURCE_FOLDERS = (_DEFAULTS.journeys_dir, _DEFAULTS.personas_dir, _DEFAULTS.benchmarks_dir, _DEFAULTS.solutions_dir)


@dataclass
class Setup:
    """The site's `mkdocs.yml` and Parcours settings, or what keeps them from being read."""

    config: SiteConfig
    translator: Translator
    settings: Settings | None
    problems: list[Problem]


def _settings(site_dir: Path, config_file: Path | None) -> Setup:
    """Read `mkdocs.yml` (here or in the nearest folder above) and the plugin's settings."""
    if config_file is None:
        site_dir = _site_around(site_dir)
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
    return Setup(config, translator, settings, problems)


def _told(setup: Setup) -> Setup:
    """The set-up, its problems printed for a person (stderr)."""
    for problem in setup.problems:
        click.echo(_line(problem, setup.translator), err=True)
    return setup


def _open(setup: Setup) -> Site | None:
    """Every source of the site, read and checked; None when the settings are wrong."""
    if setup.settings is None:
        return None
    config = setup.config
    return load_site(config.root, setup.settings, setup.translator.language, docs_dir=config.root / config.docs_dir)


def _line(problem, translator: Translator) -> str:
    word = translator.label("site.error_word" if problem.severity is Severity.ERROR else "site.warning_word")
    return f"{word} {problem.format(translator)}"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Parcours: customer journey maps kept as Markdown and YAML."""


@main.command()
@click.argument("site_dir", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path), help="mkdocs.yml to read (default: SITE_DIR/mkdocs.yml).")
@click.option("-s", "--strict", is_flag=True, help="Fail on warnings too.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "github", "gitlab"]),
    default="text",
    help="text: one line per problem; github: workflow annotations; gitlab: a Code Quality report (JSON) on stdout.",
)
def check(site_dir: Path, config_file: Path | None, strict: bool, output_format: str) -> None:
    """Validate every source of a site and print every problem."""
    setup = _settings(site_dir, config_file)
    translator, config = setup.translator, setup.config
    site = _open(setup)
    report = site.report if site is not None else Report()
    report.extend(setup.problems)  # mkdocs.yml's own problems, shown like any other
    problems = report.sorted()
    in_repository = _repository_paths(config.root)
    if output_format == "gitlab":
        # stdout is the report (redirected to a file by the job); people read stderr.
        click.echo(json.dumps(gitlab_code_quality(problems, translator, in_repository), ensure_ascii=False, indent=2))
    for problem in problems:
        if output_format == "github":
            # GitHub prints the annotation in the log as well: once is enough.
            click.echo(github_annotations([problem], translator, in_repository)[0])
        else:
            click.echo(_line(problem, translator), err=output_format == "gitlab" or problem.severity is Severity.ERROR)
    if not len(report):
        click.echo(translator.message("no_problem"), err=output_format == "gitlab")
        return
    click.echo(translator.summary(report), err=True)
    if report.has_errors() or (strict and report.warnings):
        sys.exit(1)


def _repository_paths(root: Path):
    """A problem's file relative to the working folder (the repository's root
    in CI), since the site may sit in a subfolder of the repository."""
    base = Path.cwd().resolve()

    def path_of(problem) -> str:
        full = (root / problem.file).resolve()
        try:
            return full.relative_to(base).as_posix()
        except ValueError:
            return problem.file

    return path_of


@main.command("build-pages")
@click.argument("site_dir", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder to write the pages into (usually a copy of docs/).")
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-s", "--strict", is_flag=True, help="Fail on warnings too.")
@click.option(
    "--engine",
    type=click.Choice(["mkdocs", "properdocs", "zensical"]),
    default="mkdocs",
    help="The engine that will build the pages: Zensical resolves images and clips from the page's source file.",
)
def build_pages(site_dir: Path, out: Path, config_file: Path | None, strict: bool, engine: str) -> None:
    """Write the generated pages as plain files, for an engine without the plugin."""
    setup = _told(_settings(site_dir, config_file))
    translator, config = setup.translator, setup.config
    site = _open(setup)
    if site is None:
        sys.exit(1)
    report = site.report
    for problem in report:
        click.echo(_line(problem, translator), err=True)
    if report.has_errors() or (strict and report.warnings):
        click.echo(translator.summary(report), err=True)
        sys.exit(1)
    written = 0
    renderer = Renderer(site, Urls(config.use_directory_urls, files_from_source=engine == "zensical"), config.repo_url)
    generated_pages = set()
    for generated in renderer.files():
        generated_pages.add(generated.src_uri)
        target = out / generated.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if generated.source is not None:
            shutil.copyfile(generated.source, target)
        elif isinstance(generated.content, bytes):
            target.write_bytes(generated.content)
        else:
            target.write_text(generated.content or "", "utf-8")
        written += 1
    # Authors' pages copied into `out` get the blocks they ask for, as HTML.
    for path in sorted(out.rglob("*.md")):
        src_uri = path.relative_to(out).as_posix()
        if src_uri not in generated_pages:
            text = path.read_text("utf-8")
            filled = BLOCK_MARKER.sub(lambda match: "\n\n" + renderer.blocks(src_uri).get(match.group(1), match.group(0)) + "\n\n", text)
            if filled != text:
                path.write_text(filled, "utf-8")
    click.echo(translator.message("pages_written", count=written, out=str(out)))


@main.command()
@click.argument("kind", type=click.Choice(list(KINDS)))
@click.argument("source_id")
@click.option("-C", "--site-dir", default=".", type=click.Path(file_okay=False, path_type=Path), help="The site's folder (default: here).")
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path))
def new(kind: str, source_id: str, site_dir: Path, config_file: Path | None) -> None:
    """Start a journey, persona, benchmark or solution from a commented template."""
    setup = _told(_settings(site_dir, config_file))
    settings, translator, config = setup.settings, setup.translator, setup.config
    if settings is None:
        sys.exit(1)
    if not config.has_file:
        # Without mkdocs.yml, the new file would land in a folder no build reads.
        click.echo(_line(Problem(file=str(site_dir), code="new_no_site", params={"value": str(site_dir)}), translator), err=True)
        sys.exit(1)
    try:
        files = new_source(kind, source_id, config.root, settings, build_date(), translator.language)
    except ScaffoldError as error:
        click.echo(_line(error.problem, translator), err=True)
        sys.exit(1)
    schemas = config.root / SCHEMAS_DIR
    if not schemas.is_dir():
        # The first line of the new file points editors at its schema.
        for path in _write_schemas(schemas, settings, translator.language):
            click.echo(translator.message("new_written", value=_shown(path, config.root)))
    for new_file in files:
        new_file.path.parent.mkdir(parents=True, exist_ok=True)
        new_file.path.write_text(new_file.text, "utf-8")
        click.echo(translator.message("new_written", value=_shown(new_file.path, config.root)))
    click.echo(translator.message("new_next"))


def _site_around(folder: Path) -> Path:
    """The folder holding `mkdocs.yml`: this one or the nearest above it.

    An analyst in `journeys/` who types `parcours new journey x` means the
    site's journeys, not `journeys/journeys/`.
    """
    for candidate in (folder.resolve(), *folder.resolve().parents):
        if (candidate / "mkdocs.yml").is_file():
            return candidate
    return folder


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _write_schemas(out: Path, settings: Settings, language: str) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, document in json_schemas(settings, language).items():
        path = out / f"{name}.schema.json"
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8")
        written.append(path)
    return written


@main.command()
@click.argument("site_dir", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--out", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path))
def schema(site_dir: Path, out: Path, config_file: Path | None) -> None:
    """Export the JSON Schema of each kind of source, for editors."""
    setup = _told(_settings(site_dir, config_file))
    if setup.settings is None:
        sys.exit(1)
    for path in _write_schemas(out, setup.settings, setup.translator.language):
        click.echo(str(path))


@main.command("fetch-assets")
def fetch_assets() -> None:
    """Fetch the partial plotly.js bundle (once) so that chart pages stay light."""
    from .vendor import FetchError, fetch_plotly_basic

    try:
        path = fetch_plotly_basic()
    except FetchError as error:
        click.echo(f"parcours fetch-assets: {error}", err=True)
        sys.exit(1)
    click.echo(str(path))


if __name__ == "__main__":  # pragma: no cover
    main()
