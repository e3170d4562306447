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


def _clean(tmp_path: Path, body: str) -> str:
    """The SVG as the site publishes it, `body` inside an `<svg>` root."""
    from parcours.media.images import clean_image

    path = tmp_path / "dessin.svg"
    path.write_text(SVG_OPEN + body + "</svg>", "utf-8")
    return clean_image(path, 640).decode("utf-8")


# --- SVG: only static drawing is published ---------------------------------------


@dataclass(frozen=True)
class Drawing:
    """A piece of SVG, what must not survive cleaning and what must."""

    name: str
    body: str
    gone: tuple[str, ...]
    kept: tuple[str, ...] = ()


DRAWINGS = [
    Drawing(
        "a_style_element_loses_its_imports_and_remote_fills_and_keeps_the_rest",
        "<style>@import url(http://evil.example/a.css); @import 'http://evil.example/b.css';"
        " .skin { fill: url(http://evil.example/p.svg#g); stroke: #8d5524 } .hair { fill: url(#g) }</style>",
        gone=("evil.example", "@import"),
        kept=("stroke: #8d5524", "fill: url(#g)"),
    ),
    Drawing(
        "a_url_hidden_behind_a_css_escape_or_a_comment_is_removed",
        r"<style>.a { fill: \75 rl(http://evil.example/e.svg) } .b { fill: u/**/rl(http://evil.example/c.svg) } .c { fill: red }</style>",
        gone=("evil.example",),
        kept=("fill: red",),
    ),
    Drawing(
        "css_functions_that_load_images_or_fonts_are_removed",
        '<style>.a { background-image: image-set("http://evil.example/i.png" 1x) }'
        ' @font-face { font-family: X; src: url(http://evil.example/f.woff) } .b { fill: rgb(1, 2, 3) }</style>',
        gone=("evil.example", "image-set", "font-face"),
        kept=("fill: rgb(1, 2, 3)",),
    ),
    Drawing(
        "a_presentation_attribute_pointing_elsewhere_is_removed_a_local_one_kept",
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>'
        '<rect width="10" height="10" fill="url(http://evil.example/p.svg#g)"/>'
        '<circle r="4" fill="url(#g)" filter="url(data:image/svg+xml,x)"/>',
        gone=("evil.example", "data:", "filter="),
        kept=('fill="url(#g)"', "<linearGradient", "<stop"),
    ),
    Drawing(
        "a_style_attribute_keeps_only_harmless_declarations",
        '<rect width="10" height="10" style="fill: url(https://evil.example/x.svg#p); stroke: blue; cursor: url(javascript:alert(1))"/>',
        gone=("evil.example", "javascript", "cursor"),
        kept=('style="stroke: blue"',),
    ),
    Drawing(
        "animations_are_removed_even_those_that_set_a_link",
        '<a><set attributeName="href" to="javascript:alert(1)"/><circle r="3"/></a>'
        '<a><animate attributeName="href" values="javascript:alert(2)"/><rect width="3" height="3"/></a>'
        '<g><animateTransform attributeName="transform" type="rotate" from="0" to="360" dur="1s"/>'
        '<animateMotion path="M0,0 L9,9" dur="1s"/></g>',
        gone=("javascript", "<set", "<animate", "animateTransform", "animateMotion"),
        kept=("<circle", "<rect"),
    ),
    Drawing(
        "a_link_becomes_a_plain_group_its_drawing_stays",
        '<a href="javascript:alert(1)" xlink:href="http://evil.example/"><circle r="3"/></a>',
        gone=("javascript", "evil.example", "<a"),
        kept=("<g><circle",),
    ),
    Drawing(
        "elements_from_another_namespace_are_removed",
        '<html:iframe src="javascript:alert(1)"/><foreignObject><html:p>texte</html:p></foreignObject>'
        '<html:img src="http://evil.example/i.png"/>',
        gone=("iframe", "javascript", "foreignObject", "texte", "evil.example", "xhtml"),
    ),
    Drawing(
        "svg_elements_that_are_not_static_drawing_are_removed",
        '<script>alert(1)</script><handler type="application/ecmascript">alert(2)</handler>'
        '<discard begin="0s"/><feImage href="http://evil.example/x.png"/><view id="v" viewBox="0 0 1 1"/>',
        gone=("alert", "handler", "discard", "feImage", "evil.example", "<view"),
    ),
    Drawing(
        "event_handlers_are_removed_whatever_their_case",
        '<circle r="3" ONCLICK="alert(1)" onMouseOver="alert(2)"/>',
        gone=("alert", "ONCLICK", "onMouseOver"),
        kept=("<circle",),
    ),
    Drawing(
        "a_use_of_another_file_is_removed_a_local_one_kept",
        '<defs><circle id="dot" r="2"/></defs><use xlink:href="http://evil.example/s.svg#a"/><use href="#dot" x="5"/>',
        gone=("evil.example",),
        kept=('<use href="#dot" x="5"',),
    ),
    Drawing(
        "xml_base_and_foreign_attributes_are_removed",
        '<g xml:base="http://evil.example/" xmlns:x="urn:x" x:data="secret"><circle r="3"/></g>',
        gone=("evil.example", "secret", "urn:x"),
        kept=("<circle",),
    ),
    Drawing(
        "an_embedded_photo_is_kept_remote_and_svg_ones_are_removed",
        f'<image href="data:image/png;base64,{base64.b64encode(_png_bytes()).decode()}" width="4" height="4"/>'
        '<image href="http://evil.example/pixel.png"/>'
        '<image href="data:image/svg+xml;base64,PHN2Zy8+"/>',
        gone=("evil.example", "svg+xml"),
        kept=('<image href="data:image/png;base64,',),
    ),
    Drawing(
        "a_link_in_a_text_becomes_a_span_its_words_stay",
        '<text x="1" y="5">Voir <a href="https://evil.example/">le site</a> demain</text>',
        gone=("evil.example", "<a"),
        kept=("<text x=\"1\" y=\"5\">Voir <tspan>le site</tspan> demain</text>",),
    ),
    Drawing(
        "processing_instructions_and_comments_are_removed_the_text_around_them_stays",
        '<text>Bon<?xml-stylesheet href="http://evil.example/s.css"?>jour<!-- exporté par Jean Dupont --> Fanny</text>',
        gone=("evil.example", "Jean Dupont", "xml-stylesheet"),
        kept=("<text>Bonjour Fanny</text>",),
    ),
    Drawing(
        "an_illustrator_export_keeps_its_classes_and_its_drawing",
        '<style type="text/css"><![CDATA[ .st0{fill:#FFFFFF;} .st1{font-family:\'MyriadPro-Regular\';} ]]></style>'
        '<switch><foreignObject requiredExtensions="http://ns.adobe.com/AdobeIllustrator/10.0/" x="0" y="0" width="1" height="1"/>'
        '<g xmlns:i="http://ns.adobe.com/AdobeIllustrator/10.0/" i:extraneous="self"><rect class="st0" width="5" height="5"/>'
        '<text class="st1" transform="matrix(1 0 0 1 2 8)">Fanny</text></g></switch>',
        gone=("foreignObject", "adobe", "extraneous"),
        kept=(".st0 { fill: #FFFFFF }", ".st1 { font-family: 'MyriadPro-Regular' }", '<rect class="st0"', 'transform="matrix(1 0 0 1 2 8)"'),
    ),
    Drawing(
        "an_inkscape_export_keeps_its_styles_and_loses_its_editor_data",
        '<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" pagecolor="#ffffff"/>'
        '<g xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:label="Calque 1" inkscape:groupmode="layer">'
        '<path d="M 0,0 L 10,10" style="fill:#ff0000;fill-opacity:1;stroke:none;filter:url(#blur)"/></g>'
        '<defs><filter id="blur"><feGaussianBlur stdDeviation="2"/></filter></defs>',
        gone=("sodipodi", "inkscape", "Calque"),
        kept=('style="fill: #ff0000; fill-opacity: 1; stroke: none; filter: url(#blur)"', '<feGaussianBlur stdDeviation="2"'),
    ),
    Drawing(
        "text_titles_gradients_and_clip_paths_are_kept",
        '<title>Fanny</title><desc>Portrait dessiné</desc>'
        '<defs><clipPath id="c"><circle r="5"/></clipPath><radialGradient id="r"><stop offset="1"/></radialGradient></defs>'
        '<g clip-path="url(#c)"><text x="1" y="2">Bonjour <tspan>Fanny</tspan></text></g>',
        gone=(),
        kept=("<title>Fanny</title>", "<desc>Portrait dessiné</desc>", 'clip-path="url(#c)"', "<tspan>Fanny</tspan>", "<radialGradient"),
    ),
]


