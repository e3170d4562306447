"""Indicators measured on a journey or on a stage."""

from __future__ import annotations

from .fields import Number, SourceModel, Text, described
from .vocabulary import KpiType

class Kpi(SourceModel):
    """An indicator measured on the journey or on a stage."""

    name: Text = described(
        fr="Nom de l'indicateur, tel qu'il est partagé entre les équipes.",
        en="The indicator's name, as shared across departments.",
        example="Délai moyen de remboursement",
    )
    type: KpiType = described(
        "other",
        fr="Nature de l'indicateur.",
        en="Kind of indicator.",
        example="delay",
    )
    value: Number = described(fr="Valeur mesurée.", en="Measured value.", example=6.5)
    unit: str | None = described(None, fr="Unité affichée après la valeur (%, j, h, /10…).", en="Unit shown after the value (%, d, h, /10…).", example="j")
    target: Number | None = described(None, fr="Valeur cible.", en="Target value.", example=5)
    period: str | None = described(
        None, fr="Période de mesure (« T3 2026 », « 2026 »…).", en="Measurement period (“Q3 2026”, “2026”…).", example="T3 2026"
    )
