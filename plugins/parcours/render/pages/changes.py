"""What changed across the site (`/changes/`): since each journey's last review,
or since a date the reader picks."""

from __future__ import annotations

from ...analyses.sitemap import PAGES
from ...language.translator import Translator
from ...site import Site
from ..files import PageSpec
from ..material import NO_TOC
from ..urls import Urls


def pages(site: Site, translator: Translator, urls: Urls) -> list[PageSpec]:
    labels = translator.labels()["changes"]
    return [PageSpec(PAGES["changes"], "changes.html", labels["title"], labels["intro"], meta=NO_TOC, context={"changes": site.analyses.changes})]
