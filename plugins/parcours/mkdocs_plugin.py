"""The MkDocs adapter: Parcours sources become pages of the site.

Events, in the order MkDocs runs them:

- `on_startup`: remember whether this is `mkdocs serve`.
- `on_config`: read, validate and index every source (the core does it all
  before any page exists); report each problem through the plugin's logger;
  abort with `PluginError` on any error. Warnings fail `--strict` builds.
- `on_files`: add the generated pages, stylesheet, schemas and media; a
  page's "edit" link opens its source file (`File.edit_uri`); photos in the
  authors' pages are published without their metadata.
- `on_page_content`: put each generated page's HTML in place of its
  placeholder (Markdown never parses it); in authors' pages, fill the blocks
  they ask for (`<!-- parcours:journeys -->`…) and explain glossary terms.
- `on_nav`: when the navigation lists a kind's index page (`journeys/index.md`)
  on its own, turn it into a section holding every page of that kind.
- `on_serve`: watch the source folders, the onboarding path and the glossary,
  so an edited source reloads the page.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .i18n import Translator
from .images import ImageError, clean_image
from .mkdocs_config import ParcoursConfig
from .problems import Report, Severity
from .render.assets import SCRIPTS, STYLESHEETS, plotly_bundle
from .render.pages import BODY_PLACEHOLDER, Renderer
from .render.urls import Urls
from .site import Site, load_site
from .site_config import site_language
from .sitemap import team_page
from .slug import slugify
from .teams import team_names
from .validate import validate_settings

log = get_plugin_logger(__name__)

#: Photos published from `docs/` without their metadata (SVGs are the authors' drawings, kept as they are).
AUTHORS_PHOTOS = (".jpg", ".jpeg", ".png", ".webp")


class ParcoursPlugin(BasePlugin[ParcoursConfig]):
    """Turns journeys, personas, benchmarks and solutions into pages."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: Site | None = None
        self.bodies: dict[str, str] = {}
        self.renderer: Renderer | None = None
        self.is_serve = False
        #: Cleaned photos of `docs/` by (path, mtime, size): `mkdocs serve` rebuilds on every save.
        self.photos: dict[tuple[str, int, int], bytes] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serve = command == "serve"

    # Early, so that other plugins' on_config sees our stylesheet, and before
    # anything is rendered: every source is validated first.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        theme_language = config.theme.get("language") if config.theme else None
        language = site_language(self.config.language, theme_language)
        translator = Translator(language)
        settings, problems = validate_settings(self.config.settings_input(), translator)
        if settings is None:
            for problem in problems:
                log.error(problem.format(translator))
            raise PluginError(translator.message("settings_invalid", detail=problems[0].message(translator)))
        root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        self.site = load_site(root, settings, language, docs_dir=Path(config.docs_dir))
        report = self.site.report
        for problem in report:
            (log.error if problem.severity is Severity.ERROR else log.warning)(problem.format(translator))
        if report.has_errors():
            raise PluginError(_summary(report, translator))
        for stylesheet in STYLESHEETS:
            if stylesheet not in config.extra_css:
                config.extra_css.append(stylesheet)
        for script in SCRIPTS:
            if script not in [str(item) for item in config.extra_javascript]:
                config.extra_javascript.append(script)
        if self.site.index.journeys and not plotly_bundle()[1]:
            log.info(translator.message("plotly_full_bundle"))
        return config

    # Late, after other plugins added their files: a collision with an
    # author's own page is then visible and reported.
    @event_priority(-50)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None
        translator = Translator(self.site.language)
        self.bodies = {}
        docs_in_root = posixpath.relpath(Path(config.docs_dir).as_posix(), self.site.root.as_posix())
        self.renderer = Renderer(self.site, Urls(config.use_directory_urls), config.repo_url)
        for generated in self.renderer.files():
            existing = files.get_file_from_path(generated.src_uri)
            if existing is not None and existing.generated_by is None:
                raise PluginError(translator.message("generated_collision", value=f"{docs_in_root}/{generated.src_uri}"))
            # With an explicit `nav`, generated pages enter it through `on_nav`, and
            # MkDocs need not list them as omitted; without one, its automatic nav takes them.
            inclusion = InclusionLevel.NOT_IN_NAV if generated.is_page and config.nav else InclusionLevel.UNDEFINED
            if generated.source is not None:
                file = File.generated(config, generated.src_uri, abs_src_path=str(generated.source), inclusion=inclusion)
            elif generated.is_page and generated.body is not None:
                file = File.generated(config, generated.src_uri, content=f"{generated.front_matter}\n\n{BODY_PLACEHOLDER}\n", inclusion=inclusion)
                self.bodies[generated.src_uri] = generated.body
            else:
                file = File.generated(config, generated.src_uri, content=generated.content, inclusion=inclusion)
            if generated.edit_path:
                # Relative to docs_dir: MkDocs joins it to `edit_uri`, resolving "..".
                file.edit_uri = posixpath.relpath(generated.edit_path, docs_in_root)
            files.append(file)
        self._clean_authors_photos(files, config)
        return files

    def _clean_authors_photos(self, files: Files, config: MkDocsConfig) -> None:
        """Photos in the authors' pages lose their metadata (GPS, camera, comment), as portraits do.

        Their size is kept: a free page may show a detailed diagram.
        """
        for file in list(files.media_files()):
            if file.generated_by is not None or Path(file.src_uri).suffix.lower() not in AUTHORS_PHOTOS:
                continue
            source = Path(file.abs_src_path)
            stat = source.stat()
            key = (str(source), stat.st_mtime_ns, stat.st_size)
            if key not in self.photos:
                try:
                    self.photos[key] = clean_image(source, None)
                except ImageError:
                    continue  # not a readable image: MkDocs copies it as it is
            content = self.photos[key]
            files.remove(file)
            files.append(File.generated(config, file.src_uri, content=content, inclusion=file.inclusion))

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """A kind's index page listed alone in `nav` becomes a section of its pages."""
        assert self.site is not None
        sections = self._kind_pages(files)
        nav.items = [self._expand(item, sections) for item in nav.items]
        nav.pages = list(_pages_in(nav.items))
        for position, page in enumerate(nav.pages):
            page.previous_page = nav.pages[position - 1] if position else None
            page.next_page = nav.pages[position + 1] if position + 1 < len(nav.pages) else None
        return nav

    def _kind_pages(self, files: Files) -> dict[str, list[Page]]:
        """The generated pages of each kind, by the index page that heads them."""
        assert self.site is not None
        index = self.site.index
        titles = {
            **{f"journeys/{key}.md": entry.model.title for key, entry in index.journeys.items()},
            **{f"personas/{key}.md": entry.model.name for key, entry in index.personas.items()},
            **{f"benchmarks/{key}.md": entry.model.title for key, entry in index.benchmarks.items()},
            **{f"solutions/{key}.md": entry.model.title for key, entry in index.solutions.items()},
            **{team_page(name): name for name in team_names(index)},
        }
        by_index: dict[str, list[Page]] = {}
        # Accents aside, as a French reader orders them: "Équipe digitale" among the E.
        for src_uri, title in sorted(titles.items(), key=lambda item: slugify(item[1])):
            file = files.get_file_from_path(src_uri)
            if file is not None and file.page is not None:
                by_index.setdefault(src_uri.split("/")[0] + "/index.md", []).append(file.page)
        return by_index

    def _expand(self, item: Any, sections: dict[str, list[Page]]) -> Any:
        if isinstance(item, Section):
            children = [self._expand(child, sections) for child in item.children]
            first = item.children[0] if item.children else None
            if isinstance(first, Page) and self._expands(first, sections):
                # The section's first page is a kind's index: it already heads a
                # section, so the sheets follow the section's other pages.
                children = [first, *children[1:], *sections[first.file.src_uri]]
            item.children = children
            for child in item.children:
                child.parent = item
            return item
        if isinstance(item, Page) and self._expands(item, sections):
            section = Section(item.title or "", [item, *sections[item.file.src_uri]])
            section.parent = item.parent
            for child in section.children:
                child.parent = section
            return section
        return item

    def _expands(self, page: Page, sections: dict[str, list[Page]]) -> bool:
        """Whether a kind's index page gets its sheets listed under it."""
        limit = self.site.settings.nav_max_pages if self.site else 0
        return page.file.src_uri in sections and len(sections[page.file.src_uri]) <= limit

    # Early, before other plugins read the page's HTML (search indexes it later).
    @event_priority(50)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        body = self.bodies.get(page.file.src_uri)
        if body is not None:
            return html.replace(BODY_PLACEHOLDER, body, 1)
        # An author's page: the blocks it asks for, and the glossary's terms explained.
        assert self.renderer is not None
        html = self.renderer.fill(page.file.src_uri, html)
        return self.renderer.glossary.annotate(html) if self.renderer.glossary else html

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        assert self.site is not None
        settings = self.site.settings
        sources = (
            settings.journeys_dir,
            settings.personas_dir,
            settings.benchmarks_dir,
            settings.solutions_dir,
            settings.onboarding_file,
            settings.glossary_file,
        )
        for source in sources:
            path = self.site.root / source
            if path.exists():
                server.watch(str(path))
        return server


def _pages_in(items: list[Any]) -> Any:
    """Pages in navigation order, for "previous" and "next" links."""
    for item in items:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, Section):
            yield from _pages_in(item.children)


def _summary(report: Report, translator: Translator) -> str:
    return translator.summary(report)
