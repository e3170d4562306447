"""Benchmarks, priorities and road map in a real browser."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_benchmark_cards_filter_by_channel_and_phase(visit):
    tab = visit()
    page = tab.goto("benchmarks/")
    cards = page.locator("[data-filter-item]")
    total = cards.count()
    page.locator("select[data-filter=channel]").select_option("telephone")
    shown = page.locator("[data-filter-item]:visible")
    assert 0 < shown.count() < total
    assert all("telephone" in card.get_attribute("data-channel").split() for card in shown.all())
    page.locator("select[data-filter=phase]").select_option("after")
    assert all(card.get_attribute("data-phase") == "after" for card in page.locator("[data-filter-item]:visible").all())
    assert "channel=telephone" in page.url and "phase=after" in page.url


def test_a_point_of_the_matrix_leads_to_its_solution_sheet(visit):
    tab = visit()
    page = tab.goto("priorities/")
    page.wait_for_function("document.documentElement.getAttribute('data-parcours-charts') === 'drawn'")
    point = page.locator(".parcours-chart-matrix .scatterlayer .point").first
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/solutions/*/")
    assert page.locator("h1").first.is_visible()


def test_the_road_map_switches_between_status_and_journey(visit):
    tab = visit()
    page = tab.goto("roadmap/")
    page.wait_for_function("document.documentElement.getAttribute('data-parcours-charts') === 'drawn'")
    assert page.locator("[data-grouping=status]").is_visible()
    page.get_by_role("radio", name="Parcours").check()
    assert page.locator("[data-grouping=journey]").is_visible()
    assert not page.locator("[data-grouping=status]").is_visible()
    assert "group=journey" in page.url
    # Today is drawn on the chart.
    assert page.locator("[data-grouping=journey] .annotation-text").filter(has_text="Aujourd'hui").count() == 1
