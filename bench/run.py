"""Parcours' benchmark: build time, page weight and drawing time.

Run with `make bench`. It builds the demo and a generated corpus (100
journeys of 12 stages and 60 touchpoints, 50 personas, 200 benchmark
sheets, 100 solution sheets), then a plain Material site with the same
pages and the same text, and prints:

- build time of each, and the ratio Parcours / plain Material;
- the weight of a map page: its own HTML, what a first visit downloads
  (compressed, as an intranet server sends it; the search index aside),
  what a repeat visit downloads;
- the time until the map, then its charts, are drawn in headless chromium;
- the overview (`overview.py`): for the demo's journeys and a 12-stage corpus
  journey, at 1440×900 and 1920×1080, how many stage names are on screen at
  once and how far down it starts, its height, when it is drawn; at 390 px,
  whether the page scrolls sideways.

Figures go in the README; nothing here is asserted (the browser tests assert
what issue 15 asks of the overview, with the same measure).
"""

from __future__ import annotations

import argparse
import gzip
import html
import os
import re
import shutil
import statistics
import sys
import threading
import time
from email.utils import formatdate, parsedate_to_datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402
from overview import overview_figures, table  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
SEARCH = ("search/search_index.json", "search/search_index.js")

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def build(config: Path, site_dir: Path) -> float:
    """Build a site with MkDocs' own API; return the seconds it took."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    started = time.perf_counter()
    cfg = load_config(str(config), site_dir=str(site_dir), strict=False)
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(cfg)
    finally:
        cfg.plugins.on_shutdown()
    return time.perf_counter() - started


class _ConfigLoader(yaml.SafeLoader):
    """Reads a `mkdocs.yml` as MkDocs does its `!ENV` tags: the variable's value, else the default."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else (*names, None)
    found = next((os.environ[name] for name in variables if name in os.environ), None)
    return yaml.safe_load(found) if found is not None else default


_ConfigLoader.add_constructor("!ENV", _env)


