"""Portraits and images, checked whole and published without their metadata.

A photo carries where and when it was taken and with which camera (EXIF,
GPS); an SVG drawn in an editor carries its author and editor data. The
site publishes a clean copy; the source file in the repository is never
touched. Photos are read by `raster`, drawings by `svg`.
"""

from __future__ import annotations

from pathlib import Path

from .raster import FORMATS, MAX_PIXELS, ImageError, ImageTooLarge, check_raster, clean_raster
from .svg import check_svg, clean_svg

__all__ = ["MAX_PIXELS", "ImageError", "ImageTooLarge", "check_image", "clean_image"]


def check_image(path: Path) -> None:
    """Raise `ImageError` when the file cannot be published as an image: every
    pixel of a photo is decoded (a truncated file is refused here, not at the
    build), after its size was checked from its header."""
    if path.suffix.lower() == ".svg":
        check_svg(path)
    else:
        check_raster(str(path))


def clean_image(path: Path, max_width: int | None) -> bytes:
    """The image as the site publishes it; `max_width=None` keeps its size.

    Raises `ImageError` when the file is not a readable image.
    """
    if path.suffix.lower() == ".svg":
        return clean_svg(path)
    return clean_raster(str(path), FORMATS[path.suffix.lower()], max_width)
