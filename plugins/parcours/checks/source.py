"""One source file, read and checked on its own: every problem it holds, and
its model when it has one.

A file with errors still gives what can be checked of it: the valid rest
(`salvage`), whose references the index then checks in the same run, so an
analyst gets every problem at once rather than one round per fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from ..language.translator import Translator
from ..model import Kind, Settings
from ..model.markdown import findings
from ..sources.document import SourceDocument
from ..sources.folders import Prose, SourceFile, read_prose
from ..sources.positions import position_of
from ..sources.problems import Problem, Severity
from ..sources.yaml_source import read_source
from .placeholders import unfilled_fields, unfilled_prose
from .salvage import salvage
from .validation import validate_source


@dataclass
class CheckedSource:
    """A source after its own checks. `model` is None when nothing of it can be used;
    `partial` marks the valid rest of an invalid file, indexed only to check its references."""

    doc: SourceDocument
    model: BaseModel | None = None
    prose: Prose = field(default_factory=Prose)
    partial: bool = False
    problems: list[Problem] = field(default_factory=list)


def check_source(root: Path, source: SourceFile, kind: Kind, settings: Settings, translator: Translator) -> CheckedSource:
    """Read a source, its prose, and validate both against the model."""
    doc, problems = read_source(source.path, source.rel, kind.name)
    if source.lone_prose and any(problem.code == "front_matter_missing" for problem in problems):
        # Text alone: the prose of a `.yml` renamed or moved, not fields that lost their `---`.
        problems = [Problem(file=source.rel, code="lone_prose", line=1, column=1, params={"value": source.path.name, "suggestion": source.partner})]
    checked = CheckedSource(doc=doc, problems=list(problems))
    if doc.data is None:
        return checked
    checked.problems.extend(unfilled_fields(doc))
    if source.holds_fields_only:
        prose, prose_problems = read_prose(root, source)
        if prose.rel and not prose_problems:
            prose_problems = unfilled_prose(prose.text, prose.rel)
    else:
        prose, prose_problems = Prose(doc.body, None, doc.body_line), unfilled_prose(doc.body, source.rel, doc.body_line)
    if prose.text:
        prose_problems = [*prose_problems, *prose_findings(prose, prose.rel or source.rel, settings)]
    checked.prose = prose
    checked.problems.extend(prose_problems)
    model, invalid = validate_source(doc, kind, settings, translator)
    checked.problems.extend(invalid)
    if problems or invalid or model is None:
        rest = salvage(doc, kind, settings) if invalid and not problems else None
        if rest is not None:
            checked.model, checked.doc, checked.partial = rest[0], rest[1], True
        return checked
    if any(problem.severity is Severity.ERROR and problem.code != "placeholder" for problem in prose_problems):
        return checked
    checked.model = model
    return checked


def prose_findings(prose: Prose, rel: str, settings: Settings) -> list[Problem]:
    """What the Markdown of a body would not show (a script, an image from another
    host…), each at the line where it is written: the rules of the Markdown fields."""
    problems = []
    for finding in findings(prose.text, settings.media_hosts):
        at = position_of(prose.text, finding.value, prose.first_line)
        problems.append(Problem(file=rel, code=finding.code, params={"value": finding.value, "known": settings.media_hosts}, line=at.line, column=at.column))
    return problems


def check_single_source(root: Path, path: Path, rel: str, kind: Kind, settings: Settings, translator: Translator) -> CheckedSource:
    """A source of which the site has one file at most (the onboarding path, the glossary)."""
    doc, problems = read_source(path, rel, kind.name)
    checked = CheckedSource(doc=doc, problems=list(problems))
    if doc.data is None:
        return checked
    checked.problems.extend(unfilled_fields(doc))
    model, invalid = validate_source(doc, kind, settings, translator)
    checked.problems.extend(invalid)
    if not (problems or invalid):
        checked.model = model
    return checked
