"""The `parcours` command: check sources, write the generated pages, export schemas.

It runs without MkDocs, so that a CI job can check a pull request quickly
and another engine can build the site from plain files:

    parcours check [DIR] [--strict]
    parcours build-pages --out DIR [SITE]
    parcours schema --out DIR [SITE]
    parcours fetch-assets
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import click

from .i18n import Translator
from .problems import Severity
from .render.pages import BLOCK_MARKER, Renderer
from .render.urls import Urls
from .schema import json_schemas
from .site import Site, load_site
from .settings import Settings
from .site_config import SiteConfig, read_site_config, site_language
from .validate import validate_settings


def _settings(site_dir: Path, config_file: Path | None) -> tuple[Settings | None, Translator, SiteConfig]:
    """The site's `mkdocs.yml` and Parcours settings; prints what is wrong in them."""
    config = read_site_config(site_dir, config_file)
    language = site_language((config.plugin or {}).get("language"), config.theme_language)
    translator = Translator(language)
    settings, problems = validate_settings(config.plugin, translator)
    for problem in problems:
        click.echo(_line(problem, translator), err=True)
    return settings, translator, config


def _open(site_dir: Path, config_file: Path | None) -> tuple[Site | None, Translator, SiteConfig]:
    """Read `mkdocs.yml` and every source."""
    settings, translator, config = _settings(site_dir, config_file)
    if settings is None:
        return None, translator, config
    return load_site(config.root, settings, translator.language, docs_dir=config.root / config.docs_dir), translator, config


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
def check(site_dir: Path, config_file: Path | None, strict: bool) -> None:
    """Validate every source of a site and print every problem."""
    site, translator, _ = _open(site_dir, config_file)
    if site is None:
        sys.exit(1)
    report = site.report
    for problem in report:
        click.echo(_line(problem, translator), err=problem.severity is Severity.ERROR)
    if not len(report):
        click.echo(translator.message("no_problem"))
        return
    click.echo(translator.summary(report), err=True)
    if report.has_errors() or (strict and report.warnings):
        sys.exit(1)


@main.command("build-pages")
@click.argument("site_dir", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder to write the pages into (usually a copy of docs/).")
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-s", "--strict", is_flag=True, help="Fail on warnings too.")
def build_pages(site_dir: Path, out: Path, config_file: Path | None, strict: bool) -> None:
    """Write the generated pages as plain files, for an engine without the plugin."""
    site, translator, config = _open(site_dir, config_file)
    if site is None:
        sys.exit(1)
    report = site.report
    for problem in report:
        click.echo(_line(problem, translator), err=True)
    if report.has_errors() or (strict and report.warnings):
        click.echo(translator.summary(report), err=True)
        sys.exit(1)
    written = 0
    renderer = Renderer(site, Urls(config.use_directory_urls))
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
@click.argument("site_dir", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--out", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path))
def schema(site_dir: Path, out: Path, config_file: Path | None) -> None:
    """Export the JSON Schema of each kind of source, for editors."""
    settings, translator, _ = _settings(site_dir, config_file)
    if settings is None:
        sys.exit(1)
    out.mkdir(parents=True, exist_ok=True)
    for name, document in json_schemas(settings, translator.language).items():
        (out / f"{name}.schema.json").write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8")
        click.echo(str(out / f"{name}.schema.json"))


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
