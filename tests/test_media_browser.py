"""Clips in a real browser, served by Debian's nginx as an intranet serves them:
they play, their captions load, seeking works (range requests)."""

from __future__ import annotations

import pytest

from conftest import Visit

pytestmark = pytest.mark.browser


def _media(tab: Visit, path: str, selector: str):
    page = tab.goto(path)
    media = page.locator(selector).first
    media.scroll_into_view_if_needed()
    return page, media


@pytest.mark.parametrize(
    "path, selector",
    [
        ("journeys/remboursement/", "audio:has(source[src$='.mp3'])"),
        ("journeys/reclamation/", "audio:has(source[src$='.ogg'])"),
        ("personas/gerard/", "video"),
    ],
)
def test_a_clip_plays_loads_its_captions_and_seeks(browser, nginx_demo, path, selector):
    tab = Visit(browser, nginx_demo)
    ranges: list[int] = []
    tab.page.on("response", lambda response: ranges.append(response.status) if response.url.endswith((".mp3", ".ogg", ".webm")) else None)
    try:
        page, media = _media(tab, path, selector)
        media.evaluate("element => element.play()")
        page.wait_for_function("element => element.currentTime > 0.5", arg=media.element_handle(), timeout=15000)
        # Captions: the WebVTT track is fetched and parsed into cues.
        media.evaluate("element => { element.textTracks[0].mode = 'showing'; }")
        page.wait_for_function(
            "element => element.textTracks[0].cues && element.textTracks[0].cues.length > 0", arg=media.element_handle(), timeout=15000
        )
        first_cue = media.evaluate("element => element.textTracks[0].cues[0].text")
        assert len(first_cue) > 5
        # Seeking far ahead needs the server to answer a range request.
        media.evaluate("element => { element.pause(); element.currentTime = element.duration - 1.5; }")
        page.wait_for_function("element => !element.seeking && element.currentTime > element.duration - 2", arg=media.element_handle(), timeout=15000)
        assert 206 in ranges, ranges
        # The transcript is on the page, from the same captions.
        transcript = page.locator(".parcours-transcript").first
        transcript.locator("summary").click()
        assert " ".join(first_cue.split()) in " ".join(transcript.inner_text().split())
        tab.assert_clean()
    finally:
        tab.close()


def test_verbatims_filter_by_persona_and_lead_to_their_place_on_the_map(visit):
    tab = visit()
    page = tab.goto("verbatims/")
    items = page.locator("[data-filter-item]")
    total = items.count()
    page.locator("select[data-filter=persona]").select_option("gerard")
    shown = page.locator("[data-filter-item]:visible")
    assert 0 < shown.count() < total
    assert all(item.get_attribute("data-persona") == "gerard" for item in shown.all())
    assert "persona=gerard" in page.url
    shown.first.locator(".parcours-verbatim-place a").first.click()
    page.wait_for_selector("[data-parcours-panel]:not([hidden])")
    assert "#stage-" in page.url or "#target-" in page.url


def test_two_personas_side_by_side(visit):
    tab = visit()
    page = tab.goto("personas/?a=lea&b=karim")
    table = page.locator(".parcours-compare table")
    headers = table.locator("thead th:visible").all_inner_texts()
    assert len(headers) == 2 and any("Léa" in h for h in headers) and any("Karim" in h for h in headers)
    page.locator("select[data-compare=b]").select_option("gerard")
    headers = table.locator("thead th:visible").all_inner_texts()
    assert any("Gérard" in h for h in headers) and not any("Karim" in h for h in headers)
    assert "b=gerard" in page.url


def test_the_comparison_shows_the_first_choice_on_the_left(visit):
    tab = visit()
    page = tab.goto("personas/?a=nadia&b=gerard")
    headers = page.locator(".parcours-compare table thead th[data-persona]:visible").all_inner_texts()
    assert "Nadia" in headers[0] and "Gérard" in headers[1], headers
    row = page.locator(".parcours-compare table tbody tr").first.locator("td:visible")
    assert row.first.get_attribute("data-persona") == "nadia"


def test_persona_page_draws_each_journeys_curve(visit):
    tab = visit()
    page = tab.goto("personas/nadia/")
    page.wait_for_function("document.documentElement.getAttribute('data-parcours-charts') === 'drawn'")
    assert page.locator(".parcours-travel .parcours-chart .scatterlayer .trace").count() == page.locator(".parcours-travel").count()
