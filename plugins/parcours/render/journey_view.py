"""What the journey map template needs, prepared once per journey state.

The template draws; this module decides: which lanes have data, which
channels appear, where the blocking point and the lowest stage are, what
each chart shows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from ..figures import phase_groups
from ..i18n import Translator
from ..index import Entry, Index
from ..insights import Insights, journey_insights
from ..model import Journey, Stage
from ..model.journey import ALL_PERSONAS
from ..settings import Settings

from .charts import COLOURS, emotion_figure, funnel_figure, persona_positions, persona_style

#: Lanes of the map, in reading order, and the stage field that feeds each.
LANES = (
    "actions",
    "touchpoints",
    "satisfaction",
    "conversion",
    "emotion",
    "expectations",
    "qualified",
    "best_practices",
    "employee_experience",
    "promise",
    "solutions",
)


@dataclass
class StateView:
    """One state of a journey (current or target) as the map draws it."""

    state: str
    stages: list[Stage]
    groups: list[tuple[str, list[tuple[int, Stage]]]]
    channels: list[str]
    lanes: list[str]
    insights: Insights
    lowest: str | None
    blocking: str | None
    solutions: dict[str, list[str]]
    charts: dict[str, Markup] = field(default_factory=dict)


@dataclass
class PersonaView:
    """A persona as the map names it: short name, and its series' glyph (as on the curve)."""

    id: str
    name: str
    short: str
    glyph: str
    series: int


def _has(stages: list[Stage], lane: str, solutions: dict[str, list[str]]) -> bool:
    if lane == "qualified":
        return any(s.verbatims or any(t.qualification for t in s.touchpoints) for s in stages)
    if lane == "solutions":
        return any(solutions.get(s.id) for s in stages)
    if lane == "promise":
        return any(s.promise for s in stages)
    return any(getattr(stage, lane) not in (None, [], {}) for stage in stages)


def chart_json(figure: dict[str, Any]) -> Markup:
    """Figure JSON as the text of a `<template>`: inert, never run as a script
    (instant navigation re-runs a page's scripts), with no `<`, `>` or `&`."""
    text = json.dumps(figure, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def journey_view(entry: Entry[Journey], index: Index, settings: Settings, translator: Translator) -> dict[str, Any]:
    journey = entry.model
    positions = persona_positions(journey.personas, list(index.personas))
    personas = [
        PersonaView(pid, _name(index, pid), _name(index, pid).split(",")[0].strip(), persona_style(positions[pid])["glyph"], positions[pid] % len(COLOURS))
        for pid in journey.personas
    ]
    order = settings.channel_ids()
    states = []
    for state in ("current", "target"):
        stages = journey.stages if state == "current" else (journey.target.stages if journey.target else [])
        if not stages:
            continue
        if state == "current":
            solutions = {s.id: index.solutions_addressing_stage(entry.id, s.id) for s in stages}
        else:
            solutions = {s.id: index.solutions_delivering.get((entry.id, s.id), []) for s in stages}
        used = {t.channel for s in stages for t in s.touchpoints}
        insights = journey_insights(stages)
        view = StateView(
            state=state,
            stages=stages,
            groups=phase_groups(journey.kind, stages),
            channels=[c for c in order if c in used],
            lanes=[lane for lane in LANES if _has(stages, lane, solutions)],
            insights=insights,
            lowest=insights.lowest_stage.id if insights.lowest_stage else None,
            blocking=insights.blocking_stage.id if insights.blocking_stage else None,
            solutions=solutions,
        )
        if "emotion" in view.lanes:
            view.charts["emotion"] = chart_json(
                emotion_figure(stages, [(p.id, p.short) for p in personas], settings.emotion_scale, translator, positions=positions)
            )
        if any(s.volume is not None for s in stages):
            view.charts["funnel"] = chart_json(funnel_figure(stages, insights.blocking_stage, translator))
        states.append(view)
    used = {c for view in states for c in view.channels}
    return {
        "states": states,
        "all_channels": [c for c in order if c in used],
        "personas": personas,
        "emotion_keys": [p.id for p in personas] or [ALL_PERSONAS],
    }


def _name(index: Index, persona_id: str) -> str:
    entry = index.personas.get(persona_id)
    return entry.model.name if entry else persona_id