def plain_twin(parcours_src: Path, target: Path) -> Path:
    """The same pages with the same text, as plain Markdown for plain Material."""
    from click.testing import CliRunner

    from parcours.cli import main

    shutil.rmtree(target, ignore_errors=True)
    generated = target / "generated"
    result = CliRunner().invoke(main, ["build-pages", str(parcours_src), "--out", str(generated)])
    assert result.exit_code == 0, result.output
    docs = target / "docs"
    shutil.copytree(parcours_src / "docs", docs)
    pages = 0
    for page in generated.rglob("*.md"):
        raw = page.read_text("utf-8")
        title = re.search(r'^title: "(.*)"$', raw, re.M).group(1)
        body = re.sub(r"<[^>]+>", " ", raw.split("---", 2)[2])
        text = " ".join(html.unescape(body).split())
        out = docs / page.relative_to(generated)
        out.parent.mkdir(parents=True, exist_ok=True)
        # Paragraphs of the same text, so Markdown has the same amount to render.
        paragraphs = [text[i : i + 600] for i in range(0, len(text), 600)]
        out.write_text(f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n", "utf-8")
        pages += 1
    config = yaml.load((parcours_src / "mkdocs.yml").read_text("utf-8"), Loader=_ConfigLoader)
    config["plugins"] = [p for p in config["plugins"] if p != "parcours" and not (isinstance(p, dict) and "parcours" in p)]
    config.pop("nav", None)
    config["theme"]["custom_dir"] = "overrides"
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    (target / "overrides").mkdir(exist_ok=True)
    shutil.rmtree(generated)
    return target


class _Server(SimpleHTTPRequestHandler):
    """Serves like an intranet web server: gzip, Last-Modified and ETag, 304."""

    # HTTP/1.1 as intranet servers speak it: Chromium's HTTP cache ignores the
    # ETag of an HTTP/1.0 response and revalidates it with If-Modified-Since
    # alone, which this server answers with a full 200. With the base class's
    # HTTP/1.0, a repeat visit re-downloaded everything but what the tab's
    # in-memory cache still held and revalidated itself (with If-None-Match).
    protocol_version = "HTTP/1.1"
    sent: dict[str, int] = {}
    lock = threading.Lock()

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            self.send_error(404)
            self._count(0)
            return
        stat = os.stat(path)
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            self._count(0)
            return
        with open(path, "rb") as handle:
            body = handle.read()
        gzipped = path.endswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = gzip.compress(body, compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", formatdate(stat.st_mtime, usegmt=True))
        self.send_header("Cache-Control", "no-cache")  # revalidate every time, as after a publication
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(body)
        self._count(len(body))

    def _count(self, size: int) -> None:
        with self.lock:
            key = self.path.split("?")[0]
            self.sent[key] = self.sent.get(key, 0) + size


def serve(site_dir: Path) -> tuple[str, ThreadingHTTPServer]:
    handler = lambda *args, **kwargs: _Server(*args, directory=str(site_dir), **kwargs)  # noqa: E731
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def weigh(site_dir: Path, page: str, runs: int) -> dict[str, float]:
    """Bytes and milliseconds of a map page, first and repeat visit, in headless chromium.

    The page opens on its overview, drawn by the page itself; its charts are
    the detailed map's, so the visits ask for that level (`?zoom=detail`)."""
    from playwright.sync_api import sync_playwright

    html_file = site_dir / page / "index.html"
    raw = html_file.read_bytes()
    figures = {"html_kb": len(raw) / 1024, "html_gzip_kb": len(gzip.compress(raw, 6)) / 1024}
    base, server = serve(site_dir)
    first, repeat, grid_ms, charts_ms, repeat_charts_ms = [], [], [], [], []
    try:
        with sync_playwright() as playwright:
            for run in range(runs):
                # A profile on disk, so the repeat visit finds its cache as a real browser does.
                profile = OUT / "chromium-profile"
                shutil.rmtree(profile, ignore_errors=True)
                context = playwright.chromium.launch_persistent_context(
                    str(profile),
                    executable_path=CHROMIUM,
                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
                    viewport={"width": 1366, "height": 900},
                )
                tab = context.pages[0] if context.pages else context.new_page()
                for visit, bytes_list, timings in (("first", first, charts_ms), ("repeat", repeat, repeat_charts_ms)):
                    if visit == "repeat":
                        # A reader comes back later, not within the same second:
                        # leave the page and give the browser time to store its cache.
                        tab.goto("about:blank")
                        tab.wait_for_timeout(3000)
                    _Server.sent = {}
                    tab.goto(base + page + "?zoom=detail", wait_until="load")
                    tab.wait_for_selector(".parcours-journey[data-charts-drawn=true]", timeout=30000)
                    tab.wait_for_load_state("networkidle")
                    marks = tab.evaluate(
                        """() => ({
                          grid: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
                          charts: performance.getEntriesByName('parcours:charts-drawn')[0]?.startTime,
                        })"""
                    )
                    sent = sum(size for path, size in _Server.sent.items() if not path.endswith(SEARCH) and "/lunr/" not in path and "workers/search" not in path)
                    bytes_list.append(sent / 1024)
                    timings.append(marks["charts"])
                    if visit == "first":
                        grid_ms.append(marks["grid"])
                context.close()
    finally:
        server.shutdown()
    figures.update(
        first_visit_kb=statistics.median(first),
        repeat_visit_kb=statistics.median(repeat),
        map_drawn_ms=statistics.median(grid_ms),
        charts_drawn_ms=statistics.median(charts_ms),
        repeat_charts_drawn_ms=statistics.median(repeat_charts_ms),
    )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--journeys", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5, help="browser visits per measure (median)")
    parser.add_argument("--builds", type=int, default=3, help="builds per site (best time)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    demo_time = min(build(ROOT / "mkdocs.yml", OUT / "demo-site") for _ in range(args.builds))
    corpus = write_corpus(OUT / "corpus", ROOT, journeys=args.journeys)
    parcours_time = min(build(corpus / "mkdocs.yml", OUT / "corpus-site") for _ in range(args.builds))
    twin = plain_twin(corpus, OUT / "plain")
    plain_time = min(build(twin / "mkdocs.yml", OUT / "plain-site") for _ in range(args.builds))
    pages = sum(1 for _ in (OUT / "corpus-site").rglob("index.html"))
    plain_pages = sum(1 for _ in (OUT / "plain-site").rglob("index.html"))

    corpus_map = weigh(OUT / "corpus-site", "journeys/parcours-1/", args.runs)
    demo_map = weigh(OUT / "demo-site", "journeys/remboursement/", args.runs)
    glance = at_a_glance(OUT / "demo-site", ["journeys/remboursement/", "journeys/adhesion/", "journeys/reclamation/", "journeys/remboursement/?state=target"])
    glance.update(at_a_glance(OUT / "corpus-site", ["journeys/parcours-1/"]))

    print(f"\n## Parcours benchmark ({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores)\n")
    print("| Build | Pages | Seconds |")
    print("| --- | ---: | ---: |")
    print(f"| Demo (3 journeys) | {sum(1 for _ in (OUT / 'demo-site').rglob('index.html'))} | {demo_time:.1f} |")
    print(f"| Corpus with Parcours ({args.journeys} journeys, 50 personas, 200 benchmarks, 100 solutions) | {pages} | {parcours_time:.1f} |")
    print(f"| Same pages and text, plain Material | {plain_pages} | {plain_time:.1f} |")
    print(f"| **Ratio Parcours / plain** | | **{parcours_time / plain_time:.2f}** |\n")
    print("| Map page | Own HTML | HTML gzip | First visit (gzip, search index aside) | Repeat visit | Map drawn | Charts drawn | Charts drawn, repeat |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, figures in (("Corpus, 12 stages, 60 touchpoints", corpus_map), ("Demo, remboursement (8 + 7 stages)", demo_map)):
        print(
            f"| {name} | {figures['html_kb']:.1f} KB | {figures['html_gzip_kb']:.0f} KB | {figures['first_visit_kb']:.0f} KB | "
            f"{figures['repeat_visit_kb']:.0f} KB | {figures['map_drawn_ms']:.0f} ms | {figures['charts_drawn_ms']:.0f} ms | {figures['repeat_charts_drawn_ms']:.0f} ms |"
        )
    print("\n" + table(glance))
    print("\n| Journey, 1440×900, first visit | Overview drawn (first paint) | Its controls ready (script) |")
    print("| --- | ---: | ---: |")
    for path, sizes in glance.items():
        print(f"| `{path}` | {sizes['1440×900']['first_paint_ms']} ms | {sizes['1440×900']['script_ready_ms']} ms |")


def at_a_glance(site_dir: Path, pages: list[str]) -> dict:
    """The overview's figures on a first visit of each page, at each viewport."""
    from playwright.sync_api import sync_playwright

    base, server = serve(site_dir)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            try:
                return overview_figures(browser, base, pages)
            finally:
                browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
