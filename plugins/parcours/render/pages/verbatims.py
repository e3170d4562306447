"""Every customer's words (`/verbatims/`), filterable, each leading back to its place on the map."""

from __future__ import annotations

from ...analyses.sitemap import PAGES
from ...language.translator import Translator
from ...site import Site
from ..files import PageSpec
from ..material import NO_TOC
from ..urls import Urls


def pages(site: Site, translator: Translator, urls: Urls) -> list[PageSpec]:
    index, labels = site.index, translator.labels()["verbatims"]
    used_channels = {t.channel for e in index.journeys.values() for stage in e.model.stages for t in stage.touchpoints}
    return [PageSpec(
        PAGES["verbatims"], "verbatims.html", labels["title"], labels["intro"], meta=NO_TOC,
        context={
            "places": site.analyses.verbatims,
            "journeys": sorted(index.journeys.items(), key=lambda item: item[1].model.title),
            "personas": sorted(index.personas.items(), key=lambda item: item[1].model.name),
            "channels": [channel for channel in site.settings.channel_ids() if channel in used_channels],
        },
    )]
