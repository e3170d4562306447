"""The journey map in a real browser: controls, panel, charts, URL, print, offline."""

from __future__ import annotations

import re

import pytest

from conftest import SCREENSHOTS

pytestmark = pytest.mark.browser

MAP = "journeys/remboursement/"
#: The detailed map, the touchpoint grid with every card (the page opens on the overview).
DETAIL = MAP + "?zoom=detail"


def _charts_drawn(page) -> None:
    page.wait_for_selector(".parcours-journey[data-charts-drawn=true]", timeout=15000)


def test_the_detailed_maps_charts_are_drawn_before_any_script(visit):
    """The curve (the overview's) and the funnel are SVG in the detailed map too:
    there at first paint, in print, without a script; plotly draws over them."""
    tab = visit(java_script_enabled=False)
    page = tab.goto("journeys/adhesion/")
    for chart in ("emotion", "funnel"):
        drawn = page.locator(f".parcours-map[data-state=current] [data-chart={chart}] svg.parcours-chart-svg")
        assert drawn.is_visible(), chart
        assert drawn.bounding_box()["height"] > 100, chart
    page = visit().goto("journeys/adhesion/?zoom=detail")
    _charts_drawn(page)
    assert page.locator(".parcours-map[data-state=current] .parcours-chart .main-svg").count() >= 1
    assert page.locator(".parcours-map[data-state=current] .parcours-chart-svg").count() == 0


def _ready_to_print(page) -> None:
    """On the overview: plotly is fetched once the page is idle, for the printed map's charts."""
    page.wait_for_selector(".parcours-journey[data-overview-drawn=true]")
    page.wait_for_function("Boolean(window.Plotly)", timeout=15000)


def test_the_map_is_plain_html_readable_before_any_script(visit):
    tab = visit(java_script_enabled=False)
    page = tab.goto(MAP)
    grid = page.locator(".parcours-map[data-state=current] table.parcours-grid")
    assert grid.is_visible()
    headers = grid.locator("thead th[scope=col]").all_inner_texts()
    assert len(headers) == 8 and "J'envoie mon devis à la mutuelle" in headers[1]
    assert grid.get_by_role("rowheader", name="Satisfaction").is_visible()
    # Without the script, the controls (which would do nothing) stay hidden.
    assert not page.locator("[data-parcours-controls]").is_visible()


def test_charts_draw_from_the_sites_own_plotly_once(visit):
    tab = visit()
    page = tab.goto(DETAIL)
    _charts_drawn(page)
    assert page.locator(".parcours-map[data-state=current] .parcours-chart .main-svg").count() >= 2
    # Another map through Material's instant navigation: plotly is not fetched again.
    page.locator("a[href$='journeys/']").first.click()
    page.wait_for_url("**/journeys/")
    page.locator(".parcours-cards a").first.click()
    # It opens on its overview: its detailed map draws its charts when shown.
    page.wait_for_selector(".parcours-journey[data-overview-drawn=true]")
    page.get_by_role("radio", name="Carte détaillée").check()
    page.wait_for_selector(".parcours-journey[data-charts-drawn=true]")
    loads = [url for url in tab.requests if url.endswith("plotly.min.js")]
    assert len(loads) == 1, loads
    assert page.locator("[data-parcours-controls]").is_visible()


def test_hovering_the_emotion_curve_shows_stage_score_and_a_verbatim(visit):
    tab = visit()
    page = tab.goto(DETAIL)
    _charts_drawn(page)
    chart = page.locator(".parcours-map[data-state=current] .parcours-chart[data-chart=emotion]")
    chart.scroll_into_view_if_needed()
    point = chart.locator(".scatterlayer .trace").first.locator(".point").nth(1)
    box = point.bounding_box()
    # Plotly listens on its drag layer, under the points: move the mouse there.
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function("document.querySelector('[data-chart=emotion] .hoverlayer').textContent.length > 10")
    text = chart.locator(".hoverlayer").text_content()
    assert "J'envoie mon devis à la mutuelle" in text
    assert "Léa" in text and "+1" in text
    # The words Léa's persona says of this stage, and who said them.
    assert "Chez l'opticien, il a tout envoyé lui-même." in text and "Manon T." in text


