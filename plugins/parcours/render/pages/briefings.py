"""Each team's briefing (`/briefings/<team>/`): one page to print or show at a
team meeting, or to hand a new member of the team."""

from __future__ import annotations

from ...analyses.sitemap import briefing_page
from ...language.translator import Translator
from ...site import Site
from ..files import PageSpec
from ..material import WIDE_PAGE
from ..urls import Urls


def pages(site: Site, translator: Translator, urls: Urls) -> list[PageSpec]:
    labels = translator.labels()["briefing"]
    return [
        PageSpec(
            briefing_page(work.name), "briefing.html", labels["title"].format(team=work.name), labels["description"].format(team=work.name),
            meta=WIDE_PAGE, context={"team": work, "briefing": site.analyses.briefings[slug]},
        )
        for slug, work in site.analyses.teams.items()
    ]
