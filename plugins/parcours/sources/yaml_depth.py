"""How deep a YAML text nests, measured before any parser reads it.

libyaml's composer (PyYAML's C extension) recurses once per level and has
no limit of its own: 30,000 `[` in a 60 KB file overflow the C stack and
kill the process with no message; PyYAML's pure-Python parser stops at
Python's recursion limit, with no place to show. So the text is measured
first, in one pass, linear in its length and without recursion:

* flow collections: each `[` or `{` opens a level, `]` or `}` closes one;
  brackets in quoted scalars, comments, block scalars (`|`, `>`) and plain
  scalars of block context (`titre: Bilan [2025`) do not count;
* block collections by indentation, as YAML's own scanner tracks them: a
  mapping or a list opens a level at a column right of the enclosing one
  (`- - x` opens two on one line), a list may sit at its key's column, and
  each level ends when a line comes back left of it.

Levels are the collections open at once, the root's included. On a valid
file they are exactly those PyYAML composes (`tests/test_yaml_depth.py`
compares them); on a broken one, a parser may open one level more at the
mistake itself, where it stops, and past the mistake the count may differ.
"""

from __future__ import annotations

import re

#: How deep mappings and lists may nest, the root counting as one level.
MAX_DEPTH = 64

# YAML breaks lines at NEL, LS and PS too, as libyaml and PyYAML do.
_LINE_BREAKS = str.maketrans({"\x85": "\n", "\u2028": "\n", "\u2029": "\n"})
_SEPARATOR = ("", " ", "\t", "\n")  # what may follow `-`, `?` or `:` as indicators
# Where a plain scalar of block context stops on its line: a key's colon, a comment.
_PLAIN_END = re.compile(r":(?=[ \t]|$)|[ \t]#", re.M)
# What a scan of flow context has to look at; the rest is text or spaces.
_FLOW_STOP = re.compile(r"""[\[\]{},:?#'"\n]""")
# Anchors and tags before a node (`&gestes`, `!!str`).
_PROPERTIES = re.compile(r"(?:(?:&[-0-9A-Za-z_]*|![^\s,\[\]{}]*)[ \t]*)+")
# What ends a plain scalar of flow context after a colon.
_ENDS_PLAIN = (*_SEPARATOR, ",", "[", "]", "{", "}")
# Flow collections, and a flow scan's state: where a node may start, inside a
# plain scalar, after a quoted scalar or a collection.
_MAPPING, _LIST, _PAIR = range(3)
_NODE, _PLAIN, _AFTER = range(3)


def _deeper(peak: tuple[int, int], other: tuple[int, int]) -> tuple[int, int]:
    return other if other[0] > peak[0] else peak


class _TooDeep(Exception):
    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


def too_deep_at(text: str, limit: int = MAX_DEPTH) -> tuple[int, int] | None:
    """(line, column), both from 1, where `text` first nests deeper than `limit`; None if it never does."""
    if "\x85" in text or "\u2028" in text or "\u2029" in text:
        text = text.translate(_LINE_BREAKS)
    try:
        _Scan(text, limit).run()
    except _TooDeep as deep:
        line_start = text.rfind("\n", 0, deep.offset) + 1
        return text.count("\n", 0, deep.offset) + 1, deep.offset - line_start + 1
    return None


