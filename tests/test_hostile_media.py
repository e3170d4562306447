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