def test_persona_switch_follows_the_persona_and_keeps_the_url(visit):
    tab = visit()
    page = tab.goto(DETAIL)
    _charts_drawn(page)
    page.get_by_role("radio", name=re.compile("Gérard")).check()
    assert "persona=gerard" in page.url
    scores = page.locator(".parcours-map[data-state=current] .parcours-emotion:visible")
    assert scores.count() == 8
    assert all("Gérard" in text for text in scores.all_inner_texts())
    page.wait_for_function(
        "document.querySelectorAll('.parcours-map[data-state=current] [data-chart=emotion] .scatterlayer .trace').length === 1"
    )
    page.get_by_role("radio", name="Tous les personas").check()
    assert "persona=" not in page.url
    page.wait_for_function(
        "document.querySelectorAll('.parcours-map[data-state=current] [data-chart=emotion] .scatterlayer .trace').length === 4"
    )


def test_current_target_switch_shows_target_stages_promises_and_solutions(visit):
    tab = visit()
    page = tab.goto(DETAIL)
    page.get_by_role("radio", name="Parcours cible").check()
    assert "state=target" in page.url
    assert not page.locator(".parcours-map[data-state=current]").is_visible()
    target = page.locator(".parcours-map[data-state=target]")
    assert target.is_visible()
    assert target.get_by_role("rowheader", name="Promesse et engagements").is_visible()
    assert target.locator(".parcours-lane-solutions a").count() >= 7
    page.screenshot(path=str(SCREENSHOTS / "journey-target.png"))


def test_channel_filter_hides_the_channels_rows(visit):
    tab = visit()
    page = tab.goto(DETAIL)
    row = page.locator(".parcours-map[data-state=current] tr[data-channel=courrier]")
    assert row.is_visible()
    page.locator("[data-control=channels]").get_by_role("checkbox", name="Courrier").uncheck()
    assert not row.is_visible()
    assert "channels=" in page.url and "courrier" not in page.url.split("channels=")[1].split("&")[0]


def test_state_in_the_url_is_restored_and_opens_the_stage(visit):
    tab = visit()
    page = tab.goto(MAP + "?persona=nadia&state=target&stage=target-je-sais-ce-qui-me-restera-a-payer")
    assert page.get_by_role("radio", name=re.compile("Nadia")).is_checked()
    assert page.locator(".parcours-overview[data-state=target]").is_visible()
    panel = page.locator("[data-parcours-panel]")
    assert panel.is_visible()
    assert "Je sais tout de suite ce qui me restera à payer" in panel.locator(".parcours-panel-title").inner_text()


def test_a_stage_opens_its_details_from_the_keyboard_and_escape_closes_them(visit):
    tab = visit()
    page = tab.goto(DETAIL)
    link = page.locator(".parcours-map[data-state=current] .parcours-stage-link").nth(2)
    link.focus()
    page.keyboard.press("Enter")
    panel = page.locator("[data-parcours-panel]")
    assert panel.is_visible()
    assert page.evaluate("document.activeElement.matches('[data-parcours-panel]')")
    assert "Je reçois la réponse à mon devis" in panel.locator(".parcours-panel-title").inner_text()
    # Its verbatims, KPIs and owning team, and what the map's lanes say about it.
    assert panel.locator(".parcours-verbatim").count() >= 1
    assert "Équipe" in panel.inner_text()
    assert "Attentes" in panel.locator(".parcours-panel-lanes").inner_text()
    assert "stage=stage-je-recois-la-reponse-a-mon-devis" in page.url
    page.screenshot(path=str(SCREENSHOTS / "journey-panel.png"))
    page.keyboard.press("Escape")
    assert not panel.is_visible()
    assert "stage=" not in page.url
    assert page.evaluate("document.activeElement.classList.contains('parcours-stage-link')")


def test_a_touchpoint_opens_its_own_details(visit):
    tab = visit()
    page = tab.goto(DETAIL)
    page.locator(".parcours-map[data-state=current] .parcours-tp-irritant").first.click()
    panel = page.locator("[data-parcours-panel]")
    assert panel.is_visible()
    assert "irritant" in panel.inner_text()
    assert "Chantiers qui le traitent" in panel.inner_text()


def test_every_control_has_a_label(visit):
    tab = visit()
    page = tab.goto(DETAIL)
    for control in page.locator("[data-parcours-controls] input").all():
        assert control.evaluate("element => element.labels.length > 0")
    assert page.locator("[data-parcours-controls] fieldset legend").count() == 4
    assert page.locator(".parcours-map-scroll[role=region][aria-label]").count() == 2
    assert page.locator("[data-parcours-close]").get_attribute("aria-label") == "Fermer le détail"


