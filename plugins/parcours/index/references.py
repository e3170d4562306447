"""Checks that no single file can make: a persona a journey names, a stage a
solution addresses. Each reference found is recorded both ways, so that
each page can show who points at it."""

from __future__ import annotations

from ..language.names import closest
from ..model import Journey, Settings, Solution, Stage
from ..model.settings import DEFAULT_CRITERIA
from ..model.vocabulary import ALL_PERSONAS, DONE
from ..sources.document import SourceDocument
from ..sources.positions import Loc
from ..sources.problems import Problem
from .entries import Entry, Index, SessionTopic, StagePlace
from .media import register_clip, register_media

DEFAULT_CRITERION_IDS = {criterion for criterion, *_ in DEFAULT_CRITERIA}


def build_index(entries: list[Entry], settings: Settings, broken: dict[str, set[str]] | None = None) -> tuple[Index, list[Problem]]:
    """Index valid sources and check every reference between them."""
    index = Index(settings=settings, broken=broken or {})
    problems: list[Problem] = []
    for entry in entries:
        index.entries(entry.kind.name)[entry.id] = entry
    for entry in entries:
        problems.extend(_check_identity(entry))
    for journey in index.journeys.values():
        problems.extend(_check_journey(index, journey))
    for persona in index.personas.values():
        problems.extend(register_media(index, persona, ("portrait",), persona.model.portrait, "image"))
        problems.extend(register_clip(index, persona, ("video",), persona.model.video))
    for benchmark in index.benchmarks.values():
        for position, shot in enumerate(benchmark.model.screenshots):
            problems.extend(register_media(index, benchmark, ("screenshots", position, "file"), shot.file, "image"))
    for solution in index.solutions.values():
        problems.extend(_check_solution(index, solution))
    for journey in index.journeys.values():
        for state in ("current", "target"):
            for place in index.stages(journey.id, state):
                for benchmark in place.stage.best_practices:
                    if benchmark in index.benchmarks:
                        index.stages_citing[benchmark].append(place)
        for persona in journey.model.personas:
            if persona in index.personas:
                index.journeys_of_persona[persona].append(journey.id)
    return index, problems


def _check_identity(entry: Entry) -> list[Problem]:
    written = getattr(entry.model, "id", None)
    if written and written != entry.id:
        return [entry.doc.problem("id_mismatch", ("id",), value=written, stem=entry.id)]
    return []


def _check_journey(index: Index, entry: Entry[Journey]) -> list[Problem]:
    journey = entry.model
    doc = entry.doc
    problems: list[Problem] = []
    known_personas = sorted(index.personas)
    unknown_in_list = False
    for position, persona in enumerate(journey.personas):
        if persona not in index.personas and not index.is_broken("persona", persona):
            unknown_in_list = True
            problems.append(
                doc.problem("unknown_persona", ("personas", position), value=persona, suggestion=closest(persona, known_personas), known=known_personas)
            )

    def persona_ref(loc: Loc, persona: str) -> None:
        """A persona named inside the journey must be one of the journey's."""
        if index.is_broken("persona", persona):
            return
        if persona not in index.personas:
            problems.append(doc.problem("unknown_persona", loc, value=persona, suggestion=closest(persona, known_personas), known=known_personas))
        elif persona not in journey.personas and not unknown_in_list:
            # When the journey's own list has a mistake, that one line is the fix.
            problems.append(doc.problem("persona_not_in_journey", loc, value=persona))

    phases = index.settings.kind_phases(journey.kind)
    for state in ("current", "target"):
        seen_stages: dict[str, int] = {}
        for place in index.stages(entry.id, state):
            stage, loc = place.stage, place.loc
            if stage.id in seen_stages:
                first = doc.position((*_state_loc(state), seen_stages[stage.id], "id"))
                problems.append(doc.problem("duplicate_stage", (*loc, "id"), value=stage.id, first_line=first.line if first else "?"))
            else:
                seen_stages[stage.id] = place.index
            if stage.phase not in phases:
                problems.append(
                    doc.problem(
                        "phase_for_kind",
                        (*loc, "phase"),
                        value=stage.phase,
                        kind=journey.kind,
                        known=list(phases),
                    )
                )
            for position, persona in enumerate(stage.personas):
                persona_ref((*loc, "personas", position), persona)
            for persona in (stage.emotion or {}):
                if persona != ALL_PERSONAS:
                    persona_ref((*loc, "emotion", persona), persona)
            problems.extend(_check_touchpoints(doc, loc, stage, persona_ref))
            problems.extend(_check_next(doc, loc, stage, [place.stage.id for place in index.stages(entry.id, state)]))
            if state == "target":
                problems.extend(_check_replaces(index, entry, place))
            known_benchmarks = sorted(index.benchmarks)
            for position, benchmark in enumerate(stage.best_practices):
                if benchmark not in index.benchmarks and not index.is_broken("benchmark", benchmark):
                    problems.append(
                        doc.problem(
                            "unknown_benchmark",
                            (*loc, "best_practices", position),
                            value=benchmark,
                            suggestion=closest(benchmark, known_benchmarks),
                            known=known_benchmarks,
                        )
                    )
            keys = [touchpoint.key for touchpoint in stage.touchpoints]
            for position, verbatim in enumerate(stage.verbatims):
                vloc = (*loc, "verbatims", position)
                if verbatim.persona:
                    persona_ref((*vloc, "persona"), verbatim.persona)
                if verbatim.touchpoint and verbatim.touchpoint not in keys:
                    problems.append(
                        doc.problem("unknown_touchpoint", (*vloc, "touchpoint"), value=verbatim.touchpoint, suggestion=closest(verbatim.touchpoint, keys), known=keys)
                    )
                problems.extend(register_clip(index, entry, (*vloc, "clip"), verbatim.clip))
    return problems


