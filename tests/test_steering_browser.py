"""Steering in a real browser, on the demo: what changed since a date the reader
picks (kept in the URL), the listening lane read on the map and in the stage's
panel, a team's briefing printed on one A4 page, and a correction suggested."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import SCREENSHOTS

pytestmark = pytest.mark.browser

MAP = "journeys/remboursement/"


def _shown(block, kind: str) -> list[str]:
    items = block.locator(f'[data-change-kind="{kind}"] li[data-change]')
    return [" ".join(items.nth(n).inner_text().split()) for n in range(items.count()) if items.nth(n).is_visible()]


def _pick(page, block, day: str) -> None:
    field = block.get_by_label("Depuis le")
    field.fill(day)
    field.dispatch_event("change")


def test_a_reader_picks_the_date_what_changed_is_counted_from(visit):
    tab = visit()
    page = tab.goto(MAP)
    block = page.locator("[data-parcours-changes]")
    block.scroll_into_view_if_needed()
    # Since the last review (21 October): the irritant found in November, no figure moved since.
    assert block.locator("[data-changes-caption]").inner_text() == "Depuis la dernière revue du parcours, le 21 octobre 2026."
    assert _shown(block, "new_irritants") == ["irritant Devis envoyé à l'adresse e-mail générique — J'envoie mon devis à la mutuelle · constaté le 9 novembre 2026"]
    assert _shown(block, "figures") == []
    assert block.locator('[data-change-kind="figures"] [data-change-none]').is_visible()
    _pick(page, block, "2026-07-01")
    assert block.locator("[data-changes-caption]").inner_text() == "Depuis le 1er juillet 2026."
    figures = _shown(block, "figures")
    assert "J'envoie mon devis à la mutuelle : satisfaction 56 % (2026-T2) → 60 % (2026-T3) +4 points" in figures
    assert block.locator('[data-change-kind="figures"] [data-change-count]').inner_text() == str(len(figures))
    assert "since=2026-07-01" in page.url
    _pick(page, block, "2026-01-01")
    assert _shown(block, "delivered") == ["La carte de tiers payant dans l'application, toujours à jour · livré le 22 juin 2026"]
    assert _shown(block, "solved_irritants") == ["irritant Carte de tiers payant dématérialisée présentée sur le téléphone — Je fais mes soins et je présente ma carte · résolu le 22 juin 2026"]
    assert "J'envoie mon devis à la mutuelle : satisfaction 62 % (2026-T1) → 60 % (2026-T3) −2 points" in _shown(block, "figures")
    block.screenshot(path=str(SCREENSHOTS / "what-changed.png"))
    # A link with the date shows the same list; "since the last review" comes back to it.
    page.goto(tab.base_url + "changes/?since=2026-01-01", wait_until="networkidle")
    block = page.locator("[data-parcours-changes]")
    assert "La carte de tiers payant dans l'application, toujours à jour · livré le 22 juin 2026" in _shown(block, "delivered")
    block.get_by_role("button", name="Depuis la dernière revue").click()
    assert _shown(block, "delivered") == [] and "since=" not in page.url
    assert block.locator("[data-changes-caption]").inner_text() == "Depuis la dernière revue de chaque parcours."


def test_the_listening_lane_reads_on_the_map_and_in_the_stages_panel(visit):
    tab = visit()
    # The detailed map, where every lane is (the page opens on its overview).
    page = tab.goto(MAP + "?zoom=detail")
    lane = page.locator(".parcours-map[data-state=current] tr.parcours-lane-listening")
    lane.scroll_into_view_if_needed()
    assert lane.get_by_role("rowheader", name="Écoute des adhérents").is_visible()
    text = " ".join(lane.inner_text().split())
    assert "Note à chaud dans l'application après le virement · chaque mois 78 % (novembre 2026)" in text
    assert "Comité adhérent de septembre 2026" in text
    page.locator(".parcours-map[data-state=current] a.parcours-stage-link", has_text="J'attends mon remboursement").click()
    panel = page.locator("[data-parcours-panel]")
    assert panel.is_visible()
    assert panel.get_by_text("Visites mystère du robot de discussion et du centre de relation").first.is_visible()
    assert "Date obtenue dans quatre cas sur vingt" in panel.inner_text()


def test_a_teams_briefing_prints_on_one_a4_portrait_page(visit):
    tab = visit()
    page = tab.goto("briefings/pole-prestations-sante/")
    # The busiest team of the demo: five journeys' stages, five commitments, four personas.
    button = page.get_by_role("button", name="Imprimer la fiche")
    assert button.is_visible()
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert abs(float(box.group(1)) - 595.28) < 2 and abs(float(box.group(2)) - 841.89) < 2  # A4 portrait, in points
    assert float(page.locator("[data-parcours-briefing]").get_attribute("data-print-font")) >= 6
    (SCREENSHOTS / "briefing-a4.pdf").write_bytes(pdf)


def test_suggesting_a_correction_opens_the_intranets_gitlab_with_the_stage_and_its_line(visit):
    tab = visit()
    page = tab.goto(MAP)
    link = page.locator("#stage-je-recois-mon-remboursement").get_by_role("link", name="Suggérer une correction à l'étape « Je reçois mon remboursement »")
    href = link.get_attribute("href")
    parts = urlsplit(href)
    assert (parts.netloc, parts.path) == ("gitlab.intranet.example", "/experience-adherent/parcours/-/issues/new")
    query = parse_qs(parts.query)
    assert query["issue[title]"] == ["Correction : Je reçois mon remboursement"]
    body = query["issue[description]"][0]
    assert "Page : http://127.0.0.1:" in body and "/journeys/remboursement/#stage-je-recois-mon-remboursement" in body
    assert re.search(r"Fichier source : journeys/remboursement\.yml, ligne \d+", body)
