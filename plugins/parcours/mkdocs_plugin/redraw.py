"""The preview draws again only the pages a save changed (`mkdocs serve --dirty`).

Why: at each save, `mkdocs serve` rebuilds every page, and on a site of a
hundred journeys MkDocs' own work (Markdown, the theme's template, search)
took most of the 13 s an analyst waited. With `--dirty`, MkDocs asks each
page's file `is_modified()` and skips the pages that say no; on its own, it
answers by modification time, which knows nothing of a generated page, of
the navigation, or of a stage renamed in one journey and cited on another's
solution sheet: its own warning says the result may be wrong.

Here the answer is exact, compared by content:

- A page is drawn again unless its HTML, as Parcours drew it this time, is
  the one already written, with the same problems shown above it and the
  same "edit" link. A generated page's HTML holds everything it shows from
  other sources (names, figures, links), so the solution sheet citing a
  renamed stage is drawn again, and the others are not.
- Every page is drawn again when anything all of them show changes:
  `mkdocs.yml`, the theme's overrides, the navigation (its order, and every
  page's title, held in a generated page's front matter or an author's
  page), the list of pages, or when the site has errors.
- The authors' pages (`docs/`) are always drawn again: the blocks they ask
  for show the sources.
- A site using another plugin than search, offline and Parcours is drawn
  whole: what that plugin does to each page is unknown here.

A skipped page must still be whole for the others: its title for their
navigation (read again from its front matter, which costs nothing), its
anchors for the links checked against it, and its entries in search's
index, kept from the build that drew it. Files a build no longer has (a
journey renamed) are deleted from the preview, which `--dirty` leaves in place.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from typing import Any, Callable, Iterator

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from .preview import Preview

#: The plugins whose work on a page is known: the page they saw last time is still right.
KNOWN_PLUGINS = frozenset({"material/search", "search", "material/offline", "offline", "parcours"})

#: MkDocs' warning at each dirty build; this module makes the build exact, so the warning is not.
_DIRTY_WARNING = "A 'dirty' build is being performed"


class _NoDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(_DIRTY_WARNING)


_FILTER = _NoDirtyWarning()


def _digest(*parts: str | bytes) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part)
        digest.update(b"\x00\x01")
    return digest.hexdigest()


class Redraw:
    """What the last preview build drew, and which pages the next one may skip."""

    def __init__(self) -> None:
        #: Whether MkDocs skips the pages said unmodified (`mkdocs serve --dirty`).
        self.active = False
        self._forget_all()

    def _forget_all(self) -> None:
        #: What every page shows, as of the last build that finished.
        self.site_key: str | None = None
        #: Each page's own key, by `src_uri`, as of the last build that finished.
        self.page_keys: dict[str, str] = {}
        #: Each page's anchors (checked by links to it) and search entries, from the build that drew it.
        self.anchors: dict[str, set[str] | None] = {}
        self.entries: dict[str, list[Any]] = {}
        #: Every file the last build wrote, by its path in the site.
        self.outputs: set[str] = set()
        #: Each generated page's HTML and its digest: a page the renderer reused is the same string, not hashed again.
        self.digests: dict[str, tuple[str, str]] = {}
        #: This build's decisions: its keys, and the pages it skips.
        self._site_key: str | None = None
        self._page_keys: dict[str, str] = {}
        self.skipped: set[str] = set()
        self._search: Any = None
        self._entries_before = 0
        self._files: Files | None = None

    def start(self, *, serving: bool, dirty: bool) -> None:
        """At `on_startup`: skipping is for the preview run with `--dirty` only."""
        self._forget_all()
        self.active = serving and dirty
        logger = logging.getLogger("mkdocs.commands.build")
        if self.active:
            logger.addFilter(_FILTER)
        else:
            logger.removeFilter(_FILTER)

    def stop(self) -> None:
        logging.getLogger("mkdocs.commands.build").removeFilter(_FILTER)
        self.active = False

    def digest(self, src_uri: str, body: str) -> str:
        """A generated page's HTML as a digest, made once per string (megabytes on a site-wide page)."""
        known = self.digests.get(src_uri)
        if known is None or known[0] is not body:
            known = self.digests[src_uri] = (body, _digest(body))
        return known[1]

    def forget(self) -> None:
        """A build that failed: the next one draws every page."""
        self.site_key, self.page_keys = None, {}

    # Deciding (`on_nav`, once files and navigation are final) ---------------------------
    def decide(self, files: Files, nav: Navigation, config: MkDocsConfig, page_key: Callable[[File], tuple[str, ...] | None]) -> None:
        """Tell MkDocs which pages changed; `page_key` says what a page shows of its own
        (None: draw it each time)."""
        self.skipped, self._page_keys, self._site_key, self._files = set(), {}, None, files
        if not self.active:
            return
        self._search = _search_plugin(config)
        pages = _pages(files)
        if set(config.plugins) <= KNOWN_PLUGINS and self._search is not None:
            self._site_key = _digest(
                _config_bytes(config), repr(_theme_files(config)), repr(list(_nav_shape(nav.items))),
                *(f"{file.src_uri}|{file.dest_uri}|{file.url}|{file.inclusion}|{_front(file)}" for file in pages),
            )
            for file in pages:
                key = page_key(file)
                if key is not None:
                    self._page_keys[file.src_uri] = _digest(*key)
            if self._site_key == self.site_key:
                self.skipped = {
                    file.src_uri for file in pages
                    if self._page_keys.get(file.src_uri) is not None
                    and self.page_keys.get(file.src_uri) == self._page_keys[file.src_uri]
                    and file.src_uri in self.entries and os.path.isfile(file.abs_dest_path)
                }
        for file in pages:
            # MkDocs asks each file; a real file would answer by modification time.
            setattr(file, "is_modified", _answer(file.src_uri not in self.skipped))

    # Before the pages are written (`on_env`): the skipped pages, whole for the others -------
    def restore(self, files: Files, config: MkDocsConfig) -> None:
        for file in _pages(files):
            page = file.page
            if file.src_uri in self.skipped and page is not None and page.markdown is None:
                page.read_source(config)  # the title and meta, from the front matter
                anchors = self.anchors.get(file.src_uri)
                page.present_anchor_ids = set(anchors) if anchors is not None else None

    # Around search's `on_page_context`: the entries it made for each page ----------------
    def before_search(self) -> None:
        index = getattr(self._search, "search_index", None)
        self._entries_before = len(index.entries) if index is not None else 0

    def after_search(self, page: Page) -> None:
        index = getattr(self._search, "search_index", None)
        if self.active and index is not None:
            self.entries[page.file.src_uri] = list(index.entries[self._entries_before :])

    # After the pages are written (`on_post_build`, before search writes its index) ---------
    def finish(self, config: MkDocsConfig) -> None:
        files = self._files
        if not self.active or files is None:
            return
        pages = _pages(files)
        index = getattr(self._search, "search_index", None)
        if index is not None:
            # Search's index, whole: the pages drawn now, and those skipped as last time.
            index.entries = [entry for file in pages for entry in self.entries.get(file.src_uri, [])]
            self._search.search_index_prev = None  # its own merge assumes one page per build
        outputs = {file.abs_dest_path for file in files}
        for stale in sorted(self.outputs - outputs):
            _remove(Path(stale), Path(config.site_dir))
        self.outputs = outputs
        self.entries = {file.src_uri: self.entries.get(file.src_uri, []) for file in pages}
        self.digests = {file.src_uri: self.digests[file.src_uri] for file in pages if file.src_uri in self.digests}
        self.anchors = {file.src_uri: (file.page.present_anchor_ids if file.page else None) for file in pages}
        self.site_key, self.page_keys = self._site_key, dict(self._page_keys)


