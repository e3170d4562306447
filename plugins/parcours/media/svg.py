"""SVG drawings, published as static drawing and nothing else.

An SVG opened at its own address is a document the browser runs: scripts,
event handlers, animations that rewrite a link (`<set to="javascript:…">`),
HTML from another namespace (`<html:iframe>`), styles that fetch from other
hosts. A blocklist always misses one, so the published copy keeps only what
is known to draw:

- elements: those of `STATIC` (shapes, text, paint servers, clipping,
  masking, markers, filters) in the SVG namespace. A link `<a>` becomes a
  plain group (a span in a text): its drawing stays, the link goes. Every other element, with
  its content, is dropped: scripts, animations (`set`, `animate`,
  `animateTransform`, `animateMotion`), `foreignObject`, `style` rules that
  fetch, any element of another namespace (XHTML, editors' data).
- attributes: no event handler (`on…`); no `href` but to an element of the
  drawing (`#face`), except a photo embedded in an `<image>` (a PNG, JPEG,
  GIF or WebP `data:` address), kept re-encoded without its metadata, as
  editors embed photos that way; no value holding `javascript:`, `data:`, a
  CSS escape, or a `url()` that is not `url(#…)` (see `css`); no attribute of
  another namespace (editors' data, `xml:base`) but `xml:space`, `xml:lang`.
- XML: a document with an internal DTD subset (`<!DOCTYPE svg [ … ]>`, where
  entities are declared: the "billion laughs", external files) is refused
  before it is parsed; a plain `<!DOCTYPE>` naming the SVG DTD, as
  Illustrator writes it, is read (the DTD is never fetched) and not published.
"""

from __future__ import annotations

import base64
import io
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from xml.parsers import expat

from .css import VALUE_FUNCTIONS, clean_declarations, clean_stylesheet, is_safe
from .raster import ImageError, ImageTooLarge, clean_raster

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
#: SVG elements that only draw: nothing in them runs, and once their
#: attributes are cleaned, nothing in them fetches.
STATIC = frozenset(
    "svg g defs symbol use switch title desc"
    " path rect circle ellipse line polyline polygon image"
    " text tspan textPath"
    " linearGradient radialGradient stop pattern clipPath mask marker"
    " filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting"
    " feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur"
    " feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence".split()
)
#: Attributes that make `<a>` a link, dropped when it becomes a group.
_LINK_ATTRIBUTES = {"href", f"{{{XLINK_NS}}}href", "target", "download", "ping", "rel", "hreflang", "type", "referrerpolicy"}
#: Photos an `<image>` may embed, by MIME type, and the format they are re-encoded in.
_EMBEDDED = re.compile(r"data:image/(png|jpeg|jpg|gif|webp);base64,(.*)", re.I | re.S)
_EMBEDDED_FORMATS = {"png": "PNG", "jpeg": "JPEG", "jpg": "JPEG", "gif": "GIF", "webp": "WEBP"}
#: Deeper than editors ever nest groups; deep enough to exhaust Python's stack when cleaning.
MAX_DEPTH = 256
ElementTree.register_namespace("", SVG_NS)
ElementTree.register_namespace("xlink", XLINK_NS)


def check_svg(path: Path) -> None:
    """Raise `ImageError` when the drawing cannot be published (it is cleaned as it would be)."""
    clean_svg(path)


def clean_svg(path: Path) -> bytes:
    """The drawing as the site publishes it: static drawing only."""
    root = _parse(path)
    _clean_attributes(root, "svg")
    _clean_children(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="utf-8", xml_declaration=False)


class _Refused(Exception):
    """Raised from expat's handlers to stop reading at the first declaration."""


def _parse(path: Path) -> ElementTree.Element:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImageError(str(error)) from error
    _refuse_declarations(data)
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise ImageError(str(error)) from error
    namespace, local = _local(root.tag)
    if (namespace, local) != (SVG_NS, "svg"):
        raise ImageError(local, code="svg_root", root=local)
    return root


