"""Parts of a site-wide page kept from one preview build to the next, journey by journey.

Why: the inventory, the verbatims, the teams' pages and their briefings list
every journey's stages, touchpoints and words. A save changes one journey,
yet each of these pages was drawn whole again, most of a preview's rebuild.

A template marks a part that shows one journey's things only:

    {% journey_part place.journey, "words", place.stage.id, place.verbatim.text %}…{% endjourney_part %}

The first value names the journey; the others tell the part apart on its
page. The part is drawn again unless the same page drew it in the last
build with the same key for that journey: the one its map is reused by
(`reuse.py`: the journey's file and data, and every source that is not a
journey: personas' names, solutions, settings, the day). Anything a part
shows from another journey would make it stale: such a part is not marked.
Outside the preview (`mkdocs build`, the CLI), parts are drawn each time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from jinja2 import nodes
from jinja2.ext import Extension
from jinja2.parser import Parser
from jinja2.runtime import Context
from markupsafe import Markup



@dataclass
class Fragments:
    """The parts drawn by the last build, and those this build used (the rest are dropped)."""

    drawn: dict[tuple[Any, ...], str] = field(default_factory=dict)
    used: dict[tuple[Any, ...], str] = field(default_factory=dict)

    def part(self, key: tuple[Any, ...], draw: Callable[[], str]) -> str:
        html = self.used.get(key)
        if html is None:
            html = self.drawn.get(key)
            if html is None:
                html = str(draw())
            self.used[key] = html
        return html

    def end_build(self) -> None:
        self.drawn, self.used = self.used, {}


class KeptParts(Extension):
    """The `{% journey_part journey, id… %}` tag (see the module's docstring)."""

    tags = {"journey_part"}

    def __init__(self, environment: Any) -> None:
        super().__init__(environment)
        #: Set by the preview's renderer: the parts, and what each journey is drawn from (`reuse.BuildKeys`).
        environment.extend(kept_parts=None, kept_keys=None)

    def parse(self, parser: Parser) -> nodes.Node:
        lineno = next(parser.stream).lineno
        values = [parser.parse_expression()]
        while parser.stream.skip_if("comma"):
            values.append(parser.parse_expression())
        body = parser.parse_statements(("name:endjourney_part",), drop_needle=True)
        call = self.call_method("_part", [nodes.ContextReference(), nodes.List(values)])
        return nodes.CallBlock(call, [], [], body).set_lineno(lineno)

    def _part(self, context: Context, values: list[Any], caller: Callable[[], str]) -> Markup:
        parts: Fragments | None = self.environment.kept_parts  # type: ignore[attr-defined]
        journey = values[0]
        keys = self.environment.kept_keys  # type: ignore[attr-defined]
        journey_key = keys.journey(journey) if parts is not None and keys is not None and isinstance(journey, str) else None
        if parts is None or journey_key is None:
            return Markup(caller())
        page = context.get("page")
        key = (context.name, getattr(page, "src_uri", None), journey_key, *values)
        return Markup(parts.part(key, caller))
