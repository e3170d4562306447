"""Coverage: what the diagnosis found and no action answers yet.

Irritants and ruptures no solution addresses, moments of truth with no
indicator, solutions that address nothing, target promises no solution
delivers. Shown on `/coverage/`; warnings in `parcours check`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..index.entries import Index
from ..model.vocabulary import PAIN_POINTS, RUPTURE
from ..sources.positions import Loc
from ..sources.problems import Problem, Severity
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


KINDS = ("unaddressed", "mot_without_kpi", "solution_empty", "promise_undelivered")


def coverage(index: Index) -> list[Finding]:
    findings: list[Finding] = []
    for journey_id, entry in sorted(index.journeys.items()):
        doc = entry.doc
        for place in index.stages(journey_id, "current"):
            stage = place.stage
            stage_addressed = bool(index.solutions_addressing.get((journey_id, stage.id, None)))
            for position, touchpoint in enumerate(stage.touchpoints):
                if touchpoint.qualification not in PAIN_POINTS:
                    continue
                if stage_addressed or index.solutions_addressing.get((journey_id, stage.id, touchpoint.key)):
                    continue
                loc: Loc = (*place.loc, "touchpoints", position, "qualification")
                code = "coverage_unaddressed_rupture" if touchpoint.qualification == RUPTURE else "coverage_unaddressed"
                problem = doc.problem(code, loc, value=touchpoint.label)
                findings.append(Finding("unaddressed", journey_id, "current", stage.id, touchpoint.key, None, touchpoint.label, touchpoint.qualification, problem))
            if stage.moment_of_truth and not stage.kpis:
                problem = doc.problem("coverage_mot_without_kpi", (*place.loc, "moment_of_truth"), value=stage.name)
                findings.append(Finding("mot_without_kpi", journey_id, "current", stage.id, None, None, stage.name, None, problem))
        for place in index.stages(journey_id, "target"):
            if place.stage.promise and not index.solutions_delivering.get((journey_id, place.stage.id)):
                problem = doc.problem("coverage_promise_undelivered", (*place.loc, "promise"), value=place.stage.name)
                findings.append(Finding("promise_undelivered", journey_id, "target", place.stage.id, None, None, place.stage.name, None, problem))
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
