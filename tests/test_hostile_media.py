"""Hostile or broken media: an SVG that would run or fetch something, XML
entities, truncated or gigantic photos, names that look like addresses.

Each is either published harmless or refused with an error that names the
file, the line that names it, what is wrong and how to fix it: never a
traceback, never the file published as it is.
"""

from __future__ import annotations

import base64
import io
import struct
import subprocess
import sys
import warnings
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from conftest import SiteDir

PERSONA = "personas/fanny.md"
PORTRAIT = "personas/portraits/fanny.svg"
SVG_OPEN = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:html="http://www.w3.org/1999/xhtml" viewBox="0 0 100 100">'
)

#: The SVG of issue 13: everything in it would run on load or on click, or fetch from another host.
HOSTILE_SVG = (
    SVG_OPEN + "<title>Fanny</title>"
    "<style>@import url(http://evil.example/import.css); .skin { fill: url(http://evil.example/fill.svg#p); }</style>"
    '<rect class="skin" width="100" height="100"/>'
    '<rect x="40" width="20" height="20" fill="url(http://evil.example/rect.svg#p)"/>'
    '<a id="by-set"><set attributeName="href" to="javascript:alert(\'set\')"/><circle cx="30" cy="30" r="20" fill="#8d5524"/></a>'
    '<a id="by-animate"><animate attributeName="href" values="javascript:alert(\'animate\')"/><circle cx="70" cy="70" r="20" fill="#f4c7a1"/></a>'
    '<html:iframe src="javascript:parent.alert(\'iframe\')"/>'
    "</svg>"
)


def _png_bytes(size: tuple[int, int] = (4, 4)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, (200, 120, 90)).save(output, "PNG")
    return output.getvalue()


# --- broken photos ------------------------------------------------------------------


def _jpeg(comment: bytes = b"Photo de Jean Dupont") -> bytes:
    image = Image.effect_noise((400, 300), 64).convert("RGB")
    exif = Image.Exif()
    exif[0x010F] = "Camera Maker"
    output = io.BytesIO()
    image.save(output, "JPEG", exif=exif, comment=comment)
    return output.getvalue()


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    "name, content",
    [
        pytest.param("fanny.jpg", _truncated(_jpeg()), id="a_truncated_jpeg"),
        pytest.param("fanny.png", _truncated(_png_bytes((300, 300))), id="a_truncated_png"),
        pytest.param("fanny.png", _png_bytes((300, 300))[:-40] + b"\0" * 40, id="a_png_with_a_corrupt_end"),
    ],
)
def test_a_broken_portrait_is_refused_at_check_time_not_at_build(site, name: str, content: bytes) -> None:
    site.write(f"personas/portraits/{name}", content)
    site.replace(PERSONA, "portrait: portraits/fanny.svg", f"portrait: portraits/{name}")
    code, output = site.check()
    assert code == 1, output
    assert f"personas/fanny.md:3:11 portrait : « portraits/{name} » n'est pas une image lisible" in output
    result = site.build()
    assert not result.ok
    assert any(f"« portraits/{name} » n'est pas une image lisible" in line for line in result.log), result.log
    assert not any("Traceback" in line for line in result.log)


def test_a_broken_photo_in_the_authors_pages_is_an_error_naming_it_and_is_not_published(site):
    site.write("docs/atelier.jpg", _truncated(_jpeg()))
    site.write("docs/index.md", "# Accueil\n\n![L'atelier](atelier.jpg)\n")
    result = site.build()
    assert not result.ok
    errors = [line for line in result.log if line.startswith("ERROR")]
    assert any("docs/atelier.jpg : la photo ne peut pas être lue" in line for line in errors), result.log
    assert not (result.site_dir / "atelier.jpg").exists()


# --- gigantic images ------------------------------------------------------------------