def test_dark_mode_redraws_the_charts_in_its_colours(visit):
    tab = visit(color_scheme="dark")
    page = tab.goto(DETAIL)
    _charts_drawn(page)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    colour = page.evaluate(
        "getComputedStyle(document.querySelector('[data-chart=emotion] .legendtext')).fill"
    )
    assert colour not in ("rgb(68, 68, 68)", "rgb(0, 0, 0)"), colour
    # The scale's labels too, which plotly draws inside the plot in its own grey.
    ticks = page.evaluate("[...new Set([...document.querySelectorAll('[data-chart=emotion] .ytick text')].map(t => getComputedStyle(t).fill))]")
    assert ticks == [colour], ticks
    page.screenshot(path=str(SCREENSHOTS / "journey-dark.png"))


def test_a_persona_specific_touchpoint_follows_the_persona(visit):
    tab = visit()
    page = tab.goto("journeys/adhesion/?zoom=detail")
    specific = page.locator(".parcours-map[data-state=current] .parcours-tp[data-personas]").first
    personas = specific.get_attribute("data-personas").split()
    others = [p for p in ("karim", "gerard", "nadia") if p not in personas]
    page.get_by_role("radio", name=re.compile(others[0].capitalize().replace("Gerard", "Gérard"))).check()
    assert not specific.is_visible()
    page.get_by_role("radio", name=re.compile(personas[0].capitalize().replace("Gerard", "Gérard"))).check()
    assert specific.is_visible()


def test_printing_gives_the_whole_map_on_one_a3_landscape_page(visit):
    tab = visit()
    page = tab.goto(MAP)
    _ready_to_print(page)
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    pages = re.findall(rb"/Type\s*/Page[^s]", pdf)
    assert len(pages) == 1
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    width, height = float(box.group(1)), float(box.group(2))
    assert abs(width - 1190.55) < 2 and abs(height - 841.89) < 2  # A3 landscape, in points
    assert float(page.locator(".parcours-journey").get_attribute("data-print-font")) >= 5
    (SCREENSHOTS / "journey-a3.pdf").write_bytes(pdf)


def test_a_journey_that_forks_prints_its_ways_on_one_a3_page(visit):
    """The complaints journey sends a quarter of answers to the mediator (an exception
    path) and some files back for a missing document: the print shows both."""
    tab = visit()
    page = tab.goto("journeys/reclamation/")
    _ready_to_print(page)
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    # What paper shows: the detailed map, whichever level the screen showed.
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    ways = page.locator('.parcours-map[data-state="current"] tr.parcours-lane-flow')
    assert ways.is_visible()
    text = " ".join(ways.inner_text().split())
    # Its fork to the mediator and its way back for a missing document (the words "nouvel essai" are a screen note).
    assert "Étape 7 · 25" in text and "La réponse ne me convainc pas" in text and "Étape 3 · 3 %" in text
    assert page.locator('.parcours-map[data-state="current"] .parcours-path-exception').first.is_visible()
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not ways.is_visible() and page.locator('.parcours-overview[data-state="current"]').is_visible()
    (SCREENSHOTS / "journey-branches-a3.pdf").write_bytes(pdf)


def test_a_map_read_in_dark_mode_prints_in_the_light_scheme(visit):
    tab = visit(color_scheme="dark")
    page = tab.goto(DETAIL)
    _charts_drawn(page)
    irritant = ".parcours-map[data-state=current] .parcours-q-irritant"
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    # The irritant's word in its light-mode red, readable on white paper.
    assert page.locator(irritant).first.evaluate("element => getComputedStyle(element).color") == "rgb(179, 38, 30)"
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"


def test_a_printed_target_map_says_it_is_the_target(visit):
    tab = visit()
    page = tab.goto(MAP + "?state=target")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator(".parcours-map[data-state=target] .parcours-map-title").is_visible()
    # The header's key figures count the current journey: they are not printed over the target.
    assert not page.locator(".parcours-key-figures").is_visible()
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")


def test_switching_to_the_target_closes_the_current_stages_panel(visit):
    tab = visit()
    page = tab.goto(DETAIL)
    page.locator(".parcours-map[data-state=current] .parcours-stage-link").nth(2).click()
    panel = page.locator("[data-parcours-panel]")
    assert panel.is_visible()
    # From the keyboard, as the open panel may cover the controls on a laptop screen.
    page.get_by_role("radio", name="Parcours cible").focus()
    page.keyboard.press("Space")
    assert not panel.is_visible()
    assert "stage=" not in page.url and "state=target" in page.url


