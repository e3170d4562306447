"""The site's search finds every stage, touchpoint and verbatim of a journey,
and its result opens that place on the map (`#stage-…`, `#stage-…--channel`,
which the map's script opens in its side panel, the stage's column in view).

Asserted on the search index the demo's build wrote, as Material's search
reads it: each entry's address, title and text. The map's grid repeats the
details below it: search reads each text once.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from conftest import REPO, BuildResult
from parcours.analyses.sitemap import stage_anchor
from parcours.cli.setup import open_site, read_setup


@pytest.fixture(scope="module")
def demo_site():
    return open_site(read_setup(REPO, None))


@pytest.fixture(scope="module")
def entries(demo: BuildResult) -> dict[str, dict]:
    docs = json.loads((demo.site_dir / "search" / "search_index.json").read_text("utf-8"))["docs"]
    return {entry["location"]: entry for entry in docs}


def _plain(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def _places(site):
    for journey_id, entry in site.index.journeys.items():
        for state in ("current", "target"):
            for place in site.index.stages(journey_id, state):
                yield journey_id, state, place.stage


def test_every_stage_is_found_at_its_place_on_the_map(demo_site, entries):
    for journey_id, state, stage in _places(demo_site):
        found = entries.get(f"journeys/{journey_id}/#{stage_anchor(stage.id, state)}")
        assert found is not None, (journey_id, state, stage.id)
        assert stage.name in _plain(found["title"])


def test_every_touchpoint_is_found_at_its_place_on_the_map(demo_site, entries):
    for journey_id, state, stage in _places(demo_site):
        for touchpoint in stage.touchpoints:
            found = entries.get(f"journeys/{journey_id}/#{stage_anchor(stage.id, state, touchpoint.key)}")
            assert found is not None, (journey_id, state, stage.id, touchpoint.key)
            assert touchpoint.label in _plain(found["title"])


def test_every_verbatim_is_found_with_its_touchpoint_or_its_stage(demo_site, entries):
    for journey_id, state, stage in _places(demo_site):
        for verbatim in stage.verbatims:
            anchor = stage_anchor(stage.id, state, verbatim.touchpoint) if verbatim.touchpoint else stage_anchor(stage.id, state)
            found = entries[f"journeys/{journey_id}/#{anchor}"]
            assert _plain(verbatim.text)[:60] in _plain(found["text"]), (journey_id, stage.id, verbatim.text)


def test_what_the_maps_lanes_say_is_found_with_its_stage(demo_site, entries):
    checked = 0
    for journey_id, state, stage in _places(demo_site):
        found = entries[f"journeys/{journey_id}/#{stage_anchor(stage.id, state)}"]
        for words in [*stage.actions, *stage.expectations, *stage.employee_experience]:
            assert _plain(words) in _plain(found["text"]), (journey_id, stage.id, words)
            checked += 1
    assert checked > 20


def test_the_map_grid_is_read_once(demo_site, entries):
    """A touchpoint's label is in its own entry; the grid, which repeats it, is not
    searched. ("What to notice first" may name it too: that is its own text.)"""
    journey_id, state, stage = next(place for place in _places(demo_site) if place[2].touchpoints)
    label = stage.touchpoints[0].label
    page = [entry for location, entry in entries.items() if location.startswith(f"journeys/{journey_id}/")]
    holding = [entry["location"] for entry in page if (label in _plain(entry["title"]) or label in _plain(entry["text"])) and "#insights-" not in entry["location"]]
    assert holding == [f"journeys/{journey_id}/#{stage_anchor(stage.id, state, stage.touchpoints[0].key)}"], holding
    assert not any(entry["location"].endswith(("#map-current", "#map-target")) for entry in page)


def test_the_lean_copy_is_search_only_the_page_keeps_its_markup(demo: BuildResult):
    page = demo.html("journeys/remboursement/")
    assert '<table class="parcours-grid"' in page and 'class="parcours-suggest"' in page
    # The stage's anchor stays on its details (the panel opens them); the heading keeps its own.
    assert all(anchor.endswith("-title") for anchor in re.findall(r'<h3 id="(stage-[^"]*)"', page))


#: The site-wide pages whose lists repeat what the maps say.
LISTING_PAGES = ("touchpoints/", "verbatims/", "coverage/", "teams/", "briefings/")


def test_a_touchpoint_or_a_verbatim_leads_to_its_map_not_to_the_lists_repeating_it(demo_site, entries):
    """The inventory, the verbatims, the coverage, the teams' pages and briefings list the
    maps' touchpoints and words again: search finds those pages by their titles and
    headings, and each touchpoint and verbatim on its map only."""
    labels = [touchpoint.label for _, _, stage in _places(demo_site) for touchpoint in stage.touchpoints]
    voices = [_plain(verbatim.text)[:60] for _, _, stage in _places(demo_site) for verbatim in stage.verbatims]
    # What changed lately (a new irritant…) is news, said once on each page that shows it.
    listing = [entry for location, entry in entries.items() if location.startswith(LISTING_PAGES) and "#what-changed" not in location]
    for entry in listing:
        text = _plain(entry["title"]) + " " + _plain(entry["text"])
        # A briefing quotes its team's three loudest verbatims: its own words, kept.
        words = labels if entry["location"].startswith("briefings/") else labels + voices
        repeated = [said for said in words if said in text]
        assert not repeated, (entry["location"], repeated[:3])
    titles = {entry["location"].split("#")[0] for entry in listing}
    assert {"touchpoints/", "verbatims/", "coverage/"} <= titles
    assert any(title.startswith("teams/") and title != "teams/" for title in titles)