def _state_loc(state: str) -> Loc:
    return ("stages",) if state == "current" else ("target", "stages")


def _check_touchpoints(doc: SourceDocument, loc: Loc, stage: Stage, persona_ref) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for position, touchpoint in enumerate(stage.touchpoints):
        tloc = (*loc, "touchpoints", position)
        key = touchpoint.key
        if key in seen:
            first = doc.position((*loc, "touchpoints", seen[key]))
            problems.append(
                doc.problem("duplicate_touchpoint", (*tloc, "id" if touchpoint.id else "channel"), value=key, first_line=first.line if first else "?")
            )
        else:
            seen[key] = position
        for index, persona in enumerate(touchpoint.personas):
            persona_ref((*tloc, "personas", index), persona)
        if touchpoint.previously is not None and touchpoint.since is None:
            # "What changed" dates a solved irritant by the day its qualification changed.
            problems.append(doc.problem("previously_without_since", (*tloc, "previously"), value=touchpoint.previously))
    keys = [touchpoint.key for touchpoint in stage.touchpoints]
    wholes = {touchpoint.key: touchpoint.part_of for touchpoint in stage.touchpoints}
    for position, touchpoint in enumerate(stage.touchpoints):
        if touchpoint.part_of is None:
            continue
        at = (*loc, "touchpoints", position, "part_of")
        others = [key for key in keys if key != touchpoint.key]
        if touchpoint.part_of not in others:
            problems.append(doc.problem("unknown_touchpoint", at, value=touchpoint.part_of, suggestion=closest(touchpoint.part_of, others), known=others))
        elif _loops(touchpoint.key, wholes):
            problems.append(doc.problem("part_of_loop", at, value=touchpoint.part_of))
    return problems


def _loops(key: str, wholes: dict[str, str | None]) -> bool:
    """Whether following `part_of` from a touchpoint comes back to it."""
    seen, current = {key}, wholes.get(key)
    while current is not None:
        if current in seen:
            return True
        seen.add(current)
        current = wholes.get(current)
    return False


def _check_next(doc: SourceDocument, loc: Loc, stage: Stage, stage_ids: list[str]) -> list[Problem]:
    """Where customers go after a stage: stages of the same journey state, shares within 100 %."""
    problems: list[Problem] = []
    others = [stage_id for stage_id in stage_ids if stage_id != stage.id]
    for position, transition in enumerate(stage.next):
        if transition.stage not in others:
            problems.append(doc.problem(
                "unknown_next_stage", (*loc, "next", position, "stage"), value=transition.stage,
                suggestion=closest(transition.stage, others), known=others,
            ))
    total = sum(transition.share or 0 for transition in stage.next)
    if total > 100:
        problems.append(doc.problem("next_shares_over", (*loc, "next"), total=round(total, 1)))
    return problems


def _check_replaces(index: Index, entry: Entry[Journey], place: StagePlace) -> list[Problem]:
    """A target stage replaces stages of the current journey: each must be one, and is linked back to it."""
    problems: list[Problem] = []
    current = [other.stage.id for other in index.stages(entry.id, "current")]
    for position, stage_id in enumerate(getattr(place.stage, "replaces", [])):
        if stage_id not in current:
            problems.append(entry.doc.problem(
                "unknown_replaced_stage", (*place.loc, "replaces", position), value=stage_id,
                suggestion=closest(stage_id, current), known=current,
            ))
        elif place.stage.id not in index.replaced_by[(entry.id, stage_id)]:
            index.replaced_by[(entry.id, stage_id)].append(place.stage.id)
    return problems


