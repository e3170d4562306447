"""Pages drawn again only when what they show changed: the preview's rebuilds reuse the rest.

Every page shows things every source may change: the personas' names, the
benchmarks' titles, the solutions, the committees, the glossary, the site's
settings, its history, the day. These make one key shared by all pages
(`common`); a journey that a committee topic names counts in it too (a
topic shows stages of several journeys).

A page kind says which journeys a page shows beside them (`PageSpec.journeys`):
a map its own journey (its file, its prose, its data files); a persona's
sheet the journeys the persona lives; a benchmark's the journeys whose
stages cite it; a solution's the journeys it addresses or delivers. Such a
page is reused while the common key and those journeys' keys are unchanged.
The set is taken from this build's index: a journey that starts citing a
benchmark, or stops, changes the set and so the key. A page that names no
set (the lists, the inventory, the teams…) shows every journey and is drawn
again at each build, its parts per journey reused (`fragments.py`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..checks.reuse import fingerprint
from ..model import SINGLE_SOURCES
from ..site import Site
from .files import GeneratedFile
from .fragments import Fragments
from .icons import IconSet


@dataclass(frozen=True)
class BuildKeys:
    """What this build's pages are drawn from: the common key, and each journey's own."""

    common: str
    journeys: dict[str, str]

    def journey(self, journey_id: str) -> str | None:
        """All a journey's map (and its parts on site-wide pages) is drawn from."""
        own = self.journeys.get(journey_id)
        return None if own is None else f"{self.common}:{own}"

    def page(self, journeys: tuple[str, ...] | None) -> str | None:
        """A page showing these journeys (None: it shows any, no key)."""
        if journeys is None or any(journey_id not in self.journeys for journey_id in journeys):
            return None
        return self.common + "".join(f"|{journey_id}={self.journeys[journey_id]}" for journey_id in journeys)


@dataclass
class PageMemory:
    """The pages of the last build by page, with what they were drawn from."""

    kept: dict[str, tuple[str, GeneratedFile]] = field(default_factory=dict)
    #: Kept from build to build: a reused page's icons stay in the icons' stylesheet.
    icons: IconSet = field(default_factory=IconSet)
    #: The site-wide pages' parts, journey by journey (`fragments.py`).
    fragments: Fragments = field(default_factory=Fragments)

    def keys(self, site: Site, sources: dict[str, str], setup: str) -> BuildKeys:
        """What pages are drawn from in this build.

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
        own = {}
        for rel, journey_id in journeys.items():
            entry = site.index.journeys[journey_id]
            data = [entry.doc.path.parent / data_file.file for data_file in getattr(entry.model, "data", [])]
            own[journey_id] = f"{sources.get(rel)}:{fingerprint(*data)}"
        return BuildKeys(shared.hexdigest(), own)

    def reused(self, src_uri: str, key: str | None) -> GeneratedFile | None:
        known = self.kept.get(src_uri)
        return known[1] if key is not None and known is not None and known[0] == key else None

    def keep(self, src_uri: str, key: str | None, page: GeneratedFile) -> None:
        if key is None:
            self.kept.pop(src_uri, None)
        else:
            self.kept[src_uri] = (key, page)

    def end_build(self, pages: set[str]) -> None:
        """Forget the pages this build no longer has (a journey renamed), and the parts it did not use."""
        self.kept = {src_uri: known for src_uri, known in self.kept.items() if src_uri in pages}
        self.fragments.end_build()


def _stat(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (0, 0)
    return (stat.st_mtime_ns, stat.st_size)