class RedrawEvents:
    """The plugin's part that tells MkDocs which pages to write again."""

    #: The generated pages' HTML, by `src_uri` (the plugin fills it in `on_files`).
    bodies: dict[str, str]
    redraw: Redraw

    def decide_redraw(self, files: Files, nav: Navigation, config: MkDocsConfig, preview: Preview | None) -> None:
        """At the end of `on_nav`. A generated page is compared by its HTML, its
        warnings and its edit link; an author's page, or a site with errors, is drawn."""
        if preview is None or preview.report.has_errors():
            self.redraw.decide(files, nav, config, lambda file: None)
            return

        def page_key(file: File) -> tuple[str, ...] | None:
            body = self.bodies.get(file.src_uri)
            return None if body is None else (self.redraw.digest(file.src_uri, body), repr(preview.warnings_on(file.src_uri)), file.edit_uri or "")

        self.redraw.decide(files, nav, config, page_key)

    # Before search (priority 0) writes its index: the pages the preview skipped keep their entries.
    @event_priority(10)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.redraw.finish(config)

    def on_build_error(self, *, error: Exception) -> None:
        self.redraw.forget()


def _pages(files: Files) -> list[File]:
    """The pages `mkdocs serve` writes: its drafts too."""
    return files.documentation_pages(inclusion=InclusionLevel.is_in_serve)


def _answer(modified: bool) -> Callable[[], bool]:
    return lambda: modified


def _search_plugin(config: MkDocsConfig) -> Any:
    """Material's search plugin, whose index keeps one list of entries."""
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None and hasattr(plugin, "search_index_prev"):
            return plugin
    return None


def _config_bytes(config: MkDocsConfig) -> bytes:
    path = config.config_file_path
    try:
        return Path(path).read_bytes() if path else b""
    except OSError:
        return b""


def _theme_files(config: MkDocsConfig) -> list[tuple[str, int, int]]:
    """The theme's overrides (`custom_dir`), as they are on disk."""
    custom = config.theme.custom_dir
    if not custom or not os.path.isdir(custom):
        return []
    found = []
    for folder, _, names in os.walk(custom):
        for name in names:
            stat = os.stat(os.path.join(folder, name))
            found.append((os.path.relpath(os.path.join(folder, name), custom), stat.st_mtime_ns, stat.st_size))
    return sorted(found)


def _nav_shape(items: list[StructureItem]) -> Iterator[tuple[str, ...]]:
    """The navigation's order and its sections' titles (pages' titles are in their sources)."""
    for item in items:
        if isinstance(item, Section):
            yield ("section", str(item.title))
            yield from _nav_shape(item.children)
            yield ("end",)
        elif isinstance(item, Link):
            yield ("link", str(item.title), str(item.url))
        elif isinstance(item, Page):
            yield ("page", item.file.src_uri)


def _front(file: File) -> str:
    """What a page shows in every page's navigation: a generated page's front matter
    (its placeholder's text), an author's page's text (its first heading)."""
    try:
        return _digest(file.content_bytes)
    except (OSError, UnicodeError):
        return "unreadable"


def _remove(path: Path, site_dir: Path) -> None:
    """A file the site no longer has, and the folders it leaves empty (inside the site only)."""
    if site_dir not in path.parents:
        return
    try:
        path.unlink()
    except OSError:
        return
    folder = path.parent
    while folder != site_dir and site_dir in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
