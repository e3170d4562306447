"""Renders every page of a site's sources, and the blocks authors place in theirs.

The page kinds (`pages/`) say what each page needs; the templates draw it;
this puts them together, once per build, and adds the files the pages use:
stylesheets, script, plotly.js, the JSON Schemas and the media.
"""

from __future__ import annotations

import json
import re
from typing import Any

from markupsafe import Markup

from ..analyses.changes import KINDS as CHANGE_KINDS
from ..analyses.sitemap import PAGES, briefing_page, stage_anchor
from ..analyses.verbatims import ranked
from ..language.names import slugify
from ..language.translator import Translator
from ..media.images import clean_image
from ..model import KINDS
from ..model.schema import json_schemas
from ..site import Site
from ..sources.history import HistoryIndex
from .assets import FILE_WORKER_SHIM, ICONS_STYLESHEET, PLOTLY, SCRIPT, STYLESHEET, packaged, plotly_bundle, script
from ..model.site_words import channel_label, kind_label, phase_label
from .context import PageContext, channel_icon, commit_url_template
from .environment import make_environment
from .files import GeneratedFile, PageSpec, compact
from .glossary import PAUSE, RESUME, Glossary, without_pauses
from .icons import IconSet
from .pages import PAGE_KINDS
from .parallel import draw_all
from .pages.home import BLOCK_MARKER, BLOCKS, blocks_context
from .pieces import Pieces
from .reuse import BuildKeys, PageMemory
from .search import searchable
from .suggest import issue_form
from .urls import Urls


