"""A site of many pages is drawn on several cores (`render/parallel.py`) and comes out
exactly as when drawn on one: same files, same bytes, same search index.

Built through MkDocs' own API from the bench's generated corpus (enough pages
for the build to fork; not strict, as the bench builds it: the demo's own
pages it copies link to the demo's journeys), once with `PARCOURS_JOBS=1`
and once on two processes.
"""

from __future__ import annotations

import filecmp
import os
import re
import sys
from pathlib import Path

import pytest

from conftest import REPO, mkdocs_build
from parcours.render import parallel
from parcours.render.renderer import Renderer

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pages are drawn on several processes on Linux only")


@pytest.fixture(scope="module")
def many_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six journeys and enough sheets that the build has more than `MIN_PAGES` pages."""
    sys.path.insert(0, str(REPO / "bench"))
    from corpus import write_corpus

    root = write_corpus(tmp_path_factory.mktemp("many") / "src", REPO, journeys=6, personas=6, benchmarks=50, solutions=12)
    # The corpus copies the demo's own pages, which link to the demo's journeys: not strict, as the bench builds it.
    return root


def _build(root: Path, site_dir: Path, monkeypatch: pytest.MonkeyPatch, jobs: str) -> set[int]:
    """Build the site; the processes that drew its pages."""
    drawers = root.parent / f"drawers-{jobs}"
    original = Renderer.page

    def page(self, spec):
        with drawers.open("a") as out:  # appended by each process: the build's and its forks
            out.write(f"{os.getpid()}\n")
        return original(self, spec)

    monkeypatch.setattr(Renderer, "page", page)
    monkeypatch.setenv(parallel.JOBS_VARIABLE, jobs)
    # Other tests' servers may run threads in this process: a fork is safe for a build all the same.
    monkeypatch.setattr(parallel, "can_fork", lambda: True)
    monkeypatch.setattr(parallel, "processes", lambda: int(jobs))
    result = mkdocs_build(root / "mkdocs.yml", site_dir, strict=False)
    assert result.ok, "\n".join(result.log)
    return {int(line) for line in drawers.read_text().split()}


def _differences(a: Path, b: Path) -> list[str]:
    comparison = filecmp.dircmp(a, b)
    found = [*comparison.left_only, *comparison.right_only]
    found += [name for name in comparison.common_files if not filecmp.cmp(a / name, b / name, shallow=False)]
    for name in comparison.common_dirs:
        found += [f"{name}/{inner}" for inner in _differences(a / name, b / name)]
    return found


def test_pages_drawn_on_two_processes_are_those_drawn_on_one(many_pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = _build(many_pages, tmp_path / "one", monkeypatch, "1")
    two = _build(many_pages, tmp_path / "two", monkeypatch, "2")

    assert one == {os.getpid()}
    assert len(two - {os.getpid()}) == 2, "the pages were not drawn by two other processes"
    pages = list((tmp_path / "one").rglob("index.html"))
    assert len(pages) > parallel.MIN_PAGES
    assert _differences(tmp_path / "one", tmp_path / "two") == []
    # Icons drawn in the forks are in the stylesheet the build writes.
    journey = (tmp_path / "two" / "journeys" / "parcours-1" / "index.html").read_text("utf-8")
    stylesheet = next((tmp_path / "two").rglob("icons.css")).read_text("utf-8")
    classes = set(re.findall(r'<i class="pi (pi-[a-z]+)"', journey))
    assert classes and all(f".{css_class}{{" in stylesheet for css_class in classes)


def test_a_page_that_fails_in_a_fork_is_drawn_again_in_the_build(many_pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_process = os.getpid()
    original = Renderer.page

    def failing_in_forks(self, spec):
        if os.getpid() != build_process and spec.src_uri == "journeys/parcours-2.md":
            raise RuntimeError("drawn in a fork that breaks")
        return original(self, spec)

    monkeypatch.setattr(Renderer, "page", failing_in_forks)
    _build(many_pages, tmp_path / "two", monkeypatch, "2")
    monkeypatch.setattr(Renderer, "page", original)
    _build(many_pages, tmp_path / "one", monkeypatch, "1")

    assert (tmp_path / "two" / "journeys" / "parcours-2" / "index.html").is_file()
    assert _differences(tmp_path / "one", tmp_path / "two") == []