def _huge_png(width: int, height: int) -> bytes:
    """A black-and-white PNG of any size, a few kilobytes on disk: written
    with zlib, row after row of zeros, never held as an image in memory."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\0" * (1 + (width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    "width, height",
    [
        pytest.param(9000, 6000, id="above_the_limit"),
        pytest.param(12000, 12000, id="where_pillow_warns_of_a_bomb"),
        pytest.param(20000, 20000, id="where_pillow_refuses_a_bomb"),
    ],
)
def test_a_gigantic_portrait_is_refused_with_its_size_and_the_limit(site, width: int, height: int) -> None:
    site.write("personas/portraits/fanny.png", _huge_png(width, height))
    site.replace(PERSONA, "portrait: portraits/fanny.svg", "portrait: portraits/fanny.png")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        code, output = site.check()
    assert code == 1, output
    megapixels = round(width * height / 1_000_000)
    assert (
        f"personas/fanny.md:3:11 portrait : l'image « portraits/fanny.png » mesure {width} × {height} pixels"
        f" ({megapixels} millions), au-delà de la limite de 50 millions de pixels" in output
    )
    assert "réduisez-la" in output
    assert not [warning for warning in caught if "Decompression" in type(warning.message).__name__], caught


def test_checking_a_gigantic_image_decodes_none_of_its_pixels(tmp_path):
    """Pillow decoding 12,000 × 12,000 pixels took 1.18 GB: the size is read
    from the header, so the check stays at the size of Python and Pillow."""
    if not Path("/proc/self/status").exists():
        pytest.skip("the peak memory of a process is read from Linux's /proc")
    path = tmp_path / "fanny.png"
    path.write_bytes(_huge_png(12000, 12000))
    # VmHWM is the peak of this process alone (getrusage's maxrss keeps the
    # parent's, which the test suite has grown, across fork and exec).
    code = (
        "import re\n"
        "from pathlib import Path\n"
        "from parcours.media.images import ImageTooLarge, check_image\n"
        "try:\n"
        f"    check_image(Path({str(path)!r}))\n"
        "except ImageTooLarge:\n"
        "    print(re.search(r'VmHWM:\\s+(\\d+) kB', Path('/proc/self/status').read_text()).group(1))\n"
    )
    run = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=True)
    peak_kb = int(run.stdout)
    # Decoded, its pixels alone would take 144 MB (one byte each); Python and Pillow take about 40.
    assert peak_kb < 100_000, f"{peak_kb / 1024:.0f} MB"


def test_a_gigantic_photo_in_the_authors_pages_is_an_error_naming_it(site):
    site.write("docs/plan.png", _huge_png(9000, 6000))
    site.write("docs/index.md", "# Accueil\n\n![Le plan](plan.png)\n")
    result = site.build()
    assert not result.ok
    assert any("docs/plan.png : l'image mesure 9000 × 6000 pixels" in line for line in result.log), result.log


# --- names ----------------------------------------------------------------------------


def test_a_local_file_with_a_hash_or_a_space_in_its_name_is_a_path_not_an_address(site):
    site.write("personas/portraits/portrait #2.svg", site.read(PORTRAIT))
    site.replace(PERSONA, "portrait: portraits/fanny.svg", "portrait: 'portraits/portrait #2.svg'")
    result = site.build()
    assert result.ok, result.log
    assert (result.site_dir / "personas/portraits/portrait #2.svg").is_file()
    assert 'src="../portraits/portrait%20%232.svg"' in result.html("personas/fanny/")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("ftp://videos.example/fanny.png", "n'est pas sur un serveur de l'intranet autorisé"),
        ("//cdn.example/fanny.png", "n'est pas sur un serveur de l'intranet autorisé"),
        ("https://cdn.example/fanny.png#2", "n'est pas sur un serveur de l'intranet autorisé"),
    ],
)
def test_only_a_scheme_or_a_double_slash_makes_an_address(site, value: str, expected: str) -> None:
    site.replace(PERSONA, "portrait: portraits/fanny.svg", f"portrait: '{value}'")
    code, output = site.check()
    assert code == 1
    assert f"« {value} » {expected}" in output
