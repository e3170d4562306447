"""The touchpoint inventory (`/touchpoints/`): every stage × channel of every journey, quantified."""

from __future__ import annotations

from ...analyses.sitemap import PAGES
from ...language.translator import Translator
from ...site import Site
from ..files import PageSpec
from ..material import WIDE_PAGE
from ..urls import Urls


def pages(site: Site, translator: Translator, urls: Urls) -> list[PageSpec]:
    labels = translator.labels()["inventory"]
    journeys = sorted(site.index.journeys.items(), key=lambda item: item[1].model.title)
    return [PageSpec(PAGES["touchpoints"], "touchpoints.html", labels["title"], labels["intro"], meta=WIDE_PAGE,
                     context={"inventory": site.analyses.inventory, "journeys": journeys})]
