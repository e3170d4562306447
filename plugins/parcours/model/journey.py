"""The journey map: its stages in the customer's words, current and target, and its data files."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator

from .fields import Date, JourneyKindRef, Markdown, Slug, SourceModel, Text, described
from .indicators import Evidence, Kpi
from .stage import Stage, TargetStage
from .touchpoint import Touchpoint
from .vocabulary import PeriodName

__all__ = ["Journey", "Stage", "TargetStage", "Touchpoint", "TargetState", "DataFile"]


def _data_file(value: Any) -> Any:
    """A data file written as its path alone is that path, with no more said."""
    return {"file": value} if isinstance(value, str) else value


class DataFile(SourceModel):
    """A reporting export feeding the journey's figures, and where it comes from."""

    file: Text = described(
        fr="Le fichier (CSV ou XLSX), relatif au fichier du parcours.",
        en="The file (CSV or XLSX), relative to the journey's file.",
        example="data/demande-2026.csv",
    )
    evidence: Evidence | None = described(
        None,
        fr="La provenance de ses chiffres (par défaut : mesurés).",
        en="Where its figures come from (by default: measured).",
    )


class _PathOrBlock:
    """In the JSON Schema, a data file is its path, or its block."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        return {"anyOf": [{"type": "string"}, handler(core_schema)]}


DataFileEntry = Annotated[DataFile, BeforeValidator(_data_file), _PathOrBlock()]


class TargetState(SourceModel):
    """The designed experience: what the journey should become."""

    summary: Markdown | None = described(
        None, fr="Le parcours cible en quelques lignes (Markdown).", en="The target journey in a few lines (Markdown)."
    )
    stages: list[TargetStage] = described(
        fr="Les étapes du parcours cible.", en="The stages of the target journey.", min_length=1
    )


class Journey(SourceModel):
    """A journey map: the current state, and possibly the target state."""

    id: Slug | None = described(
        None,
        fr="Identifiant du parcours : le nom du fichier sans extension. Facultatif ; s'il est écrit, il doit être égal au nom du fichier.",
        en="The journey's identifier: the file name without extension. Optional; when written, it must equal the file name.",
        example="demande",
    )
    title: Text = described(fr="Titre du parcours.", en="The journey's title.", example="J'obtiens une réponse à ma demande")
    kind: JourneyKindRef = described(
        fr="Type de parcours, qui en donne les phases : `customer` couvre toute la relation, `buyer` s'arrête à l'achat ; un site peut en ajouter (`phases` dans mkdocs.yml).",
        en="Kind of journey, which gives its phases: `customer` covers the whole relationship, `buyer` stops at the purchase; a site may add others (`phases` in mkdocs.yml).",
        example="customer",
    )
    summary: Markdown | None = described(
        None, fr="Le parcours en deux phrases (Markdown).", en="The journey in two sentences (Markdown)."
    )
    personas: list[Slug] = described(
        [], fr="Personas qui vivent ce parcours (identifiants de `personas/`).", en="Personas travelling this journey.", example=["camille"]
    )
    owner: Text = described(
        fr="Qui porte le parcours et sa mise à jour.", en="Who owns the journey and keeps it up to date.", example="Direction de l'expérience"
    )
    last_review: Date = described(
        fr="Date de la dernière revue de la cartographie (AAAA-MM-JJ).", en="Date of the map's last review (YYYY-MM-DD).", example="2026-09-15"
    )
    period: PeriodName = described(
        "month",
        fr="Période des volumes.",
        en="Period of the volumes.",
        example="month",
    )
    kpis: list[Kpi] = described([], fr="Indicateurs du parcours entier (satisfaction, NPS…).", en="Whole-journey indicators.")
    stages: list[Stage] = described(
        fr="Les étapes du parcours actuel, dans l'ordre vécu par le client.",
        en="The stages of the current journey, in the order the customer lives them.",
        min_length=1,
    )
    target: TargetState | None = described(
        None, fr="Le parcours cible, s'il a été conçu.", en="The target journey, when it has been designed."
    )
    data: list[DataFileEntry] = described(
        [],
        fr="Fichiers de données exportés du reporting (CSV ou XLSX), relatifs au fichier : colonnes période, étape, point de contact (facultatif), mesure, valeur. La dernière période remplace les chiffres écrits ici ; toutes dessinent les tendances. Un fichier s'écrit par son chemin, ou avec sa provenance (`file` et `evidence`) ; ses chiffres sont mesurés, sauf s'il dit autre chose.",
        en="Data files exported from reporting (CSV or XLSX), relative to the file: columns period, stage, touchpoint (optional), measure, value. The latest period replaces the figures written here; all draw the trends. A file is written as its path, or with where it comes from (`file` and `evidence`); its figures are measured unless it says otherwise.",
        example=["data/demande-2026.csv"],
    )
