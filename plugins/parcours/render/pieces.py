"""The small pieces of `_pieces.html` (icons, badges, a glossary term), each
rendered once per build and reused.

A journey map repeats the same badge hundreds of times: calling the macro
each time would cost more than the rest of the page. The HTML stays in the
template; this keeps what it drew.
"""

from __future__ import annotations

from typing import Any, Callable

from jinja2 import Environment
from markupsafe import Markup

from .icons import IconSet

TEMPLATE = "_pieces.html"


class Pieces:
    """The pieces a site's pages use, drawn by `_pieces.html`'s macros."""

    def __init__(self, env: Environment, icons: IconSet, channel_look: Callable[[str], tuple[str, str]]) -> None:
        self.icons = icons
        self._env = env
        self._module: Any = None
        self._drawn: dict[tuple[Any, ...], Markup] = {}
        #: A channel's icon and label, from the site's settings.
        self._channel_look = channel_look

    def _draw(self, macro: str, *args: Any) -> Markup:
        key = (macro, *args)
        drawn = self._drawn.get(key)
        if drawn is None:
            if self._module is None:
                self._module = self._env.get_template(TEMPLATE).module
            drawn = self._drawn[key] = Markup(getattr(self._module, macro)(*args))
        return drawn

    def icon(self, name: str | None) -> Markup:
        """An icon of Material's set by its name (`material/phone-outline`); nothing for an unknown one."""
        css_class = self.icons.css_class(name) if name else None
        return self._draw("icon_mark", css_class) if css_class else Markup("")

    def qualification(self, value: str) -> Markup:
        return self._draw("qualification", value)

    def initiator(self, value: str) -> Markup:
        return self._draw("initiator", value)

    def actor(self, name: str) -> Markup:
        return self._draw("actor", name)

    def channel(self, channel_id: str) -> Markup:
        drawn = self._drawn.get(("channel-id", channel_id))
        if drawn is None:
            drawn = self._drawn[("channel-id", channel_id)] = self._draw("channel", *self._channel_look(channel_id))
        return drawn

    def evidence(self, status: str) -> Markup:
        return self._draw("evidence", status)

    def path(self, value: str) -> Markup:
        return self._draw("path", value)

    def moment_of_truth(self) -> Markup:
        return self._draw("moment_of_truth")

    def term(self, html_text: str, definition: str, key: str) -> Markup:
        """A glossary term as the page writes it (HTML text), with its definition on hover
        and focus; `key` names the definition in the page (a term is explained once a page)."""
        return self._draw("term", Markup(html_text), definition, key)
