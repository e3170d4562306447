"""Timed builds: `mkdocs build` as a user runs it, in a process of its own.

Each build is a whole `python -m mkdocs build` (start-up and imports
included), so the figure is what a user waits for. Two sites are built in
turn, A B A B…, and their ratio is taken pair by pair: a machine whose speed
drifts during the bench (another job starting) moves both sides of a pair
alike. The operating system's accounting of the finished child gives its
peak memory (`wait4`'s `ru_maxrss`).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    """One build: wall seconds and peak resident memory."""

    seconds: float
    peak_mb: float


@dataclass(frozen=True)
class Pair:
    """Two sites built in turn: each side's runs, and the ratio A/B pair by pair."""

    a: list[Run]
    b: list[Run]

    @property
    def ratio(self) -> float:
        return statistics.median(a.seconds / b.seconds for a, b in zip(self.a, self.b))

    @staticmethod
    def median(runs: list[Run]) -> float:
        return statistics.median(run.seconds for run in runs)


def build(config: Path, site_dir: Path, env: dict[str, str] | None = None) -> Run:
    """Build a site in a child process (`mkdocs build -q`: warnings are not printed), with `env` added to the environment."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    errors = child.stderr.read().decode("utf-8", "replace") if child.stderr else ""
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{config} did not build:\n{errors[-2000:]}")
    # Linux counts ru_maxrss in kilobytes.
    return Run(seconds=seconds, peak_mb=usage.ru_maxrss / 1024)


def paired(a: tuple[Path, Path], b: tuple[Path, Path], pairs: int, env_a: dict[str, str] | None = None) -> Pair:
    """Build A (with `env_a`) then B, `pairs` times."""
    runs_a, runs_b = [], []
    for _ in range(pairs):
        runs_a.append(build(*a, env=env_a))
        runs_b.append(build(*b))
    return Pair(runs_a, runs_b)
