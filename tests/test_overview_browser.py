"""The whole journey at a glance, in a real browser: the overview on one screen,
the two levels the URL keeps, the detailed map's headers that stay in view,
its strip and its folded rows, the keyboard, and Material's instant navigation."""

from __future__ import annotations

import json
import re
import sys

import pytest

from conftest import REPO, SCREENSHOTS, Visit

sys.path.insert(0, str(REPO / "bench"))
from overview import measure  # noqa: E402  (the benchmark's own measure: one definition of each figure)

pytestmark = pytest.mark.browser

MAP = "journeys/remboursement/"
DEMO = ["journeys/remboursement/", "journeys/adhesion/", "journeys/reclamation/", "journeys/remboursement/?state=target"]
SIZES = [(1440, 900), (1920, 1080)]
FIGURES = REPO / "test-artifacts" / "overview-figures.json"


def _keep(path: str, size: tuple[int, int], figures: dict) -> None:
    """The measured figures, for the README (the benchmark prints the same)."""
    FIGURES.parent.mkdir(parents=True, exist_ok=True)
    known = json.loads(FIGURES.read_text("utf-8")) if FIGURES.exists() else {}
    known.setdefault(path, {})[f"{size[0]}×{size[1]}"] = figures
    FIGURES.write_text(json.dumps(known, ensure_ascii=False, indent=1), "utf-8")


def _at_a_glance(tab: Visit, path: str, size: tuple[int, int]) -> dict:
    tab.page.set_viewport_size({"width": size[0], "height": size[1]})
    figures = measure(tab.goto(path))
    _keep(path, size, figures)
    # Reached within one screen of the top; then every stage name, and the whole overview, on one screen.
    assert figures["top"] < size[1], figures
    assert figures["names_reached"] == figures["stages"], figures
    assert figures["whole_in_view"], figures
    return figures


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("path", DEMO)
def test_each_demo_journey_is_seen_whole_on_one_screen(visit, path, size):
    figures = _at_a_glance(visit(), path, size)
    assert figures["stages"] >= 7


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_a_twelve_stage_journey_is_seen_whole_on_one_screen(browser, served_corpus, size):
    tab = Visit(browser, served_corpus)
    try:
        figures = _at_a_glance(tab, "journeys/parcours-1/", size)
        assert figures["stages"] == 12
        tab.assert_clean()
    finally:
        tab.close()


def test_one_click_on_a_stage_of_the_overview_opens_its_details(visit):
    page = visit().goto(MAP)
    overview = page.locator(".parcours-overview[data-state=current]")
    # Anywhere on the stage's column: here, on its satisfaction (the stage's link covers the whole column).
    box = overview.locator(".parcours-ov-stage").nth(5).locator(".parcours-ov-satisfaction").bounding_box()
    page.mouse.click(box["x"] + 10, box["y"] + box["height"] / 2)
    panel = page.locator("[data-parcours-panel]")
    assert panel.is_visible()
    assert "J'attends mon remboursement" in panel.locator(".parcours-panel-title").inner_text()
    assert "stage=stage-j-attends-mon-remboursement" in page.url


def test_the_overview_is_read_from_the_keyboard(visit):
    page = visit().goto(MAP)
    links = page.locator(".parcours-overview[data-state=current] .parcours-ov-link")
    links.first.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.textContent").startswith("Étape 3")
    page.keyboard.press("End")
    assert "Je vérifie mon décompte" in page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Enter")
    assert page.locator("[data-parcours-panel]").is_visible()
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.textContent").startswith("Étape 8")
    # A screen reader hears each stage whole: its phase, moment of truth, counts, satisfaction and emotion.
    third = page.locator(".parcours-overview[data-state=current] .parcours-ov-stage").nth(2)
    spoken = " ".join(third.text_content().split())
    for said in ("Étape 3 · Après-vente", "Moment de vérité", "2 irritants", "48 % satisfaits", "Émotion : Léa −1"):
        assert said in spoken, spoken


