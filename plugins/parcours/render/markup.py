"""Text from sources made safe for HTML.

Plain fields (verbatims, names, labels) are escaped by the templates'
autoescape. Markdown fields are rendered, then sanitised with nh3 (the
ammonia HTML sanitiser): whatever HTML an analyst or a customer typed,
no script, event handler, frame or remote resource reaches the page.
"""

from __future__ import annotations

import markdown as markdown_lib
import nh3
from markupsafe import Markup

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "strong", "sub", "sup",
    "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}
_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title", "width", "height"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}


def _no_remote_images(tag: str, attribute: str, value: str) -> str | None:
    """The intranet has no internet: an image must be a file of the site."""
    if tag == "img" and attribute == "src" and ("://" in value or value.startswith("//")):
        return None
    return value


_converter = markdown_lib.Markdown(extensions=["tables", "sane_lists"], output_format="html")


def render_markdown(text: str | None) -> Markup:
    """Markdown → sanitised HTML."""
    if not text:
        return Markup("")
    html = _converter.reset().convert(text)
    # The page has its own title: a body's "# Heading" becomes a section, not a second title.
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    clean = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        attribute_filter=_no_remote_images,
        link_rel="noopener noreferrer",
    )
    return Markup(clean)
