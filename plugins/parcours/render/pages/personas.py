"""The personas' pages: the gallery with its comparison, and each persona's portrait,
posture and journeys, with the emotion curve of each journey as they live it."""

from __future__ import annotations

from typing import Any

from ...analyses.sitemap import source_page
from ...index.entries import Entry
from ...language.translator import Translator
from ...model.vocabulary import ALL_PERSONAS
from ...site import Site
from ..charts.journey import emotion_figure
from ..charts.style import chart_json, persona_positions
from ..files import PageSpec
from ..urls import Urls


def pages(site: Site, translator: Translator, urls: Urls) -> list[PageSpec]:
    index, labels = site.index, translator.labels()
    specs = [
        PageSpec(
            source_page("personas"), "personas_index.html", labels["kinds"]["personas"], labels["index"]["personas_intro"],
            context={"personas": sorted(index.personas.values(), key=lambda e: e.model.name)},
        )
    ]
    for entry in index.personas.values():
        lived = tuple(index.journeys_of_persona.get(entry.id, []))
        specs.append(PageSpec(
            source_page("personas", entry.id), "persona.html", entry.model.name, entry.model.quote, edit_path=entry.rel,
            context={"entry": entry, "persona": entry.model}, journeys=lived,
            drawing=lambda entry=entry, lived=lived: {  # type: ignore[misc]
                "journeys": [_travel(site, index.journeys[jid], entry, translator) for jid in lived],
            },
        ))
    return specs


def _travel(site: Site, journey: Entry, persona: Entry, translator: Translator) -> dict[str, Any]:
    """A journey as one persona lives it: the stages that concern them, their emotion."""
    stages = [stage for stage in journey.model.stages if not stage.personas or persona.id in stage.personas]
    scores = [(stage, (stage.emotion or {}).get(persona.id, (stage.emotion or {}).get(ALL_PERSONAS))) for stage in stages]
    chart = None
    if any(score is not None for _, score in scores):
        figure = emotion_figure(
            stages, [(persona.id, persona.model.name.split(",")[0])], site.settings.emotion_scale, translator, standalone=True,
            positions=persona_positions([persona.id], list(site.index.personas)),
        )
        chart = chart_json(figure)
    return {"entry": journey, "scores": scores, "chart": chart}
