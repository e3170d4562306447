"""The new hires' path (`/onboarding/`): steps, pages to read, self-checks, progress kept in the browser."""

from __future__ import annotations

from ...analyses.sitemap import PAGES
from ...language.translator import Translator
from ...site import Site
from ..files import PageSpec
from ..material import NO_TOC
from ..urls import Urls


def pages(site: Site, translator: Translator, urls: Urls) -> list[PageSpec]:
    entry = site.index.onboarding
    if entry is None:
        return []
    onboarding = entry.model
    return [PageSpec(
        PAGES["onboarding"], "onboarding.html", onboarding.title, onboarding.intro, edit_path=entry.rel, meta=NO_TOC,
        context={"onboarding": onboarding, "minutes": sum(step.minutes for step in onboarding.steps)},
    )]
