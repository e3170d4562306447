"""Problems as code review tools show them, on the line of the pull request.

GitHub Actions reads workflow commands from a job's output
(`::error file=…,line=…,col=…::message`); GitLab reads a Code Quality report
(a JSON list in the Code Climate subset it documents). Paths are those of
the repository, as the review shows them.
"""

from __future__ import annotations

import hashlib
from typing import Any, Callable

from ..language.translator import Translator
from ..sources.problems import Problem, Severity

#: A problem's file as the repository names it (the site may be a subfolder).
PathOf = Callable[[Problem], str]
#: Each tool's word for a severity: a note is GitHub's `notice`, GitLab's `info`.
_GITHUB = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_GITLAB = {Severity.ERROR: "critical", Severity.WARNING: "minor", Severity.INFO: "info"}


def _title(problem: Problem) -> str:
    """The annotation's heading: the field (`stages[2].phase`), else the tool."""
    return problem.field_path or "Parcours"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotations(problems: list[Problem], translator: Translator, path_of: PathOf) -> list[str]:
    """One workflow command per problem: GitHub shows it on its line in the diff."""
    lines = []
    for problem in problems:
        command = _GITHUB[problem.severity]
        properties = [f"file={_escape_property(path_of(problem))}"]
        if problem.line is not None:
            properties.append(f"line={problem.line}")
            if problem.column is not None:
                properties.append(f"col={problem.column}")
        properties.append(f"title={_escape_property(_title(problem))}")
        lines.append(f"::{command} {','.join(properties)}::{_escape_data(problem.message(translator))}")
    return lines


def gitlab_code_quality(problems: list[Problem], translator: Translator, path_of: PathOf) -> list[dict[str, Any]]:
    """GitLab's Code Quality report: the merge request lists each problem on its line."""
    issues = []
    seen: dict[str, int] = {}
    for problem in problems:
        path = path_of(problem)
        message = problem.message(translator)
        description = f"{problem.field_path} : {message}" if problem.field_path else message
        # Unique per problem and stable across runs, so GitLab can tell new from
        # fixed: not its line, which moves when a line is added above it.
        identity = "\0".join((path, problem.code, description))
        seen[identity] = seen.get(identity, 0) + 1
        fingerprint = hashlib.sha256(f"{identity}\0{seen[identity]}".encode("utf-8")).hexdigest()
        location = {"path": path, "lines": {"begin": problem.line or 1}}
        issues.append(
            {
                "type": "issue",
                "check_name": f"parcours/{problem.code}",
                "description": description,
                "categories": ["Bug Risk" if problem.severity is Severity.ERROR else "Style"],
                "severity": _GITLAB[problem.severity],
                "fingerprint": fingerprint,
                "location": location,
            }
        )
    return issues
