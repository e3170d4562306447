"""Journey maps drawn again only when what they show changed: the preview's rebuilds reuse the rest.

A map shows its own journey (its file, its prose, its data files), and
things every other source may change: the personas' names, the benchmarks'
titles, the solutions addressing it, the committees, the glossary, the
site's settings, its history. So a map is reused while its journey is
unchanged and nothing but other journeys changed; a journey that a committee
topic names counts for every map (a topic shows stages of several journeys).
Every other page (lists, persona and solution sheets, the inventory…) shows
several journeys at once and is drawn again at each build: a stage renamed
in one journey is renamed on the solution sheet that cites it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..analyses.sitemap import source_page
from ..checks.reuse import fingerprint
from ..model import SINGLE_SOURCES
from ..site import Site
from .files import GeneratedFile
from .fragments import Fragments
from .icons import IconSet


@dataclass
class PageMemory:
    """The maps of the last build by page, with what they were drawn from."""

    kept: dict[str, tuple[str, GeneratedFile]] = field(default_factory=dict)
    #: Kept from build to build: a reused map's icons stay in the icons' stylesheet.
    icons: IconSet = field(default_factory=IconSet)
    #: The site-wide pages' parts, journey by journey (`fragments.py`).
    fragments: Fragments = field(default_factory=Fragments)

    def keys(self, site: Site, sources: dict[str, str], setup: str) -> dict[str, str]:
        """What each journey's map is drawn from, as one fingerprint per page.

        `sources` are the fingerprints of this build's source files (by path,
        from the sources' memory); `setup` what else pages depend on (addresses,
        the site's URL…)."""
        journeys = {entry.rel: entry.id for entry in site.index.journeys.values()}
        cited = {journey for journey, _ in site.index.topics_about_stage}
        shared = hashlib.blake2b(digest_size=16)
        for rel, key in sorted(sources.items()):
            if rel not in journeys or journeys[rel] in cited:
                shared.update(f"{rel}={key}\n".encode())
        singles = [site.root / kind.folder(site.settings) for kind in SINGLE_SOURCES.values()]
        shared.update(fingerprint(*singles).encode())
        media = sorted((media.source for media in site.index.media.values() if media.source), key=str)
        shared.update(repr([(str(path), *_stat(path)) for path in media]).encode())
        shared.update(repr((setup, site.today, [change.commit for change in site.history], sorted(site.authored.items()))).encode())
        common = shared.hexdigest()
        keys = {}
        for rel, journey_id in journeys.items():
            entry = site.index.journeys[journey_id]
            data = [entry.doc.path.parent / data_file.file for data_file in getattr(entry.model, "data", [])]
            keys[source_page("journeys", journey_id)] = f"{common}:{sources.get(rel)}:{fingerprint(*data)}"
        return keys

    def reused(self, src_uri: str, key: str | None) -> GeneratedFile | None:
        known = self.kept.get(src_uri)
        return known[1] if key is not None and known is not None and known[0] == key else None

    def keep(self, src_uri: str, key: str | None, page: GeneratedFile) -> None:
        if key is not None:
            self.kept[src_uri] = (key, page)


def _stat(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (0, 0)
    return (stat.st_mtime_ns, stat.st_size)
