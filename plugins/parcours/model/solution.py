"""A solution sheet (fiche chantier): what we will do about irritants, and when."""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from .fields import Date, Markdown, Number, Score, Slug, SourceModel, Text, described, source_id
from .vocabulary import DONE, StatusName

_REF = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*){1,2}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-[QT]([1-4])$|^[QT]([1-4])[ -](\d{4})$", re.IGNORECASE)


def _reference(value: Any) -> Any:
    if isinstance(value, str) and not _REF.match(value.strip()):
        raise PydanticCustomError("stage_reference_format", "reference format", {"value": value})
    return value.strip() if isinstance(value, str) else value


StageReference = Annotated[str, BeforeValidator(_reference)]
"""`journey/stage` or `journey/stage/touchpoint`."""


def _point_in_time(value: Any, *, end: bool) -> Any:
    """A date, a month (`2027-03`) or a quarter (`2027-T2`); an end means the period's last day."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        month = _MONTH.match(text)
        if month and 1 <= int(month.group(2)) <= 12:
            year, number = int(month.group(1)), int(month.group(2))
            return _last_day(year, number) if end else date(year, number, 1)
        quarter = _QUARTER.match(text)
        if quarter:
            year = int(quarter.group(1) or quarter.group(4))
            number = int(quarter.group(2) or quarter.group(3))
            return _last_day(year, 3 * number) if end else date(year, 3 * number - 2, 1)
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise PydanticCustomError("timeline_date", "timeline date", {"value": value})


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


_TIMELINE_SCHEMA = WithJsonSchema({"type": "string", "pattern": r"^\d{4}-(\d{2}(-\d{2})?|[QT][1-4])$"})
TimelineStart = Annotated[date, BeforeValidator(lambda v: _point_in_time(v, end=False)), _TIMELINE_SCHEMA]
TimelineEnd = Annotated[date, BeforeValidator(lambda v: _point_in_time(v, end=True)), _TIMELINE_SCHEMA]


def _quarter(value: Any) -> Any:
    if isinstance(value, str) and _QUARTER.match(value.strip()):
        return value.strip()
    raise PydanticCustomError("timeline_quarter", "quarter", {"value": value})


Quarter = Annotated[str, BeforeValidator(_quarter), WithJsonSchema({"type": "string", "pattern": r"^\d{4}-[QT][1-4]$"})]


class Timeline(SourceModel):
    """When the solution is worked on: a start and an end, or a quarter."""

    start: TimelineStart | None = described(
        None,
        fr="Début : une date (2027-01-15), un mois (2027-01) ou un trimestre (2027-T1).",
        en="Start: a date (2027-01-15), a month (2027-01) or a quarter (2027-Q1).",
        example="2027-T1",
    )
    end: TimelineEnd | None = described(
        None,
        fr="Fin : une date, un mois ou un trimestre (compté jusqu'à son dernier jour).",
        en="End: a date, a month or a quarter (counted to its last day).",
        example="2027-T3",
    )
    quarter: Quarter | None = described(
        None,
        fr="Ou bien le trimestre où tout se passe (2027-T2), au lieu de `start` et `end`.",
        en="Or the quarter it all happens in (2027-Q2), instead of `start` and `end`.",
        example="2027-T2",
    )

    @model_validator(mode="after")
    def _one_way(self) -> "Timeline":
        if self.quarter:
            if self.start or self.end:
                raise PydanticCustomError("timeline_both", "both", {})
            self.start = _point_in_time(self.quarter, end=False)
            self.end = _point_in_time(self.quarter, end=True)
        elif not (self.start and self.end):
            raise PydanticCustomError("timeline_incomplete", "incomplete", {})
        return self


class ExpectedKpi(SourceModel):
    """The indicator the solution should move."""

    name: Text = described(fr="Indicateur visé.", en="The indicator to move.", example="Satisfaction de l'étape « J'envoie mon dossier »")
    current: Number | None = described(None, fr="Valeur actuelle.", en="Current value.", example=58)
    expected: Number = described(fr="Valeur attendue.", en="Expected value.", example=75)
    unit: str | None = described(None, fr="Unité.", en="Unit.", example="%")


class Solution(SourceModel):
    """Front matter of a `solutions/<id>.md` sheet; the body is its description."""

    id: Slug | None = source_id("teletransmission-pour-tous")
    title: Text = described(fr="Nom du chantier.", en="The solution's name.", example="Justificatifs envoyés en photo")
    addresses: list[StageReference] = described(
        [],
        fr="Irritants, ruptures ou manques traités : `parcours/étape` ou `parcours/étape/point-de-contact`.",
        en="Irritants, ruptures or gaps addressed: `journey/stage` or `journey/stage/touchpoint`.",
        example=["demande/j-envoie-mon-dossier/courrier"],
    )
    delivers: list[StageReference] = described(
        [],
        fr="Étapes du parcours cible dont ce chantier tient la promesse : `parcours/étape`.",
        en="Target-journey stages whose promise this solution delivers: `journey/stage`.",
        example=["demande/je-recois-la-reponse"],
    )
    target_experience: list[Text] = described(
        [],
        fr="L'expérience cible racontée comme un court storyboard, une ligne par scène.",
        en="The target experience told as a short storyboard, one line per scene.",
        example=["Camille photographie son justificatif", "Elle a sa réponse le lendemain"],
    )
    owner: Text = described(fr="Qui porte le chantier.", en="Who owns the solution.", example="Direction des opérations")
    teams: list[Text] = described(
        [],
        fr="Les équipes qui mènent le chantier, écrites comme dans le champ `team` des étapes et des points de contact : la page de chaque équipe liste ses chantiers. Sans ce champ, le responsable (`owner`) compte comme l'équipe.",
        en="The teams carrying out the solution, written as in the stages' and touchpoints' `team`: each team's page lists its solutions. Without it, the owner counts as the team.",
        example=["Centre de traitement", "Équipe digitale"],
    )
    timeline: Timeline | None = described(None, fr="Calendrier du chantier.", en="The solution's timeline.")
    prerequisites: list[Text] = described(
        [], fr="Conditions et prérequis.", en="Conditions and prerequisites.", example=["Accord des partenaires"]
    )
    status: StatusName = described(
        fr="Statut du chantier.",
        en="The solution's status.",
        example="planned",
    )
    delivered: Date | None = described(
        None,
        fr="Date à laquelle le chantier a été livré aux clients (AAAA-MM-JJ), une fois terminé (`status: done`). Sans elle, la fin de son calendrier.",
        en="Date the solution reached customers (YYYY-MM-DD), once done (`status: done`). Without it, the end of its timeline.",
        example="2026-06-30",
    )
    scores: dict[str, Score] = described(
        {},
        fr="Note de 0 à 5 sur chaque critère de priorisation du site (par exemple `customer_expectations: 4`).",
        en="Score from 0 to 5 on each of the site's prioritisation criteria (e.g. `customer_expectations: 4`).",
        example={"customer_expectations": 5, "resources": 3},
    )
    kpi: ExpectedKpi | None = described(None, fr="L'indicateur que le chantier doit faire bouger.", en="The indicator it should move.")
    summary: Markdown | None = described(None, fr="Le chantier en une ou deux phrases.", en="The solution in a sentence or two.")

    @property
    def delivered_on(self) -> date | None:
        """When it reached customers: `delivered`, else the end of a done solution's timeline."""
        if self.status != DONE:
            return None
        return self.delivered or (self.timeline.end if self.timeline else None)
