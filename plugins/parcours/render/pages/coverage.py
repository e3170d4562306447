"""Coverage (`/coverage/`): what the diagnosis found and no action answers yet."""

from __future__ import annotations

from ...analyses.coverage import KINDS, Finding
from ...analyses.sitemap import PAGES
from ...language.translator import Translator
from ...site import Site
from ..files import PageSpec
from ..material import NO_TOC
from ..urls import Urls


def pages(site: Site, translator: Translator, urls: Urls) -> list[PageSpec]:
    labels = translator.labels()["coverage"]
    findings = site.analyses.coverage
    by_kind: dict[str, list[Finding]] = {kind: [] for kind in KINDS}
    for finding in findings:
        by_kind[finding.kind].append(finding)
    return [PageSpec(PAGES["coverage"], "coverage.html", labels["title"], labels["intro"], meta=NO_TOC,
                     context={"findings": findings, "by_kind": by_kind, "KINDS": KINDS})]
