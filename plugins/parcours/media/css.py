"""The CSS of an SVG drawing (`<style>`, `style="…"`, presentation attributes),
kept only where it cannot fetch anything.

CSS fetches through `@import`, `url()` and functions that take an image
(`image-set()`, `src()`, `-webkit-image-set()`…); a backslash escape can spell
any of them (`\\75 rl(` is `url(`). So a piece of CSS is kept only when it
holds no at-rule, no escape, no `url()` but to an element of the drawing
(`url(#shadow)`), and calls no function outside a short list of static ones.
Everything else is dropped, one declaration or rule at a time.
"""

from __future__ import annotations

import re

#: Functions of values and transforms that draw or compute, and fetch nothing.
VALUE_FUNCTIONS = frozenset(
    "rgb rgba hsl hsla hwb lab lch oklab oklch color color-mix calc min max clamp var"
    " matrix translate translatex translatey scale scalex scaley rotate skew skewx skewy"
    " blur brightness contrast drop-shadow grayscale hue-rotate invert opacity saturate sepia"
    " path inset circle ellipse polygon".split()
)
#: Functions of selectors (`:not(.a)`, `:nth-child(2)`).
SELECTOR_FUNCTIONS = frozenset("not is where has nth-child nth-last-child nth-of-type nth-last-of-type lang dir".split())
_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.S)
_FUNCTION = re.compile(r"([a-z0-9_-]+)\s*\(")
_LOCAL_URL = re.compile(r"url\(\s*['\"]?#")
#: Characters that start an at-rule, an escape, or markup.
_FORBIDDEN = re.compile(r"[@\\<]")
#: Addresses that run or embed instead of pointing into the drawing (`java script:`
#: with spaces too, as browsers drop them from addresses; not `metadata:`).
_SCHEMES = re.compile(r"(?<![a-z0-9+.-])(?:javascript|vbscript|data):")


def is_safe(text: str, functions: frozenset[str] | None = VALUE_FUNCTIONS) -> bool:
    """Whether this CSS text (a value, a declaration, a selector) fetches and runs nothing.

    `functions=None` checks words, not CSS: any function but `url()` may appear.
    """
    lowered = text.lower()
    if _FORBIDDEN.search(text) or _SCHEMES.search(re.sub(r"[\s\x00-\x1f]", "", lowered)):
        return False
    for match in _FUNCTION.finditer(lowered):
        name = match.group(1)
        if name == "url":
            if not _LOCAL_URL.match(lowered, match.start()):
                return False
        elif functions is not None and name not in functions:
            return False
    return True


def clean_declarations(text: str) -> str:
    """`fill: red; stroke: url(http://…)` → `fill: red`: only the safe declarations."""
    kept = []
    for declaration in _COMMENT.sub(" ", text).split(";"):
        name, colon, value = declaration.partition(":")
        name, value = name.strip(), value.strip()
        if colon and re.fullmatch(r"-?[a-zA-Z][a-zA-Z0-9-]*", name) and value and is_safe(value):
            kept.append(f"{name}: {value}")
    return "; ".join(kept)


def clean_stylesheet(text: str) -> str:
    """A `<style>` element's rules, each with its safe declarations; at-rules
    (`@import`, `@font-face`, `@media`…) and nested rules are dropped whole."""
    text = _COMMENT.sub(" ", text)
    rules: list[str] = []
    position = 0
    while position < len(text):
        start = _skip_space(text, position)
        if start >= len(text):
            break
        if text[start] == "@":
            position = _after_at_rule(text, start)
            continue
        brace = text.find("{", start)
        if brace == -1:
            break
        end = _block_end(text, brace)
        selector, body = text[start:brace].strip(), text[brace + 1 : end]
        position = end + 1
        if "{" in body or not selector or not is_safe(selector, SELECTOR_FUNCTIONS) or ";" in selector:
            continue
        declarations = clean_declarations(body)
        if declarations:
            rules.append(f"{selector} {{ {declarations} }}")
    return "\n".join(rules)


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _after_at_rule(text: str, start: int) -> int:
    """Where an at-rule ends: after its `;`, or after its block."""
    semicolon, brace = text.find(";", start), text.find("{", start)
    if brace == -1 or (semicolon != -1 and semicolon < brace):
        return len(text) if semicolon == -1 else semicolon + 1
    return _block_end(text, brace) + 1


def _block_end(text: str, brace: int) -> int:
    """The index of the `}` closing the block opened at `brace` (or the end of the text)."""
    depth = 0
    for index in range(brace, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    return len(text)
