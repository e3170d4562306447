"""Types shared by every kind of source, and the way fields are documented.

Each field is described once, here in the model, in French and English: the
JSON Schemas, the reference page and the suggestions for misspelt fields all
read these descriptions.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
)
from pydantic_core import PydanticCustomError, PydanticUndefined

from ..privacy import speaker_finding, text_findings
from ..slug import SLUG, slugify
from ..suggest import closest

def described(
    default: Any = PydanticUndefined,
    *,
    fr: str,
    en: str,
    example: Any = None,
    **kwargs: Any,
) -> Any:
    """A pydantic `Field` carrying its description in both languages."""
    extra: dict[str, Any] = {"description_en": en}
    if example is not None:
        extra["examples"] = [example]
    return Field(default, description=fr, json_schema_extra=extra, **kwargs)


class SourceModel(BaseModel):
    """Base of every model read from a source: unknown fields are errors."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        coerce_numbers_to_str=True,
        validate_default=False,
    )


class SchemaMark:
    """Tags a type in the JSON Schema (`x-parcours`), for what JSON Schema cannot say.

    `schema.py` turns the tags into enums from the site's settings (channels)
    and the reference page into words (identifier, reference).
    """

    def __init__(self, mark: str) -> None:
        self.mark = mark

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        schema = handler(core_schema)
        schema["x-parcours"] = self.mark
        return schema


def _check_slug(value: str) -> str:
    if not SLUG.match(value):
        raise PydanticCustomError("slug", "not an identifier", {"value": value, "suggestion": slugify(value)})
    return value


Slug = Annotated[str, Field(min_length=1), AfterValidator(_check_slug), SchemaMark("identifier")]
"""An identifier: lower-case letters, digits and hyphens (`je-declare-un-sinistre`)."""

Text = Annotated[str, Field(min_length=1)]
"""Plain text, shown escaped."""

Markdown = Annotated[str, Field(min_length=1), SchemaMark("markdown")]
"""Text rendered as Markdown, then sanitised."""


_DECIMAL_COMMA = re.compile(r"^\s*[-+]?\d+,\d+\s*$")
_PERCENT = re.compile(r"^\s*([-+]?\d+(?:[.,]\d+)?)\s*%\s*$")


def _number(value: Any) -> Any:
    """Catch the two ways a French analyst writes a number that YAML reads as text."""
    if isinstance(value, str):
        percent = _PERCENT.match(value)
        if percent:
            raise PydanticCustomError(
                "percent_sign", "percent sign", {"value": value, "suggestion": percent.group(1).replace(",", ".")}
            )
        if _DECIMAL_COMMA.match(value):
            raise PydanticCustomError(
                "decimal_comma", "decimal comma", {"value": value, "suggestion": value.strip().replace(",", ".")}
            )
    return value


#: No customer figure reaches a thousand billion; a longer number is a typing slip
#: (and too long to be written on a map).
LARGEST = 10**12
Number = Annotated[float, Field(ge=-LARGEST, le=LARGEST), BeforeValidator(_number)]
Percent = Annotated[float, Field(ge=0, le=100), BeforeValidator(_number)]
"""A share of customers, from 0 to 100, without the `%` sign."""
Count = Annotated[int, Field(ge=0, le=LARGEST), BeforeValidator(_number)]
Score = Annotated[float, Field(ge=0, le=5), BeforeValidator(_number)]
"""A score on a prioritisation criterion, from 0 to 5."""

_FRENCH_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def _date(value: Any) -> Any:
    """`12/03/2025` is how a French analyst writes a date: suggest ISO."""
    if isinstance(value, str):
        match = _FRENCH_DATE.match(value)
        if match:
            day, month, year = (int(part) for part in match.groups())
            try:
                suggestion = date(year, month, day).isoformat()
            except ValueError:
                suggestion = None
            raise PydanticCustomError("date_format", "date format", {"value": value, "suggestion": suggestion})
    return value


Date = Annotated[date, BeforeValidator(_date)]
"""A date written `AAAA-MM-JJ` (2025-03-12)."""


def _known_channel(value: str, info: ValidationInfo) -> str:
    settings = (info.context or {}).get("settings")
    if settings is None:
        return value
    known = settings.channel_ids()
    if value not in known:
        raise PydanticCustomError(
            "unknown_channel", "unknown channel", {"value": value, "suggestion": closest(value, known), "known": known}
        )
    return value


ChannelRef = Annotated[Slug, AfterValidator(_known_channel), SchemaMark("channel")]
"""The identifier of a channel from the site's channel list."""

Qualification = Literal["enchantment", "irritant", "rupture", "missing", "redundant"]
Initiator = Literal["customer", "company"]
Period = Literal["day", "week", "month", "quarter", "year"]
VerbatimSource = Literal["interview", "survey", "review", "call", "chat", "email", "social", "workshop", "other"]
Priority = Literal["high", "medium", "low"]
KpiType = Literal["csat", "nps", "ces", "delay", "conversion", "complaints", "commitment", "volume", "other"]

def source_id(example: str) -> Any:
    """The optional `id` of a sheet: its file name, which it must match when written."""
    return described(
        None,
        fr="Identifiant : le nom du fichier sans extension. Facultatif ; s'il est écrit, il doit être égal au nom du fichier.",
        en="Identifier: the file name without extension. Optional; when written, it must equal the file name.",
        example=example,
    )