@pytest.mark.parametrize("drawing", DRAWINGS, ids=lambda drawing: drawing.name)
def test_an_svg_is_published_as_static_drawing_only(tmp_path, drawing: Drawing) -> None:
    svg = _clean(tmp_path, drawing.body)
    for gone in drawing.gone:
        assert gone not in svg, (gone, svg)
    for kept in drawing.kept:
        assert kept in svg, (kept, svg)


@pytest.mark.parametrize(
    "content, code",
    [
        pytest.param('<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>', "svg_root", id="an_xhtml_page_named_svg"),
        pytest.param(SVG_OPEN + "<g>" * 300 + "</g>" * 300 + "</svg>", "image_invalid", id="groups_nested_300_deep"),
        pytest.param(SVG_OPEN + '<image href="data:image/png;base64,bm90IGEgcG5n"/></svg>', "image_invalid", id="an_unreadable_embedded_photo"),
        pytest.param(SVG_OPEN + "<text>&nbsp;</text></svg>", "image_invalid", id="an_html_entity"),
    ],
)
def test_an_svg_that_cannot_be_drawn_safely_is_refused(tmp_path, content: str, code: str) -> None:
    from parcours.media.images import ImageError, check_image

    path = tmp_path / "dessin.svg"
    path.write_text(content, "utf-8")
    with pytest.raises(ImageError) as refused:
        check_image(path)
    assert refused.value.code == code


