"""Accessibility in a real browser: axe-core on every page type, in both schemes.

axe-core is the npm package pinned in `tests/a11y/package-lock.json`
(installed by `make test` with `npm ci`, never fetched at test time). It is
put into each page from that file and run with the WCAG 2.1 A and AA rules,
once the page is in the state a reader leaves it in: the map with a persona
chosen or its side panel open, Material's search open on its results. Any
serious or critical violation fails, named with its rule, its impact, the
elements it found and the page. What axe cannot see is tested beside it: a
wide table scrolled from the keyboard; the charts' colours against both
schemes' pages are tested without a browser (`test_accessibility.py`).

The scheme is the reader's: the browser prefers light or dark, and Material
chooses its `default` or `slate` palette from that (`mkdocs.yml`). The test
checks that the page is really drawn in that scheme before axe runs, and
keeps a screenshot of each page type in each scheme (`a11y-<scheme>-<page>.png`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

import pytest

from conftest import REPO, SCREENSHOTS

pytestmark = pytest.mark.browser

AXE = REPO / "tests" / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
#: WCAG 2.1, levels A and AA.
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING = ("serious", "critical")
MAP = "journeys/remboursement/"
DETAIL = MAP + "?zoom=detail"

#: Material's scheme → what the reader's browser prefers, and the page's background then.
SCHEMES = {
    "default": ("light", "rgb(255, 255, 255)"),
    "slate": ("dark", None),  # Material's slate grey, whatever its exact value
}


def _charts_drawn(page) -> None:
    """Charts are drawn by a script after the page loads: axe reads them once drawn.
    A journey opens on its overview, drawn by the page; its detailed map's charts
    are drawn when that level is shown."""
    if page.locator(".parcours-journey").count():
        page.wait_for_selector(".parcours-journey[data-overview-drawn=true]", timeout=15000)
        if page.locator(".parcours-map:not([hidden])").count():
            page.wait_for_selector(".parcours-journey[data-charts-drawn=true]", timeout=15000)
    elif page.locator(".parcours-chart-standalone").count():
        page.wait_for_selector("html[data-parcours-charts=drawn]", timeout=15000)


def _choose(label: str) -> Callable:
    def act(page) -> None:
        page.locator("[data-parcours-controls]").get_by_role("radio", name=label).check()
        _charts_drawn(page)

    return act


def _without_channel(label: str) -> Callable:
    def act(page) -> None:
        page.locator("[data-control=channels]").get_by_role("checkbox", name=label).uncheck()
        _charts_drawn(page)

    return act


def _open_stage(page) -> None:
    page.locator(".parcours-map[data-state=current] .parcours-stage-link").nth(2).focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-parcours-panel]:not([hidden])")


def _open_stage_from_the_overview(page) -> None:
    page.locator(".parcours-overview[data-state=current] .parcours-ov-link").nth(2).focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-parcours-panel]:not([hidden])")


def _present(slide: int) -> Callable:
    def act(page) -> None:
        page.get_by_role("button", name="Présenter").click()
        for _ in range(slide):
            page.keyboard.press("ArrowRight")
        page.wait_for_selector(".parcours-presentation [data-slide] > *")

    return act


def _on_a_phone(page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_selector(".parcours-map.is-stepped .parcours-stepper:not([hidden])")
    page.locator(".parcours-stepper").first.get_by_role("button", name="Étape suivante").click()


def _search(query: str) -> Callable:
    def act(page) -> None:
        page.keyboard.press("/")
        page.keyboard.type(query)
        page.wait_for_selector(".md-search-result__item", timeout=10000)

    return act


#: Every type of page the site has, and what the reader does on it first.
PAGE_TYPES: list[tuple[str, str, Callable | None]] = [
    ("home", "", None),
    ("journeys index", "journeys/", None),
    ("journey overview, current", MAP, None),
    ("journey overview, target over today", MAP, _choose("Parcours cible")),
    ("journey overview, a persona chosen", MAP, _choose("Léa")),
    ("journey overview, a stage's panel open", MAP, _open_stage_from_the_overview),
    ("journey map, current", DETAIL, None),
    ("journey map, target", DETAIL, _choose("Parcours cible")),
    ("journey map, a persona chosen", DETAIL, _choose("Léa")),
    ("journey map, a stage's panel open", DETAIL, _open_stage),
    ("journey map, one channel left out", DETAIL, _without_channel("Courrier")),
    ("journey map on a phone, stage by stage", DETAIL, _on_a_phone),
    ("presentation, the overview", MAP, _present(0)),
    ("presentation, a stage with its clip", MAP, _present(1)),
    ("personas index", "personas/", None),
    ("persona", "personas/lea/", None),
    ("benchmarks index", "benchmarks/", None),
    ("benchmark", "benchmarks/matmut-svi-visuel/", None),
    ("solutions index", "solutions/", None),
    ("solution", "solutions/simulateur-reste-a-charge/", None),
    ("touchpoints inventory", "touchpoints/", None),
    ("verbatims", "verbatims/", None),
    ("priorities", "priorities/", None),
    ("road map", "roadmap/", None),
    ("coverage", "coverage/", None),
    ("teams index", "teams/", None),
    ("team", "teams/centre-de-relation-adherents/", None),
    ("glossary", "glossary/", None),
    ("onboarding", "onboarding/", None),
    ("reference", "reference/", None),
    ("free page: the method", "methode/", None),
    ("free page: contributing", "contribuer/", None),
    ("page not found", "404.html", None),
    ("Material's search, open on its results", "", _search("devis")),
]


def axe_violations(page) -> list[dict]:
    """What axe-core finds against WCAG 2.1 A and AA on the page as it is now,
    and an unnamed dialog (a best practice axe files apart, which the issue's
    audit counted on every page: Material's search)."""
    # Colours are read once settled: Material eases a link's or a header's
    # colour in (a scheme chosen after the first paint, a focus).
    page.wait_for_function(
        "document.getAnimations().every(animation => !(animation instanceof CSSTransition) || animation.playState !== 'running')"
    )
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async tags => {
            const results = await axe.run(document, {
                runOnly: {type: "tag", values: tags},
                rules: {"aria-dialog-name": {enabled: true}},
                resultTypes: ["violations"],
            });
            return results.violations.map(rule => ({
                id: rule.id, impact: rule.impact, help: rule.help,
                nodes: rule.nodes.map(node => ({target: node.target.join(" "), impact: node.impact, summary: node.failureSummary})),
            }));
        }""",
        WCAG_21_AA,
    )


def open_in_scheme(visit, scheme: str, path: str):
    """The page as a reader whose browser prefers this scheme sees it."""
    prefers, background = SCHEMES[scheme]
    tab = visit(color_scheme=prefers)
    page = tab.goto(path)
    # Material's script chooses the palette whose media query matches, once it runs.
    page.wait_for_function("scheme => document.body.getAttribute('data-md-color-scheme') === scheme", arg=scheme, timeout=10000)
    drawn = page.evaluate("getComputedStyle(document.body).backgroundColor")
    if background:
        assert drawn == background, drawn
    else:
        assert drawn != SCHEMES["default"][1], drawn
    return tab, page


def _report(name: str, path: str, scheme: str, violations: list[dict]) -> str:
    lines = [f"{name} (/{path}, {scheme} scheme):"]
    for rule in violations:
        lines.append(f"  {rule['id']} [{rule['impact']}] {rule['help']}")
        for node in rule["nodes"][:12]:
            lines.append(f"    {node['target']}")
        if len(rule["nodes"]) > 12:
            lines.append(f"    … and {len(rule['nodes']) - 12} more")
    return "\n".join(lines)


@pytest.fixture(scope="session")
def axe_source() -> Path:
    if not AXE.is_file():
        pytest.fail("axe-core is not installed: run `make test`, which installs it from tests/a11y/package-lock.json.")
    return AXE


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize(("name", "path", "action"), PAGE_TYPES, ids=[row[0] for row in PAGE_TYPES])
def test_no_serious_or_critical_accessibility_violation(visit, axe_source, scheme, name, path, action):
    tab, page = open_in_scheme(visit, scheme, path)
    _charts_drawn(page)
    if action:
        action(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"a11y-{scheme}-{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}.png"))
    failing = [rule for rule in axe_violations(page) if rule["impact"] in FAILING]
    assert not failing, _report(name, path, scheme, failing)


def test_a_wide_table_scrolls_from_the_keyboard(visit):
    tab = visit()
    page = tab.goto("touchpoints/")
    region = page.get_by_role("region", name=re.compile("^Par canal : tableau"))
    assert region.evaluate("element => element.scrollWidth > element.clientWidth")
    region.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("element => element.scrollLeft > 0", arg=region.element_handle())


def test_a_wide_table_in_an_authors_page_is_reachable_from_the_keyboard(visit):
    """Material's own scroller, around a Markdown table too wide for a phone
    (320 CSS pixels wide: WCAG's width for reflow)."""
    tab = visit(viewport={"width": 320, "height": 800})
    page = tab.goto("contribuer/")
    page.wait_for_selector(".md-typeset__scrollwrap[tabindex='0']")
    scroller = page.locator(".md-typeset__scrollwrap[tabindex='0']").first
    assert scroller.evaluate("element => element.scrollWidth > element.clientWidth")
    assert scroller.get_attribute("role") == "region" and scroller.get_attribute("aria-label")