class Clip(SourceModel):
    """An audio or video recording, always with its captions: everyone can read it."""

    file: Text = described(
        fr="Le fichier audio (mp3, ogg, m4a) ou vidéo (mp4, webm), relatif au fichier source ; ou son adresse sur un serveur de l'intranet autorisé dans mkdocs.yml.",
        en="The audio (mp3, ogg, m4a) or video (mp4, webm) file, relative to the source file; or its address on an intranet host allowed in mkdocs.yml.",
        example="media/fanny-remboursement.mp3",
    )
    captions: Text = described(
        fr="Les sous-titres WebVTT (.vtt) du clip : obligatoires, ils servent aussi de transcription.",
        en="The clip's WebVTT captions (.vtt): required, they are also its transcript.",
        example="media/fanny-remboursement.vtt",
    )
    transcript: Annotated[Markdown | None, AfterValidator(_no_personal_data)] = described(
        None,
        fr="La transcription affichée sous le lecteur, sans nom de famille, e-mail ni téléphone. Par défaut, le texte des sous-titres.",
        en="The transcript shown under the player. Defaults to the captions' text.",
    )


def _pseudonymised(value: str) -> str:
    finding = speaker_finding(value)
    if finding:
        raise PydanticCustomError(finding.code, "speaker", {"value": finding.value, "suggestion": finding.suggestion})
    return value


def _no_personal_data(value: str | None) -> str | None:
    """Every piece of personal data in one error: fixing one must not reveal the next."""
    findings = text_findings(value) if value else []
    if len(findings) == 1:
        finding = findings[0]
        raise PydanticCustomError(finding.code, "personal data", {"value": finding.value, "suggestion": finding.suggestion})
    if findings:
        raise PydanticCustomError("personal_data", "personal data", {"known": [finding.value for finding in findings]})
    return value


class Verbatim(SourceModel):
    """A customer's own words, pseudonymised."""

    text: Annotated[Text, AfterValidator(_no_personal_data)] = described(
        fr="Les mots du client, tels qu'il les a dits ou écrits, sans nom de famille, e-mail ni téléphone. Affichés tels quels, jamais interprétés comme du HTML.",
        en="The customer's words, as said or written. Shown as they are, never read as HTML.",
        example="J'ai envoyé trois fois la même facture avant d'être remboursée.",
    )
    speaker: Annotated[Text, AfterValidator(_pseudonymised)] = described(
        fr="Qui parle, pseudonymisé : un prénom et l'initiale du nom (« Fanny A. »).",
        en="Who speaks, pseudonymised: a first name and an initial (“Fanny A.”).",
        example="Fanny A.",
    )
    date: Date = described(
        fr="Date du recueil, au format AAAA-MM-JJ.",
        en="When it was collected, as YYYY-MM-DD.",
        example="2026-03-12",
    )
    source: VerbatimSource = described(
        fr="Origine : interview, survey (enquête), review (avis en ligne), call (appel), chat, email, social (réseaux sociaux), workshop (atelier), other.",
        en="Where it comes from: interview, survey, review, call, chat, email, social, workshop, other.",
        example="interview",
    )
    persona: Slug | None = described(
        None,
        fr="Le persona qui s'exprime (identifiant d'une fiche de `personas/`).",
        en="The persona speaking (identifier of a sheet in `personas/`).",
        example="fanny",
    )
    touchpoint: Slug | None = described(
        None,
        fr="Le point de contact de l'étape dont parle le verbatim (son identifiant, ou son canal).",
        en="The touchpoint of the stage this verbatim is about (its identifier, or its channel).",
        example="courrier",
    )
    clip: Clip | None = described(
        None,
        fr="L'enregistrement du client : fichier audio ou vidéo, et ses sous-titres.",
        en="The customer's recording: audio or video file, and its captions.",
    )
    repeated: Count | None = described(
        None,
        fr="Nombre de clients ayant dit la même chose (pour pondérer les verbatims).",
        en="How many customers said the same (weighs the verbatim).",
        example=14,
    )


class Kpi(SourceModel):
    """An indicator measured on the journey or on a stage."""

    name: Text = described(
        fr="Nom de l'indicateur, tel qu'il est partagé entre les équipes.",
        en="The indicator's name, as shared across departments.",
        example="Délai moyen de remboursement",
    )
    type: KpiType = described(
        "other",
        fr="Nature : csat, nps, ces (effort), delay (délai), conversion, complaints (réclamations), commitment (engagement tenu), volume, other.",
        en="Kind: csat, nps, ces (effort), delay, conversion, complaints, commitment (promise kept), volume, other.",
        example="delay",
    )
    value: Number = described(fr="Valeur mesurée.", en="Measured value.", example=6.5)
    unit: str | None = described(None, fr="Unité affichée après la valeur (%, j, h, /10…).", en="Unit shown after the value (%, d, h, /10…).", example="j")
    target: Number | None = described(None, fr="Valeur cible.", en="Target value.", example=5)
    period: str | None = described(
        None, fr="Période de mesure (« T3 2026 », « 2026 »…).", en="Measurement period (“Q3 2026”, “2026”…).", example="T3 2026"
    )
