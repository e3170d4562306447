"""Portraits and images, published resized and without their metadata.

A photo carries where and when it was taken and with which camera (EXIF,
GPS); an SVG drawn in an editor carries its author and editor data. The
site publishes a clean copy; the source file in the repository is never
touched. SVGs also lose anything that could run (scripts, event handlers,
embedded HTML, links to other sites).
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
#: Namespaces of editors' private data (Inkscape, Sodipodi, Illustrator, Sketch…) and of metadata.
_PRIVATE_NS = re.compile(r"inkscape|sodipodi|adobe|sketch|purl\.org/dc|creativecommons|rdf-syntax", re.I)
_DROPPED = {"metadata", "script", "foreignObject"}
ElementTree.register_namespace("", SVG_NS)
ElementTree.register_namespace("xlink", XLINK_NS)


class ImageError(Exception):
    """The file is not a readable image."""


def check_image(path: Path) -> None:
    """Raise `ImageError` when the file cannot be published as an image."""
    if path.suffix.lower() == ".svg":
        _parse_svg(path)
        return
    try:
        with Image.open(path) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as error:
        raise ImageError(str(error) or type(error).__name__) from error


def clean_image(path: Path, max_width: int | None) -> bytes:
    """The image as the site publishes it; `max_width=None` keeps its size.

    Raises `ImageError` when the file is not a readable image.
    """
    if path.suffix.lower() == ".svg":
        return _clean_svg(path)
    try:
        return _clean_raster(path, max_width)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError, ValueError) as error:
        raise ImageError(str(error) or type(error).__name__) from error


def _clean_raster(path: Path, max_width: int | None) -> bytes:
    with Image.open(path) as image:
        image = ImageOps.exif_transpose(image)  # keep what the orientation tag meant, then drop the tag
        # Pillow writes back what `info` holds (a JPEG's comment, a PNG's text
        # chunks): keep only the colour profile, which says how to show it.
        image.info = {key: value for key, value in image.info.items() if key == "icc_profile"}
        if max_width is not None and image.width > max_width:
            image.thumbnail((max_width, round(max_width * image.height / image.width)), Image.Resampling.LANCZOS)
        output = io.BytesIO()
        kind = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".gif": "GIF"}[path.suffix.lower()]
        options: dict[str, object] = {"optimize": True}
        if kind == "JPEG":
            image = image.convert("RGB")
            options.update(quality=85, progressive=True)
        elif kind == "WEBP":
            options = {"quality": 85}
        # No `exif`, no `pnginfo`, no XMP: nothing of the original's metadata is written.
        image.save(output, kind, **options)
        return output.getvalue()


def _parse_svg(path: Path) -> ElementTree.ElementTree:
    try:
        return ElementTree.parse(path)
    except (ElementTree.ParseError, OSError) as error:
        raise ImageError(str(error)) from error


def _clean_svg(path: Path) -> bytes:
    tree = _parse_svg(path)
    root = tree.getroot()
    _strip(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="utf-8", xml_declaration=False)


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
