"""What changed: each stage's satisfaction and conversion, irritants new and
solved, solutions delivered, commitments met or missed.

Two ways of asking, one answer's shape:

- **since a date** (a journey's last review, or a day the reader picks): the
  figures come from the reporting exports' series, the value known on that
  day (the last period ended by then) against the latest; irritants from the
  touchpoints' dated qualifications (`since`, and `previously` for one that
  changed); deliveries from the solutions' `delivered` date. Every change is
  computed once per build with the dates for which it holds (`Window`): the
  page shows those that hold for the reader's date, without asking the build
  again. The sources' own dates, not their git history, say when: they hold
  in an archive as in a clone, and an analyst can date a finding made before
  it was written down.
- **between two versions of the sources** (a pull request against its base):
  the same changes, read from both indexes (`compared`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Iterator

from ..language.names import slugify
from ..model import Stage
from ..model.vocabulary import COMMITMENT, DONE, PAIN_POINTS
from .teams import solution_teams

if TYPE_CHECKING:
    from ..index.entries import Entry, Index, StagePlace
    from ..index.exports import Point

#: The kinds of change, in the order pages list them.
KINDS = ("figures", "new_irritants", "solved_irritants", "delivered", "commitments")
#: The stage figures followed from one period to the next.
FIGURES = ("satisfaction", "conversion")


@dataclass(frozen=True)
class Window:
    """The days D for which a change holds "since D": `start <= D < end`, either end open."""

    start: date | None = None
    end: date | None = None

    def holds(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


ALWAYS = Window()


@dataclass(frozen=True)
class Figure:
    """A value, and the reporting period it is for (None when read from a source's field)."""

    value: float
    period: str | None = None


@dataclass(frozen=True)
class Change:
    """One change, where it is, and for which "since" dates it holds."""

    kind: str
    journey: str | None
    label: str
    state: str = "current"
    stage: str | None = None
    stage_name: str | None = None
    touchpoint: str | None = None
    #: A figure's measure (satisfaction, conversion), before and after.
    measure: str | None = None
    before: Figure | None = None
    after: Figure | None = None
    #: A commitment's objective (share of cases where it must be kept).
    target: float | None = None
    #: An irritant's qualification now (new) or before (solved).
    qualification: str | None = None
    solution: str | None = None
    #: The day a dated change happened: an irritant found or solved, a solution delivered.
    on: date | None = None
    #: The teams it concerns, by slug.
    teams: tuple[str, ...] = ()
    #: Other journeys it concerns (a solution's).
    journeys: tuple[str, ...] = ()
    window: Window = ALWAYS
    #: The "since" date shown when the reader picks none: the last review of its journey.
    review: date | None = None

    @property
    def met(self) -> bool | None:
        """A commitment kept (its rate at or above its objective) now."""
        return None if self.after is None or self.target is None else self.after.value >= self.target

    @property
    def was_met(self) -> bool | None:
        return None if self.before is None or self.target is None else self.before.value >= self.target

    def concerns_journey(self, journey_id: str) -> bool:
        return self.journey == journey_id or journey_id in self.journeys

    @property
    def shown_by_default(self) -> bool:
        """Shown when the reader picks no date: since its journey's last review."""
        return self.review is None or self.window.holds(self.review)


@dataclass
class Changes:
    """Changes grouped by kind, for a page or a summary."""

    items: list[Change] = field(default_factory=list)

    def of(self, kind: str) -> list[Change]:
        return [change for change in self.items if change.kind == kind]

    def __iter__(self) -> Iterator[Change]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def for_journey(self, journey_id: str) -> "Changes":
        return Changes([change for change in self.items if change.concerns_journey(journey_id)])

    def for_team(self, slug: str) -> "Changes":
        return Changes([change for change in self.items if slug in change.teams])


def _teams(*names: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(slugify(name) for name in names if name))


def _after(day: date) -> date:
    """The end of a window that holds up to and including `day`."""
    return day + timedelta(days=1)


# --- since a date -------------------------------------------------------------------


def changes_since(index: "Index") -> Changes:
    """Every change of the site, each with the "since" dates for which it holds."""
    found: list[Change] = []
    for journey_id in sorted(index.journeys):
        entry = index.journeys[journey_id]
        review = entry.model.last_review
        for place in index.stages(journey_id, "current"):
            found += _figure_changes(entry, place, review)
            found += _irritant_changes(place, review)
        for state in ("current", "target"):
            for place in index.stages(journey_id, state):
                found += _commitment_changes(entry, place, review)
    reviews = {journey_id: entry.model.last_review for journey_id, entry in index.journeys.items()}
    for solution_id in sorted(index.solutions):
        solution = index.solutions[solution_id].model
        delivered = solution.delivered_on
        if delivered is None:
            continue
        journeys = _journeys_of(solution.addresses + solution.delivers)
        known = [reviews[journey] for journey in journeys if journey in reviews]
        found.append(Change(
            "delivered", None, solution.title, solution=solution_id, on=delivered, teams=_teams(*solution_teams(solution)),
            journeys=journeys, window=Window(end=_after(delivered)), review=min(known) if known else None,
        ))
    return Changes(_ordered(found))


def _journeys_of(references: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(reference.split("/")[0] for reference in references))


def _figure_changes(entry: "Entry", place: "StagePlace", review: date) -> list[Change]:
    """A figure's latest value against each earlier one, each holding from its period's end to the next's."""
    data, stage = entry.data, place.stage
    if data is None:
        return []
    found = []
    for measure in FIGURES:
        series = data.series.get(("current", stage.id, None, measure))
        if series is None:
            continue
        points = sorted(series.points, key=lambda point: point.period)
        latest = points[-1]
        for earlier, window in _baselines(points):
            if earlier.value == latest.value:
                continue
            found.append(Change(
                "figures", place.journey, stage.name, stage=stage.id, stage_name=stage.name, measure=measure,
                before=Figure(earlier.value, earlier.period.label), after=Figure(latest.value, latest.period.label),
                teams=_teams(stage.team), window=window, review=review,
            ))
    return found


def _baselines(points: list["Point"]) -> list[tuple["Point", Window]]:
    """Each earlier point of a series and the "since" days it is the figure to compare with:
    the last period ended by then, or the first one for a day before any had ended (the
    change shows which period it starts from)."""
    return [
        (earlier, Window(earlier.period.end if position else None, following.period.end))
        for position, (earlier, following) in enumerate(zip(points, points[1:]))
    ]


def _irritant_changes(place: "StagePlace", review: date) -> list[Change]:
    """Irritants found, and solved, on the day their touchpoint says."""
    found = []
    stage = place.stage
    for touchpoint in stage.touchpoints:
        if touchpoint.since is None:
            continue
        hurts, hurt = touchpoint.qualification in PAIN_POINTS, touchpoint.previously in PAIN_POINTS
        if hurts == hurt:
            continue
        found.append(Change(
            "new_irritants" if hurts else "solved_irritants", place.journey, touchpoint.label, stage=stage.id, stage_name=stage.name,
            touchpoint=touchpoint.key, qualification=touchpoint.qualification if hurts else touchpoint.previously, on=touchpoint.since,
            teams=_teams(touchpoint.team or stage.team), window=Window(end=_after(touchpoint.since)), review=review,
        ))
    return found


def _commitment_changes(entry: "Entry", place: "StagePlace", review: date) -> list[Change]:
    """A commitment, kept or missed now, with its rate on the reader's day when a series gives it."""
    stage = place.stage
    commitment = stage.promise.commitment if stage.promise else None
    if commitment is None or commitment.met is None or commitment.met_target is None:
        return []
    base = Change(
        "commitments", place.journey, commitment.indicator, state=place.state, stage=stage.id, stage_name=stage.name,
        target=commitment.met_target, teams=_teams(stage.team), review=review,
    )
    series = entry.data.series.get((place.state, stage.id, None, COMMITMENT)) if entry.data else None
    if series is None or len(series.points) < 2:
        return [_replace(base, after=Figure(commitment.met))]
    points = sorted(series.points, key=lambda point: point.period)
    latest = Figure(points[-1].value, points[-1].period.label)
    found = [_replace(base, after=latest, window=Window(start=points[-1].period.end))]
    for earlier, window in _baselines(points):
        found.append(_replace(base, before=Figure(earlier.value, earlier.period.label), after=latest, window=window))
    return found


def _replace(change: Change, **fields: object) -> Change:
    return replace(change, **fields)  # type: ignore[arg-type]


def _ordered(found: list[Change]) -> list[Change]:
    """Dated changes newest first; figures and commitments in the journeys' order."""
    dated = sorted((change for change in found if change.on), key=lambda change: change.on, reverse=True)  # type: ignore[arg-type, return-value]
    return [change for change in found if not change.on] + dated


# --- between two versions -------------------------------------------------------------


def compared(before: "Index", after: "Index") -> Changes:
    """What a new version of the sources changes from an earlier one (a pull request's)."""
    found: list[Change] = []
    for journey_id in sorted(after.journeys):
        old = {place.stage.id: place.stage for place in before.stages(journey_id)} if journey_id in before.journeys else {}
        for place in after.stages(journey_id):
            stage, earlier = place.stage, old.get(place.stage.id)
            found += _figures_compared(journey_id, earlier, stage)
            found += _irritants_compared(journey_id, earlier, stage)
        for state in ("current", "target"):
            earlier_stages = {p.stage.id: p.stage for p in before.stages(journey_id, state)} if journey_id in before.journeys else {}
            for place in after.stages(journey_id, state):
                found += _commitment_compared(journey_id, state, earlier_stages.get(place.stage.id), place.stage)
    for solution_id in sorted(after.solutions):
        solution = after.solutions[solution_id].model
        earlier = before.solutions.get(solution_id)
        if solution.status == DONE and (earlier is None or earlier.model.status != DONE):
            found.append(Change(
                "delivered", None, solution.title, solution=solution_id, on=solution.delivered_on,
                teams=_teams(*solution_teams(solution)), journeys=_journeys_of(solution.addresses + solution.delivers),
            ))
    return Changes(found)


def _figures_compared(journey_id: str, earlier: Stage | None, stage: Stage) -> list[Change]:
    found = []
    for measure in FIGURES:
        old, new = (getattr(earlier, measure) if earlier else None), getattr(stage, measure)
        if new is not None and old != new:
            found.append(Change(
                "figures", journey_id, stage.name, stage=stage.id, stage_name=stage.name, measure=measure,
                before=Figure(old) if old is not None else None, after=Figure(new), teams=_teams(stage.team),
            ))
    return found


def _irritants_compared(journey_id: str, earlier: Stage | None, stage: Stage) -> list[Change]:
    old = {touchpoint.key: touchpoint for touchpoint in earlier.touchpoints} if earlier else {}
    found = []
    for touchpoint in stage.touchpoints:
        hurts = touchpoint.qualification in PAIN_POINTS
        previous = old.get(touchpoint.key)
        hurt = previous is not None and previous.qualification in PAIN_POINTS
        if hurts == hurt or (not hurts and previous is None):
            continue
        found.append(Change(
            "new_irritants" if hurts else "solved_irritants", journey_id, touchpoint.label, stage=stage.id, stage_name=stage.name,
            touchpoint=touchpoint.key, qualification=touchpoint.qualification if hurts else previous.qualification,  # type: ignore[union-attr]
            on=touchpoint.since, teams=_teams(touchpoint.team or stage.team),
        ))
    return found


def _commitment_compared(journey_id: str, state: str, earlier: Stage | None, stage: Stage) -> list[Change]:
    commitment = stage.promise.commitment if stage.promise else None
    if commitment is None or commitment.met is None:
        return []
    old = earlier.promise.commitment if earlier and earlier.promise else None
    if old is not None and old.met == commitment.met and old.met_target == commitment.met_target:
        return []
    return [Change(
        "commitments", journey_id, commitment.indicator, state=state, stage=stage.id, stage_name=stage.name,
        before=Figure(old.met) if old is not None and old.met is not None else None, after=Figure(commitment.met),
        target=commitment.met_target, teams=_teams(stage.team),
    )]
