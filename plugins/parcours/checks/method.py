"""The method's warnings: what is valid but goes against good mapping practice.

They never stop a normal build; under `--strict` they do, so a team can
choose to hold its maps to the method.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date

from ..model import Journey, Settings
from ..sources.document import SourceDocument
from ..sources.problems import Problem, Severity

# How a stage told in the customer's first person begins, by language.
_FIRST_PERSON = {
    "fr": re.compile(r"^[«\"“ ]*(je|j['’]|on|nous|mon|ma|mes|me|m['’]|moi)\b", re.IGNORECASE),
    "en": re.compile(r"^[\"“ ]*(i|i['’]m|i['’]ve|i['’]ll|my|me|we|our|us)\b", re.IGNORECASE),
}


def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier (clamped to the month's length)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def is_old(collected: date, today: date, max_age_months: int) -> bool:
    """Whether something collected on `collected` is older than the allowed age."""
    return collected < months_before(today, max_age_months)


def method_warnings(doc: SourceDocument, journey: Journey, settings: Settings, language: str, today: date) -> list[Problem]:
    """Every warning about the method for one journey: its freshness, its stages' names and order, its verbatims' age."""
    pattern = _FIRST_PERSON.get(language, _FIRST_PERSON["fr"])
    warnings: list[Problem] = []
    if journey.last_review > today:
        # A review or words dated after the build: a typo, mostly in the year.
        warnings.append(doc.problem("date_in_future", ("last_review",), date=journey.last_review.isoformat()))
    elif is_old(journey.last_review, today, settings.review_max_age_months):
        warnings.append(doc.problem("review_due", ("last_review",), date=journey.last_review.isoformat(), months=settings.review_max_age_months))
    order = settings.kind_phases(journey.kind)
    for base, stages in ((("stages",), journey.stages), (("target", "stages"), journey.target.stages if journey.target else [])):
        previous: str | None = None
        for position, stage in enumerate(stages):
            loc = (*base, position)
            if settings.first_person_check and not pattern.match(stage.name):
                warnings.append(doc.problem("not_first_person", (*loc, "name"), value=stage.name))
            if stage.phase in order and previous in order and order.index(stage.phase) < order.index(previous):
                warnings.append(doc.problem("phase_order", (*loc, "phase"), value=stage.phase, previous=previous))
            if stage.phase in order:
                previous = stage.phase
            for number, verbatim in enumerate(stage.verbatims):
                at = (*loc, "verbatims", number, "date")
                if verbatim.date > today:
                    warnings.append(doc.problem("date_in_future", at, date=verbatim.date.isoformat()))
                elif is_old(verbatim.confirmed or verbatim.date, today, settings.verbatim_max_age_months):
                    warnings.append(doc.problem(
                        "old_verbatim_confirmed" if verbatim.confirmed else "old_verbatim", at,
                        date=(verbatim.confirmed or verbatim.date).isoformat(), months=settings.verbatim_max_age_months, today=today.isoformat(),
                    ))
    return [replace(warning, severity=Severity.WARNING) for warning in warnings]
