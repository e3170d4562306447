"""Reading source files: YAML and Markdown front matter, with positions.

Sources are written by hand by people who are not programmers, so reading is
strict and every refusal says where and why:

* bytes must be UTF-8 (the offending byte is located and shown);
* a duplicate key is an error naming both lines, never a silent overwrite;
* YAML tags are refused (no Python object can be built from a source);
* aliases are counted, so an "alias bomb" stops early instead of exhausting
  memory or time;
* plain scalars follow YAML 1.2's core schema: `non`, `oui`, `on` and `off`
  stay words (YAML 1.1 would turn them into booleans), `2025-03-12` is a date.

The result keeps, for each value, the line and column where it was written,
so that later checks (model validation, references) can point at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .fieldpath import format_loc
from .problems import Problem

#: libyaml's composer, when PyYAML was built with it (its wheels are).
_FAST_LOADER = getattr(yaml, "CBaseLoader", None) if getattr(yaml, "__with_libyaml__", False) else None

#: A source larger than this is refused before parsing: no journey map needs it.
MAX_SOURCE_BYTES = 2 * 1024 * 1024
#: How many values a file may hold once its aliases are expanded.
MAX_EXPANDED_NODES = 50_000
#: How deep mappings and lists may nest.
MAX_DEPTH = 64

Loc = tuple[str | int, ...]

_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"

# YAML 1.2 core schema, as resolved for plain (unquoted) scalars.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?$|^[-+]?[0-9]+[eE][-+]?[0-9]+$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")

_FRONT_MATTER_FENCE = re.compile(r"^---[ \t]*$")
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$")


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a source file."""

    line: int
    column: int


@dataclass
class SourceDocument:
    """One source file once read: its data, its Markdown body, its positions."""

    kind: str
    path: Path
    rel: str
    data: dict[str, Any] | None = None
    body: str = ""
    body_line: int = 1
    value_positions: dict[Loc, Position] = field(default_factory=dict)
    key_positions: dict[Loc, Position] = field(default_factory=dict)

    @property
    def stem(self) -> str:
        return self.path.stem

    def position(self, loc: Loc, *, key: bool = False) -> Position | None:
        """Where the value (or its key) at `loc` was written.

        A missing value points at the nearest enclosing value that exists,
        which is where the analyst has to add it.
        """
        if key and loc in self.key_positions:
            return self.key_positions[loc]
        probe = tuple(loc)
        while True:
            if probe in self.value_positions:
                return self.value_positions[probe]
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


