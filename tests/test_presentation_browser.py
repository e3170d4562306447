"""Presentation mode, for a workshop's projector and a contact centre's wall
screen: full screen, the overview then one stage at a time in large print,
each stage's verbatims with their clips and captions, the arrow keys, Escape,
and a kiosk that moves on by itself. Everything comes from the page: nothing
is fetched from another host (each tab checks it)."""

from __future__ import annotations

import re

import pytest

from conftest import SCREENSHOTS

pytestmark = pytest.mark.browser

MAP = "journeys/remboursement/"


def _present(page):
    page.get_by_role("button", name="Présenter").click()
    dialog = page.get_by_role("dialog", name="Présentation : Je me fais rembourser mes soins")
    assert dialog.is_visible()
    return dialog


def _slide_title(dialog) -> str:
    return " ".join(dialog.locator("[data-slide] h2").first.inner_text().split())


def test_presenting_fills_the_screen_with_the_overview_in_large_print(visit):
    page = visit().goto(MAP)
    page_size = page.locator(".parcours-overview[data-state=current] .parcours-stage-name").first.evaluate(
        "element => parseFloat(getComputedStyle(element).fontSize)"
    )
    dialog = _present(page)
    assert page.evaluate("document.fullscreenElement && document.fullscreenElement.matches('.parcours-presentation')")
    assert "1 / 9" in dialog.inner_text()
    assert dialog.locator("[data-slide] .parcours-ov-stage").count() == 8
    slide_size = dialog.locator("[data-slide] .parcours-stage-name").first.evaluate("element => parseFloat(getComputedStyle(element).fontSize)")
    assert slide_size >= 1.4 * page_size, (slide_size, page_size)
    # The page behind is out of reach while it is shown.
    assert page.evaluate("document.querySelector('.md-header').inert")
    assert "present=on" in page.url


def test_the_arrow_keys_move_through_the_stages_and_escape_leaves(visit):
    page = visit().goto(MAP)
    dialog = _present(page)
    page.keyboard.press("ArrowRight")
    assert _slide_title(dialog).endswith("J'apprends ce que mes soins vont me coûter")
    assert "2 / 9" in dialog.inner_text() and "slide=1" in page.url
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert _slide_title(dialog).endswith("Je reçois la réponse à mon devis")
    page.keyboard.press("ArrowLeft")
    assert _slide_title(dialog).endswith("J'envoie mon devis à la mutuelle")
    page.keyboard.press("End")
    assert _slide_title(dialog).endswith("Je vérifie mon décompte") and "9 / 9" in dialog.inner_text()
    page.keyboard.press("Home")
    assert dialog.locator("[data-slide] .parcours-overview").is_visible()
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert not page.evaluate("document.fullscreenElement")
    assert not page.evaluate("document.querySelector('.md-header').inert")
    assert "present=" not in page.url
    # Back where the reader left: on the button that started it.
    assert page.evaluate("document.activeElement.matches('[data-parcours-present]')")


def test_a_stage_of_the_overview_slide_opens_its_own_slide(visit):
    page = visit().goto(MAP)
    dialog = _present(page)
    dialog.locator("[data-slide] .parcours-ov-link").nth(5).click()
    assert _slide_title(dialog).endswith("J'attends mon remboursement")
    # The page's panel stays closed: the slide shows the stage.
    assert not page.locator("[data-parcours-panel]").is_visible()


def test_a_stage_slide_shows_its_figures_lanes_and_customers_words(visit):
    page = visit().goto(MAP + "?present=on&slide=3")
    dialog = page.get_by_role("dialog", name=re.compile("^Présentation"))
    text = " ".join(dialog.inner_text().split())
    assert _slide_title(dialog).endswith("Je reçois la réponse à mon devis")
    # The site's word for its customers: the demo's are « adhérents ».
    for said in ("48 % satisfaits", "Moment de vérité", "Ce que fait l'adhérent", "Attentes", "Irritants et enchantements", "Ce que disent les adhérents"):
        assert said in text, said
    assert dialog.locator(".parcours-slide-voices blockquote").count() >= 2
    # No link to correct the page's sources on a screen shown to a room.
    assert "Suggérer une correction" not in text
    assert not re.search(r"·\s*$", dialog.locator(".parcours-slide-voices figcaption").first.inner_text())


def test_a_verbatims_clip_plays_in_the_slide_with_its_captions_in_large_print(visit):
    page = visit().goto(MAP + "?present=on&slide=1")
    dialog = page.get_by_role("dialog", name=re.compile("^Présentation"))
    clip = dialog.locator(".parcours-slide-voices audio").first
    assert clip.is_visible()
    caption = dialog.locator(".parcours-live-caption").first
    clip.evaluate("element => element.play()")
    page.wait_for_function("element => element.textContent.trim().length > 5", arg=caption.element_handle(), timeout=15000)
    assert "euros" in caption.inner_text() or len(caption.inner_text()) > 5
    assert caption.evaluate("element => parseFloat(getComputedStyle(element).fontSize)") >= 20
    clip.evaluate("element => element.pause()")


def test_a_wall_screen_moves_on_by_itself_and_comes_back_to_the_overview(visit):
    tab = visit()
    # The browser's clock, moved by the test: no waiting for real seconds.
    tab.page.clock.install()
    page = tab.goto(MAP + "?present=kiosk")
    dialog = page.get_by_role("dialog", name=re.compile("^Présentation"))
    assert dialog.get_by_role("button", name="Défilement automatique").get_attribute("aria-pressed") == "true"
    assert dialog.locator("[data-slide] .parcours-overview").is_visible()
    page.clock.run_for("00:31")
    assert _slide_title(dialog).endswith("J'apprends ce que mes soins vont me coûter")
    page.clock.run_for("00:21")
    assert _slide_title(dialog).endswith("J'envoie mon devis à la mutuelle")
    # After the last stage, the overview again.
    page.keyboard.press("End")
    page.clock.run_for("00:21")
    assert dialog.locator("[data-slide] .parcours-overview").is_visible()
    # Paused by its button, it stays.
    dialog.get_by_role("button", name="Défilement automatique").click()
    page.clock.run_for("01:00")
    assert dialog.locator("[data-slide] .parcours-overview").is_visible() and "present=on" in page.url


def test_presenting_works_after_instant_navigation_and_in_dark_mode(visit):
    tab = visit(color_scheme="dark", viewport={"width": 1920, "height": 1080})
    page = tab.goto("journeys/")
    page.locator(".parcours-cards a[href*='remboursement']").first.click()
    page.wait_for_selector(".parcours-journey[data-overview-drawn=true]")
    dialog = _present(page)
    background = dialog.evaluate("element => getComputedStyle(element).backgroundColor")
    assert background != "rgb(255, 255, 255)", background
    page.keyboard.press("ArrowRight")
    page.screenshot(path=str(SCREENSHOTS / "presentation-stage-dark-1920x1080.png"))
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert re.search(r"/journeys/remboursement/$", page.url)