class _Scan:
    """One pass over a YAML text, line by line in block context, token by token in flow context."""

    def __init__(self, text: str, limit: int) -> None:
        self.text = text
        self.limit = limit
        self.blocks: list[tuple[int, bool]] = []  # open block collections: (column, is a list)
        self.flow = 0  # open flow collections
        self.block_scalar: tuple[int, int | None] | None = None  # (least indentation, content's) of an open `|` or `>`
        self.plain_from: int | None = None  # a plain scalar continues on lines indented at least this much

    def _open(self, offset: int) -> None:
        if len(self.blocks) + self.flow >= self.limit:
            raise _TooDeep(offset)

    def run(self) -> None:
        text, start = self.text, 0
        while start < len(text):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            line = text[start:end]
            content = line.lstrip(" ")
            indent = len(line) - len(content)
            blank = not content.strip(" \t")
            if self.block_scalar is not None:
                least, own = self.block_scalar
                if blank or indent >= (least if own is None else own):
                    if not blank and own is None:
                        self.block_scalar = (least, indent)
                    start = end + 1
                    continue
                self.block_scalar = None
            if blank:
                start = end + 1
                continue
            marker = indent == 0 and content[:3] in ("---", "...") and content[3:4] in _SEPARATOR
            if self.plain_from is not None:
                if indent >= self.plain_from and content[0] != "#" and not marker:
                    if re.search(r"[ \t]#", content):
                        self.plain_from = None  # a comment ends the scalar
                    start = end + 1
                    continue
                self.plain_from = None
            if content[0] == "#" or (indent == 0 and content[0] == "%"):
                start = end + 1
                continue
            at = start + indent
            if marker:
                self.blocks.clear()  # a new document
                at = self._skip(start + 3, end)
                if at >= end or text[at] == "#":
                    start = end + 1
                    continue
            start = self._line(at, start, end)

    def _skip(self, at: int, end: int) -> int:
        while at < end and self.text[at] in " \t":
            at += 1
        return at

    def _line(self, at: int, start: int, end: int) -> int:
        """Reads the nodes of a line of block context from `at`; returns where the next line starts."""
        text, blocks = self.text, self.blocks
        while True:
            column, char = at - start, text[at]
            while blocks and blocks[-1][0] > column:
                blocks.pop()
            if char == "-" and text[at + 1 : at + 2] in _SEPARATOR:
                if blocks[-1:] != [(column, True)]:
                    self._open(at)
                    blocks.append((column, True))
            else:
                if blocks[-1:] == [(column, True)]:
                    blocks.pop()  # a list at its key's column ends at the next key
                if char in "&!":
                    at = _PROPERTIES.match(text, at, end).end()
                    if at >= end or text[at] == "#":
                        return end + 1
                    char = text[at]
                if char in "[{" or char in "'\"":
                    after, inner = self._flow(at) if char in "[{" else (self._quoted(at), None)
                    if after is None:
                        return len(text)  # an unclosed quote: no parser reads further
                    if text.rfind("\n", at, after) >= 0:  # it went on over several lines
                        start = text.rfind("\n", at, after) + 1
                        end = text.find("\n", after)
                        end = len(text) if end < 0 else end
                    at = self._skip(after, end)
                    found = _PLAIN_END.search(text, at, end) if at < end and text[at] != "#" else None
                    if found is None or text[found.start()] != ":":
                        return end + 1
                    self._key(column, at, inner)  # parsers take it for a key even with words before the colon...
                    if found.start() != at:
                        return end + 1  # ...then stop at them
                elif char in "|>":
                    least = blocks[-1][0] + 1 if blocks else 1
                    digit = re.match(r"[-+]?([1-9])", text[at + 1 : at + 3])
                    self.block_scalar = (least, least + int(digit.group(1)) - 1 if digit else None)
                    return end + 1
                elif char == "#":
                    return end + 1
                elif char in "?:" and text[at + 1 : at + 2] in _SEPARATOR:
                    self._key(column, at)  # `? key`, or `: value` after an empty key
                else:
                    found = _PLAIN_END.search(text, at, end)
                    if found is None or text[found.start()] != ":":
                        if found is None:
                            self.plain_from = blocks[-1][0] + 1 if blocks else 0
                        return end + 1
                    self._key(column, at)
                    at = found.start()
            at = self._skip(at + 1, end)
            if at >= end or text[at] == "#":
                return end + 1

    def _key(self, column: int, at: int, inner: tuple[int, int] | None = None) -> None:
        """A key at `column` opens a mapping there, unless one is open. A flow
        collection written as the key (`[a, b]: c`) is then one level deeper
        than it was measured: `inner` is its deepest level, and where."""
        if self.blocks[-1:] != [(column, False)]:
            self._open(at)
            self.blocks.append((column, False))
            if inner is not None and inner[0] + 1 > self.limit:
                raise _TooDeep(inner[1])

    def _flow(self, at: int) -> tuple[int, tuple[int, int] | None]:
        """Reads a flow collection opening at `at`; returns the offset after its
        end, and its deepest level with where it is (see `_key`)."""
        text = self.text
        opened: list[int] = []  # innermost last: _MAPPING, _LIST, or _PAIR for a list whose entry is `key: value`
        peaks: list[tuple[int, int]] = []  # the deepest level in each, and its offset
        closed: tuple[int, int] | None = None  # the peak of the collection that just closed
        state = _NODE  # what the next character continues
        while True:
            found = _FLOW_STOP.search(text, at)
            if found is None:
                return len(text), None
            stop = found.start()
            between = text[at:stop].strip()
            if between and not (state == _NODE and _PROPERTIES.fullmatch(between)):
                state = _PLAIN  # `l'offre` holds no quote, `Pourquoi?` no key
            char = text[stop]
            key, closed = (None if between else closed), None  # a collection just closed, followed by `:`, is a key
            at = stop + 1
            if char in "[{":
                self._open(stop)
                self.flow += 1
                opened.append(_LIST if char == "[" else _MAPPING)
                peaks.append((len(self.blocks) + self.flow, stop))
                state = _NODE
            elif char in "]}":
                self.flow -= 1 + (opened.pop() == _PAIR)
                closed = peaks.pop()
                if not opened:
                    return at, closed
                peaks[-1] = _deeper(peaks[-1], closed)
                state = _AFTER
            elif char == ",":
                if opened[-1] == _PAIR:
                    opened[-1] = _LIST
                    self.flow -= 1
                state = _NODE
            elif char in "?:" and (state != _PLAIN or (char == ":" and text[at : at + 1] in _ENDS_PLAIN)):
                if opened[-1] == _LIST:  # `[a: b]` is a list holding a mapping
                    self._open(stop)
                    self.flow += 1
                    opened[-1] = _PAIR
                    peaks[-1] = _deeper(peaks[-1], (len(self.blocks) + self.flow, stop))
                    if key is not None:  # `[[a]: b]`: the key is one level deeper than measured
                        if key[0] + 1 > self.limit:
                            raise _TooDeep(key[1])
                        peaks[-1] = _deeper(peaks[-1], (key[0] + 1, key[1]))
                state = _NODE
            elif char == "#" and (state != _PLAIN or text[stop - 1] in " \t\n"):  # `[#` opens a comment too
                at = text.find("\n", stop)
                if at < 0:
                    return len(text), None
            elif char in "'\"" and state == _NODE:
                after = self._quoted(stop)
                if after is None:
                    return len(text), None
                at, state = after, _AFTER
            elif char != "\n":
                state = _PLAIN

    def _quoted(self, at: int) -> int | None:
        """The offset after the quoted scalar opening at `at`; None if it never closes."""
        text, quote = self.text, self.text[at]
        search = at + 1
        while True:
            close = text.find(quote, search)
            if close < 0:
                return None
            if quote == "'":
                if text[close + 1 : close + 2] != "'":  # '' is an apostrophe
                    return close + 1
                search = close + 2
                continue
            backslashes = close - 1
            while backslashes > at and text[backslashes] == "\\":
                backslashes -= 1
            if (close - 1 - backslashes) % 2 == 0:  # \" is a quotation mark
                return close + 1
            search = close + 1
