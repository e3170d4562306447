"""A source once read: its data, its Markdown body, and where each value was written.

Later checks (model validation, references) point at a value by its path;
the document turns that path into the line and column the analyst sees.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .positions import Loc, Position, Spot, format_loc
from .problems import Problem


@dataclass
class SourceDocument:
    """One source file once read: its data, its Markdown body, its positions."""

    kind: str
    path: Path
    rel: str
    data: dict[str, Any] | None = None
    body: str = ""
    body_line: int = 1
    value_positions: dict[Loc, Spot] = field(default_factory=dict)
    key_positions: dict[Loc, Spot] = field(default_factory=dict)

    @property
    def stem(self) -> str:
        return self.path.stem

    def position(self, loc: Loc, *, key: bool = False) -> Position | None:
        """Where the value (or its key) at `loc` was written.

        A missing value points at the nearest enclosing value that exists,
        which is where the analyst has to add it.
        """
        if key and loc in self.key_positions:
            return Position(*self.key_positions[loc])
        probe = tuple(loc)
        while True:
            if probe in self.value_positions:
                return Position(*self.value_positions[probe])
            if not probe:
                return None
            probe = probe[:-1]

    def problem(self, code: str, loc: Loc = (), *, key: bool = False, **params: Any) -> Problem:
        """A problem located at `loc` in this file."""
        pos = SourceDocument.position(self, loc, key=key)
        return Problem(
            file=self.rel,
            code=code,
            params=params,
            line=pos.line if pos else None,
            column=pos.column if pos else None,
            field_path=format_loc(loc),
        )


@dataclass
class PrunedDocument(SourceDocument):
    """A source with its invalid items left out, located as the file is written.

    Built only to check the rest of an invalid file (its references) in the
    same run: `kept` maps each list, by its path in the file, to the
    positions in the file of the items kept, so that a problem found in the
    pruned data names the item's line and number as the analyst sees them.
    """

    kept: dict[Loc, list[int]] = field(default_factory=dict)
    #: Identifiers of the items left out (a stage's id, a touchpoint's channel):
    #: a reference to one of them is not a second problem.
    left_out: set[str] = field(default_factory=set)
    #: Field paths (`stages[3]`) that lost an item: what refers to that item from
    #: within them (a verbatim naming the touchpoint left out) is not checked.
    left_out_scopes: set[str] = field(default_factory=set)

    def echoes(self, problem: Problem) -> bool:
        """Whether a problem found in the rest only follows from what was left out."""
        if str(problem.params.get("value")) in self.left_out:
            return True
        path = problem.field_path or ""
        return any(path.startswith(scope + ".") for scope in self.left_out_scopes)

    def original(self, loc: Loc) -> Loc:
        """The path in the file of a path in the pruned data."""
        out: list[Any] = []
        for part in loc:
            if isinstance(part, int) and tuple(out) in self.kept:
                part = self.kept[tuple(out)][part]
            out.append(part)
        return tuple(out)

    def position(self, loc: Loc, *, key: bool = False) -> Position | None:
        return SourceDocument.position(self, self.original(loc), key=key)

    def problem(self, code: str, loc: Loc = (), *, key: bool = False, **params: Any) -> Problem:
        return SourceDocument.problem(self, code, self.original(loc), key=key, **params)
