"""A page's weight and drawing time, first and repeat visit, in headless chromium.

The built site is served as an intranet web server serves it (gzip,
Last-Modified and ETag, 304). "Charts drawn" is measured the same way on
every page: the moment the page's chart (an element matching a selector)
is in the document, then the next frame; never before the first contentful
paint, since nothing is drawn before it. A Parcours map and a Mermaid page
are thus timed by one rule, whatever draws their charts.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import statistics
import threading
from dataclasses import dataclass
from email.utils import formatdate
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
SEARCH = ("search/search_index.json", "search/search_index.js")

#: Marks the frame after the chart appears (`SELECTOR` is replaced).
DRAWN = """(() => {
  const selector = SELECTOR;
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    requestAnimationFrame(() => performance.mark("bench:charts-drawn"));
  });
  observer.observe(document, { childList: true, subtree: true });
})();"""


class _Server(SimpleHTTPRequestHandler):
    """Serves like an intranet web server: gzip, Last-Modified and ETag, 304.

    HTTP/1.1 as intranet servers speak it: Chromium's HTTP cache ignores the
    ETag of an HTTP/1.0 response and revalidates it with If-Modified-Since
    alone, which this server answers with a full 200.
    """

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


@dataclass(frozen=True)
class Visits:
    """Medians over the runs: weights in KB, times in ms."""

    html_kb: float
    html_gzip_kb: float
    first_visit_kb: float
    repeat_visit_kb: float
    first_paint_ms: float
    charts_ms: float
    repeat_charts_ms: float
    #: What the first visit downloaded that is a script (KB, compressed).
    scripts_kb: float


def visit(site_dir: Path, page: str, chart: str, runs: int, profile: Path) -> Visits:
    """Visit `page` of the built site `runs` times, each a first then a repeat visit."""
    from playwright.sync_api import sync_playwright

    raw = (site_dir / page / "index.html").read_bytes()
    first, repeat, paint, charts, repeat_charts, scripts = [], [], [], [], [], []
    base, server = serve(site_dir)
    try:
        with sync_playwright() as playwright:
            for _ in range(runs):
                # A profile on disk, so the repeat visit finds its cache as a real browser does.
                shutil.rmtree(profile, ignore_errors=True)
                context = playwright.chromium.launch_persistent_context(
                    str(profile),
                    executable_path=CHROMIUM,
                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
                    viewport={"width": 1366, "height": 900},
                )
                context.add_init_script(DRAWN.replace("SELECTOR", json.dumps(chart)))
                tab = context.pages[0] if context.pages else context.new_page()
                for visit_kind in ("first", "repeat"):
                    if visit_kind == "repeat":
                        # A reader comes back later, not within the same second:
                        # leave the page and give the browser time to store its cache.
                        tab.goto("about:blank")
                        tab.wait_for_timeout(3000)
                    _Server.sent = {}
                    tab.goto(base + page, wait_until="load")
                    tab.wait_for_function("performance.getEntriesByName('bench:charts-drawn').length > 0", timeout=60000)
                    tab.wait_for_load_state("networkidle")
                    marks = tab.evaluate(
                        """() => ({
                          paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime || 0,
                          drawn: performance.getEntriesByName('bench:charts-drawn')[0].startTime,
                        })"""
                    )
                    sent = {path: size for path, size in _Server.sent.items() if not path.endswith(SEARCH) and "/lunr/" not in path and "workers/search" not in path}
                    drawn = max(marks["drawn"], marks["paint"])
                    if visit_kind == "first":
                        first.append(sum(sent.values()) / 1024)
                        scripts.append(sum(size for path, size in sent.items() if path.endswith(".js")) / 1024)
                        paint.append(marks["paint"])
                        charts.append(drawn)
                    else:
                        repeat.append(sum(sent.values()) / 1024)
                        repeat_charts.append(drawn)
                context.close()
    finally:
        server.shutdown()
    return Visits(
        html_kb=len(raw) / 1024,
        html_gzip_kb=len(gzip.compress(raw, 6)) / 1024,
        first_visit_kb=statistics.median(first),
        repeat_visit_kb=statistics.median(repeat),
        first_paint_ms=statistics.median(paint),
        charts_ms=statistics.median(charts),
        repeat_charts_ms=statistics.median(repeat_charts),
        scripts_kb=statistics.median(scripts),
    )
