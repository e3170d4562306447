"""Reading source files: YAML and Markdown front matter, with positions.

Sources are written by hand by people who are not programmers, so reading is
strict and every refusal says where and why:

* bytes must be UTF-8 (the offending byte is located and shown);
* a duplicate key is an error naming both lines, never a silent overwrite;
* YAML tags are refused (no Python object can be built from a source);
* nesting is measured on the text before any parser reads it (`yaml_depth`),
  so a file nested thousands of levels deep is refused where it crosses the
  limit instead of overflowing a parser's stack;
* what aliases add to the file's own values is counted, so an "alias bomb"
  stops early instead of exhausting memory or time, while a large file
  without aliases is read in full;
* plain scalars follow YAML 1.2's core schema: `non`, `oui`, `on` and `off`
  stay words (YAML 1.1 would turn them into booleans), `2025-03-12` is a date.

The result keeps, for each value, the line and column where it was written,
so that later checks (model validation, references) can point at it.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .document import SourceDocument
from .front_matter import split_front_matter
from .positions import Loc, Spot, format_loc
from .problems import Problem
from .text import SourceError, decode_source
from .yaml_depth import MAX_DEPTH, too_deep_at
from .yaml_errors import yaml_problem

def _fast_loader() -> type | None:
    """libyaml's composer, when PyYAML was built with it (its wheels are).

    Its base resolver is asked each untagged node's tag, in Python; with no
    implicit resolver (every plain scalar is text until `_scalar` reads it),
    the answer is the node kind's default tag, given here at once."""
    if not getattr(yaml, "__with_libyaml__", False):
        return None
    tags = {ScalarNode: yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG, SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
            MappingNode: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG}

    class Loader(yaml.CBaseLoader):  # type: ignore[misc,name-defined]
        def resolve(self, kind: type, value: Any, implicit: Any) -> str:
            return tags[kind]

    return Loader


_FAST_LOADER = _fast_loader()

#: Below this many indicators (`[`, `{`, `-`, `:`, `?`), a text cannot nest deep enough to
#: overflow libyaml's composer (it survives 20,000 levels): it is composed first, and its
#: depth measured on the nodes. Each level is opened by one of them, so they bound it.
LIBYAML_SAFE_INDICATORS = 5_000

#: How many values aliases may add to those written in a file: far more than
#: any reuse by hand (an anchored list used in a few places), far fewer than
#: the millions of an alias bomb. The file's own values are bounded by its
#: size (`MAX_SOURCE_BYTES`): a 0.8 MB journey holds about 70,000.
MAX_ALIAS_VALUES = 50_000

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
            yaml_text, line_offset, doc.body, doc.body_line = split_front_matter(text, rel)
        else:
            yaml_text, line_offset = text, 0
        if not yaml_text.strip() or all(
            not line.strip() or line.lstrip().startswith("#") for line in yaml_text.splitlines()
        ):
            code = "front_matter_empty" if path.suffix.lower() == ".md" else "empty_file"
            raise SourceError(Problem(file=rel, code=code, line=1 + line_offset, column=1))
        node = _compose(yaml_text, rel, line_offset)
        builder = _Builder(rel, line_offset)
        try:
            data = builder.build(node, (), 0)
        except _TooDeep:
            raise SourceError(_too_deep(yaml_text, rel, line_offset, node)) from None
    except SourceError as error:
        return doc, [error.problem]

    if not isinstance(data, dict):
        line, column = builder.value_positions.get((), (1 + line_offset, 1))
        return doc, [*builder.problems, Problem(file=rel, code="not_a_mapping", line=line, column=column)]
    # A duplicate key or a refused tag is an error, but the rest of the file
    # is still worth validating: the analyst gets every problem at once.
    doc.data = data
    doc.value_positions = builder.value_positions
    doc.key_positions = builder.key_positions
    return doc, builder.problems


def _compose(text: str, rel: str, line_offset: int) -> Node:
    """Parse YAML into nodes only: no Python object is built at this stage.

    libyaml (PyYAML's C parser) reads valid files quickly; when a file has a
    mistake, the pure-Python parser reads it again, for the messages and
    positions this module knows how to explain. Neither parser sees a text
    nested deeper than `MAX_DEPTH`: libyaml's composer would overflow the C
    stack, the other Python's recursion limit.

    Most sources are valid and hold no anchor: libyaml composes them at once
    when their indicators are too few to overflow it; their depth is then
    measured on the nodes, as they are built (`_Builder`), which is the
    text's own depth when no alias repeats anything. Any other text is
    measured before a parser reads it, then its aliases counted.
    """
    if _FAST_LOADER is not None and "&" not in text and _indicators(text) <= LIBYAML_SAFE_INDICATORS:
        try:
            node = yaml.compose(text, Loader=_FAST_LOADER)
        except (yaml.YAMLError, RecursionError):
            node = None
        if node is not None:
            return node
    deep = too_deep_at(text, MAX_DEPTH)
    if deep is not None:
        raise SourceError(Problem(file=rel, code="too_deep", params={"max": MAX_DEPTH}, line=deep[0] + line_offset, column=deep[1]))
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


