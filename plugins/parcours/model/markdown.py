"""Markdown written in sources: what it may hold, and how it becomes safe HTML.

One path for every Markdown field and every `.md` body, written once here:

- the model refuses, with a located message, what would run or load from
  elsewhere (`findings`): an image from another host (unless it is an
  intranet host of `media_hosts`), a script, a frame, a style, an event
  handler, a link that is not a web address;
- the renderer converts and sanitises with the same rules (`safe_html`,
  with nh3, the ammonia sanitiser), so that whatever got through shows
  as harmless text;
- a `title` (shown by Material's tooltips, which write it as HTML) never
  holds a tag: `<` and `>` become their look-alikes ‹ ›.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown as markdown_lib
import nh3

#: What a Markdown field may produce in the page.
TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "strong", "sub", "sup",
    "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title", "width", "height"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
#: Elements that run, frame, style or load something: named as an error, never shown.
_REFUSED_TAGS = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "link", "meta", "base", "form",
    "input", "button", "textarea", "select", "svg", "math", "video", "audio", "source", "track", "picture", "template",
}
#: Attributes that load something or run: named as an error, never shown.
_LOADING = {"src", "srcset", "href", "action", "formaction", "data", "poster", "background", "style", "xlink:href"}
#: What browsers ignore in an address, or read as a slash.
_INVISIBLE = re.compile(r"[\x00-\x20]")


@dataclass(frozen=True)
class Finding:
    """Something in a Markdown text the site will not show: its kind and the words themselves."""

    code: str
    value: str


def without_tags(text: str) -> str:
    """Text that a theme may write as HTML (a tooltip's title): `<` and `>` become ‹ ›."""
    return text.replace("<", "‹").replace(">", "›")


def image_allowed(src: str, hosts: list[str] | tuple[str, ...]) -> bool:
    """Whether an image address stays on the intranet: a path of the site, or an
    address on an allowed host. Read as a browser reads it: spaces, tabs and
    control characters dropped, a backslash taken for a slash."""
    value = _INVISIBLE.sub("", src)
    if "\\" in value:
        return False
    parts = urlsplit(value)
    if not (parts.scheme or parts.netloc or value.startswith("/")):
        return True  # a path relative to the page
    return parts.scheme in ("http", "https") and bool(parts.netloc) and parts.hostname in hosts


_converter = markdown_lib.Markdown(extensions=["tables", "sane_lists"], output_format="html")


@lru_cache(maxsize=32768)
def to_html(text: str) -> str:
    """Markdown → HTML, not yet sanitised. The page has its own title: a `# heading` becomes a section.

    Each text is converted once: the checks read it, then the page shows it,
    and the preview's rebuilds meet the same texts again."""
    html = _converter.reset().convert(text)
    return html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")


def safe_html(text: str | None, hosts: list[str] | tuple[str, ...] = ()) -> str:
    """Markdown → sanitised HTML: only the tags and attributes above, images from the site or allowed hosts."""
    if not text:
        return ""
    return _safe_html(text, tuple(hosts))


@lru_cache(maxsize=32768)
def _safe_html(text: str, hosts: tuple[str, ...]) -> str:
    def attribute(tag: str, name: str, value: str) -> str | None:
        if name == "title":
            return without_tags(value)
        if tag == "img" and name == "src" and not image_allowed(value, hosts):
            return None
        return value

    return nh3.clean(
        to_html(text), tags=TAGS, attributes=ATTRIBUTES, url_schemes=LINK_SCHEMES, attribute_filter=attribute,
        link_rel="noopener noreferrer",
    )


def findings(text: str, hosts: list[str] | tuple[str, ...] = ()) -> list[Finding]:
    """Everything in a Markdown text that the site refuses to show, in the text's order."""
    return list(_findings(text, tuple(hosts)))


@lru_cache(maxsize=32768)
def _findings(text: str, hosts: tuple[str, ...]) -> tuple[Finding, ...]:
    reader = _Reader(hosts)
    reader.feed(to_html(text))
    reader.close()
    return tuple(reader.found)


class _Reader(HTMLParser):
    """Reads converted Markdown as a browser would, noting what the sanitiser would drop for a reason."""

    def __init__(self, hosts: list[str] | tuple[str, ...]) -> None:
        super().__init__(convert_charrefs=True)
        self.hosts = hosts
        self.found: list[Finding] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or f"<{tag}>"
        if tag in _REFUSED_TAGS:
            self.found.append(Finding("markdown_markup", raw))
            return
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or (name in _LOADING and name not in ATTRIBUTES.get(tag, ())):
                self.found.append(Finding("markdown_markup", raw))
            elif tag == "img" and name == "src" and not image_allowed(value, self.hosts):
                self.found.append(Finding("markdown_outside_image", value))
            elif tag == "a" and name == "href" and _scheme(value) not in ("", *LINK_SCHEMES):
                self.found.append(Finding("markdown_link_scheme", value))

    handle_startendtag = handle_starttag


#: Attributes whose address a browser loads by itself, on any element.
_LOADED = {"src", "srcset", "poster", "data", "background", "xlink:href"}
#: Elements whose `href` is loaded, not followed.
_LOADED_HREF = {"link", "image", "use", "feimage"}
_CSS_ADDRESS = re.compile(r"""url\(\s*['"]?([^'")]*)|@import\s+['"]([^'"]+)""", re.I)


def page_findings(html: str, hosts: list[str] | tuple[str, ...] = ()) -> list[Finding]:
    """In an author's own page, whose HTML is trusted: what would load from
    another host (`page_outside_resource`: the intranet has no internet), and
    what runs (`page_script`: a script, an event handler, a `javascript:` link)."""
    reader = _PageReader(hosts)
    reader.feed(html)
    reader.close()
    return reader.found


class _PageReader(HTMLParser):
    def __init__(self, hosts: list[str] | tuple[str, ...]) -> None:
        super().__init__(convert_charrefs=True)
        self.hosts = hosts
        self.found: list[Finding] = []
        self._in_style = False

    def _address(self, address: str) -> None:
        for one in (part.strip().split(" ")[0] for part in address.split(",")):
            if one and not image_allowed(one, self.hosts) and _scheme(one) != "data":
                self.found.append(Finding("page_outside_resource", one))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        if tag == "script":
            self.found.append(Finding("page_script", self.get_starttag_text() or "<script>"))
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(Finding("page_script", f"{name}={value}"))
            elif name in _LOADED or (name == "href" and tag in _LOADED_HREF):
                self._address(value)
            elif name == "href" and _scheme(value) == "javascript":
                self.found.append(Finding("page_script", value))
            elif name == "style":
                self.handle_data(value)

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False if tag == "style" else self._in_style

    def handle_data(self, data: str) -> None:
        if self._in_style or "url(" in data or "@import" in data:
            for match in _CSS_ADDRESS.finditer(data):
                self._address(match.group(1) or match.group(2) or "")


def _scheme(address: str) -> str:
    value = _INVISIBLE.sub("", address)
    return urlsplit(value).scheme.lower() if ":" in value.split("/", 1)[0] else ""
