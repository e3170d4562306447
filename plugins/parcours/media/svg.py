"""SVG drawings, published without editor data or anything that could run."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from .raster import ImageError

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
#: Namespaces of editors' private data (Inkscape, Sodipodi, Illustrator, Sketch…) and of metadata.
_PRIVATE_NS = re.compile(r"inkscape|sodipodi|adobe|sketch|purl\.org/dc|creativecommons|rdf-syntax", re.I)
_DROPPED = {"metadata", "script", "foreignObject"}
ElementTree.register_namespace("", SVG_NS)
ElementTree.register_namespace("xlink", XLINK_NS)


def check_svg(path: Path) -> None:
    _parse_svg(path)


def clean_svg(path: Path) -> bytes:
    tree = _parse_svg(path)
    root = tree.getroot()
    _strip(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="utf-8", xml_declaration=False)


def _parse_svg(path: Path) -> ElementTree.ElementTree:
    try:
        return ElementTree.parse(path)
    except (ElementTree.ParseError, OSError) as error:
        raise ImageError(str(error)) from error


def _local(name: str) -> tuple[str, str]:
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return "", name


def _strip(element: ElementTree.Element) -> None:
    for child in list(element):
        if not isinstance(child.tag, str):  # comments and processing instructions
            element.remove(child)
            continue
        namespace, local = _local(child.tag)
        if local in _DROPPED or (namespace and _PRIVATE_NS.search(namespace)):
            element.remove(child)
            continue
        _strip(child)
    for name in list(element.attrib):
        namespace, local = _local(name)
        value = element.attrib[name]
        if (
            (namespace and _PRIVATE_NS.search(namespace))
            or local.lower().startswith("on")
            or (local == "href" and not value.startswith("#"))
        ):
            del element.attrib[name]
