"""Figures that would say something else than what the analyst meant.

A KPI measured as a share (satisfaction, conversion, commitments met, or any
indicator in %) written as a fraction: the rule of `model.shares`, which the
shares of stages and touchpoints follow as they are validated.
"""

from __future__ import annotations

from ..model import Journey
from ..model.indicators import Kpi
from ..model.shares import as_percent, is_fraction, written
from ..model.vocabulary import MEASURES
from ..sources.document import SourceDocument
from ..sources.positions import Loc
from ..sources.problems import Problem


def figure_problems(doc: SourceDocument, journey: Journey) -> list[Problem]:
    """Every indicator of a journey, on the journey and on its stages, current and target."""
    problems = _kpis(doc, ("kpis",), journey.kpis)
    for base, stages in ((("stages",), journey.stages), (("target", "stages"), journey.target.stages if journey.target else [])):
        for position, stage in enumerate(stages):
            problems += _kpis(doc, (*base, position, "kpis"), stage.kpis)
    return problems


def is_share(kpi: Kpi) -> bool:
    """An indicator read as a share of customers: by its type, or by its unit."""
    return (kpi.type in MEASURES and MEASURES[kpi.type].share) or (kpi.unit or "").strip() == "%"


def _kpis(doc: SourceDocument, loc: Loc, kpis: list[Kpi]) -> list[Problem]:
    problems = []
    for position, kpi in enumerate(kpis):
        if not is_share(kpi):
            continue
        for field in ("value", "target"):
            number = getattr(kpi, field)
            if number is not None and is_fraction(number):
                problems.append(doc.problem("share_fraction", (*loc, position, field), value=written(number), suggestion=as_percent(number)))
    return problems
