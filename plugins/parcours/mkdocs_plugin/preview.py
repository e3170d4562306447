"""The preview (`mkdocs serve`) shows the sources' problems on the pages themselves.

Why: under `mkdocs serve`, an error that stopped the build left the browser
on the old page, and a reload waited for a build that never came; an error
at start-up left no preview at all. The analyst saw nothing unless they
read the terminal.

How, kept simple (`mkdocs build` never comes here: errors still abort it):

- Errors do not stop the preview's build. What can be drawn is drawn, page
  by page: a site with errors may hold what no template expects (a journey
  citing a benchmark whose file is broken), and a page that fails costs
  that page only. Every other page the site would have (a broken source's,
  one that failed) is a placeholder at its own address: reloading
  `/journeys/x/` finds a page, with MkDocs' live-reload script, which turns
  back into the real one by itself once the source is fixed.
- Every page gets, above its content, the site's errors (all of them: any
  one stops the publication) and the warnings about its own sources (a
  journey's on its map, a page of `docs/` on that page; those of a file
  without a page, `mkdocs.yml` or a data file, on the home page). The place
  is marked in `on_page_content` and the box drawn in `on_post_page`, once
  every page has been read: the authors' pages' problems are found then.
- The theme's 404 page shows the errors too: it is what an address gets
  when the site has no page there at all (the plugin's options are
  invalid, so no source was read), without live reload.
- A broken `mkdocs.yml` leaves MkDocs nothing to build with: the terminal
  says where it is wrong (`explaining`), and the preview rebuilds at the
  next save. (At start-up MkDocs itself says so, before any plugin loads.)
"""

from __future__ import annotations

import posixpath
from pathlib import Path, PurePosixPath
from typing import Any, Iterable

from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.plugins import get_plugin_logger

from ..analyses.sitemap import PAGES, SINGLE_SOURCE_PAGES, source_page
from ..language.translator import Translator
from ..model import KINDS, SINGLE_SOURCES
from ..render.assets import ICONS_STYLESHEET, SCRIPT, STYLESHEET, packaged, script
from ..render.environment import make_environment
from ..render.files import GeneratedFile, compact
from ..render.icons import IconSet
from ..render.pages import PAGE_KINDS
from ..render.renderer import Renderer
from ..site import Site
from ..sources.problems import Problem, Report, Severity
from ..sources.site_config import SiteConfigError, read_site_config

log = get_plugin_logger(__name__)

#: Where a page's box of problems goes, until every page has been read (see `on_post_page`).
PROBLEMS_MARKER = "<!-- parcours:problems -->"
#: The page that shows the warnings no other page is about.
HOME = "index.md"


