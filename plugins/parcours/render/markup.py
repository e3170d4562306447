"""Text from sources made safe for HTML, in the renderer.

Plain fields (verbatims, names, labels) are escaped by the templates'
autoescape. Markdown fields and bodies are converted and sanitised by
`model.markdown.safe_html`, the same rules the model checked them against:
no script, event handler, frame or image from another host reaches a page.
"""

from __future__ import annotations

from markupsafe import Markup

from ..model.markdown import safe_html


def render_markdown(text: str | None, hosts: list[str] | tuple[str, ...] = ()) -> Markup:
    """Markdown → sanitised HTML, images allowed from the site and from `hosts`."""
    return Markup(safe_html(text, hosts))
