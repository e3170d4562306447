"""Where each generated page lives, and relative links between pages.

Pages sit at stable addresses, `/<kind>/<file stem>/`. Links are written
relative to the page that holds them, as MkDocs does, so the site works at
any base URL of the intranet and opened from disk.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache


class Urls:
    """The URL scheme of the built site (directory URLs or `.html` files)."""

    def __init__(self, use_directory_urls: bool = True) -> None:
        self.use_directory_urls = use_directory_urls

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
        return _relative(self.use_directory_urls, from_src_uri, to_src_uri, anchor)

    def _relative(self, from_src_uri: str, to_src_uri: str, anchor: str | None) -> str:
        here = self.url(from_src_uri)
        there = self.url(to_src_uri)
        base = here if here.endswith("/") or not here else posixpath.dirname(here)
        base = base.rstrip("/") or "."
        target = there.rstrip("/") or "."
        link = posixpath.relpath(target, base)
        if there.endswith("/") or not there:
            link = "./" if link == "." else f"{link}/"
        if anchor:
            link = f"{link}#{anchor}"
        return link


@lru_cache(maxsize=65536)
def _relative(use_directory_urls: bool, from_src_uri: str, to_src_uri: str, anchor: str | None) -> str:
    """Pages link to the same few pages many times: compute each link once."""
    return Urls(use_directory_urls)._relative(from_src_uri, to_src_uri, anchor)


def page_uri(plural: str, stem: str | None = None) -> str:
    """The generated page of a source (`journeys/remboursement.md`) or of its kind."""
    return f"{plural}/{stem}.md" if stem else f"{plural}/index.md"
