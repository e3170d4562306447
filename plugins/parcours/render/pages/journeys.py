"""The journeys' pages: the list of journeys, and each journey's map.

The template draws; this module decides: which lanes have data, which
channels appear, where the blocking point and the lowest stage are, what
each chart and each stage's trends show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from babel.lists import format_list
from markupsafe import Markup

from ...analyses.comparison import Comparison, compare, emotion_of
from ...analyses.evidence import JourneyEvidence
from ...analyses.figures import phase_groups, stage_counts
from ...analyses.flow import Flow
from ...analyses.insights import Insights
from ...analyses.sitemap import source_page
from ...checks.method import is_old
from ...index.entries import Entry, Index
from ...language.translator import Translator
from ...model import Journey, Stage
from ...model.site_words import phase_label
from ...model.vocabulary import ALL_PERSONAS, MEASURES, VOLUME
from ...site import Site
from .. import formats
from ..charts.journey import emotion_figure, funnel_figure
from ..charts.map_svg import Drawing, funnel_drawing
from ..charts.overview import MARKERS, Curve, current_curve, target_curve
from ..charts.style import chart_json, persona_positions, persona_style
from ..charts.trends import measure_trend_figure, trend_figure
from ..files import PageSpec
from ..material import WIDE_PAGE
from ..urls import Urls

#: Lanes of the map, in reading order, and the stage field that feeds each.
LANES = (
    "actions",
    "touchpoints",
    "satisfaction",
    "conversion",
    "flow",
    "emotion",
    "expectations",
    "qualified",
    "best_practices",
    "employee_experience",
    "promise",
    "listening",
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
    flow: Flow
    charts: dict[str, Markup] = field(default_factory=dict)
    #: The overview's figures: each stage's counted qualifications, and the emotion curves.
    counts: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    curve: Curve | None = None
    #: On the target journey: what each of its stages replaces today.
    comparison: Comparison | None = None
    #: The detailed map's funnel drawn by the page, for first paint and print (`charts/map_svg.py`;
    #: its emotion chart draws `curve`, as the overview does).
    drawings: dict[str, Drawing] = field(default_factory=dict)


@dataclass
class PersonaView:
    """A persona as the map names it: short name, and its curve's glyph and colour."""

    id: str
    name: str
    short: str
    glyph: str
    colour: str


def pages(site: Site, translator: Translator, urls: Urls) -> list[PageSpec]:
    index, labels = site.index, translator.labels()
    figures = site.analyses.figures
    specs = [
        PageSpec(
            source_page("journeys"), "journeys_index.html", labels["kinds"]["journeys"], labels["index"]["journeys_intro"],
            context={"journeys": sorted(index.journeys.values(), key=lambda e: e.model.title), "figures": figures},
        )
    ]
    for entry in index.journeys.values():
        specs.append(PageSpec(
            source_page("journeys", entry.id), "journey.html", entry.model.title, entry.model.summary,
            edit_path=entry.rel, meta=WIDE_PAGE, journeys=(entry.id,),
            context={"entry": entry, "journey": entry.model, "figures": figures[entry.id]},
            drawing=lambda entry=entry: {  # type: ignore[misc]
                "review_due": is_old(entry.model.last_review, site.today, site.settings.review_max_age_months),
                "changes": site.analyses.changes.for_journey(entry.id),
                **journey_view(entry, site, translator),
            },
        ))
    return specs


def _has(stages: list[Stage], lane: str, solutions: dict[str, list[str]]) -> bool:
    if lane == "qualified":
        return any(s.verbatims or any(t.qualification for t in s.touchpoints) for s in stages)
    if lane == "solutions":
        return any(solutions.get(s.id) for s in stages)
    if lane == "promise":
        return any(s.promise for s in stages)
    if lane == "flow":
        return Flow(stages).branches
    if lane == "listening":
        return any(s.listening or s.moment_of_truth for s in stages)
    return any(getattr(stage, lane) not in (None, [], {}) for stage in stages)