class SourceError(Exception):
    """A file that cannot be read at all; carries its one problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def read_source(path: Path, rel: str, kind: str) -> tuple[SourceDocument, list[Problem]]:
    """Read a `.yml` or `.md` source. Never raises for bad content.

    `doc.data` is None when the file could not be read as fields at all;
    otherwise it is set even when problems were found, so that validation
    can report the rest.
    """
    doc = SourceDocument(kind=kind, path=path, rel=rel)
    try:
        text = decode_source(path, rel)
        if path.suffix.lower() == ".md":
            yaml_text, line_offset, doc.body, doc.body_line = _split_front_matter(text, rel)
        else:
            yaml_text, line_offset = text, 0
        if not yaml_text.strip() or all(
            not line.strip() or line.lstrip().startswith("#") for line in yaml_text.splitlines()
        ):
            code = "front_matter_empty" if path.suffix.lower() == ".md" else "empty_file"
            raise SourceError(Problem(file=rel, code=code, line=1 + line_offset, column=1))
        node = _compose(yaml_text, rel, line_offset)
    except SourceError as error:
        return doc, [error.problem]

    builder = _Builder(rel, line_offset)
    data = builder.build(node, (), 0)
    if not isinstance(data, dict):
        pos = builder.value_positions.get((), Position(1 + line_offset, 1))
        return doc, [*builder.problems, Problem(file=rel, code="not_a_mapping", line=pos.line, column=pos.column)]
    # A duplicate key or a refused tag is an error, but the rest of the file
    # is still worth validating: the analyst gets every problem at once.
    doc.data = data
    doc.value_positions = builder.value_positions
    doc.key_positions = builder.key_positions
    return doc, builder.problems


def decode_source(path: Path, rel: str) -> str:
    """A text file's content; raises `SourceError` when it is not UTF-8 or too large."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceError(Problem(file=rel, code="unreadable_file", params={"reason": error.strerror or str(error)}))
    if len(raw) > MAX_SOURCE_BYTES:
        raise SourceError(
            Problem(file=rel, code="file_too_large", params={"size_kb": len(raw) // 1024, "max_kb": MAX_SOURCE_BYTES // 1024})
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        byte = raw[error.start : error.start + 1]
        raise SourceError(
            Problem(
                file=rel,
                code="not_utf8",
                params={"byte": f"0x{byte.hex().upper()}", "guess": byte.decode("cp1252", errors="replace")},
                line=line,
                column=column,
            )
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _split_front_matter(text: str, rel: str) -> tuple[str, int, str, int]:
    """Cut a Markdown source into its YAML front matter and its body."""
    lines = text.split("\n")
    if not lines or not _FRONT_MATTER_FENCE.match(lines[0]):
        raise SourceError(Problem(file=rel, code="front_matter_missing", line=1, column=1))
    for number, line in enumerate(lines[1:], start=1):
        if _FRONT_MATTER_END.match(line):
            yaml_text = "\n".join(lines[1:number])
            body = "\n".join(lines[number + 1 :])
            return yaml_text, 1, body, number + 2
    raise SourceError(Problem(file=rel, code="front_matter_unclosed", line=1, column=1))


# PyYAML's messages, recognised by their beginning, and the advice we give.
_YAML_PROBLEMS: list[tuple[str, str]] = [
    ("mapping values are not allowed here", "yaml_colon_in_value"),
    ("found character '\\t' that cannot start any token", "yaml_tab"),
    ("found a tab character", "yaml_tab"),
    ("that cannot start any token", "yaml_reserved_start"),
    ("expected alphabetic or numeric character", "yaml_reserved_start"),
    ("could not find expected ':'", "yaml_missing_colon"),
    ("expected <block end>", "yaml_indentation"),
    ("did not find expected key", "yaml_indentation"),
    ("did not find expected '-' indicator", "yaml_indentation"),
    ("block sequence entries are not allowed", "yaml_indentation"),
    ("expected ',' or ']'", "yaml_unclosed_bracket"),
    ("expected ',' or '}'", "yaml_unclosed_bracket"),
    ("found undefined alias", "yaml_alias"),
    ("found duplicate anchor", "yaml_alias"),
    ("found unexpected end of stream", "yaml_unclosed_quote"),
    ("but found another document", "yaml_several_documents"),
    ("expected a single document", "yaml_several_documents"),
    ("found unknown escape character", "yaml_escape"),
]
#: Problems PyYAML locates where it gave up; the analyst's mistake is where it began.
_AT_CONTEXT = {"yaml_missing_colon", "yaml_unclosed_bracket", "yaml_unclosed_quote", "yaml_reserved_start"}


#: A value that opens with a quote: `quote: "…`, `- '…`.
_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)*(?:[^\s:#'"][^:#]*:\s+)?(['"])""")


def _quoting_mistake(text: str, line: int, column: int) -> tuple[str, int, int, str] | None:
    """The quote that PyYAML's "indentation" or "missing colon" really comes from.

    French text is full of apostrophes and quotation marks: `'c'est'` closes
    at the second apostrophe, `"Je rappelle" dit-il` leaves words after the
    closing quote, and an unclosed `"` swallows lines until the next one,
    where PyYAML finally stops. Returns (code, line, column, quote), 0-based.
    """
    lines = text.splitlines()
    if line < len(lines):
        opened = _QUOTED_VALUE.match(lines[line])
        if opened and column > opened.end():
            return "yaml_quote_ends_early", line, opened.end() - 1, opened.group(1)
    for number in range(min(line, len(lines)) - 1, -1, -1):
        opened = _QUOTED_VALUE.match(lines[number])
        if opened:
            rest = lines[number][opened.end():].rstrip()
            if rest.count(opened.group(1)) % 2 == 0 and opened.group(1) == '"':
                return "yaml_unclosed_quote", number, opened.end() - 1, opened.group(1)
            return None
    return None


def yaml_problem(error: yaml.YAMLError, rel: str, line_offset: int, text: str = "") -> Problem:
    problem_text = str(getattr(error, "problem", "") or "")
    context_text = str(getattr(error, "context", "") or "")
    code = "yaml_syntax"
    for start, known in _YAML_PROBLEMS:
        if start in problem_text or (not problem_text and start in context_text):
            code = known
            break
    if code == "yaml_syntax" and "while scanning a quoted scalar" in context_text:
        code = "yaml_unclosed_quote"
    mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    if context_mark is not None and (mark is None or code in _AT_CONTEXT):
        mark = context_mark
    params = {"detail": problem_text or context_text}
    if mark is not None and code in ("yaml_indentation", "yaml_missing_colon"):
        mistake = _quoting_mistake(text, mark.line, mark.column)
        if mistake:
            code, at_line, at_column, params["quote"] = mistake
            return Problem(file=rel, code=code, params=params, line=at_line + 1 + line_offset, column=at_column + 1)
    line = mark.line + 1 + line_offset if mark else None
    column = mark.column + 1 if mark else None
    return Problem(file=rel, code=code, params=params, line=line, column=column)


def _compose(text: str, rel: str, line_offset: int) -> Node:
    """Parse YAML into nodes only: no Python object is built at this stage.

    libyaml (PyYAML's C parser) reads valid files quickly; when a file has a
    mistake, the pure-Python parser reads it again, for the messages and
    positions this module knows how to explain.
    """
    if _FAST_LOADER is not None:
        try:
            node = yaml.compose(text, Loader=_FAST_LOADER)
        except (yaml.YAMLError, RecursionError):
            node = _compose_slowly(text, rel, line_offset)
    else:
        node = _compose_slowly(text, rel, line_offset)
    if node is None:
        raise SourceError(Problem(file=rel, code="empty_file", line=1 + line_offset, column=1))
    _check_expansion(node, rel, line_offset)
    return node


def _compose_slowly(text: str, rel: str, line_offset: int) -> Node | None:
    loader: yaml.BaseLoader | None = None
    try:
        loader = yaml.BaseLoader(text)  # the reader already refuses control characters here
        return loader.get_single_node()
    except yaml.reader.ReaderError as error:
        before = text[: error.position]
        raise SourceError(
            Problem(
                file=rel,
                code="yaml_control_character",
                params={"detail": f"U+{error.character:04X}"},
                line=before.count("\n") + 1 + line_offset,
                column=error.position - (before.rfind("\n") + 1) + 1,
            )
        )
    except yaml.YAMLError as error:
        raise SourceError(yaml_problem(error, rel, line_offset, text))
    except RecursionError:
        raise SourceError(Problem(file=rel, code="too_deep", params={"max": MAX_DEPTH}))
    finally:
        if loader is not None:
            loader.dispose()


def _check_expansion(root: Node, rel: str, line_offset: int) -> None:
    """Refuse aliases that would expand into too many values, or loop.

    Sizes are memoised per node, so a "billion laughs" document is measured
    in time proportional to its text, never to its expansion.
    """
    sizes: dict[int, int] = {}
    visiting: set[int] = set()

    def size(node: Node, depth: int) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in visiting:
            raise SourceError(_at(rel, "yaml_recursive_alias", node, line_offset))
        if depth > MAX_DEPTH:
            raise SourceError(_at(rel, "too_deep", node, line_offset, max=MAX_DEPTH))
        visiting.add(key)
        total = 1
        if isinstance(node, SequenceNode):
            total += sum(size(child, depth + 1) for child in node.value)
        elif isinstance(node, MappingNode):
            total += sum(size(k, depth + 1) + size(v, depth + 1) for k, v in node.value)
        visiting.discard(key)
        sizes[key] = total
        if total > MAX_EXPANDED_NODES:
            raise SourceError(_at(rel, "yaml_alias_bomb", node, line_offset, max=MAX_EXPANDED_NODES))
        return total

    size(root, 0)


def _at(rel: str, code: str, node: Node, line_offset: int, **params: Any) -> Problem:
    return Problem(
        file=rel,
        code=code,
        params=params,
        line=node.start_mark.line + 1 + line_offset,
        column=node.start_mark.column + 1,
    )


class _Builder:
    """Turns nodes into plain Python values and records their positions."""

    def __init__(self, rel: str, line_offset: int) -> None:
        self.rel = rel
        self.line_offset = line_offset
        self.value_positions: dict[Loc, Position] = {}
        self.key_positions: dict[Loc, Position] = {}
        self.problems: list[Problem] = []

    def _pos(self, node: Node) -> Position:
        return Position(node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1)

    def build(self, node: Node, loc: Loc, depth: int) -> Any:
        self.value_positions.setdefault(loc, self._pos(node))
        if node.tag not in (_STR_TAG, _SEQ_TAG, _MAP_TAG):
            self.problems.append(_at(self.rel, "yaml_tag", node, self.line_offset, tag=node.tag.replace("tag:yaml.org,2002:", "!!")))
            return None
        if isinstance(node, ScalarNode):
            return _scalar(node)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*loc, index), depth + 1) for index, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self._mapping(node, loc, depth)
        return None  # pragma: no cover - PyYAML has no other node type

    def _mapping(self, node: MappingNode, loc: Loc, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Position] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or (
                isinstance(key_node, ScalarNode) and key_node.value == "<<" and not key_node.style
            ):
                self.problems.append(_at(self.rel, "yaml_merge", key_node, self.line_offset))
                continue
            if not isinstance(key_node, ScalarNode):
                self.problems.append(_at(self.rel, "yaml_complex_key", key_node, self.line_offset))
                continue
            key = key_node.value
            key_pos = self._pos(key_node)
            if key in first_seen:
                self.problems.append(
                    Problem(
                        file=self.rel,
                        code="duplicate_key",
                        params={"key": key, "first_line": first_seen[key].line, "second_line": key_pos.line},
                        line=key_pos.line,
                        column=key_pos.column,
                        field_path=format_loc(loc + (key,)),
                    )
                )
                continue
            first_seen[key] = key_pos
            self.key_positions[(*loc, key)] = key_pos
            result[key] = self.build(value_node, (*loc, key), depth + 1)
        return result


def _scalar(node: ScalarNode) -> Any:
    """A scalar's value by YAML 1.2's core schema; quoted text stays text."""
    value = node.value
    if node.style:  # quoted or block scalar: always text (plain is None, or "" from libyaml)
        return value
    if _NULL.match(value):
        return None
    if _TRUE.match(value):
        return True
    if _FALSE.match(value):
        return False
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    if _DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value
