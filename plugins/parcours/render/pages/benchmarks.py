"""The best practices' pages: the library, filtered in the browser, and each sheet."""

from __future__ import annotations

from typing import Any

from ...analyses.sitemap import source_page
from ...index.entries import Index
from ...language.names import slugify
from ...language.translator import Translator
from ...site import Site
from ..files import PageSpec
from ..urls import Urls


def pages(site: Site, translator: Translator, urls: Urls) -> list[PageSpec]:
    index, labels = site.index, translator.labels()
    specs = [
        PageSpec(
            source_page("benchmarks"), "benchmarks_index.html", labels["kinds"]["benchmarks"], labels["index"]["benchmarks_intro"],
            context={
                "benchmarks": sorted(index.benchmarks.values(), key=lambda e: (e.model.company, e.model.title)),
                "filters": benchmark_filters(index),
            },
        )
    ]
    for entry in index.benchmarks.values():
        citing = index.stages_citing.get(entry.id, [])
        specs.append(PageSpec(
            source_page("benchmarks", entry.id), "benchmark.html", entry.model.title, f"{entry.model.company} — {entry.model.title}",
            edit_path=entry.rel, context={"entry": entry, "benchmark": entry.model, "citing": citing},
            journeys=tuple(dict.fromkeys(place.journey for place in citing)),
        ))
    return specs


def benchmark_filters(index: Index) -> dict[str, Any]:
    """The values each filter of the benchmark library offers, from the sheets themselves."""
    sheets = [entry.model for entry in index.benchmarks.values()]

    def distinct(values: Any) -> list[tuple[str, str]]:
        return sorted({slugify(value): value for value in values}.items(), key=lambda item: item[1].casefold())

    used_channels = {channel for sheet in sheets for channel in sheet.channels}
    return {
        "phases": [phase for phase in index.settings.phase_ids() if any(sheet.phase == phase for sheet in sheets)],
        "stages": distinct(sheet.stage for sheet in sheets),
        "channels": [channel for channel in index.settings.channel_ids() if channel in used_channels],
        "sectors": distinct(sheet.sector for sheet in sheets),
        "companies": distinct(sheet.company for sheet in sheets),
    }