def journey_view(entry: Entry[Journey], site: Site, translator: Translator) -> dict[str, Any]:
    index, settings = site.index, site.settings
    journey = entry.model
    positions = persona_positions(journey.personas, list(index.personas))
    personas = []
    for pid in journey.personas:
        style = persona_style(positions[pid])
        personas.append(PersonaView(pid, _name(index, pid), _name(index, pid).split(",")[0].strip(), style.glyph, style.colour))
    order = settings.channel_ids()
    states = []
    trends: dict[tuple[str, str], dict[str, Any]] = {}
    for state in ("current", "target"):
        stages = [place.stage for place in index.stages(entry.id, state)]
        if not stages:
            continue
        if state == "current":
            solutions = {s.id: index.solutions_addressing_stage(entry.id, s.id) for s in stages}
        else:
            solutions = {s.id: index.solutions_delivering.get((entry.id, s.id), []) for s in stages}
        used = {t.channel for s in stages for t in s.touchpoints}
        insights = site.analyses.insights(entry.id, state)
        view = StateView(
            state=state,
            stages=stages,
            groups=phase_groups(stages),
            channels=[c for c in order if c in used],
            lanes=[lane for lane in LANES if _has(stages, lane, solutions)],
            insights=insights,
            lowest=insights.lowest_stage.id if insights.lowest_stage else None,
            blocking=insights.blocking_stage.id if insights.blocking_stage else None,
            solutions=solutions,
            flow=Flow(stages),
        )
        if any(stage.touchpoints for stage in stages):  # a target drawn without touchpoints counts none, rather than zeros
            view.counts = {stage.id: stage_counts(stage) for stage in stages}
        named = [(p.id, p.short) for p in personas]
        if state == "current":
            view.curve = current_curve(stages, named, positions, settings.emotion_scale, translator)
        else:
            view.comparison = compare(states[0].stages if states else [], stages)
            view.curve = target_curve(view.comparison, named, positions, settings.emotion_scale, translator)
        if "emotion" in view.lanes:
            view.charts["emotion"] = chart_json(emotion_figure(stages, named, settings.emotion_scale, translator, positions=positions))
        if any(s.volume is not None for s in stages):
            view.charts["funnel"] = chart_json(funnel_figure(stages, insights.blocking_stage, translator))
            view.drawings["funnel"] = funnel_drawing(stages, insights.blocking_stage, translator)
        states.append(view)
        for stage in stages:
            trend = stage_trend(entry, state, stage, translator)
            if trend:
                trends[(state, stage.id)] = trend
    used = {c for view in states for c in view.channels}
    prospects = [phase_label(settings, translator, phase).lower() for phase in settings.prospect_phases_of(journey.kind)]
    late = {(row.place.state, row.place.stage.id, row.position) for row in site.analyses.listening if row.journey == entry.id and row.late}
    return {
        "late_devices": late,
        "prospect_phases": format_list(prospects, locale=translator.language) if prospects else "",
        "evidence": JourneyEvidence(journey, entry.data),
        "states": states,
        "all_channels": [c for c in order if c in used],
        "personas": personas,
        "emotion_keys": [p.id for p in personas] or [ALL_PERSONAS],
        "trends": trends,
        "emotion_of": emotion_of,
        "markers": MARKERS,
    }


def stage_trend(entry: Entry[Journey], state: str, stage: Stage, translator: Translator) -> dict[str, Any] | None:
    """A stage's measures over time, from its journey's data files: charts and table."""
    data = entry.data
    if data is None:
        return None
    series = data.for_stage(state, stage.id)
    if not series:
        return None
    labels = translator.labels()["measure"]
    language = translator.language
    periods = sorted({point.period for one in series for point in one.points})
    columns = []
    for one in sorted(series, key=lambda s: (s.touchpoint or "", s.measure)):
        label = labels.get(one.measure, one.measure)
        if one.touchpoint:
            touchpoint = next((t for t in stage.touchpoints if t.key == one.touchpoint), None)
            label = f"{label} — {touchpoint.label if touchpoint else one.touchpoint}"
        values = {point.period: point.value for point in one.points}
        share = MEASURES[one.measure].share
        columns.append((label, [formats.percent(values[p], language) if share and p in values else formats.number(values.get(p), language) for p in periods]))
    charts = []
    if len(periods) > 1:
        own = [one for one in series if one.touchpoint is None]
        shares = [one for one in own if one.measure == VOLUME or MEASURES[one.measure].share]
        commitment = stage.promise.commitment if stage.promise and stage.promise.commitment else None
        if shares:
            charts.append(chart_json(trend_figure(shares, commitment.met_target if commitment else None, translator)))
        charts += [chart_json(measure_trend_figure(one, translator)) for one in own if one not in shares and len(one.points) > 1]
    return {
        "charts": charts,
        "measures": [{"label": label} for label, _ in columns],
        "rows": [(period, [values[i] for _, values in columns]) for i, period in enumerate(periods)],
    }


def _name(index: Index, persona_id: str) -> str:
    entry = index.personas.get(persona_id)
    return entry.model.name if entry else persona_id
