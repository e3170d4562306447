"""A hostile SVG, published, then opened in a real browser at its own address:
nothing runs on load or on click, nothing is requested from another host."""

from __future__ import annotations

import pytest

from conftest import SiteDir, Visit, serve
from test_hostile_media import HOSTILE_SVG, PERSONA, PORTRAIT

pytestmark = pytest.mark.browser


@pytest.fixture
def served(site: SiteDir):
    """The site, built with the hostile portrait and a portrait named `portrait #2.svg`, served over HTTP."""
    site.write(PORTRAIT, HOSTILE_SVG)
    site.write("personas/portraits/portrait #2.svg", HOSTILE_SVG)
    site.write("personas/marc.md", site.read(PERSONA).replace("Fanny, la jeune active", "Marc, le jeune actif").replace("portraits/fanny.svg", "'portraits/portrait #2.svg'"))
    result = site.build()
    assert result.ok, result.log
    url, server = serve(result.site_dir)
    yield url
    server.shutdown()


def test_a_published_svg_opened_at_its_own_address_runs_and_requests_nothing(browser, served):
    tab = Visit(browser, served)
    dialogs: list[str] = []
    tab.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page = tab.goto(PORTRAIT)
        page.wait_for_timeout(300)  # an iframe's or an animation's script would have run by now
        for circle in page.locator("circle").all():
            circle.click()
        page.wait_for_timeout(300)
        assert page.url == served + PORTRAIT  # no link followed
        assert not dialogs, dialogs
        assert len(page.frames) == 1, [frame.url for frame in page.frames]
        tab.assert_clean()
    finally:
        tab.close()


def test_a_portrait_whose_name_holds_a_hash_is_shown(browser, served):
    tab = Visit(browser, served)
    try:
        page = tab.goto("personas/marc/")
        portrait = page.locator("img.parcours-portrait")
        portrait.scroll_into_view_if_needed()
        page.wait_for_function("image => image.complete && image.naturalWidth > 0", arg=portrait.element_handle())
        assert portrait.get_attribute("src") == "../portraits/portrait%20%232.svg"
        tab.assert_clean()
    finally:
        tab.close()