class Preview:
    """The problems of one preview build, and the pages that show them."""

    def __init__(self, language: str) -> None:
        self.translator = Translator(language)
        self.env = make_environment(self.translator)
        #: Every problem of the build: the sources', then those found while placing files and reading pages.
        self.report = Report()
        #: The page drawn from each source file (`journeys/x.yml` → `journeys/x.md`).
        self._pages_of: dict[str, str] = {}
        #: Each kind's folder, relative to the site (`journeys` → `journeys`).
        self._folders: dict[str, str] = {}
        #: The glossary's and the onboarding path's files, and their pages.
        self._singles: dict[str, str] = {}
        self._docs = "docs"
        #: The pages the site has, once its files are placed.
        self.pages: set[str] = set()
        #: The boxes drawn so far, by page, for the report as it was (a page asks once,
        #: but a site with thousands of warnings would sort them for each page).
        self._boxes: tuple[int, str, dict[str, list[Problem]]] | None = None

    def summary(self) -> str:
        """The terminal's last line: how many problems, and where to see them."""
        report, words = self.report, self.translator
        files = {problem.file for problem in report.problems if problem.severity is not Severity.INFO}
        return words.message(
            "preview_shows_problems", errors=words.count(len(report.errors), "error"),
            warnings=words.count(len(report.warnings), "warning"), files=words.count(len(files), "file"),
        )

    # The pages ------------------------------------------------------------------
    def drawn(self, site: Site, renderer: Renderer | None) -> list[GeneratedFile]:
        """A site with errors: each page that can be drawn, a placeholder for every other."""
        files: list[GeneratedFile] = []
        if renderer is not None:
            for kind in PAGE_KINDS:
                try:
                    specs = list(kind.pages(site, renderer.translator, renderer.urls))
                except Exception as error:  # a site with errors: its placeholders say why
                    log.debug("%s pages wait for the errors to be fixed: %r", kind.__name__, error)
                    continue
                for spec in specs:
                    try:
                        files.append(renderer.page(spec))
                    except Exception as error:  # the same, for one page
                        log.debug("%s waits for the errors to be fixed: %r", spec.src_uri, error)
        missing = self._wanted(site) - {file.src_uri for file in files}
        files.extend(self.placeholder(src_uri) for src_uri in sorted(missing))
        return files + self._assets(renderer)

    @staticmethod
    def _wanted(site: Site) -> set[str]:
        """The pages the site has once its errors are fixed: a broken source's too,
        but not the glossary's or the onboarding path's when there is no such file."""
        waiting = {source_page(KINDS[kind].plural, stem) for kind, stems in site.index.broken.items() for stem in stems}
        # A single source with a page of its own (not the committees, a part of /listening/).
        absent = {PAGES[name] for name, kind in SINGLE_SOURCES.items()
                  if name in PAGES and not (site.root / kind.folder(site.settings)).is_file()}
        return (site.analyses.pages - absent) | waiting

    def _assets(self, renderer: Renderer | None) -> list[GeneratedFile]:
        """What the pages use; at least the stylesheets and the script, which every page loads."""
        if renderer is not None:
            try:
                renderer.blocks(HOME)
                return renderer.assets()
            except Exception as error:  # a media file a broken source names, say
                log.debug("Parcours's files wait for the errors to be fixed: %r", error)
        return self.stylesheets_and_script()

    @staticmethod
    def stylesheets_and_script() -> list[GeneratedFile]:
        """The files every page loads, for a preview with no source read."""
        return [
            GeneratedFile(src_uri=STYLESHEET, content=packaged("parcours.css")),
            GeneratedFile(src_uri=ICONS_STYLESHEET, content=IconSet().stylesheet()),
            GeneratedFile(src_uri=SCRIPT, content=script()),
        ]

    def placeholder(self, src_uri: str) -> GeneratedFile:
        """A page that waits for its source to be fixed: the errors come above, from `on_post_page`."""
        title = PurePosixPath(src_uri).stem if PurePosixPath(src_uri).stem != "index" else PurePosixPath(src_uri).parent.name
        sources = sorted({problem.file for problem in self.report.errors if self.page_of(problem.file) == src_uri})
        words = self.translator
        if sources:
            text = words.label("preview.waiting_source").format(files=", ".join(words.quote(source) for source in sources))
        else:
            text = words.label("preview.waiting")
        front_matter = self.env.get_template("front_matter.md").render(title=title, description=None, meta={})
        body = compact(self.env.get_template("problems_page.html").render(title=title, text=text))
        return GeneratedFile(src_uri=src_uri, front_matter=front_matter, body=body)

    # Which page shows which problem ---------------------------------------------------
    def locate(self, site: Site | None, docs_in_root: str) -> None:
        """Learn where the sources and the authors' pages are, relative to the site."""
        self._docs = docs_in_root
        if site is not None:
            self._folders = {posixpath.normpath(kind.folder(site.settings)): kind.plural for kind in KINDS.values()}
            self._singles = {posixpath.normpath(kind.folder(site.settings)): SINGLE_SOURCE_PAGES[name] for name, kind in SINGLE_SOURCES.items()}

    def remember(self, files: Iterable[GeneratedFile]) -> None:
        """Learn which page each source file gave (the page's "edit" link names it)."""
        self._pages_of = {file.edit_path: file.src_uri for file in files if file.is_page and file.edit_path}

    def page_of(self, file: str) -> str:
        """The page about a source file: the one drawn from it, or the home page."""
        if file in self._pages_of:
            return self._pages_of[file]
        if file in self._singles:
            return self._singles[file]
        folder, name = posixpath.split(file)
        if folder in self._folders:
            return source_page(self._folders[folder], PurePosixPath(name).stem)
        if self._docs != "." and file.startswith(f"{self._docs}/"):
            return file[len(self._docs) + 1 :]
        return HOME

    # The box on each page ---------------------------------------------------------
    def marked(self, html: str) -> str:
        """A page's content, with the place of its box of problems."""
        return f"{PROBLEMS_MARKER}\n{html}"

    def shown_on(self, output: str, src_uri: str) -> str:
        """The page's HTML, with the site's errors and the warnings about this page in place of the marker."""
        if PROBLEMS_MARKER not in output:
            return output
        return output.replace(PROBLEMS_MARKER, self.box(src_uri), 1)

    def box(self, src_uri: str) -> str:
        """The errors (every page shows them all), then the warnings about this page."""
        _, errors, by_page = self._by_page()
        return errors + self._box(by_page.get(src_uri, []), Severity.WARNING)

    def warnings_on(self, src_uri: str) -> list[Problem]:
        """The warnings a page shows (with the errors, which every page shows)."""
        return self._by_page()[2].get(src_uri, [])

    def _by_page(self) -> tuple[int, str, dict[str, list[Problem]]]:
        count = len(self.report.problems)
        if self._boxes is None or self._boxes[0] != count:
            by_page: dict[str, list[Problem]] = {}
            for problem in self.report.warnings:
                by_page.setdefault(self._shown_at(problem), []).append(problem)
            self._boxes = (count, self._box(self.report.errors, Severity.ERROR), by_page)
        return self._boxes

    def _shown_at(self, problem: Problem) -> str:
        page = self.page_of(problem.file)
        return page if page in self.pages else HOME

    def not_found(self, output: str) -> str:
        """The theme's 404 page, with the errors above its title (before the first `<h1`)."""
        box = self._box(self.report.errors, Severity.ERROR)
        at = output.find("<h1")
        if not box or at < 0:
            return output
        return output[:at] + box + output[at:]

    def _box(self, problems: list[Problem], severity: Severity) -> str:
        if not problems:
            return ""
        words = self.translator
        word = "error" if severity is Severity.ERROR else "warning"
        shown = [{"where": problem.location(), "field": problem.field_path, "message": problem.message(words)} for problem in problems]
        return compact(
            self.env.get_template("problems.html").render(
                severity=word,
                title=words.label(f"preview.{word}s_title").format(count=words.count(len(problems), word)),
                intro=words.label(f"preview.{word}s_intro"),
                problems=shown,
            )
        )


def explaining(rebuild: Any, config_file: Path | None) -> Any:
    """The preview's rebuild, telling a broken `mkdocs.yml` at its line rather than
    with a Python traceback. MkDocs' live-reload prints an `Abort`'s words alone
    and keeps serving: the next save rebuilds (a bare `SystemExit` stopped it)."""

    def rebuild_or_explain() -> None:
        try:
            rebuild()
        except Exception as error:
            if config_file is None or not isinstance(error, ConfigurationError):
                raise
            try:
                read_site_config(config_file.parent, config_file)
            except SiteConfigError as broken:
                words = Translator()
                raise Abort(f"{words.label('site.error_word')} {broken.problem.format(words)}") from None
            raise Abort(str(error)) from None

    return rebuild_or_explain

