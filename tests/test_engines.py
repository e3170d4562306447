"""Engine portability: `parcours build-pages` writes plain Markdown, HTML and
assets that Zensical and ProperDocs build into the same site as MkDocs with
the plugin, neither of them running the plugin."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import REPO
from parcours.cli import main

BIN = Path(sys.executable).parent


class _ConfigLoader(yaml.SafeLoader):
    """Reads `mkdocs.yml` as an engine would: `!ENV [NAME, default]` is the
    default, since the test's environment sets none of them."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def _plain_sources(root: Path, engine: str) -> Path:
    """The demo's own pages plus every generated one, and a config without the plugin."""
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "theme_overrides", root / "theme_overrides")
    result = CliRunner().invoke(main, ["build-pages", str(REPO), "--out", str(root / "docs"), "--engine", engine])
    assert result.exit_code == 0, result.output
    config = yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=_ConfigLoader)
    config["plugins"] = [p for p in config["plugins"] if p != "parcours" and not (isinstance(p, dict) and "parcours" in p)]
    # What the command's closing message tells an engine's user to add.
    config["extra_css"] = ["assets/parcours/parcours.css", "assets/parcours/icons.css"]
    config["extra_javascript"] = ["assets/parcours/parcours.js"]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    assert "parcours" not in (root / "mkdocs.yml").read_text("utf-8").split("plugins:")[1].split("markdown_extensions:")[0]
    return root


def _missing_files(site: Path) -> list[str]:
    """Local images, clips and captions a page asks for that the site does not have."""
    missing = []
    for path in sorted(site.rglob("index.html")):
        html = path.read_text("utf-8")
        for tag, url in re.findall(r'<(img|source|track)\b[^>]*?\bsrc="([^"#?]+)', html):
            if "://" in url or url.startswith(("data:", "//")):
                continue
            target = (site / url.lstrip("/")) if url.startswith("/") else (path.parent / url)
            if not target.resolve().is_file():
                missing.append(f"{path.parent.relative_to(site).as_posix()}/ <{tag}> {url}")
    return missing


def _pages(site: Path) -> dict[str, str]:
    """Every page of a built site, by its URL, with its main heading."""
    pages = {}
    for path in sorted(site.rglob("index.html")):
        url = path.parent.relative_to(site).as_posix()
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", path.read_text("utf-8"), re.S)
        pages["" if url == "." else url + "/"] = " ".join(unescape(re.sub(r"<[^>]+>", " ", heading.group(1))).split()) if heading else ""
    return pages


@pytest.mark.parametrize(
    "engine",
    [
        pytest.param(["zensical", "build", "--clean", "-f", "mkdocs.yml"], id="zensical"),
        pytest.param(["properdocs", "build", "--strict", "-f", "mkdocs.yml"], id="properdocs"),
    ],
)
def test_every_page_of_the_demo_builds_without_the_plugin(tmp_path, demo, engine):
    plain_sources = _plain_sources(tmp_path, engine[0])
    result = subprocess.run([str(BIN / engine[0]), *engine[1:]], cwd=plain_sources, capture_output=True, text=True, timeout=600,
                            env={"PATH": f"{BIN}:/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(plain_sources)})
    assert result.returncode == 0, result.stdout + result.stderr
    built = _pages(plain_sources / "site")
    expected = _pages(demo.site_dir)
    assert len(expected) > 40
    missing = sorted(set(expected) - set(built))
    assert not missing, f"{engine[0]} did not build: {missing}"
    different = {url: (expected[url], built[url]) for url in expected if expected[url] != built[url]}
    assert not different, different
    journey = (plain_sources / "site" / "journeys" / "remboursement" / "index.html").read_text("utf-8")
    assert 'class="parcours-map"' in journey and "assets/parcours/parcours.js" in journey
    assert (plain_sources / "site" / "assets" / "parcours" / "plotly.min.js").is_file()
    # Portraits, screenshots, clips and captions load from where each page asks for them.
    assert not _missing_files(demo.site_dir)
    missing = _missing_files(plain_sources / "site")
    assert not missing, missing
