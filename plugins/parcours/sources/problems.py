"""Problems found in the sources, as values.

Every check in the core appends a `Problem` to a `Report` instead of raising:
an analyst fixing a file wants every mistake of the build at once, and each
adapter (terminal, MkDocs log, CI annotation) shows the same values its own way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Iterator

from ..language.translator import Translator


class Severity(str, Enum):
    """An error stops the build; a warning stops it only under `--strict`; a
    note stops nothing: it tells what the build did for the analyst (read an
    export saved in Windows-1252, say), so that nothing happens unsaid."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Problem:
    """One mistake in one source file, with where it is and how to fix it.

    `code` names the message in the translation table; `params` fill it. The
    text is produced late, in the site's language, by `Report.format`.
    """

    file: str
    code: str
    params: dict[str, object] = field(default_factory=dict, hash=False, compare=False)
    line: int | None = None
    column: int | None = None
    field_path: str = ""
    severity: Severity = Severity.ERROR

    def location(self) -> str:
        """`file:line:column`, as editors and CI annotations understand it."""
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def message(self, translator: Translator) -> str:
        """The explanation and its fix, in the site's language."""
        return translator.message(self.code, **self.params)

    def format(self, translator: Translator) -> str:
        """One line: `file:line:col field : message`."""
        where = self.location()
        if self.field_path:
            where = f"{where} {self.field_path}"
        return f"{where} : {self.message(translator)}"


@dataclass
class Report:
    """All problems of one build, in the order of files and lines."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self.problems)

    def sorted(self) -> list[Problem]:
        return sorted(
            self.problems,
            key=lambda p: (p.file, p.line or 0, p.column or 0, p.field_path),
        )

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity is Severity.WARNING]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity is Severity.INFO]

    def has_problems(self) -> bool:
        """Whether anything is to fix: errors or warnings, not notes."""
        return any(p.severity is not Severity.INFO for p in self.problems)

    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)
