"""Figures and where they come from: indicators, and the evidence behind any figure."""

from __future__ import annotations

from .fields import Number, SourceModel, Text, described
from .vocabulary import EvidenceStatus, KpiType


class Evidence(SourceModel):
    """Where the figures of a stage, a touchpoint, an indicator or a data file come from."""

    status: EvidenceStatus = described(
        fr="Comment les chiffres sont connus : mesurés, estimés, ou posés en hypothèse. Une estimation et une hypothèse sont marquées sur la carte.",
        en="How the figures are known: measured, estimated, or assumed. Estimates and assumptions are marked on the map.",
        example="estimated",
    )
    source: Text | None = described(
        None,
        fr="D'où viennent les chiffres : l'étude, l'outil, le rapport, avec sa date ou sa page. Affiché au survol et dans le détail.",
        en="Where the figures come from: the study, the tool, the report, with its date or page. Shown on hover and in the details.",
        example="Baromètre de satisfaction, vague de septembre 2026",
    )


def evidence_field() -> object:
    return described(
        None,
        fr="La provenance des chiffres de ce bloc : mesurés, estimés ou hypothèse, et leur source.",
        en="Where this block's figures come from: measured, estimated or assumed, and their source.",
    )


class Kpi(SourceModel):
    """An indicator measured on the journey or on a stage."""

    name: Text = described(
        fr="Nom de l'indicateur, tel qu'il est partagé entre les équipes.",
        en="The indicator's name, as shared across departments.",
        example="Délai moyen de traitement",
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
    evidence: Evidence | None = evidence_field()
