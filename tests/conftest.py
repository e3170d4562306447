"""Shared fixtures: a small complete site to copy and break, and real builds.

Sites are built through MkDocs' own API (`load_config` + `build`) in strict
mode, as `mkdocs build --strict` would; tests assert on the HTML produced.
"""

from __future__ import annotations

import functools
import http.server
import logging
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# Every build of the suite is made "on" 2026-11-24 (the reproducible-builds
# convention, which Parcours honours): freshness warnings and old verbatims
# of the demo and the fixtures then stay what the tests expect, next year too.
os.environ["SOURCE_DATE_EPOCH"] = "1795478400"

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# As the machine's probe starts it: no sandbox as root, no background traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--autoplay-policy=no-user-gesture-required",
]


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


def mkdocs_build(config_file: Path, site_dir: Path, strict: bool = True, **overrides) -> BuildResult:
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
    # `mkdocs build` logs at INFO (its CLI sets the level); the root's WARNING would hide notes.
    level = logger.level
    logger.setLevel(logging.INFO)
    try:
        config = load_config(str(config_file), strict=strict, site_dir=str(site_dir), **overrides)
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
        logger.setLevel(level)
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
    """A copy of the site with one source of each kind (`fixtures/one_of_each_kind`), ready to be changed."""
    root = tmp_path / "site-src"
    shutil.copytree(FIXTURES / "one_of_each_kind", root)
    return SiteDir(root)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def demo_port() -> int:
    """The port the demo is served on, known before it is built: Material's
    instant navigation only follows links under the site's own `site_url`."""
    return free_port()


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_port: int) -> BuildResult:
    """The repository's demo site, built once under strict mode."""
    site_dir = tmp_path_factory.mktemp("demo") / "site"
    result = mkdocs_build(REPO / "mkdocs.yml", site_dir, strict=True, site_url=f"http://127.0.0.1:{demo_port}/")
    assert result.ok, "\n".join(result.log)
    return result


@pytest.fixture(scope="session")
def minimal_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The site with one source of each kind, built once (for tests that only read its pages)."""
    root = tmp_path_factory.mktemp("one_of_each_kind") / "src"
    shutil.copytree(FIXTURES / "one_of_each_kind", root)
    result = mkdocs_build(root / "mkdocs.yml", root / "site", strict=True)
    assert result.ok, "\n".join(result.log)
    return result


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def serve(directory: Path, port: int = 0):
    """Serve a built site over HTTP on 127.0.0.1 (a free port by default); returns (url, server)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def served_demo(demo, demo_port):
    """The demo site served over HTTP on 127.0.0.1."""
    url, server = serve(demo.site_dir, demo_port)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `make test`, which installs it.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()




class Visit:
    """One browser tab on a served site that records what an intranet forbids:
    requests to another host, console errors, failed requests."""

    def __init__(self, browser, base_url: str, **context_options) -> None:
        self.base_url = base_url
        self.origin = urlsplit(base_url).netloc
        options = {"viewport": {"width": 1366, "height": 900}, "locale": "fr-FR", **context_options}
        self.context = browser.new_context(**options)
        self.page = self.context.new_page()
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.requests: list[str] = []

        def route(route, request):
            self.requests.append(request.url)
            if urlsplit(request.url).netloc != self.origin and not request.url.startswith(("data:", "blob:")):
                self.foreign.append(request.url)
                return route.abort()
            return route.continue_()

        self.page.route("**/*", route)
        self.page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        # A request cut short by leaving the page is not a failure of the site.
        self.page.on(
            "requestfailed",
            lambda request: self.failed.append(request.url) if "ERR_ABORTED" not in (request.failure or "") else None,
        )

    def goto(self, path: str):
        response = self.page.goto(self.base_url + path, wait_until="networkidle")
        assert response is not None and response.ok, path
        # A quiet network is not a parsed page: on a busy machine the parser can
        # still be at work, and the page's scripts not yet run. Load comes after both.
        self.page.wait_for_load_state("load")
        return self.page

    def assert_clean(self) -> None:
        assert not self.foreign, self.foreign
        assert not self.errors, self.errors
        assert not [url for url in self.failed if url not in self.foreign], self.failed

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser, served_demo):
    """Open tabs on the served demo; each must end with no forbidden request or error."""
    visits: list[Visit] = []

    def open_tab(**context_options) -> Visit:
        tab = Visit(browser, served_demo, **context_options)
        visits.append(tab)
        return tab

    yield open_tab
    for tab in visits:
        tab.assert_clean()
        tab.close()


NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


@pytest.fixture(scope="session")
def nginx_demo(demo, tmp_path_factory):
    """The demo served by Debian's nginx with its own defaults (mime types,
    range requests), as an intranet web server serves it."""
    if not Path(NGINX).exists():
        pytest.fail("Debian's nginx is missing: run `make test`, which installs it.")
    folder = tmp_path_factory.mktemp("nginx")
    port = free_port()
    user = "user root;" if os.geteuid() == 0 else ""
    temp = " ".join(f"{name}_temp_path {folder}/{name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (folder / "nginx.conf").write_text(
        f"""{user}
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {folder}/access.log;
    {temp}
    server {{
        listen 127.0.0.1:{port};
        root {demo.site_dir};
        index index.html;
    }}
}}
""",
        "utf-8",
    )
    process = subprocess.Popen([NGINX, "-e", str(folder / "error.log"), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"])
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    else:
        process.terminate()
        pytest.fail((folder / "error.log").read_text())
    yield f"http://127.0.0.1:{port}/"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def served_corpus(tmp_path_factory):
    """One journey of the benchmark's corpus (12 stages, 60 touchpoints, three personas), built and served."""
    import sys

    sys.path.insert(0, str(REPO / "bench"))
    from corpus import write_corpus

    root = write_corpus(tmp_path_factory.mktemp("corpus") / "src", REPO, journeys=1, personas=3, benchmarks=3, solutions=1)
    # Not strict: the demo's own pages, copied with its configuration, link to the demo's journeys.
    result = mkdocs_build(root / "mkdocs.yml", root / "site", strict=False)
    assert result.ok, "\n".join(result.log)
    url, server = serve(result.site_dir)
    yield url
    server.shutdown()
