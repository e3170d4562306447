"""Parts of a site-wide page kept from one preview build to the next, journey by journey.

Why: the inventory, the verbatims, the teams' pages and their briefings list
every journey's stages, touchpoints and words. A save changes one journey,
yet each of these pages was drawn whole again, most of a preview's rebuild.

A template cuts a list into runs of consecutive items of one journey, each
told apart by what identifies its items, and marks each run as one part:

    {% for run in places | journey_runs("journey", "stage.id", "verbatim.text") %}
    {% journey_part run.journey, "words", run.key %}{% for place in run.items %}…{% endfor %}{% endjourney_part %}
    {% endfor %}

The first value names the journey; the others tell the part apart on its
page. The part is drawn again unless the same page drew it in the last
build with the same key for that journey (`reuse.BuildKeys.journey`: the
journey's file and data, and every source that is not a journey: personas'
names, solutions, settings, the day). Anything a part shows from another
journey would make it stale: such a part is not marked. A run is keyed by
its items, not by its place: a list cut to its first ten, or interleaving
journeys, keeps each run exact. One part per run, not per item: a page of
6,000 rows costs a hundred lookups, not 6,000.
Outside the preview (`mkdocs build`, the CLI), parts are drawn each time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, Callable, Iterable

from jinja2 import nodes
from jinja2.ext import Extension
from jinja2.parser import Parser
from jinja2.runtime import Context
from markupsafe import Markup



@dataclass(frozen=True)
class Run:
    """Consecutive items of one journey in a list, and what identifies each of them."""

    journey: Any
    items: list[Any]
    key: tuple[Any, ...]


def journey_runs(items: Iterable[Any], journey: str, *identity: str) -> list[Run]:
    """`items` cut where the journey changes; `journey` and `identity` are paths
    of attributes or positions ("0.stage.id" for a pair's first item), None past a None."""
    journey_of, identify = _getter(journey), _getter(*identity)
    cut: list[tuple[Any, list[Any], list[Any]]] = []
    for item in items:
        journey_id = journey_of(item)
        if not cut or cut[-1][0] != journey_id:
            cut.append((journey_id, [], []))
        cut[-1][1].append(item)
        cut[-1][2].append(identify(item))
    return [Run(journey_id, run_items, tuple(keys)) for journey_id, run_items, keys in cut]


def _getter(*paths: str) -> Callable[[Any], Any]:
    """The paths' values of an item (one value for one path), read by `operator`:
    a page lists thousands of items. Past a None, the value is None."""
    by_position: dict[int | None, list[str]] = {}
    for path in paths:
        head, _, rest = path.partition(".")
        if head.isdigit():
            by_position.setdefault(int(head), []).append(rest)
        else:
            by_position.setdefault(None, []).append(path)
    readers = [(position, attrgetter(*names), len(names) > 1) for position, names in by_position.items()]

    def read(item: Any) -> tuple[Any, ...]:
        values: list[Any] = []
        for position, get, many in readers:
            value = get(item if position is None else item[position])
            values.extend(value) if many else values.append(value)
        return tuple(values)

    def read_past_none(item: Any) -> tuple[Any, ...]:
        values = []
        for position, names in by_position.items():
            for name in names:
                value = item if position is None else item[position]
                for step in name.split("."):
                    value = None if value is None else getattr(value, step)
                values.append(value)
        return tuple(values)

    def values(item: Any) -> Any:
        try:
            found = read(item)
        except AttributeError:  # a None on the way
            found = read_past_none(item)
        return found[0] if len(found) == 1 else found

    return values


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
        environment.filters["journey_runs"] = journey_runs

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
