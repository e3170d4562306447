"""The touchpoint inventory: every stage × channel, quantified, linking to its map."""

from __future__ import annotations

import re
from html import unescape

from parcours.analyses.inventory import touchpoint_inventory
from parcours.model import Settings
from parcours.site import load_site


def test_inventory_rows_are_stage_by_channel_with_monthly_volumes(site):
    site.replace(
        "journeys/remboursement.yml",
        "        volume: 3600\n",
        "        volume: 36000\n        volume_period: year\n",
    )
    inventory = touchpoint_inventory(load_site(site.root, Settings()).index)
    rows = {(row.stage, row.channel): row for row in inventory.rows}
    assert set(rows) == {
        ("je-consulte", "conseiller"),
        ("j-envoie-ma-facture", "courrier"),
        ("j-envoie-ma-facture", "application"),
    }
    application = rows[("j-envoie-ma-facture", "application")]
    assert round(application.tally.volume) == 3000  # 36 000 a year, per month
    assert application.share == round(100 * 3000 / (3000 + 2400), 1)
    assert rows[("j-envoie-ma-facture", "courrier")].tally.qualifications["irritant"] == 1
    assert inventory.channel_share("courrier") == round(100 * 2400 / (9000 + 2400 + 3000), 1)


def test_inventory_page_links_every_row_to_its_place_on_the_map(minimal_build):
    html = minimal_build.html("touchpoints/")
    rows = re.findall(r'<tr data-filter-item data-journey="([a-z-]+)" data-channel="([a-z-]+)">(.*?)</tr>', html, re.S)
    assert len(rows) == 3
    for journey, channel, row in rows:
        assert journey == "remboursement"
        assert re.search(r'href="\.\./journeys/remboursement/#stage-[a-z-]+"', row)
    courrier = next(row for _, channel, row in rows if channel == "courrier")
    assert "Envoi de la facture par la poste" in unescape(courrier)
    assert "2\u202f400" in courrier and ">irritant<" in courrier
    # Filters exist for the script, hidden until it runs.
    assert '<select data-filter="journey">' in html and '<select data-filter="channel">' in html