class Renderer:
    """Renders a checked site; call `files()` only when its report has no error.

    `memory` (the preview's) holds the pages of the last build, reused where
    `keys` say nothing they show has changed (`reuse.py`)."""

    def __init__(
        self, site: Site, urls: Urls | None = None, repo_url: str | None = None, site_url: str | None = None,
        memory: PageMemory | None = None, keys: BuildKeys | None = None, search: bool = False,
    ) -> None:
        self.site = site
        self.commit_url = commit_url_template(site.settings.commit_url, repo_url)
        #: Where "suggest a correction" opens a new issue (None: no such link), and the site's address, for the issue to name the page.
        self.issue_form = issue_form(repo_url)
        self.site_url = site_url
        self.history_index = HistoryIndex(site.history)
        self.index = site.index
        self.urls = urls or Urls()
        self.translator = site.translator
        self.env = make_environment(self.translator, site.settings.media_hosts)
        self.memory, self.keys = memory, keys or BuildKeys("", {})
        #: Whether each page comes with what search reads of it: made with the page, on the
        #: core that drew it (`parallel.py`), rather than one page after another in search's event.
        self.search = search
        self.icons = memory.icons if memory is not None else IconSet()
        if memory is not None:
            self.env.kept_parts, self.env.kept_keys = memory.fragments, self.keys  # type: ignore[attr-defined]
        settings = site.settings
        self.pieces = Pieces(self.env, self.icons, lambda channel_id: (channel_icon(settings, channel_id), channel_label(settings, self.translator, channel_id)))
        self.env.globals.update(
            phase_name=lambda phase_id: phase_label(settings, self.translator, phase_id), kind_name=lambda kind: kind_label(self.translator, kind),
            icon=self.pieces.icon, pieces=self.pieces, index=site.index, settings=settings,
            glossary_pause=Markup(PAUSE), glossary_resume=Markup(RESUME), slug=slugify, ranked=ranked, stage_anchor=stage_anchor, KIND_ICONS={kind.plural: kind.icon for kind in KINDS.values()},
            PAGES=PAGES, CHANGE_KINDS=CHANGE_KINDS, today=site.today, briefing_page=briefing_page,
        )
        self.glossary = Glossary(site.index.glossary.model, self.pieces) if site.index.glossary else None
        self._blocks: dict[str, Any] | None = None
        self._drawn_blocks: dict[tuple[str, str], str] = {}

    # Rendering ----------------------------------------------------------------
    def render(self, template: str, src_uri: str, **context: Any) -> str:
        page = PageContext(self.site, self.urls, self.translator, src_uri, self.commit_url, self.history_index, self.issue_form, self.site_url)
        html = compact(self.env.get_template(template).render(page=page, **context))
        if self.glossary and src_uri != PAGES["glossary"]:
            return self.glossary.annotate(html)
        return without_pauses(html)

    def page(self, spec: PageSpec) -> GeneratedFile:
        front_matter = self.env.get_template("front_matter.md").render(title=spec.title, description=spec.description, meta=spec.meta)
        body = self.render(spec.template, spec.src_uri, **spec.full_context())
        return GeneratedFile(
            src_uri=spec.src_uri, edit_path=spec.edit_path, front_matter=front_matter, body=body,
            searchable=searchable(body) if self.search else None,
        )

    def reused_or_drawn(self, spec: PageSpec) -> GeneratedFile:
        """The page as the last build drew it, when nothing it shows changed; else drawn."""
        if self.memory is None:
            return self.page(spec)
        key = self.keys.page(spec.journeys)
        page = self.memory.reused(spec.src_uri, key)
        if page is None:
            page = self.page(spec)
            self.memory.keep(spec.src_uri, key, page)
        return page

    def block(self, src_uri: str, name: str) -> str | None:
        """One block an author may place in a page of theirs, rendered for that page once a build."""
        if name not in BLOCKS:
            return None
        if (src_uri, name) not in self._drawn_blocks:
            if self._blocks is None:
                self._blocks = blocks_context(self.site)
            self._drawn_blocks[src_uri, name] = self.render(BLOCKS[name], src_uri, **self._blocks)
        return self._drawn_blocks[src_uri, name]

    def blocks(self, src_uri: str) -> dict[str, str]:
        """Every block an author may place in a page of theirs, rendered for that page."""
        return {name: self.block(src_uri, name) or "" for name in BLOCKS}

    def fill(self, src_uri: str, html: str) -> str:
        """An author's page with its block markers replaced by the blocks."""
        if not BLOCK_MARKER.search(html):
            return html

        def filled(marker: re.Match[str]) -> str:
            drawn = self.block(src_uri, marker.group(1))
            return marker.group(0) if drawn is None else drawn

        return BLOCK_MARKER.sub(filled, html)

    # Every file -----------------------------------------------------------------
    def files(self) -> list[GeneratedFile]:
        """Every generated file: the pages of each kind, then what they use."""
        specs = [spec for kind in PAGE_KINDS for spec in kind.pages(self.site, self.translator, self.urls)]
        if self.memory is None:
            files = draw_all(self.page, specs, self.icons)
        else:  # the preview: a page is drawn again only when what it shows changed
            files = [self.reused_or_drawn(spec) for spec in specs]
            self.memory.end_build({spec.src_uri for spec in specs})
        self.blocks("index.md")  # the blocks' icons belong in the stylesheet too
        files.extend(self.assets())
        return files

    def assets(self) -> list[GeneratedFile]:
        """What the pages use: schemas, stylesheets, script, plotly.js, the icons drawn so far, the media."""
        site, index = self.site, self.index
        files = [
            GeneratedFile(src_uri=f"schemas/{name}.schema.json", content=json.dumps(schema, ensure_ascii=False, indent=2))
            for name, schema in json_schemas(site.settings, site.language).items()
        ]
        files.append(GeneratedFile(src_uri=STYLESHEET, content=packaged("parcours.css")))
        files.append(GeneratedFile(src_uri=SCRIPT, content=script()))
        files.append(GeneratedFile(src_uri=FILE_WORKER_SHIM, content=packaged("iframe-worker-shim.js")))
        if index.journeys:
            bundle, _ = plotly_bundle()
            files.append(GeneratedFile(src_uri=PLOTLY, source=bundle))
        # After every page and block: the icons they used.
        files.append(GeneratedFile(src_uri=ICONS_STYLESHEET, content=self.icons.stylesheet()))
        # Several sources may show the same file (two personas, one portrait): publish it once.
        published = {media.site_path: media for media in index.media.values() if media.site_path and media.source}
        for site_path, media in sorted(published.items()):
            if media.kind == "image":
                files.append(GeneratedFile(src_uri=site_path, content=clean_image(media.source, site.settings.image_max_width)))
            else:
                files.append(GeneratedFile(src_uri=site_path, source=media.source))
        return files
