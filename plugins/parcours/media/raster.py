"""Photos (JPEG, PNG, WebP, GIF): read whole before they are accepted, never
decoded above a size limit, published without their metadata.

A truncated or corrupt file is refused when the sources are checked, not at
the build. A photo's size is read from its header (Pillow's `Image.open`
decodes nothing): one above `MAX_PIXELS` is refused before a single pixel is
decoded, so a 12,000 × 12,000 image costs kilobytes, not a gigabyte.
"""

from __future__ import annotations

import io
from contextlib import contextmanager
from typing import IO, Any, Iterator

from PIL import Image, ImageOps, UnidentifiedImageError

#: The largest photo accepted, in pixels. Phones' largest sensors give 48 to
#: 50 megapixels (8064 × 6048, 8160 × 6120): such a photo is accepted as it
#: comes; decoded, it takes about 150 MB. Anything larger is no portrait or
#: screenshot (they are published at 640 px wide) but a scan, a poster or a
#: decompression bomb. Pillow's own guard is much higher (a warning at 89
#: megapixels, a refusal at 179) and does not say where the file is named.
MAX_PIXELS = 50_000_000
#: Pillow's name of the format each extension is published in.
FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".gif": "GIF"}
#: The only decoders a file is offered to, whatever its extension says (a PNG
#: named `.jpg` is read; an EPS named `.png` is not handed to Ghostscript).
#: The JPEG decoder also reads phones' multi-picture JPEGs (MPO).
DECODERS = ("JPEG", "PNG", "WEBP", "GIF")
#: What Pillow raises on a file it cannot read (a truncated JPEG raises OSError).
_UNREADABLE = (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError)


class ImageError(Exception):
    """The file cannot be published as an image: `code` names the message, `params` fill it."""

    def __init__(self, detail: str, code: str = "image_invalid", **params: Any) -> None:
        super().__init__(detail)
        self.code = code
        self.params: dict[str, Any] = {"detail": detail, **params}


class ImageTooLarge(ImageError):
    """The image has more pixels than `MAX_PIXELS`."""

    def __init__(self, width: int, height: int) -> None:
        super().__init__(
            f"{width} × {height}",
            code="image_too_large",
            width=width,
            height=height,
            megapixels=round(width * height / 1_000_000),
            max=MAX_PIXELS // 1_000_000,
        )


@contextmanager
def opened(source: str | IO[bytes]) -> Iterator[Image.Image]:
    """The image, its header read and its size checked, no pixel decoded yet.

    Pillow's own decompression-bomb guard (a bare warning, or an error without
    the image's size) is off while the header is read: `MAX_PIXELS` is lower.
    """
    saved = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None
    try:
        image = Image.open(source, formats=DECODERS)
    except _UNREADABLE as error:
        raise ImageError(_detail(error)) from error
    finally:
        Image.MAX_IMAGE_PIXELS = saved
    with image:
        if image.width * image.height > MAX_PIXELS:
            raise ImageTooLarge(image.width, image.height)
        try:
            yield image
        except _UNREADABLE as error:
            raise ImageError(_detail(error)) from error


def check_raster(source: str | IO[bytes]) -> None:
    """Raise `ImageError` unless every pixel of the image can be decoded."""
    with opened(source) as image:
        image.verify()  # a PNG's checksums, the structure of the others
    if not isinstance(source, str):
        source.seek(0)
    with opened(source) as image:
        if image.format in ("JPEG", "MPO"):
            # Decoded at an eighth of its size: the whole file is still read
            # (a truncated one fails), for 1/64 of the memory.
            image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
        image.load()


def clean_raster(source: str | IO[bytes], kind: str, max_width: int | None) -> bytes:
    """The image re-encoded as `kind` (`JPEG`, `PNG`…), without its metadata,
    at most `max_width` pixels wide (`None` keeps its size)."""
    with opened(source) as image:
        image = ImageOps.exif_transpose(image)  # keep what the orientation tag meant, then drop the tag
        # Pillow writes back what `info` holds (a JPEG's comment, a PNG's text
        # chunks): keep only the colour profile, which says how to show it.
        image.info = {key: value for key, value in image.info.items() if key == "icc_profile"}
        if max_width is not None and image.width > max_width:
            image.thumbnail((max_width, round(max_width * image.height / image.width)), Image.Resampling.LANCZOS)
        output = io.BytesIO()
        options: dict[str, object] = {"optimize": True}
        if kind == "JPEG":
            image = image.convert("RGB")
            options.update(quality=85, progressive=True)
        elif kind == "WEBP":
            options = {"quality": 85}
        # No `exif`, no `pnginfo`, no XMP: nothing of the original's metadata is written.
        image.save(output, kind, **options)
        return output.getvalue()


def _detail(error: Exception) -> str:
    """What Pillow said, without the file's absolute path (the message names the file)."""
    if isinstance(error, UnidentifiedImageError):
        return "cannot identify image file"
    return str(error) or type(error).__name__
