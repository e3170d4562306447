"""The onboarding path's progress and the glossary's tooltips, in a real browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_onboarding_progress_survives_a_reload_and_resumes_where_i_stopped(visit):
    tab = visit()
    page = tab.goto("onboarding/")
    progress = page.locator("[data-parcours-progress] progress")
    assert progress.is_visible()
    steps = page.locator("[data-parcours-done]")
    total = steps.count()
    assert total >= 5
    assert page.locator("[data-parcours-resume]").is_hidden()  # nothing started yet
    steps.nth(0).check()
    steps.nth(1).check()
    assert progress.get_attribute("value") == "2"
    assert f"Étapes faites : 2 sur {total}" in page.locator("[data-parcours-progress-text]").inner_text()
    page.reload(wait_until="networkidle")
    assert page.locator("[data-parcours-done]").nth(1).is_checked()
    assert page.locator("[data-parcours-progress] progress").get_attribute("value") == "2"
    resume = page.locator("[data-parcours-resume]")
    assert resume.is_visible()
    third = page.locator(".parcours-step").nth(2).get_attribute("id")
    assert resume.get_attribute("href") == f"#{third}"
    # An answer opens on demand.
    question = page.locator(".parcours-question").first
    assert not question.locator("p").first.is_visible()
    question.locator("summary").click()
    assert question.locator("p").first.is_visible()


def test_a_glossary_term_shows_its_definition_on_hover(visit):
    tab = visit()
    page = tab.goto("journeys/remboursement/")
    term = page.locator(".parcours-insights abbr[title]").first
    definition = term.get_attribute("title")
    assert definition
    term.hover()
    # Material turns abbreviations' titles into tooltips (feature content.tooltips).
    page.wait_for_function(
        "text => [...document.querySelectorAll('.md-tooltip2, .md-tooltip')].some(tip => tip.textContent.includes(text))",
        arg=definition[:20],
        timeout=5000,
    )


#: Where the Tab key goes next: what the page's keyboard tour holds, in order.
TABBABLE = """() => [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
    .filter(el => el.tabIndex >= 0 && !el.disabled && el.checkVisibility({visibilityProperty: true}))"""


def tab_to(page, locator) -> None:
    """Reach an element as a keyboard user does: Tab from the stop before it."""
    locator.evaluate(f"target => {{ const stops = ({TABBABLE})(); stops[stops.indexOf(target) - 1].focus(); }}")
    page.keyboard.press("Tab")
    assert locator.evaluate("element => element === document.activeElement")


def test_a_glossary_term_is_a_stop_of_the_keyboard_and_explained_on_focus(visit):
    tab = visit()
    page = tab.goto("journeys/remboursement/")
    term = page.locator(".parcours-insights abbr").first
    definition = term.get_attribute("title")
    # Its definition is its description, for screen readers, before any tooltip is shown.
    expect(term).to_have_accessible_description(definition)
    tab_to(page, term)
    assert term.evaluate("element => element.matches(':focus-visible')")
    # Material shows the tooltip on focus too, and describes the term by it.
    page.wait_for_function(
        "text => [...document.querySelectorAll('.md-tooltip2, .md-tooltip')].some(tip => tip.textContent.includes(text) && tip.getBoundingClientRect().height > 0)",
        arg=definition[:20],
        timeout=5000,
    )
    expect(term).to_have_accessible_description(definition)


def test_the_onboarding_checkbox_shows_where_the_focus_is(visit):
    tab = visit()
    page = tab.goto("onboarding/")
    box = page.locator("[data-parcours-done]").first
    tab_to(page, box)
    outline = box.evaluate("element => { const style = getComputedStyle(element); return [style.outlineStyle, parseFloat(style.outlineWidth)]; }")
    assert outline[0] != "none" and outline[1] >= 2, outline
