"""`parcours init DIR`: a site of one's own, in the product's generic words.

It holds one commented example of each kind of source (all passing
`parcours check --strict`), a skeleton onboarding path and glossary, its
`mkdocs.yml` with the company's name and word for its customers, the CI
templates, a `CODEOWNERS` skeleton, VS Code's settings, a Makefile that
installs Parcours, and its own git history. The demo stays the Parcours
repository's own site: nothing of it is copied.

The files are templates in `starter/` (a `.j2` suffix is rendered with the
site's name and words). Packages drop dotted names: `vscode` there becomes
`.vscode` here, `gitignore` `.gitignore`.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from importlib import metadata, resources
from importlib.abc import Traversable
from pathlib import Path

import click
from jinja2 import Environment, StrictUndefined

from ..language.customers import singular_of
from ..language.translator import Translator
from ..model.schema import SCHEMAS_DIR
from ..site import build_date
from .new import write_schemas
from .setup import read_setup

#: Starter names that become dotted ones in the new site.
DOTTED = {"vscode": ".vscode", "github": ".github", "gitignore": ".gitignore", "gitlab-ci.yml": ".gitlab-ci.yml"}
#: The project Parcours is installed from, when it is a source folder (an editable install).
PROJECT = Path(__file__).resolve().parents[3]


@click.command()
@click.argument("site_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", "site_name", help="The site's name (« Parcours clients — Votre organisation »).")
@click.option("--customers", help="The organisation's word for its customers, plural (clients, adhérents, usagers, abonnés…).")
@click.option("--customer", help="The same word in the singular, when it is not the plural without its s.")
@click.option("--no-git", is_flag=True, help="Do not make the folder a git repository.")
def init(site_dir: Path, site_name: str | None, customers: str | None, customer: str | None, no_git: bool) -> None:
    """Start a site of your own in SITE_DIR, with one commented example of each kind."""
    words = Translator("fr")
    if site_dir.exists() and (not site_dir.is_dir() or any(site_dir.iterdir())):
        # Never into a folder that holds anything: it may be another site's sources.
        click.echo(words.message("init_not_empty", value=str(site_dir)), err=True)
        sys.exit(1)
    interactive = sys.stdin.isatty()
    if site_name is None:
        site_name = click.prompt(words.label("init.ask_name"), default=words.label("init.default_name")) if interactive else words.label("init.default_name")
    if customers is None:
        customers = click.prompt(words.label("init.ask_customers"), default="clients") if interactive else "clients"
    context = {
        "site_name": site_name,
        "customers": customers,
        "customer": customer if customer and customer != singular_of(customers) else None,
        "language": "fr",
        "today": build_date().isoformat(),
        "parcours_spec": parcours_spec(),
    }
    site_dir.mkdir(parents=True, exist_ok=True)
    _copy(resources.files(__package__).joinpath("starter"), site_dir, _environment(), context)
    (site_dir / "requirements.lock").write_text(lock_text(), "utf-8")
    setup = read_setup(site_dir, None)
    if setup.settings is None:
        for problem in setup.problems:
            click.echo(problem.format(setup.translator), err=True)
        sys.exit(1)
    write_schemas(site_dir / SCHEMAS_DIR, setup.settings, setup.translator.language)
    if not no_git:
        _commit(site_dir, words)
    click.echo(words.message("init_done", value=str(site_dir)))


def _environment() -> Environment:
    env = Environment(undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True, autoescape=False)
    # A YAML string that stays one whatever it holds (« : », « # », quotes).
    env.filters["yaml"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    return env


def _copy(folder: Traversable, target: Path, env: Environment, context: dict[str, str], top: bool = True) -> None:
    for item in folder.iterdir():
        name = DOTTED.get(item.name, item.name) if top else item.name
        if item.is_dir():
            if item.name == "__pycache__":
                continue
            (target / name).mkdir(exist_ok=True)
            _copy(item, target / name, env, context, top=False)
        elif name.endswith(".j2"):
            (target / name[:-3]).write_text(env.from_string(item.read_text("utf-8")).render(context), "utf-8")
        else:
            (target / name).write_bytes(item.read_bytes())
            if name.endswith(".sh"):
                (target / name).chmod(0o755)


def parcours_spec() -> str:
    """What the new site's Makefile installs Parcours from: this source folder, or the released package."""
    if (PROJECT / "pyproject.toml").is_file() and (PROJECT / "plugins" / "parcours").is_dir():
        return str(PROJECT)
    return f"parcours=={metadata.version('parcours')}"


def lock_text() -> str:
    """The packages Parcours was tested with: its project's lock, else those installed here."""
    lock = PROJECT / "requirements.lock"
    if lock.is_file():
        return lock.read_text("utf-8")
    names = sorted(
        f"{dist.metadata['Name']}=={dist.version}"
        for dist in metadata.distributions()
        if dist.metadata["Name"] and dist.metadata["Name"].lower() not in ("parcours", "pip", "setuptools", "wheel")
    )
    return "# The packages Parcours runs with, as installed when this site was created.\n" + "\n".join(names) + "\n"


def _commit(site_dir: Path, words: Translator) -> None:
    """The site's first commit: its own history, from which its home page lists changes."""
    git = shutil.which("git")
    if git is None:
        click.echo(words.message("init_no_git"), err=True)
        return
    who = [] if _configured(git, site_dir) else ["-c", "user.name=Parcours", "-c", "user.email=parcours@localhost"]
    for command in (["init", "-q"], ["add", "-A"], [*who, "commit", "-q", "-m", words.label("init.first_commit")]):
        subprocess.run([git, "-C", str(site_dir), *command], check=True, capture_output=True)


def _configured(git: str, folder: Path) -> bool:
    found = subprocess.run([git, "-C", str(folder), "config", "user.email"], capture_output=True, text=True, check=False)
    return found.returncode == 0 and bool(found.stdout.strip())
