"""The authors' own pages (`docs/`): their paths in the site, their titles, and
what keeps them from being published as written.

They are the team's own Markdown, reviewed like the rest of the repository;
still, a file that is a link to somewhere outside the site is never read,
and a front matter MkDocs would silently drop is named.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .front_matter import split_front_matter
from .paths import is_inside, relative_to
from .problems import Problem
from .text import SourceError, decode_source
from .yaml_errors import yaml_problem

_TITLE = re.compile(r"^(?:title:\s*[\"']?(?P<meta>.+?)[\"']?\s*$|#\s+(?P<heading>.+?)\s*#*\s*$)", re.M)


def authored_pages(docs_dir: Path, root: Path | None = None) -> tuple[dict[str, str], list[Problem]]:
    """The Markdown pages authors wrote, by their path in the site, with their titles
    (the front matter's `title`, else the first `# heading`, else the path), and
    the problems of the folder's files."""
    if not docs_dir.is_dir():
        return {}, []
    root = root or docs_dir.parent
    pages: dict[str, str] = {}
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*")):
        if not path.is_file():
            continue
        rel = relative_to(path, root)
        if not is_inside(path, docs_dir):
            problems.append(Problem(file=rel, code="source_outside", params={"value": path.name, "folder": docs_dir.name}))
            continue
        if path.suffix.lower() != ".md":
            continue
        try:
            text = decode_source(path, rel)
        except SourceError as error:
            problems.append(error.problem)
            text = ""
        problems.extend(_front_matter_problems(text, rel))
        match = _TITLE.search(text)
        pages[path.relative_to(docs_dir).as_posix()] = (match.group("meta") or match.group("heading")) if match else path.relative_to(docs_dir).as_posix().removesuffix(".md")
    return pages, problems


def _front_matter_problems(text: str, rel: str) -> list[Problem]:
    """A front matter that is not YAML: MkDocs would show it as text and drop the page's settings."""
    if not text.startswith("---"):
        return []
    try:
        yaml_text, offset, _, _ = split_front_matter(text, rel)
        yaml.safe_load(yaml_text)
    except SourceError:
        return []  # no closing fence: MkDocs reads it as text, as written
    except yaml.YAMLError as error:
        return [yaml_problem(error, rel, offset, yaml_text)]
    return []
