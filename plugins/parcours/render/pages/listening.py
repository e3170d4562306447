"""The listening page (`/listening/`): the whole listening plan, the moments of
truth nobody listens to, and every customer committee's sessions."""

from __future__ import annotations

from itertools import groupby

from ...analyses.sitemap import PAGES
from ...language.translator import Translator
from ...site import Site
from ..files import PageSpec
from ..material import NO_NAVIGATION
from ..urls import Urls


def pages(site: Site, translator: Translator, urls: Urls) -> list[PageSpec]:
    labels = translator.labels()["listening"]
    plan = site.analyses.listening
    committees = site.index.committees.model.committees if site.index.committees else []
    context = {
        "plan": plan,
        "by_journey": [(journey, list(rows)) for journey, rows in groupby(plan, key=lambda row: row.journey)],
        "late": [row for row in plan if row.late],
        "unlistened": site.analyses.unlistened,
        "committees": committees,
        "sessions": sum(len(committee.sessions) for committee in committees),
    }
    return [PageSpec(PAGES["listening"], "listening.html", labels["title"], labels["intro"], meta=NO_NAVIGATION, context=context)]
