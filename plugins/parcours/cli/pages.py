"""`parcours build-pages`: the generated pages as plain files, for an engine that does not run the plugin."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import click

from ..render.pages.home import BLOCK_MARKER
from ..render.renderer import Renderer
from ..render.urls import Urls
from .setup import line, open_site, read_setup, refuse_output, told


@click.command("build-pages")
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
    setup = told(read_setup(site_dir, config_file))
    translator, config = setup.translator, setup.config
    refuse_output(setup, out)
    site = open_site(setup)
    if site is None:
        sys.exit(1)
    report = site.report
    for problem in report:
        click.echo(line(problem, translator), err=True)
    if report.has_errors() or (strict and report.warnings):
        click.echo(translator.summary(report), err=True)
        sys.exit(1)
    written = 0
    renderer = Renderer(site, Urls(config.use_directory_urls, files_from_source=engine == "zensical"), config.repo_url, config.site_url)
    generated_pages = set()
    for generated in renderer.files():
        generated_pages.add(generated.src_uri)
        target = out / generated.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if generated.source is not None:
            shutil.copyfile(generated.source, target)
        elif isinstance(generated.text, bytes):
            target.write_bytes(generated.text)
        else:
            target.write_text(generated.text or "", "utf-8")
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
