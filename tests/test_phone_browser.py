"""A journey on a phone and a tablet: the overview as a list, the detailed map
stage by stage with the same lanes for every stage, next and previous by a
button or a swipe, and never a sideways scroll."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
MAP = "journeys/remboursement/"

#: Elements reaching past the window's right edge, outside a region that scrolls on its own (a wide table).
SIDEWAYS = """() => {
  const inRegion = element => {
    for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
      if (["auto", "scroll"].includes(getComputedStyle(node).overflowX)) return true;
    }
    return false;
  };
  const past = [...document.querySelectorAll("body *")].filter(element => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.right > innerWidth + 1 && !inRegion(element);
  }).map(element => element.tagName + "." + element.className);
  return { scroll: document.documentElement.scrollWidth - innerWidth, past: past.slice(0, 5) };
}"""


def _stage_shown(page) -> str:
    return page.locator(".parcours-map:not([hidden]) thead .parcours-stages th:not(.is-elsewhere) .parcours-stage-name").inner_text()


def _lanes_shown(page) -> list[str]:
    return [" ".join(text.split()) for text in page.locator(".parcours-map:not([hidden]) tbody tr:not(.is-folded):not(.parcours-chart-row):not(.parcours-fold) > th").all_inner_texts()]


def _swipe(page, towards: str) -> None:
    """A finger across the map, as the phone's screen sends it."""
    session = page.context.new_cdp_session(page)
    start, end = (320, 120) if towards == "left" else (120, 320)
    session.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": start, "y": 600}]})
    for x in range(start, end, (end - start) // 5):
        session.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": 604}]})
    session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


@pytest.mark.parametrize(
    "path",
    ["journeys/remboursement/", "journeys/remboursement/?zoom=detail", "journeys/adhesion/?zoom=detail",
     "journeys/reclamation/?zoom=detail&at=je-saisis-le-mediateur", "journeys/remboursement/?state=target&zoom=detail"],
)
def test_at_390_px_nothing_reaches_past_the_screens_edge(visit, path):
    page = visit(**PHONE).goto(path)
    page.wait_for_selector(".parcours-journey[data-overview-drawn=true]")
    found = page.evaluate(SIDEWAYS)
    assert found == {"scroll": 0, "past": []}, found



#: One page of every other kind: the lists, the sheets, the site-wide pages (a team's, its
#: briefing, whose columns stack; the verbatims, whose filters offer whole stage names).
OTHER_PAGES = [
    "", "journeys/", "personas/", "personas/lea/", "benchmarks/", "benchmarks/matmut-svi-visuel/", "solutions/",
    "solutions/devis-et-factures-en-photo/", "teams/", "teams/centre-de-relation-adherents/",
    "briefings/centre-de-relation-adherents/", "verbatims/", "touchpoints/", "coverage/", "listening/", "priorities/",
    "roadmap/", "changes/", "reference/", "glossary/", "onboarding/",
]


@pytest.mark.parametrize("path", OTHER_PAGES)
def test_at_390_px_no_page_reaches_past_the_screens_edge(visit, path):
    found = visit(**PHONE).goto(path).evaluate(SIDEWAYS)
    assert found == {"scroll": 0, "past": []}, found


def test_a_phone_reads_the_map_stage_by_stage_with_the_same_lanes(visit):
    page = visit(**PHONE).goto(MAP + "?zoom=detail")
    stepper = page.get_by_role("group", name="Lecture étape par étape")
    assert stepper.is_visible()
    assert "Étape 1 sur 8" in stepper.inner_text()
    assert _stage_shown(page) == "J'apprends ce que mes soins vont me coûter"
    first = _lanes_shown(page)
    stepper.get_by_role("button", name="Étape suivante").click()
    assert "Étape 2 sur 8" in stepper.inner_text() and "at=j-envoie-mon-devis" in page.url
    assert _stage_shown(page) == "J'envoie mon devis à la mutuelle"
    # The same lanes, in the same order; only the channels with nothing here are folded, and counted.
    lanes = [lane for lane in _lanes_shown(page) if not lane.startswith("Points de contact")]
    assert lanes == [lane for lane in first if not lane.startswith("Points de contact")]
    fold = page.locator(".parcours-map:not([hidden]) tr.parcours-fold")
    assert fold.inner_text().startswith("4 canaux sans point de contact ici :")
    stepper.get_by_role("button", name="Étape précédente").click()
    assert _stage_shown(page) == "J'apprends ce que mes soins vont me coûter" and "at=" not in page.url
    assert stepper.get_by_role("button", name="Étape précédente").is_disabled()


def test_a_swipe_turns_to_the_next_or_previous_stage(visit):
    page = visit(**PHONE).goto(MAP + "?zoom=detail&at=je-fais-mes-soins")
    assert _stage_shown(page) == "Je fais mes soins et je présente ma carte"
    page.locator(".parcours-map:not([hidden]) tbody").scroll_into_view_if_needed()
    _swipe(page, "left")
    page.wait_for_url("**at=j-envoie-ma-facture**")
    assert _stage_shown(page).startswith("J'envoie ma facture")
    _swipe(page, "right")
    _swipe(page, "right")
    page.wait_for_url("**at=je-recois-la-reponse-a-mon-devis**")
    assert _stage_shown(page) == "Je reçois la réponse à mon devis"


def test_the_phones_overview_is_a_list_whose_stages_open_their_details(visit):
    page = visit(**PHONE).goto(MAP)
    stages = page.locator(".parcours-overview[data-state=current] .parcours-ov-stage")
    assert stages.count() == 8
    # Without the curve, each stage's emotion is written out.
    emotion = stages.first.locator(".parcours-ov-emotion")
    assert emotion.is_visible()
    assert [" ".join(t.split()) for t in emotion.locator("span").all_inner_texts()] == ["Léa −1", "Gérard 0", "Nadia −2", "Karim −1"]
    stages.nth(2).locator(".parcours-ov-link").click()
    panel = page.locator("[data-parcours-panel]")
    assert panel.is_visible() and "Je reçois la réponse à mon devis" in panel.inner_text()


def test_a_tablet_reads_the_map_stage_by_stage_too(visit):
    page = visit(viewport={"width": 820, "height": 1180}, has_touch=True).goto(MAP + "?zoom=detail")
    assert page.get_by_role("group", name="Lecture étape par étape").is_visible()
    assert page.evaluate(SIDEWAYS) == {"scroll": 0, "past": []}
    # Back on a wide window, the whole grid again.
    page.set_viewport_size({"width": 1440, "height": 900})
    page.wait_for_function("!document.querySelector('.parcours-map.is-stepped')")
    assert page.locator(".parcours-map[data-state=current] thead .parcours-stages th:visible").count() == 8
