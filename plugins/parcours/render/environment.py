"""The Jinja2 environment the page templates are rendered in.

Autoescape is on for every HTML template: text from sources reaches HTML
only escaped, or through the `markdown` filter, which sanitises. The front
matter template (`.md`) writes YAML, whose strings the `yaml_text` filter
quotes.
"""

from __future__ import annotations

import json
from functools import partial
from typing import Any

from jinja2 import BytecodeCache, Environment, PackageLoader, StrictUndefined, select_autoescape
from jinja2.bccache import Bucket

from ..language.translator import Translator
from ..model import vocabulary
from . import formats
from ..model.markdown import without_tags
from .files import theme_text
from .fragments import KeptParts
from .markup import render_markdown


class _Compiled(BytecodeCache):
    """Templates compiled once a process: the preview makes an environment at each
    rebuild, and compiling the templates cost about a second. A template's key
    holds its source's checksum, so an edited template is compiled again."""

    def __init__(self) -> None:
        self.code: dict[tuple[str, str], object] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        bucket.code = self.code.get((bucket.key, bucket.checksum))  # type: ignore[assignment]

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[(bucket.key, bucket.checksum)] = bucket.code


_COMPILED = _Compiled()


def compiled_once() -> BytecodeCache:
    """A store of compiled templates for another environment (the theme's): keys
    name a template's file, not the settings it was compiled with."""
    return _Compiled()


def make_environment(translator: Translator, media_hosts: list[str] | tuple[str, ...] = ()) -> Environment:
    env = Environment(
        loader=PackageLoader("parcours.render", "templates"),
        bytecode_cache=_COMPILED,
        extensions=[KeptParts],
        autoescape=select_autoescape(enabled_extensions=("html",), disabled_extensions=("md",), default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    language = translator.language
    env.filters.update(
        markdown=partial(render_markdown, hosts=tuple(media_hosts)),
        tooltip=without_tags,
        number=partial(formats.number, language=language),
        percent=partial(formats.percent, language=language),
        signed=partial(formats.signed, language=language),
        long_date=partial(formats.long_date, language=language),
        month_year=partial(formats.month_year, language=language),
        theme_text=theme_text,
        yaml_text=lambda value: json.dumps(value, ensure_ascii=False),
    )
    env.globals.update(t=_Labels(translator.labels()), lang=language, plural=translator.word, vocabulary=vocabulary)
    return env


class _Labels:
    """Attribute access to the label tree: `t.phase.before`, `t.phase[stage.phase]`.

    Built once, the whole tree: each node's words are its own attributes, so
    `t.map.lanes` is two plain lookups, not two wrappers made on each use (a
    map reads labels some two thousand times)."""

    def __init__(self, tree: dict[str, Any]) -> None:
        self.__dict__.update({key: _Labels(value) if isinstance(value, dict) else value for key, value in tree.items()})

    def __getattr__(self, name: str) -> Any:
        """Only for a word the tree lacks: a missing label is a mistake, not an empty text."""
        if name.startswith("__"):
            raise AttributeError(name)
        raise KeyError(name)

    def __getitem__(self, name: str) -> Any:
        return self.__dict__[name]

    def __contains__(self, name: object) -> bool:
        return name in self.__dict__

    def get(self, name: str, default: Any = None) -> Any:
        return self.__dict__.get(name, default)