def _refuse_declarations(data: bytes) -> None:
    """Read the document once with expat (any encoding it declares), stopping
    at an internal DTD subset or an entity declaration, before anything is
    expanded; and at a nesting deeper than `MAX_DEPTH`."""
    parser = expat.ParserCreate()
    depth = [0]

    def doctype(name: str, system_id: str | None, public_id: str | None, has_internal_subset: int) -> None:
        if has_internal_subset:
            raise _Refused

    def declaration(*_: object) -> None:
        raise _Refused

    def start(*_: object) -> None:
        depth[0] += 1
        if depth[0] > MAX_DEPTH:
            raise ImageError(f"elements nested more than {MAX_DEPTH} deep")

    def end(*_: object) -> None:
        depth[0] -= 1

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = declaration
    parser.UnparsedEntityDeclHandler = declaration
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data, True)
    except _Refused:
        raise ImageError("<!DOCTYPE [ ]>", code="svg_entities") from None
    except expat.ExpatError as error:
        raise ImageError(str(error)) from error


def _local(name: str) -> tuple[str, str]:
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return "", name


def _clean_children(element: ElementTree.Element, in_text: bool = False) -> None:
    for child in list(element):
        if not isinstance(child.tag, str):  # comments and processing instructions
            _remove(element, child)
            continue
        namespace, local = _local(child.tag)
        if namespace != SVG_NS:
            _remove(element, child)
            continue
        if local == "a":  # a group, or in a text a span: what it showed stays
            local = "tspan" if in_text else "g"
            child.tag = f"{{{SVG_NS}}}{local}"
            for name in _LINK_ATTRIBUTES:
                child.attrib.pop(name, None)
        if local == "style":
            rules = clean_stylesheet("".join(child.itertext()))
            if not rules:
                _remove(element, child)
                continue
            tail = child.tail
            child.clear()  # its attributes too: a stylesheet needs none
            child.text, child.tail = rules, tail
            continue
        if local not in STATIC:
            _remove(element, child)
            continue
        _clean_attributes(child, local)
        if local == "image" and "href" not in child.attrib and f"{{{XLINK_NS}}}href" not in child.attrib:
            _remove(element, child)
            continue
        _clean_children(child, in_text or local in ("text", "tspan", "textPath"))


def _clean_attributes(element: ElementTree.Element, local_tag: str) -> None:
    for name in list(element.attrib):
        namespace, attribute = _local(name)
        value = element.attrib[name]
        if attribute == "href" and namespace in ("", XLINK_NS):
            cleaned = _href(local_tag, value)
        elif namespace == XML_NS and attribute in ("space", "lang"):
            cleaned = value
        elif namespace or attribute.lower().startswith("on"):
            cleaned = None
        elif attribute == "style":
            cleaned = clean_declarations(value) or None
        else:
            # Presentation attributes are CSS (`fill="url(…)"`); words are not checked for functions.
            functions = None if attribute.startswith("aria-") else VALUE_FUNCTIONS
            cleaned = value if is_safe(value, functions) else None
        if cleaned is None:
            del element.attrib[name]
        else:
            element.attrib[name] = cleaned


def _href(local_tag: str, value: str) -> str | None:
    """A reference kept: to an element of the drawing, or an `<image>`'s
    embedded photo, re-encoded without its metadata."""
    value = value.strip()
    if value.startswith("#"):
        return value
    embedded = _EMBEDDED.fullmatch(value)
    if local_tag != "image" or not embedded:
        return None
    kind = _EMBEDDED_FORMATS[embedded.group(1).lower()]
    try:
        data = base64.b64decode(re.sub(r"\s", "", embedded.group(2)), validate=True)
        cleaned = clean_raster(io.BytesIO(data), kind, None)
    except ImageTooLarge:
        raise
    except (ImageError, ValueError) as error:
        raise ImageError(f"embedded image: {error}") from error
    return f"data:image/{kind.lower()};base64,{base64.b64encode(cleaned).decode('ascii')}"


def _remove(parent: ElementTree.Element, child: ElementTree.Element) -> None:
    """Drop `child` and its content; the text after it stays (`<text>a<x/>b</text>` keeps "b")."""
    if child.tail:
        index = list(parent).index(child)
        if index:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)
