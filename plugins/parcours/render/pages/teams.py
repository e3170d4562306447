"""The teams' pages: what each team touches in the customers' journeys."""

from __future__ import annotations

from ...analyses.sitemap import PAGES, team_page
from ...language.translator import Translator
from ...site import Site
from ..files import PageSpec
from ..urls import Urls


def pages(site: Site, translator: Translator, urls: Urls) -> list[PageSpec]:
    labels = translator.labels()["teams"]
    teams = site.analyses.teams
    specs = [PageSpec(PAGES["teams"], "teams_index.html", labels["title"], labels["intro"], context={"teams": teams})]
    for work in teams.values():
        specs.append(PageSpec(
            team_page(work.name), "team.html", work.name, labels["page_intro"].format(team=work.name),
            context={"team": work, "changes": site.analyses.changes.for_team(work.slug)},
        ))
    return specs
