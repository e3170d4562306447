"""Coverage: what the diagnosis found and no action answers yet.

Irritants and ruptures no solution addresses, touchpoints missing or
redundant that no solution addresses, moments of truth with no indicator or
that nobody listens to, listening devices whose last result is late,
solutions that address nothing, target promises no solution delivers.
Shown on `/coverage/`; warnings in `parcours check`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ..index.entries import Index
from ..model.vocabulary import FREQUENCIES, GAPS, IRRITANT, MISSING, PAIN_POINTS, REDUNDANT, RUPTURE
from ..sources.positions import Loc
from ..sources.problems import Problem, Severity
from .listening import listening_plan, unlistened
from .prioritisation import unscored


@dataclass(frozen=True)
class Finding:
    """One gap, where it is (journey, state, stage, touchpoint or solution), and its problem."""

    kind: str
    journey: str | None
    state: str
    stage: str | None
    touchpoint: str | None
    solution: str | None
    label: str
    qualification: str | None
    problem: Problem


KINDS = (
    "unaddressed", "gaps_unaddressed", "mot_without_kpi", "mot_unlistened", "listening_late", "solution_empty", "promise_undelivered",
)
#: The message of a touchpoint no solution addresses, by its qualification.
UNADDRESSED_CODES = {
    IRRITANT: "coverage_unaddressed",
    RUPTURE: "coverage_unaddressed_rupture",
    MISSING: "coverage_unaddressed_missing",
    REDUNDANT: "coverage_unaddressed_redundant",
}


def coverage(index: Index, today: date) -> list[Finding]:
    findings: list[Finding] = []
    unheard = {(place.journey, place.stage.id) for place in unlistened(index)}
    for journey_id, entry in sorted(index.journeys.items()):
        doc = entry.doc
        for place in index.stages(journey_id, "current"):
            stage = place.stage
            stage_addressed = bool(index.solutions_addressing.get((journey_id, stage.id, None)))
            for position, touchpoint in enumerate(stage.touchpoints):
                if touchpoint.qualification not in GAPS:
                    continue
                if stage_addressed or index.solutions_addressing.get((journey_id, stage.id, touchpoint.key)):
                    continue
                loc: Loc = (*place.loc, "touchpoints", position, "qualification")
                problem = doc.problem(UNADDRESSED_CODES[touchpoint.qualification], loc, value=touchpoint.label)
                kind = "unaddressed" if touchpoint.qualification in PAIN_POINTS else "gaps_unaddressed"
                findings.append(Finding(kind, journey_id, "current", stage.id, touchpoint.key, None, touchpoint.label, touchpoint.qualification, problem))
            if stage.moment_of_truth and not stage.kpis:
                problem = doc.problem("coverage_mot_without_kpi", (*place.loc, "moment_of_truth"), value=stage.name)
                findings.append(Finding("mot_without_kpi", journey_id, "current", stage.id, None, None, stage.name, None, problem))
            if (journey_id, stage.id) in unheard:
                problem = doc.problem("coverage_mot_unlistened", (*place.loc, "moment_of_truth"), key=True, value=stage.name)
                findings.append(Finding("mot_unlistened", journey_id, "current", stage.id, None, None, stage.name, None, problem))
        for place in index.stages(journey_id, "target"):
            if place.stage.promise and not index.solutions_delivering.get((journey_id, place.stage.id)):
                problem = doc.problem("coverage_promise_undelivered", (*place.loc, "promise"), value=place.stage.name)
                findings.append(Finding("promise_undelivered", journey_id, "target", place.stage.id, None, None, place.stage.name, None, problem))
    for listening in listening_plan(index, today):
        if listening.late and listening.device.last_result is not None:
            place, device = listening.place, listening.device
            loc = (*place.loc, "listening", listening.position, "last_result", "date")
            problem = index.journeys[place.journey].doc.problem(
                "coverage_listening_stale", loc, value=device.name, date=device.last_result.date.isoformat(), days=FREQUENCIES[device.frequency].days,
            )
            findings.append(Finding("listening_late", place.journey, place.state, place.stage.id, None, None, device.name, None, problem))
    for solution_id, entry in sorted(index.solutions.items()):
        if not entry.model.addresses:
            problem = entry.doc.problem("coverage_solution_empty", ("title",))
            findings.append(Finding("solution_empty", None, "current", None, None, solution_id, entry.model.title, None, problem))
    return findings


def coverage_warnings(index: Index, findings: list[Finding]) -> list[Problem]:
    """The findings as warnings for `parcours check`, plus unscored criteria."""
    warnings = [finding.problem for finding in findings]
    for entry in index.solutions.values():
        missing = unscored(entry.model, index.settings)
        if missing:
            warnings.append(entry.doc.problem("score_missing", ("scores",), key=True, known=missing))
    return [replace(warning, severity=Severity.WARNING) for warning in warnings]
