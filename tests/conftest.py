"""Shared fixtures: a small complete site to copy and break, and real builds.

Sites are built through MkDocs' own API (`load_config` + `build`) in strict
mode, as `mkdocs build --strict` would; tests assert on the HTML produced.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class BuildResult:
    """What `mkdocs build` left behind: the site folder and its log."""

    site_dir: Path
    ok: bool
    log: list[str] = field(default_factory=list)

    def html(self, url_path: str) -> str:
        """The HTML of a page by its URL path (`journeys/remboursement/`)."""
        path = self.site_dir / url_path
        if url_path.endswith("/") or not url_path:
            path = path / "index.html"
        return path.read_text("utf-8")

    def text(self, url_path: str) -> str:
        """The page's main content as a reader sees it: tags removed, spaces collapsed."""
        html = self.html(url_path)
        main = re.search(r'<article class="md-content__inner[^"]*">(.*)</article>', html, re.S)
        body = main.group(1) if main else html
        body = re.sub(r"<svg.*?</svg>", " ", body, flags=re.S)
        text = re.sub(r"<[^>]+>", " ", body)
        import html as html_lib

        return " ".join(html_lib.unescape(text).split())


def mkdocs_build(config_file: Path, site_dir: Path, strict: bool = True) -> BuildResult:
    """Build like `mkdocs build [--strict]`, capturing MkDocs' log."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    records: list[str] = []

    class _Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(f"{record.levelname}: {record.getMessage()}")

    handler = _Collect(level=logging.INFO)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(str(config_file), strict=strict, site_dir=str(site_dir))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
            ok = True
        except Abort as abort:
            records.append(f"ABORT: {abort}")
            ok = False
        finally:
            config.plugins.on_shutdown()
    finally:
        logger.removeHandler(handler)
    return BuildResult(site_dir=site_dir, ok=ok, log=records)


@dataclass
class SiteDir:
    """A site's folder in `tmp_path`, with ways to edit, check and build it."""

    root: Path

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, "utf-8")
        return path

    def read(self, rel: str) -> str:
        return (self.root / rel).read_text("utf-8")

    def replace(self, rel: str, old: str, new: str) -> None:
        """Change one exact piece of a file (the piece must be there)."""
        text = self.read(rel)
        assert old in text, f"{old!r} not in {rel}"
        self.write(rel, text.replace(old, new, 1))

    def line_of(self, rel: str, needle: str) -> int:
        """1-based line where `needle` first appears (for asserting positions)."""
        for number, line in enumerate(self.read(rel).splitlines(), start=1):
            if needle in line:
                return number
        raise AssertionError(f"{needle!r} not in {rel}")

    def check(self, *args: str) -> tuple[int, str]:
        """Run `parcours check` on the site; return its exit code and output."""
        from parcours.cli import main

        result = CliRunner().invoke(main, ["check", str(self.root), *args])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        return result.exit_code, result.output

    def build(self, strict: bool = True) -> BuildResult:
        return mkdocs_build(self.root / "mkdocs.yml", self.root / "site", strict=strict)


@pytest.fixture
def site(tmp_path: Path) -> SiteDir:
    """A copy of the minimal complete site, ready to be changed."""
    root = tmp_path / "site-src"
    shutil.copytree(FIXTURES / "minimal", root)
    return SiteDir(root)


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The repository's demo site, built once under strict mode."""
    site_dir = tmp_path_factory.mktemp("demo") / "site"
    result = mkdocs_build(REPO / "mkdocs.yml", site_dir, strict=True)
    assert result.ok, "\n".join(result.log)
    return result


@pytest.fixture(scope="session")
def minimal_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The minimal site, built once (for tests that only read its pages)."""
    root = tmp_path_factory.mktemp("minimal") / "src"
    shutil.copytree(FIXTURES / "minimal", root)
    result = mkdocs_build(root / "mkdocs.yml", root / "site", strict=True)
    assert result.ok, "\n".join(result.log)
    return result