def test_escape_closes_the_panel_wherever_the_focus_is(visit):
    tab = visit()
    page = tab.goto(DETAIL)
    page.locator(".parcours-map[data-state=current] .parcours-stage-link").nth(1).click()
    panel = page.locator("[data-parcours-panel]")
    assert panel.is_visible()
    page.get_by_role("radio", name="Parcours actuel").focus()
    page.keyboard.press("Escape")
    assert not panel.is_visible()


def test_a_link_to_a_target_stage_shows_the_target_map(visit):
    tab = visit()
    page = tab.goto(MAP + "#target-je-sais-ce-qui-me-restera-a-payer")
    assert page.locator(".parcours-overview[data-state=target]").is_visible()
    assert page.get_by_role("radio", name="Parcours cible").is_checked()
    assert "Je sais tout de suite ce qui me restera à payer" in page.locator("[data-parcours-panel] .parcours-panel-title").inner_text()


def test_a_touchpoints_figures_say_what_they_count(visit):
    tab = visit()
    page = tab.goto(MAP)
    card = page.locator(".parcours-map[data-state=current] .parcours-tp").first
    assert re.search(r"contacts/mois", card.inner_text()) and "satisfaits" in card.inner_text()


def test_charts_band_the_same_moments_of_truth_as_the_map_columns(visit):
    tab = visit()
    page = tab.goto("journeys/reclamation/?zoom=detail")
    _charts_drawn(page)
    current = ".parcours-map[data-state=current]"
    columns = page.evaluate(f"[...document.querySelectorAll('{current} col[data-stage]')].map(c => c.classList.contains('is-mot'))")
    for chart in ("emotion", "funnel"):
        bands = page.evaluate(
            f"document.querySelector('{current} [data-chart={chart}]').layout.shapes"
            ".filter(s => s.name === 'moment-of-truth' && s.visible !== false).map(s => Math.round((s.x0 + s.x1) / 2))"
        )
        assert bands == [i for i, is_mot in enumerate(columns) if is_mot], chart


def test_a_link_from_the_inventory_shows_the_stage_on_the_map_beside_its_panel(visit):
    tab = visit()
    page = tab.goto(MAP + "#stage-j-envoie-mon-devis--courrier")
    assert page.locator("[data-parcours-panel]").is_visible()
    header = page.locator('.parcours-map[data-state=current] a.parcours-stage-link[href$="#stage-j-envoie-mon-devis"]')
    in_view = "link => { const box = link.getBoundingClientRect(); return box.top >= 0 && box.bottom <= innerHeight; }"
    page.wait_for_function(f"({in_view})(document.querySelector('.parcours-map[data-state=current] a.parcours-stage-link[href$=\"#stage-j-envoie-mon-devis\"]'))")
    assert header.is_visible() and header.evaluate(in_view)
    # The same from the inventory's own link, through Material's instant navigation.
    page = tab.goto("touchpoints/")
    page.locator('tbody a[href*="remboursement/#stage-j-envoie-mon-devis--courrier"]').first.click()
    page.wait_for_selector("[data-parcours-panel]:not([hidden])")
    page.wait_for_function(f"({in_view})(document.querySelector('.parcours-map[data-state=current] a.parcours-stage-link[href$=\"#stage-j-envoie-mon-devis\"]'))")


def test_the_inventory_filters_by_journey_and_channel(visit):
    tab = visit()
    page = tab.goto("touchpoints/")
    rows = page.locator("tbody tr[data-journey]")
    total = rows.count()
    page.locator("select[data-filter=journey]").select_option("reclamation")
    visible = page.locator("tbody tr[data-journey]:visible")
    assert 0 < visible.count() < total
    assert all(row.get_attribute("data-journey") == "reclamation" for row in visible.all())
    page.locator("select[data-filter=channel]").select_option("telephone")
    assert all(row.get_attribute("data-channel") == "telephone" for row in page.locator("tbody tr[data-journey]:visible").all())
    assert "journey=reclamation" in page.url and "channel=telephone" in page.url
    link = page.locator("tbody tr[data-journey]:visible th a").first
    assert "journeys/reclamation/#stage-" in link.get_attribute("href")
