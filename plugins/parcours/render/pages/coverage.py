"""Coverage (`/coverage/`): what the diagnosis found and no action answers yet."""

from __future__ import annotations

from ...analyses.coverage import KINDS
from ...analyses.sitemap import PAGES
from ...language.translator import Translator
from ...site import Site
from ..files import PageSpec
from ..material import NO_TOC
from ..urls import Urls


def pages(site: Site, translator: Translator, urls: Urls) -> list[PageSpec]:
    labels = translator.labels()["coverage"]
    return [PageSpec(PAGES["coverage"], "coverage.html", labels["title"], labels["intro"], meta=NO_TOC,
                     context={"findings": site.analyses.coverage, "KINDS": KINDS})]
