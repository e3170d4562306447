"""The glossary page (`/glossary/`): every term and its definition."""

from __future__ import annotations

from ...analyses.sitemap import PAGES
from ...language.translator import Translator
from ...site import Site
from ..files import PageSpec
from ..urls import Urls


def pages(site: Site, translator: Translator, urls: Urls) -> list[PageSpec]:
    glossary = site.index.glossary
    if glossary is None:
        return []
    return [PageSpec(PAGES["glossary"], "glossary.html", translator.label("glossary.title"), glossary.model.intro,
                     edit_path=glossary.rel, context={"glossary": glossary.model})]