def test_an_embedded_photo_loses_its_metadata_too(tmp_path):
    image = Image.new("RGB", (8, 8), (200, 120, 90))
    exif = Image.Exif()
    exif[0x010F] = "Camera Maker"
    output = io.BytesIO()
    image.save(output, "JPEG", exif=exif, comment=b"Jean Dupont")
    svg = _clean(tmp_path, f'<image href="data:image/jpeg;base64,{base64.b64encode(output.getvalue()).decode()}"/>')
    embedded = base64.b64decode(svg.split("base64,")[1].split('"')[0])
    assert b"Camera Maker" not in embedded and b"Jean Dupont" not in embedded
    assert Image.open(io.BytesIO(embedded)).size == (8, 8)


def test_the_hostile_svg_of_the_issue_is_published_harmless(site):
    site.write(PORTRAIT, HOSTILE_SVG)
    result = site.build()
    assert result.ok, result.log
    svg = (result.site_dir / PORTRAIT).read_text("utf-8")
    for gone in ("evil.example", "javascript", "iframe", "<set", "<animate", "@import", "xhtml"):
        assert gone not in svg, gone
    assert "<title>Fanny</title>" in svg and svg.count("<circle") == 2


# --- XML entities -----------------------------------------------------------------

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "hahahahahaha">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + ']><svg xmlns="http://www.w3.org/2000/svg"><text>&j;</text></svg>'
)
EXTERNAL_ENTITY = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&secret;</text></svg>'


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(BILLION_LAUGHS.encode(), id="billion_laughs"),
        pytest.param(EXTERNAL_ENTITY.encode(), id="an_external_entity"),
        pytest.param(BILLION_LAUGHS.replace('<?xml version="1.0"?>', "").encode("utf-16"), id="billion_laughs_in_utf16"),
        pytest.param(b'<!DOCTYPE svg [<!ATTLIST svg x CDATA "y">]><svg xmlns="http://www.w3.org/2000/svg"/>', id="an_internal_subset_without_entities"),
    ],
)
def test_an_svg_declaring_entities_is_refused_where_the_source_names_it(site, content: bytes) -> None:
    site.write(PORTRAIT, content)
    code, output = site.check()
    assert code == 1, output
    assert "personas/fanny.md:3:11 portrait : « portraits/fanny.svg » déclare des entités XML" in output
    assert "Traceback" not in output and "haha" not in output and "root:" not in output


def test_a_doctype_naming_the_svg_dtd_is_accepted_as_editors_write_it(site):
    site.write(
        PORTRAIT,
        '<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4"/></svg>',
    )
    result = site.build()
    assert result.ok, result.log
    svg = (result.site_dir / PORTRAIT).read_text("utf-8")
    assert "DOCTYPE" not in svg and "w3.org/Graphics" not in svg and "<circle" in svg


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