def test_the_url_keeps_the_level_shown(visit):
    page = visit().goto(MAP)
    assert page.locator(".parcours-overview[data-state=current]").is_visible()
    assert not page.locator(".parcours-map[data-state=current]").is_visible()
    page.get_by_role("radio", name="Carte détaillée").check()
    assert "zoom=detail" in page.url
    assert page.locator(".parcours-map[data-state=current]").is_visible()
    page.reload(wait_until="networkidle")
    assert page.get_by_role("radio", name="Carte détaillée").is_checked()
    assert not page.locator(".parcours-overview[data-state=current]").is_visible()
    page.get_by_role("radio", name="Vue d'ensemble").check()
    assert "zoom=" not in page.url


def test_the_detailed_maps_stage_headers_and_lane_labels_stay_in_view(visit):
    page = visit().goto(MAP + "?zoom=detail")
    region = page.locator(".parcours-map[data-state=current] .parcours-map-scroll")
    region.evaluate("element => element.scrollTo({ top: 900, left: 700, behavior: 'instant' })")
    edges = region.evaluate(
        """region => {
          const box = region.getBoundingClientRect();
          const header = region.querySelector('thead .parcours-stages th').getBoundingClientRect();
          const lane = region.querySelector('tbody tr:nth-child(6) th').getBoundingClientRect();
          return { top: box.top, left: box.left, header: header.top, headerBottom: header.bottom, lane: lane.left };
        }"""
    )
    # The phases' row and the stages' row are at the region's top, the lane labels at its left.
    assert edges["top"] <= edges["header"] < edges["top"] + 60, edges
    assert abs(edges["lane"] - edges["left"]) <= 2, edges
    page.screenshot(path=str(SCREENSHOTS / "journey-detail-scrolled.png"))


def test_a_long_map_says_where_you_are_and_takes_you_to_any_stage(visit):
    page = visit().goto(MAP + "?zoom=detail")
    strip = page.get_by_role("navigation", name="Où vous êtes dans la carte")
    assert strip.is_visible()
    shown = strip.locator("button[aria-current=true]").all_inner_texts()
    assert shown[0] == "1" and len(shown) < 8
    strip.get_by_role("button", name="Aller à l'étape 8 : Je vérifie mon décompte").click()
    # The map scrolls to it (smoothly), and the strip follows.
    page.wait_for_function("/Étapes \\d à 8 sur 8/.test(document.querySelector('.parcours-strip-map:not([hidden]) .parcours-strip-where').textContent)")
    assert strip.locator("li:last-child button").get_attribute("aria-current") == "true"
    assert page.evaluate("document.activeElement.closest('th') !== null")  # on the stage's header, ready to open it


def test_channel_rows_the_persona_leaves_empty_are_folded_and_counted(visit):
    page = visit().goto(MAP + "?zoom=detail")
    agence = page.locator(".parcours-map[data-state=current] tr[data-channel=agence]")
    assert agence.is_visible()
    page.get_by_role("radio", name=re.compile("Léa")).check()
    # The branch's counters are Gérard's only.
    assert not agence.is_visible()
    fold = page.locator(".parcours-map[data-state=current] tr.parcours-fold")
    assert fold.inner_text().strip() == "1 canal sans point de contact ici : Agence"
    page.get_by_role("radio", name="Tous les personas").check()
    assert agence.is_visible() and not fold.is_visible()


def test_the_overview_curves_follow_the_persona_and_the_target_is_drawn_over_today(visit):
    page = visit().goto(MAP)
    series = ".parcours-overview:not([hidden]) .parcours-ov-series:not([hidden])"
    assert page.locator(series).count() == 4
    page.get_by_role("radio", name=re.compile("Gérard")).check()
    assert [s.get_attribute("data-persona") for s in page.locator(series).all()] == ["gerard"]
    page.get_by_role("radio", name="Parcours cible").check()
    # Today's curve under the target's, for Gérard.
    drawn = page.locator(series).all()
    assert [(s.get_attribute("data-persona"), "is-today" in s.get_attribute("class")) for s in drawn] == [("gerard", True), ("gerard", False)]
    page.get_by_role("radio", name="Tous les personas").check()
    assert [s.get_attribute("data-persona") for s in page.locator(series).all()] == ["*", "*"]
    changes = page.locator(".parcours-what-changes[data-state=target]")
    assert changes.is_visible() and "Je suis remboursé en 48 h au lieu d'une semaine en moyenne" in changes.inner_text()


