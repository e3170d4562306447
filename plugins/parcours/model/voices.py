"""Customers' own words, and their recordings: pseudonymised, always with captions."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from .fields import Count, Date, Markdown, Slug, SourceModel, Text, described
from .personal_data import speaker_finding, text_findings
from .vocabulary import VerbatimSource

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


class Clip(SourceModel):
    """An audio or video recording, always with its captions: everyone can read it."""

    file: Text = described(
        fr="Le fichier audio (mp3, ogg, m4a) ou vidéo (mp4, webm), relatif au fichier source ; ou son adresse sur un serveur de l'intranet autorisé dans mkdocs.yml.",
        en="The audio (mp3, ogg, m4a) or video (mp4, webm) file, relative to the source file; or its address on an intranet host allowed in mkdocs.yml.",
        example="media/camille-demande.mp3",
    )
    captions: Text = described(
        fr="Les sous-titres WebVTT (.vtt) du clip : obligatoires, ils servent aussi de transcription.",
        en="The clip's WebVTT captions (.vtt): required, they are also its transcript.",
        example="media/camille-demande.vtt",
    )
    transcript: Annotated[Markdown | None, AfterValidator(_no_personal_data)] = described(
        None,
        fr="La transcription affichée sous le lecteur, sans nom de famille, e-mail ni téléphone. Par défaut, le texte des sous-titres.",
        en="The transcript shown under the player. Defaults to the captions' text.",
    )


class Verbatim(SourceModel):
    """A customer's own words, pseudonymised."""

    text: Annotated[Text, AfterValidator(_no_personal_data)] = described(
        fr="Les mots du client, tels qu'il les a dits ou écrits, sans nom de famille, e-mail ni téléphone. Affichés tels quels, jamais interprétés comme du HTML.",
        en="The customer's words, as said or written. Shown as they are, never read as HTML.",
        example="J'ai envoyé trois fois le même justificatif avant d'avoir une réponse.",
    )
    speaker: Annotated[Text, AfterValidator(_pseudonymised)] = described(
        fr="Qui parle, pseudonymisé : un prénom et l'initiale du nom (« Camille A. »).",
        en="Who speaks, pseudonymised: a first name and an initial (“Camille A.”).",
        example="Camille A.",
    )
    date: Date = described(
        fr="Date du recueil, au format AAAA-MM-JJ.",
        en="When it was collected, as YYYY-MM-DD.",
        example="2026-03-12",
    )
    source: VerbatimSource = described(
        fr="Origine du verbatim.",
        en="Where it comes from.",
        example="interview",
    )
    persona: Slug | None = described(
        None,
        fr="Le persona qui s'exprime (identifiant d'une fiche de `personas/`).",
        en="The persona speaking (identifier of a sheet in `personas/`).",
        example="camille",
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
    confirmed: Date | None = described(
        None,
        fr="Date à laquelle l'équipe a vérifié que ces mots sont toujours vrais (AAAA-MM-JJ) : un verbatim ancien mais confirmé n'est plus signalé comme ancien.",
        en="Date the team checked these words still hold (YYYY-MM-DD): an old but confirmed verbatim is no longer flagged as old.",
        example="2026-11-02",
    )
    repeated: Count | None = described(
        None,
        fr="Nombre de clients ayant dit la même chose (pour pondérer les verbatims).",
        en="How many customers said the same (weighs the verbatim).",
        example=14,
    )
