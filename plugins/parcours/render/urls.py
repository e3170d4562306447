"""Where each generated page lives, and relative links between pages.

Pages sit at stable addresses, `/<kind>/<file stem>/`. Links are written
relative to the page that holds them, as MkDocs does, so the site works at
any base URL of the intranet and opened from disk.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache


class Urls:
    """The URL scheme of the built site (directory URLs or `.html` files).

    `files_from_source`: write links to files (portraits, clips, captions)
    relative to the page's source file, not to its URL. Zensical reads the
    `src` of images, sources and tracks in a page's HTML that way and rewrites
    it; MkDocs and ProperDocs leave HTML as written, relative to the URL.
    """

    def __init__(self, use_directory_urls: bool = True, files_from_source: bool = False) -> None:
        self.use_directory_urls = use_directory_urls
        self.files_from_source = files_from_source

    def url(self, src_uri: str) -> str:
        """Site path of a page or file, as MkDocs computes it from `src_uri`."""
        if not src_uri.endswith(".md"):
            return src_uri
        stem = src_uri[: -len(".md")]
        folder, name = posixpath.split(stem)
        if name in ("index", "README"):
            if self.use_directory_urls:
                return f"{folder}/" if folder else ""
            return f"{folder}/index.html" if folder else "index.html"
        if self.use_directory_urls:
            return f"{stem}/"
        return f"{stem}.html"

    def relative(self, from_src_uri: str, to_src_uri: str, anchor: str | None = None) -> str:
        """A link from one page to another page or file."""
        link = _relative(self.use_directory_urls, self.files_from_source, from_src_uri, to_src_uri)
        return f"{link}#{anchor}" if anchor else link

    def _relative(self, from_src_uri: str, to_src_uri: str) -> str:
        if self.files_from_source and not to_src_uri.endswith(".md"):
            return posixpath.relpath(to_src_uri, posixpath.dirname(from_src_uri) or ".")
        here = self.url(from_src_uri)
        there = self.url(to_src_uri)
        base = here if here.endswith("/") or not here else posixpath.dirname(here)
        base = base.rstrip("/") or "."
        target = there.rstrip("/") or "."
        link = posixpath.relpath(target, base)
        if there.endswith("/") or not there:
            link = "./" if link == "." else f"{link}/"
        return link


@lru_cache(maxsize=65536)
def _relative(use_directory_urls: bool, files_from_source: bool, from_src_uri: str, to_src_uri: str) -> str:
    """Pages link to the same few pages many times (a map to its own stages, at
    each anchor): compute each link once, anchors aside."""
    return Urls(use_directory_urls, files_from_source)._relative(from_src_uri, to_src_uri)