def test_printing_from_the_overview_prints_the_detailed_map_with_its_charts(visit):
    page = visit().goto(MAP)
    page.wait_for_function("Boolean(window.Plotly)", timeout=15000)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    current = page.locator(".parcours-map[data-state=current]")
    assert current.is_visible() and not page.locator(".parcours-overview[data-state=current]").is_visible()
    assert current.locator(".parcours-chart .main-svg").count() >= 2
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert page.locator(".parcours-overview[data-state=current]").is_visible() and not current.is_visible()


def test_the_overview_works_after_instant_navigation_and_in_dark_mode(visit):
    tab = visit(color_scheme="dark")
    page = tab.goto("journeys/")
    page.locator(".parcours-cards a[href*='reclamation']").first.click()
    page.wait_for_selector(".parcours-journey[data-overview-drawn=true]")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    links = page.locator(".parcours-overview[data-state=current] .parcours-ov-link")
    links.first.focus()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.textContent").startswith("Étape 2")
    # The curve's lines in the dark scheme's own colours, not the light one's grey.
    tick = page.locator(".parcours-overview[data-state=current] .parcours-ov-tick-label").first
    assert tick.evaluate("element => getComputedStyle(element).fill") not in ("rgba(0, 0, 0, 0.54)", "rgb(0, 0, 0)")
    page.get_by_role("radio", name="Carte détaillée").check()
    page.wait_for_selector(".parcours-journey[data-charts-drawn=true]")
    assert "zoom=detail" in page.url


#: Every view of a journey, as a reader opens it: (name, address, what to do once there).
VIEWS = [
    ("overview", MAP, None),
    ("overview-target", MAP + "?state=target", None),
    ("detail", MAP + "?zoom=detail", None),
    ("detail-target", MAP + "?state=target&zoom=detail", None),
    ("presentation", MAP, "overview"),
    ("presentation-stage", MAP, "stage"),
]
VIEW_SIZES = [(1440, 900), (1920, 1080), (390, 844)]


@pytest.mark.parametrize("size", VIEW_SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_view_is_saved_as_a_reader_sees_it(visit, size):
    """Screenshots for a reader's eye (test-artifacts/screenshots/views/): each
    view at a laptop's, a wide screen's and a phone's size."""
    folder = SCREENSHOTS / "views"
    folder.mkdir(parents=True, exist_ok=True)
    phone = size[0] < 600
    tab = visit(viewport={"width": size[0], "height": size[1]}, **({"has_touch": True, "is_mobile": True} if phone else {}))
    for name, path, present in VIEWS:
        page = tab.goto(path)
        page.wait_for_selector(".parcours-journey[data-overview-drawn=true]")
        if present:
            page.get_by_role("button", name="Présenter").click()
            if present == "stage":
                page.keyboard.press("ArrowRight")
        else:
            # Where the level starts, under the site's header, as a reader scrolls to it.
            level = ".parcours-overview:not([hidden])" if "detail" not in name else ".parcours-map:not([hidden])"
            page.evaluate(
                "selector => window.scrollTo({ top: document.querySelector(selector).getBoundingClientRect().top + scrollY"
                " - document.querySelector('.md-header').offsetHeight - 8, behavior: 'instant' })",
                level,
            )
        assert page.evaluate("document.documentElement.scrollWidth") <= size[0]
        page.screenshot(path=str(folder / f"{name}-{size[0]}x{size[1]}.png"))
        if present:
            page.keyboard.press("Escape")
    # The page from its top, as it opens.
    page = tab.goto(MAP)
    page.screenshot(path=str(folder / f"top-{size[0]}x{size[1]}.png"))


def test_the_a3_print_is_saved_as_paper_shows_it(visit):
    """The A3 print of the page opened on its overview, as a picture (the PDF is saved by test_map_browser)."""
    page = visit().goto(MAP)
    page.wait_for_function("Boolean(window.Plotly)", timeout=15000)
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 1587, "height": 1123})  # A3 landscape at 96 dpi
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate("document.documentElement.scrollHeight") <= 1123 + 2
    page.screenshot(path=str(SCREENSHOTS / "views" / "print-a3.png"))
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