def _check_solution(index: Index, entry: Entry[Solution]) -> list[Problem]:
    solution = entry.model
    doc = entry.doc
    problems: list[Problem] = []
    journeys = sorted(index.journeys)
    for position, reference in enumerate(solution.addresses):
        loc = ("addresses", position)
        journey_id, stage_id, *rest = reference.split("/")
        touchpoint_id = rest[0] if rest else None
        if index.is_broken("journey", journey_id):
            continue
        if journey_id not in index.journeys:
            problems.append(doc.problem("unknown_journey", loc, value=journey_id, suggestion=closest(journey_id, journeys), known=journeys))
            continue
        stages = {place.stage.id: place.stage for place in index.stages(journey_id)}
        if stage_id not in stages:
            problems.append(
                doc.problem("unknown_stage", loc, value=stage_id, journey=journey_id, suggestion=closest(stage_id, list(stages)), known=list(stages))
            )
            continue
        if touchpoint_id is not None:
            keys = [touchpoint.key for touchpoint in stages[stage_id].touchpoints]
            if touchpoint_id not in keys:
                problems.append(doc.problem("unknown_touchpoint", loc, value=touchpoint_id, suggestion=closest(touchpoint_id, keys), known=keys))
                continue
        index.solutions_addressing[(journey_id, stage_id, touchpoint_id)].append(entry.id)
    for position, reference in enumerate(solution.delivers):
        loc = ("delivers", position)
        journey_id, stage_id, *_ = reference.split("/")
        if index.is_broken("journey", journey_id):
            continue
        if journey_id not in index.journeys:
            problems.append(doc.problem("unknown_journey", loc, value=journey_id, suggestion=closest(journey_id, journeys), known=journeys))
            continue
        if index.journeys[journey_id].model.target is None:
            problems.append(doc.problem("no_target_state", loc, journey=journey_id))
            continue
        targets = [place.stage.id for place in index.stages(journey_id, "target")]
        if stage_id not in targets:
            problems.append(
                doc.problem("unknown_target_stage", loc, value=stage_id, journey=journey_id, suggestion=closest(stage_id, targets), known=targets)
            )
            continue
        index.solutions_delivering[(journey_id, stage_id)].append(entry.id)
    criteria = index.settings.criterion_ids()
    computed = set(criteria) - set(index.settings.scored_criterion_ids())
    for criterion in solution.scores:
        if criterion in computed:
            problems.append(doc.problem("score_computed", ("scores", criterion), key=True, value=criterion))
        elif criterion not in criteria:
            # A default criterion missing from a customised list: more likely a typo in mkdocs.yml
            # than in every sheet; say where the list comes from.
            code = "unknown_criterion_config" if criterion in DEFAULT_CRITERION_IDS else "unknown_criterion"
            suggestion = closest(criterion, criteria) if code == "unknown_criterion" else None
            problems.append(
                doc.problem(code, ("scores", criterion), key=True, value=criterion, suggestion=suggestion, known=criteria)
            )
    if solution.delivered is not None and solution.status != DONE:
        problems.append(doc.problem("delivered_not_done", ("delivered",), value=solution.status))
    if solution.timeline and solution.timeline.end < solution.timeline.start:
        problems.append(
            doc.problem("timeline_order", ("timeline", "end"), start=solution.timeline.start.isoformat(), end=solution.timeline.end.isoformat())
        )
    return problems


def check_committees(index: Index, entry: Entry) -> list[Problem]:
    """The committees' topics name stages and solutions that exist; each is recorded
    on the stage's and the solution's side, for their pages to show the sessions."""
    doc, problems = entry.doc, []
    solutions = sorted(index.solutions)
    seen: dict[str, int] = {}
    for number, committee in enumerate(entry.model.committees):
        if committee.id in seen:
            first = doc.position(("committees", seen[committee.id], "id"))
            problems.append(doc.problem("duplicate_committee", ("committees", number, "id"), value=committee.id, first_line=first.line if first else "?"))
        seen.setdefault(committee.id, number)
        for session_number, session in enumerate(committee.sessions):
            for topic_number, topic in enumerate(session.topics):
                loc = ("committees", number, "sessions", session_number, "topics", topic_number)
                about = SessionTopic(committee, session, topic)
                for position, reference in enumerate(topic.stages):
                    place = _topic_stage(index, doc, (*loc, "stages", position), reference, problems)
                    if place is not None and about not in index.topics_about_stage[place]:
                        index.topics_about_stage[place].append(about)
                for position, solution_id in enumerate(topic.solutions):
                    if solution_id in index.solutions:
                        index.topics_about_solution[solution_id].append(about)
                    elif not index.is_broken("solution", solution_id):
                        problems.append(doc.problem(
                            "unknown_solution", (*loc, "solutions", position), value=solution_id,
                            suggestion=closest(solution_id, solutions), known=solutions,
                        ))
    return problems


def _topic_stage(index: Index, doc: SourceDocument, loc: Loc, reference: str, problems: list[Problem]) -> tuple[str, str] | None:
    """The `(journey, stage)` a topic names, current or target, or its problem."""
    journey_id, stage_id, *rest = reference.split("/")
    if index.is_broken("journey", journey_id):
        return None
    journeys = sorted(index.journeys)
    if journey_id not in index.journeys:
        problems.append(doc.problem("unknown_journey", loc, value=journey_id, suggestion=closest(journey_id, journeys), known=journeys))
        return None
    stages = {place.stage.id: place.stage for state in ("current", "target") for place in index.stages(journey_id, state)}
    if stage_id not in stages:
        problems.append(doc.problem("unknown_stage", loc, value=stage_id, journey=journey_id, suggestion=closest(stage_id, list(stages)), known=list(stages)))
        return None
    keys = [touchpoint.key for touchpoint in stages[stage_id].touchpoints]
    if rest and rest[0] not in keys:
        problems.append(doc.problem("unknown_touchpoint", loc, value=rest[0], suggestion=closest(rest[0], keys), known=keys))
        return None
    return journey_id, stage_id
