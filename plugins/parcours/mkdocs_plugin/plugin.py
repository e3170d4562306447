"""The MkDocs adapter: Parcours sources become pages of the site.

Events, in the order MkDocs runs them:

- `on_startup`: remember whether this is `mkdocs serve`, the analyst's preview.
- `on_config`: read, check, index and analyse every source (the core does
  it all before any page exists); report each problem through the plugin's
  logger; abort with `PluginError` on any error. Warnings fail `--strict`
  builds. Parcours's stylesheets go before the author's own, which can
  then override them.
- `on_files`: add the generated pages, stylesheets, script, schemas and
  media; a page's "edit" link opens its source file (`File.edit_uri`);
  photos in the authors' pages are published without their metadata.
- `on_nav`: when the navigation lists a kind's index page (`journeys/index.md`)
  on its own, turn it into a section holding every page of that kind; under
  `mkdocs serve --dirty`, tell MkDocs which pages changed (`redraw.py`).
- `on_page_content`: put each generated page's HTML in place of its
  placeholder (Markdown never parses it); in authors' pages, fill the blocks
  they ask for (`<!-- parcours:journeys -->`…) and explain glossary terms.
- `on_page_context`: around search's own event, hand it a generated page's
  lean copy (`search.py`): its headings and text, each once, a journey's
  stages and touchpoints under their anchors on the map.
- `on_env`: report what the authors' pages load or run, all at once; give
  the pages the preview skipped their titles and anchors back.
- `on_post_page`, `on_post_template`: name Material's search dialog in
  every page, the 404 page included (`render/material.py`).
- `on_post_build`, `on_build_error` (`redraw.py`): search's index keeps the
  skipped pages' entries; a failed build makes the next one draw every page.
- `on_serve`: watch the source folders, the onboarding path and the glossary;
  rebuild after a save with the cycle collector paused (`collector.py`).

In the preview, errors do not abort: every page shows them, and each page the warnings about
it (`preview.py` says how; `on_post_page` and `on_post_template` draw them). With
`enabled: false`, every event leaves the site as it is.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..checks.reuse import SourceMemory
from ..checks.validation import validate_settings
from ..language.translator import Translator
from ..model import Settings, source_paths
from ..model.markdown import page_findings
from ..render.assets import FILE_WORKER_SHIM, FILE_WORKER_SHIM_REMOTE, SCRIPTS, STYLESHEETS, plotly_bundle
from ..render.environment import compiled_once
from ..render.files import GeneratedFile
from ..render.material import name_search_dialog
from ..render.renderer import Renderer
from ..render.reuse import PageMemory
from ..render.urls import Urls
from ..site import Site, load_site, protected_folders
from ..sources.paths import overwrites, relative_to
from ..sources.positions import position_of
from ..sources.problems import Problem, Report, Severity
from ..sources.site_config import site_language
from .collector import Collector
from .config import ParcoursConfig
from .nav import expand_nav
from .photos import clean_authors_photos
from .preview import Preview, explaining
from .redraw import Redraw, RedrawEvents
from .search import LeanSearch

log = get_plugin_logger(__name__)
#: A problem in MkDocs' log: a note at INFO, which `--strict` does not count.
_LOG = {Severity.ERROR: log.error, Severity.WARNING: log.warning, Severity.INFO: log.info}

#: An element's id in generated HTML (ids are slugs: no quote inside).
ANCHOR_ID = re.compile(r'\sid="([^"]+)"')

#: The theme's templates, compiled once for all the preview's rebuilds (MkDocs makes a new environment each time).
_THEME_COMPILED = compiled_once()

#: Stands for a generated page's HTML in the Markdown MkDocs converts (see `on_page_content`).
BODY_PLACEHOLDER = "<!-- parcours:body -->"


class ParcoursPlugin(LeanSearch, RedrawEvents, BasePlugin[ParcoursConfig]):  # type: ignore[type-var]
    """Turns journeys, personas, benchmarks and solutions into pages."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        #: The command MkDocs runs (`on_startup`): "serve" for the preview.
        self.command: str | None = None
        #: Under `mkdocs serve`: the build's problems, shown on the pages.
        self.preview: Preview | None = None
        self.site: Site | None = None
        self.bodies: dict[str, str] = {}
        self.renderer: Renderer | None = None
        #: What the authors' pages load or run, reported once they are all read.
        self.page_problems: list[Problem] = []
        #: Cleaned photos of `docs/` by (path, mtime, size): `mkdocs serve` rebuilds on every save.
        self.photos: dict[tuple[str, int, int], bytes] = {}
        #: Under `mkdocs serve`: the sources checked and the maps drawn by the last build,
        #: reused by the next while they have not changed (a save rebuilds the whole site).
        self.sources, self.page_memory, self.lean_copies = SourceMemory(), PageMemory(), {}
        #: Under `mkdocs serve --dirty`: the pages a save leaves as they are (`redraw.py`).
        self.redraw = Redraw()

    @property
    def enabled(self) -> bool:
        return self.config.get("enabled") is not False

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """MkDocs says which command runs; defining this also keeps one plugin
        object for all the rebuilds of `mkdocs serve` (each `on_config` starts afresh)."""
        self.command = command
        self.sources, self.page_memory, self.lean_copies = SourceMemory(), PageMemory(), {}
        self.redraw.start(serving=command == "serve", dirty=dirty)

    def on_shutdown(self) -> None:
        self.command = None
        self.redraw.stop()

    def _fails(self, report: Report, translator: Translator) -> None:
        """Stop a build on errors, or, in the preview, keep them for the pages."""
        if self.preview is None:
            if report.has_errors():
                raise PluginError(translator.summary(report))
            return
        self.preview.report.extend(report.problems)

    # Early, so that other plugins' on_config sees our stylesheets, and before
    # anything is rendered: every source is checked first.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        theme_language = config.theme.get("language") if config.theme else None
        language = site_language(self.config.get("language"), theme_language)
        translator = Translator(language)
        settings, problems = validate_settings(self.config.settings_input(), translator)
        root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        # Before MkDocs empties `site_dir`: never the sources, Parcours on or off.
        self._refuse_output(config, root, settings, translator)
        self.site, self.renderer, self.bodies, self.page_problems, self.preview = None, None, {}, [], None
        if not self.enabled:
            return config
        if self.command == "serve":
            self.preview = Preview(language)
        if settings is None:
            for problem in problems:
                log.error(problem.format(translator))
            if self.preview is None:
                raise PluginError(translator.message("settings_invalid", detail=problems[0].message(translator)))
            self.preview.report.extend(problems)
        else:
            memory = self.sources if self.command == "serve" else None
            self.site = load_site(root, settings, language, docs_dir=Path(config.docs_dir), memory=memory)
            for problem in self.site.report:
                _LOG[problem.severity](problem.format(translator))
            self._fails(self.site.report, translator)
        if self.preview is not None and self.preview.report.has_errors():
            log.info(self.preview.summary())
        # Before the author's own stylesheets, so that theirs win (as mkdocstrings does).
        config.extra_css[:0] = [stylesheet for stylesheet in STYLESHEETS if stylesheet not in config.extra_css]
        for script in SCRIPTS:
            if script not in [str(item) for item in config.extra_javascript]:
                config.extra_javascript.append(script)
        if self.site is not None and self.site.index.journeys and not plotly_bundle()[1]:
            log.info(translator.message("plotly_full_bundle"))
        return config

    @staticmethod
    def _refuse_output(config: MkDocsConfig, root: Path, settings: Settings | None, translator: Translator) -> None:
        site_dir = Path(config.site_dir)
        place = overwrites(site_dir, protected_folders(root, settings or Settings(), Path(config.docs_dir)))
        if place is not None:
            shown = relative_to(place, root) if place != root.resolve() else "."
            raise PluginError(translator.message("output_overwrites", value=config.site_dir, folder=shown))

    # Late, after other plugins added their files: a collision with an
    # author's own page is then visible and reported.
    @event_priority(-50)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.site is None:
            if self.preview is not None:
                # No source read (the options are invalid): the pages still show why.
                for generated in self.preview.stylesheets_and_script():
                    files.append(File.generated(config, generated.src_uri, content=generated.content))
                self.preview.pages = {file.src_uri for file in files.documentation_pages()}
            return files
        translator = Translator(self.site.language)
        docs_in_root = posixpath.relpath(Path(config.docs_dir).as_posix(), self.site.root.as_posix())
        for generated in self._generated(config, docs_in_root):
            existing = files.get_file_from_path(generated.src_uri)
            if existing is not None and existing.generated_by is None:
                authors = f"{docs_in_root}/{generated.src_uri}"
                if self.preview is None:
                    raise PluginError(translator.message("generated_collision", value=authors))
                # The preview keeps the author's page, and says why the generated one is missing.
                collision = Problem(file=authors, code="generated_collision", params={"value": authors})
                log.error(collision.format(translator))
                self.preview.report.add(collision)
                continue
            # With an explicit `nav`, generated pages enter it through `on_nav`, and
            # MkDocs need not list them as omitted; without one, its automatic nav takes them.
            inclusion = InclusionLevel.NOT_IN_NAV if generated.is_page and config.nav else InclusionLevel.UNDEFINED
            if generated.source is not None:
                file = File.generated(config, generated.src_uri, abs_src_path=str(generated.source), inclusion=inclusion)
            elif generated.is_page and generated.body is not None:
                file = File.generated(config, generated.src_uri, content=f"{generated.front_matter}\n\n{BODY_PLACEHOLDER}\n", inclusion=inclusion)
                self.keep_body(generated)
            else:
                file = File.generated(config, generated.src_uri, content=generated.text, inclusion=inclusion)
            if generated.edit_path:
                # Relative to docs_dir: MkDocs joins it to `edit_uri`, resolving "..".
                file.edit_uri = posixpath.relpath(generated.edit_path, docs_in_root)
            files.append(file)
        report = clean_authors_photos(files, config, docs_in_root, self.photos)
        for problem in report:
            log.error(problem.format(translator))
        self._fails(report, translator)
        # Material's offline plugin (a site opened from disk) loads a shim from a public host: ours is served here.
        polyfills = config.extra.get("polyfills") or []
        config.extra["polyfills"] = [FILE_WORKER_SHIM if FILE_WORKER_SHIM_REMOTE in str(script) else script for script in polyfills]
        if self.preview is not None:
            self.preview.pages = {file.src_uri for file in files.documentation_pages()}
        return files

    def _generated(self, config: MkDocsConfig, docs_in_root: str) -> list[GeneratedFile]:
        """Every page and file Parcours adds; in a preview with errors, what can be drawn."""
        assert self.site is not None
        preview = self.preview
        tolerant = preview is not None and preview.report.has_errors()
        memory = keys = None
        if preview is not None and not tolerant:
            setup = repr((config.use_directory_urls, config.repo_url, config.site_url, docs_in_root, config.theme.get("language")))
            memory, keys = self.page_memory, self.page_memory.keys(self.site, self.sources.seen, setup)
        try:
            self.renderer = Renderer(self.site, Urls(config.use_directory_urls), config.repo_url, config.site_url, memory, keys, self.copies_made(config))
        except Exception as error:
            if not tolerant:
                raise
            log.debug("No page can be drawn until the errors are fixed: %r", error)
        if preview is None:
            assert self.renderer is not None
            return self.renderer.files()
        preview.locate(self.site, docs_in_root)
        generated = preview.drawn(self.site, self.renderer) if tolerant or self.renderer is None else self.renderer.files()
        preview.remember(generated)
        return generated

    # Late, once other plugins (awesome-pages, literate-nav…) have built the
    # navigation: the kind's index pages they placed are the ones expanded.
    # (`redraw.py` then compares what every page shows with the last preview build's.)
    @event_priority(-50)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.site is not None:
            nav = expand_nav(nav, files, self.site)
        self.decide_redraw(files, nav, config, self.preview)
        return nav

    # Early, before other plugins read the page's HTML (search indexes it later).
    @event_priority(50)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        html = self._content(html, page)
        return self.preview.marked(html) if self.preview is not None else html

    def _content(self, html: str, page: Page) -> str:
        body = self.bodies.get(page.file.src_uri)
        if body is not None:
            # MkDocs read the placeholder, not the page: the page's own ids are
            # what a link from an author's page to `listening/index.md#committees` checks.
            if page.present_anchor_ids is not None:
                page.present_anchor_ids.update(ANCHOR_ID.findall(body))
            return html.replace(BODY_PLACEHOLDER, body, 1)
        if self.renderer is None:
            return html
        # An author's page: what it loads and runs is checked; then the blocks it asks
        # for are filled, and the glossary's terms explained.
        self._check_authored(page, html)
        try:
            html = self.renderer.fill(page.file.src_uri, html)
        except Exception:
            if self.preview is None or not self.preview.report.has_errors():
                raise
            # A block drawn from a site with errors: the page shows them, without the block.
        return self.renderer.glossary.annotate(html) if self.renderer.glossary else html

    def _check_authored(self, page: Page, html: str) -> None:
        """The authors' pages are trusted Markdown, but load nothing from another host;
        what runs in them is shown to the reviewer as a warning."""
        assert self.site is not None
        source = Path(page.file.abs_src_path) if page.file.abs_src_path else None
        rel = relative_to(source, self.site.root) if source else page.file.src_uri
        written = source.read_text("utf-8", errors="replace") if source and source.is_file() else ""
        for finding in page_findings(html, self.site.settings.media_hosts):
            at = position_of(written, finding.value)
            severity = Severity.WARNING if finding.code == "page_script" else Severity.ERROR
            self.page_problems.append(Problem(file=rel, code=finding.code, params={"value": finding.value, "known": self.site.settings.media_hosts},
                                              line=at.line, column=at.column, severity=severity))

    # Once every page's content is read: the authors' pages' problems, all at once.
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        self.redraw.restore(files, config)
        if self.command == "serve" and env.bytecode_cache is None:
            env.bytecode_cache = _THEME_COMPILED
        if self.site is None or not self.page_problems:
            return env
        translator = Translator(self.site.language)
        report = Report(list(self.page_problems))
        for problem in report:
            _LOG[problem.severity](problem.format(translator))
        self._fails(report, translator)
        return env

    # Early, before a plugin that minifies the HTML drops the preview's marker (a
    # comment) or rewrites Material's markup that the search dialog's name goes into.
    @event_priority(50)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """The search dialog named; in the preview, the site's errors and the page's warnings above its content."""
        if not self.enabled:
            return output
        output = name_search_dialog(output)
        return self.preview.shown_on(output, page.file.src_uri) if self.preview is not None else output

    # The theme's own pages (404.html) go through this one; same priority, same reason.
    @event_priority(50)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """The search dialog named; in the preview, the 404 page (an address with no page) shows the errors."""
        if not self.enabled or not template_name.endswith(".html"):
            return output_content
        output_content = name_search_dialog(output_content)
        if self.preview is None or template_name != "404.html":
            return output_content
        return self.preview.not_found(output_content)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.builder = Collector().around(explaining(server.builder, Path(config.config_file_path) if config.config_file_path else None))
        if not self.enabled:
            return server
        root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        # Options invalid at start-up: the default folders are watched, until they are fixed.
        for source in source_paths(self.site.settings if self.site is not None else Settings()):
            path = root / source
            if path.exists():
                server.watch(str(path))
        return server