def _indicators(text: str) -> int:
    return sum(text.count(indicator) for indicator in "[{-:?")


def _too_deep(text: str, rel: str, line_offset: int, node: Node) -> Problem:
    """A text found nested too deep while built: where it crosses the limit, as the text measure says."""
    deep = too_deep_at(text, MAX_DEPTH)
    if deep is None:  # not expected: without aliases, the nodes nest as the text does
        return _at(rel, "too_deep", node, line_offset, max=MAX_DEPTH)
    return Problem(file=rel, code="too_deep", params={"max": MAX_DEPTH}, line=deep[0] + line_offset, column=deep[1])


class _TooDeep(Exception):
    """A collection nested deeper than `MAX_DEPTH`, met while building."""


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
    except RecursionError:  # not expected once the text is measured; still told where the parser was
        mark = loader.get_mark() if loader is not None else None
        line, column = (mark.line + 1 + line_offset, mark.column + 1) if mark else (None, None)
        raise SourceError(Problem(file=rel, code="too_deep", params={"max": MAX_DEPTH}, line=line, column=column))
    finally:
        if loader is not None:
            loader.dispose()


def _check_expansion(root: Node, rel: str, line_offset: int) -> None:
    """Refuse aliases that add too many values, nest too deep, or loop.

    An alias repeats its anchor's values: what it adds is the document's size
    with aliases expanded, minus the values written in the file. A file
    without aliases adds nothing, however large. Sizes and heights are
    memoised per node, so a "billion laughs" document is measured in time
    proportional to its text, never to its expansion.
    """
    sizes: dict[int, int] = {}  # values under a node, aliases expanded, itself included
    heights: dict[int, int] = {}  # levels of collections from a node down, itself included
    visiting: set[int] = set()
    written = 0  # distinct nodes met so far: the values written in the file

    def measure(node: Node, depth: int) -> int:
        nonlocal written
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in visiting:
            raise SourceError(_at(rel, "yaml_recursive_alias", node, line_offset))
        if depth > MAX_DEPTH:  # the text was measured: only a safeguard against recursing deeper
            raise SourceError(_at(rel, "too_deep", node, line_offset, max=MAX_DEPTH))
        visiting.add(key)
        written += 1
        children: list[Node] = []
        if isinstance(node, SequenceNode):
            children = node.value
        elif isinstance(node, MappingNode):
            children = [part for pair in node.value for part in pair]
        total = 1 + sum(measure(child, depth + 1) for child in children)
        height = 0 if isinstance(node, ScalarNode) else 1 + max((heights[id(child)] for child in children), default=0)
        visiting.discard(key)
        sizes[key], heights[key] = total, height
        if depth + height > MAX_DEPTH:  # through aliases, a value can sit deeper than in the text
            raise SourceError(_at(rel, "too_deep", node, line_offset, max=MAX_DEPTH))
        # The values under this node all count in `written`: what it expands
        # to beyond them, aliases added, and the whole document adds at least as much.
        if total - written > MAX_ALIAS_VALUES:
            raise SourceError(_at(rel, "yaml_alias_bomb", node, line_offset, max=MAX_ALIAS_VALUES))
        return total

    measure(root, 0)


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
        self.value_positions: dict[Loc, Spot] = {}
        self.key_positions: dict[Loc, Spot] = {}
        self.problems: list[Problem] = []

    def _pos(self, node: Node) -> Spot:
        return (node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1)

    def build(self, node: Node, loc: Loc, depth: int) -> Any:
        """`depth` counts the collections above `node`: the root is a collection at depth 0."""
        self.value_positions.setdefault(loc, self._pos(node))
        if node.tag not in (_STR_TAG, _SEQ_TAG, _MAP_TAG):
            self.problems.append(_at(self.rel, "yaml_tag", node, self.line_offset, tag=node.tag.replace("tag:yaml.org,2002:", "!!")))
            return None
        if isinstance(node, ScalarNode):
            return _scalar(node)
        if depth >= MAX_DEPTH:
            raise _TooDeep()
        if isinstance(node, SequenceNode):
            return [self.build(item, (*loc, index), depth + 1) for index, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self._mapping(node, loc, depth)
        return None  # pragma: no cover - PyYAML has no other node type

    def _mapping(self, node: MappingNode, loc: Loc, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Spot] = {}
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
            line, column = spot = self._pos(key_node)
            if key in first_seen:
                self.problems.append(
                    Problem(
                        file=self.rel,
                        code="duplicate_key",
                        params={"key": key, "first_line": first_seen[key][0], "second_line": line},
                        line=line,
                        column=column,
                        field_path=format_loc(loc + (key,)),
                    )
                )
                continue
            first_seen[key] = self.key_positions[(*loc, key)] = spot
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
