"""`parcours check`: every problem of a site's sources, for a person or for a code review tool."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..sources.problems import Problem, Report, Severity
from .review import github_annotations, gitlab_code_quality
from .setup import line, open_site, read_setup


@click.command()
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
    setup = read_setup(site_dir, config_file)
    translator, config = setup.translator, setup.config
    site = open_site(setup)
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
            click.echo(line(problem, translator), err=output_format == "gitlab" or problem.severity is Severity.ERROR)
    # Notes (an export read in Windows-1252, say) are no problem to fix.
    if not report.has_problems():
        click.echo(translator.message("no_problem"), err=output_format == "gitlab")
        return
    click.echo(translator.summary(report, strict), err=True)
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
