"""The preview's rebuild after a save, as `mkdocs serve` runs it.

`mkdocs serve` loads the configuration once, calls `on_startup(command="serve")`,
builds, hands its rebuild function to the plugins' `on_serve`, then, at each
save, calls the rebuild they return: it loads the configuration again and
rebuilds the whole site into the same folder, keeping the plugins' objects
(MkDocs keeps those that define `on_startup`). This does the same, in this
process, with MkDocs' own functions, and times each rebuild from the save to
the last page written; the browser reloads then. Between saves it waits as
an analyst reads the reloaded page (`READING`, 2 s).

Run as a child of `run.py`: `python bench/preview.py mkdocs.yml FILE KIND
SAVES [dirty]`, where KIND says how to change FILE at each save: `journey`
renames a stage (one that a solution sheet of the corpus cites), `page` adds
a sentence to a Markdown page; `dirty` runs it as `mkdocs serve --dirty`
(`make serve`), which writes only the pages that changed. Prints one line of JSON.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import yaml

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def save_journey(path: Path, number: int) -> None:
    """Rename the journey's second stage, as an analyst rewording it does."""
    journey = yaml.safe_load(path.read_text("utf-8"))
    stage = journey["stages"][1]
    stage["name"] = f"{stage['name'].split(' — ')[0]} — version {number}"
    path.write_text(yaml.safe_dump(journey, allow_unicode=True, sort_keys=False), "utf-8")


def save_page(path: Path, number: int) -> None:
    path.write_text(path.read_text("utf-8") + f"\nUne phrase de plus, version {number}.\n", "utf-8")


SAVES = {"journey": save_journey, "page": save_page}


#: Seconds between a rebuild and the next save: the analyst reads the reloaded page.
READING = 2.0


class LiveReloadServer:
    """What `on_serve` is given of `mkdocs serve`'s server: the rebuild it calls at each save, and what it watches."""

    def __init__(self, builder: Callable[[], None]) -> None:
        self.builder = builder

    def watch(self, path: str, *args: object, **kwargs: object) -> None:
        pass


def measure(config_file: Path, changed: Path, kind: str, saves: int, dirty: bool = False) -> dict[str, object]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    site_dir = tempfile.mkdtemp(prefix="mkdocs_")
    serve_url = "http://127.0.0.1:8000/"

    def builder(config=None) -> None:  # `mkdocs serve`'s own, as it is in MkDocs 1.6
        if config is None:
            config = load_config(str(config_file), site_dir=site_dir)
            config.site_url = serve_url
        build(config, serve_url=serve_url, dirty=dirty)

    first_config = load_config(str(config_file), site_dir=site_dir)
    first_config.site_url = serve_url  # as `mkdocs serve` sets it before its first build
    first_config.plugins.on_startup(command="serve", dirty=dirty)
    try:
        started = time.perf_counter()
        builder(first_config)
        first = time.perf_counter() - started
        server = first_config.plugins.on_serve(LiveReloadServer(builder), config=first_config, builder=builder)
        rebuilds = []
        original = changed.read_text("utf-8")
        try:
            for number in range(1, saves + 1):
                time.sleep(READING)
                SAVES[kind](changed, number)
                started = time.perf_counter()
                server.builder()
                rebuilds.append(time.perf_counter() - started)
        finally:
            changed.write_text(original, "utf-8")
    finally:
        first_config.plugins.on_shutdown()
    return {"first": first, "saves": rebuilds}


if __name__ == "__main__":
    config_file, changed, kind = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    saves = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    print(json.dumps(measure(config_file, changed, kind, saves, dirty=sys.argv[5:] == ["dirty"])))
