"""A build's pages drawn on each of the machine's cores.

Why: drawing is most of Parcours's share of a build (a 12-stage journey
map takes about 40 ms, a site-wide inventory of 6,000 touchpoints most of a
second), and each page is drawn from the loaded, checked site alone. On
Linux a forked process starts with that site in memory, shared with the
build's until either writes to it: each draws a share of the pages and
sends back their text, with the icons they used (an icon's class is the
same in every process, `icons.py`).

Pages are drawn one after the other, in the build's own process, where
forking is not safe or not worth it:

- on a system other than Linux (macOS's system libraries do not survive
  a fork), or on a single core;
- when the process runs other threads (the preview's server, a test's),
  which a fork would copy in whatever state they were in;
- for a site of fewer than `MIN_PAGES` pages;
- when `PARCOURS_JOBS=1` asks for it (or `PARCOURS_JOBS=n` for at most n
  processes).

A share that fails in its process is drawn again in the build's own, so
that the error is raised, and reported, as it would be without this.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Sequence

from .files import GeneratedFile, PageSpec
from .icons import IconSet

#: Below this many pages, starting processes costs more than it saves.
MIN_PAGES = 60
#: Pages a process is handed at a time: small enough that the processes
#: finish together, large enough that sending them back stays cheap.
SHARE = 8
#: The environment variable that caps the processes (1: none is started).
JOBS_VARIABLE = "PARCOURS_JOBS"

Draw = Callable[[PageSpec], GeneratedFile]

# What the forked processes inherit: set just before the fork, cleared after.
_draw: Draw | None = None
_specs: Sequence[PageSpec] = ()
_icons: IconSet | None = None


def processes() -> int:
    """How many processes may draw pages: the cores this process may use, or fewer if asked."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    asked = os.environ.get(JOBS_VARIABLE, "").strip()
    if asked.isdigit() and int(asked) > 0:
        return min(cores, int(asked))
    return cores


def can_fork() -> bool:
    """Whether a fork is safe here: Linux, and no thread but this one."""
    return sys.platform.startswith("linux") and threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def draw_all(draw: Draw, specs: Sequence[PageSpec], icons: IconSet) -> list[GeneratedFile]:
    """Every page, in the order of `specs`: drawn in several processes when it pays."""
    jobs = min(processes(), -(-len(specs) // SHARE))
    if jobs < 2 or len(specs) < MIN_PAGES or not can_fork():
        return [draw(spec) for spec in specs]
    global _draw, _specs, _icons
    _draw, _specs, _icons = draw, specs, icons
    # What this process has yet to print would be printed again by each fork as it ends.
    sys.stdout.flush()
    sys.stderr.flush()
    shares = [range(start, min(start + SHARE, len(specs))) for start in range(0, len(specs), SHARE)]
    drawn: list[GeneratedFile | None] = [None] * len(specs)
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            results = [(share, pool.submit(_draw_share, share.start, share.stop)) for share in shares]
            for share, result in results:
                if result.exception() is not None:
                    continue  # drawn again below, here, where its error is raised and reported
                pages, icon_names = result.result()
                drawn[share.start : share.stop] = pages
                for name in icon_names:
                    icons.css_class(name)
    finally:
        _draw, _specs, _icons = None, (), None
    return [page if page is not None else draw(spec) for page, spec in zip(drawn, specs)]


def _draw_share(start: int, stop: int) -> tuple[list[GeneratedFile], list[str]]:
    """In a forked process: a share of the pages, and the names of every icon drawn so far."""
    assert _draw is not None and _icons is not None
    pages = [_draw(spec) for spec in _specs[start:stop]]
    return pages, list(_icons.used)
