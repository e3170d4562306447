"""The journey map: phases, stages in the customer's words, touchpoints."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

from .fields import ChannelRef, Count, Date, Markdown, Number, Percent, Slug, SourceModel, Text, described
from .indicators import Kpi
from .vocabulary import ALL_PERSONAS, Initiator, JourneyKindName, PeriodName, Phase, Priority, Qualification
from .voices import Verbatim


def _emotion(value: Any) -> Any:
    """`emotion: -1` is the same score for every persona; a mapping gives one per persona."""
    if isinstance(value, bool):
        raise PydanticCustomError("emotion_type", "emotion type", {})
    if isinstance(value, (int, float)):
        return {ALL_PERSONAS: value}
    if isinstance(value, str):
        try:
            return {ALL_PERSONAS: float(value.replace(",", "."))}
        except ValueError:
            raise PydanticCustomError("emotion_type", "emotion type", {"value": value})
    if isinstance(value, dict):
        return value
    raise PydanticCustomError("emotion_type", "emotion type", {})


def _emotion_in_scale(value: dict[str, float], info: ValidationInfo) -> dict[str, float]:
    settings = (info.context or {}).get("settings")
    if settings is None:
        return value
    low, high = settings.emotion_scale
    for persona, score in value.items():
        if not low <= score <= high:
            raise PydanticCustomError(
                "emotion_out_of_scale",
                "emotion out of scale",
                {"value": score, "persona": persona, "low": low, "high": high},
            )
    return value


Emotion = Annotated[
    dict[str, float],
    BeforeValidator(_emotion),
    AfterValidator(_emotion_in_scale),
    WithJsonSchema(
        {
            "oneOf": [
                {"type": "number"},
                {"type": "object", "additionalProperties": {"type": "number"}},
            ]
        }
    ),
]


class Touchpoint(SourceModel):
    """A contact between the customer and the company, at a stage, on a channel."""

    id: Slug | None = described(
        None,
        fr="Identifiant du point de contact dans l'étape. Par défaut, son canal ; obligatoire si deux points de contact de l'étape partagent un canal.",
        en="The touchpoint's identifier within its stage. Defaults to its channel; needed when two touchpoints of a stage share a channel.",
        example="accuse-reception",
    )
    channel: ChannelRef = described(
        fr="Canal du point de contact, pris dans la liste des canaux du site.",
        en="The touchpoint's channel, from the site's channel list.",
        example="telephone",
    )
    label: Text = described(
        fr="Ce qui se passe, vu du client (« Formulaire de devis en ligne »).",
        en="What happens, seen by the customer (“Online quote form”).",
        example="Appel au centre de gestion",
    )
    initiator: Initiator = described(
        fr="Qui prend l'initiative.",
        en="Who starts it.",
        example="customer",
    )
    volume: Count | None = described(
        None,
        fr="Nombre de contacts par période (la période du parcours, sauf si `volume_period` la précise).",
        en="Number of contacts per period (the journey's period unless `volume_period` says otherwise).",
        example=4200,
    )
    volume_period: PeriodName | None = described(
        None,
        fr="Période du volume, si elle diffère de celle du parcours.",
        en="Period of the volume, when it differs from the journey's.",
        example="month",
    )
    satisfaction: Percent | None = described(
        None, fr="Taux de clients satisfaits, de 0 à 100, sans le signe %.", en="Share of satisfied customers, 0 to 100, without %.", example=64
    )
    qualification: Qualification | None = described(
        None,
        fr="Ce que vit le client.",
        en="What the customer lives.",
        example="irritant",
    )
    comment: Text | None = described(
        None,
        fr="Pourquoi ce point de contact est ainsi qualifié.",
        en="Why the touchpoint is qualified so.",
        example="Le client doit rappeler deux fois avant d'obtenir une réponse.",
    )
    team: Text | None = described(
        None, fr="Équipe qui porte ce point de contact.", en="The team that owns this touchpoint.", example="Centre de gestion"
    )
    personas: list[Slug] = described(
        [],
        fr="Personas concernés, si ce point de contact ne vaut que pour certains.",
        en="Personas concerned, when the touchpoint applies to some only.",
        example=["marc"],
    )

    @property
    def key(self) -> str:
        """Its identifier within the stage: `id`, or else its channel."""
        return self.id or self.channel


class MomentOfTruth(SourceModel):
    """A stage where the relationship can tip either way."""

    why: Text = described(
        fr="Pourquoi cette étape est décisive pour le client.",
        en="Why this stage is decisive for the customer.",
        example="Le premier remboursement prouve que la mutuelle tient parole.",
    )
    priority: Priority = described(
        "high", fr="Priorité.", en="Priority.", example="high"
    )


class Commitment(SourceModel):
    """A promise that can be measured."""

    indicator: Text = described(
        fr="Ce qui est mesuré.", en="What is measured.", example="Délai de remboursement après réception de la facture"
    )
    target: Number = described(fr="La cible promise.", en="The promised target.", example=48)
    unit: str | None = described(None, fr="Unité de la cible (h, j, %…).", en="Unit of the target (h, d, %…).", example="h")
    met: Percent | None = described(
        None,
        fr="Part des cas où l'engagement est tenu aujourd'hui, de 0 à 100.",
        en="Share of cases where the commitment is kept today, 0 to 100.",
        example=81,
    )
    met_target: Percent | None = described(
        None,
        fr="Part des cas où l'engagement doit être tenu (l'objectif), de 0 à 100.",
        en="Share of cases where the commitment must be kept (the objective), 0 to 100.",
        example=95,
    )


class Promise(SourceModel):
    """The experience promised at this stage."""

    text: Text = described(
        fr="La promesse, dite au client.", en="The promise, as said to the customer.", example="Remboursée en 48 h, sans rien envoyer."
    )
    commitment: Commitment | None = described(
        None, fr="L'engagement mesurable qui tient la promesse.", en="The measurable commitment behind the promise."
    )


class Stage(SourceModel):
    """A step of the journey, named in the customer's own words."""

    id: Slug = described(
        fr="Identifiant de l'étape (lettres minuscules, chiffres et tirets), utilisé dans les liens et les références.",
        en="The stage's identifier (lower-case letters, digits and hyphens), used in links and references.",
        example="j-envoie-ma-facture",
    )
    name: Text = described(
        fr="L'étape à la première personne du client : « Je demande un devis », « On me propose un rendez-vous ».",
        en="The stage in the customer's first person: “I ask for a quote”.",
        example="J'envoie ma facture",
    )
    phase: Phase = described(
        fr="Phase de l'étape, parmi celles du type de parcours (`kind`).",
        en="The stage's phase, among those of the journey's kind (`kind`).",
        example="after",
    )
    description: Markdown | None = described(
        None, fr="Ce qui se joue à cette étape (Markdown).", en="What happens at this stage (Markdown)."
    )
    personas: list[Slug] = described(
        [],
        fr="Personas concernés, si l'étape ne vaut que pour certains.",
        en="Personas concerned, when the stage applies to some only.",
        example=["marc"],
    )
    actions: list[Text] = described(
        [], fr="Ce que fait le client.", en="What the customer does.", example=["Il photographie sa facture"]
    )
    touchpoints: list[Touchpoint] = described(
        [], fr="Les points de contact de l'étape, un par canal utilisé.", en="The stage's touchpoints."
    )
    volume: Count | None = described(
        None,
        fr="Nombre de clients qui vivent l'étape, par période du parcours.",
        en="Number of customers living the stage, per journey period.",
        example=12000,
    )
    satisfaction: Percent | None = described(
        None, fr="Taux de satisfaction de l'étape, de 0 à 100.", en="The stage's satisfaction rate, 0 to 100.", example=71
    )
    conversion: Percent | None = described(
        None,
        fr="Part des clients qui passent à l'étape suivante, de 0 à 100.",
        en="Share of customers going on to the next stage, 0 to 100.",
        example=88,
    )
    moment_of_truth: MomentOfTruth | None = described(
        None, fr="À renseigner si l'étape est un moment de vérité.", en="Set when the stage is a moment of truth."
    )
    emotion: Emotion | None = described(
        None,
        fr="Émotion du client, sur l'échelle du site (par défaut de -2 à +2) : un nombre pour tous, ou un nombre par persona (`fanny: -1`).",
        en="The customer's emotion on the site's scale (default -2 to +2): one number for all, or one per persona (`fanny: -1`).",
        example={"fanny": -1, "marc": 1},
    )
    expectations: list[Text] = described(
        [], fr="Attentes du client à cette étape.", en="The customer's expectations at this stage.", example=["Savoir où en est mon dossier"]
    )
    verbatims: list[Verbatim] = described([], fr="Paroles de clients sur cette étape.", en="Customers' words about this stage.")
    best_practices: list[Slug] = described(
        [],
        fr="Bonnes pratiques observées ailleurs : identifiants de fiches de `benchmarks/`.",
        en="Best practices seen elsewhere: identifiers of sheets in `benchmarks/`.",
        example=["uber-notation-instantanee"],
    )
    employee_experience: list[Text] = described(
        [],
        fr="Vécu collaborateur : les difficultés de ceux qui servent le client à cette étape.",
        en="Employee experience: the difficulties of the staff serving the customer at this stage.",
        example=["Trois outils à ouvrir pour retrouver un dossier"],
    )
    promise: Promise | None = described(None, fr="La promesse faite au client à cette étape.", en="The promise made at this stage.")
    kpis: list[Kpi] = described([], fr="Indicateurs de l'étape.", en="The stage's indicators.")
    team: Text | None = described(
        None, fr="Équipe qui porte l'étape.", en="The team that owns the stage.", example="Centre de gestion"
    )


class TargetState(SourceModel):
    """The designed experience: what the journey should become."""

    summary: Markdown | None = described(
        None, fr="Le parcours cible en quelques lignes (Markdown).", en="The target journey in a few lines (Markdown)."
    )
    stages: list[Stage] = described(
        fr="Les étapes du parcours cible.", en="The stages of the target journey.", min_length=1
    )


class Journey(SourceModel):
    """A journey map: the current state, and possibly the target state."""

    id: Slug | None = described(
        None,
        fr="Identifiant du parcours : le nom du fichier sans extension. Facultatif ; s'il est écrit, il doit être égal au nom du fichier.",
        en="The journey's identifier: the file name without extension. Optional; when written, it must equal the file name.",
        example="remboursement",
    )
    title: Text = described(fr="Titre du parcours.", en="The journey's title.", example="Je me fais rembourser mes soins")
    kind: JourneyKindName = described(
        fr="Type de parcours : un parcours client couvre toute la relation, un parcours d'achat s'arrête à l'achat.",
        en="Kind of journey: a customer journey covers the whole relationship, a buyer journey stops at the purchase.",
        example="customer",
    )
    summary: Markdown | None = described(
        None, fr="Le parcours en deux phrases (Markdown).", en="The journey in two sentences (Markdown)."
    )
    personas: list[Slug] = described(
        [], fr="Personas qui vivent ce parcours (identifiants de `personas/`).", en="Personas travelling this journey.", example=["fanny"]
    )
    owner: Text = described(
        fr="Qui porte le parcours et sa mise à jour.", en="Who owns the journey and keeps it up to date.", example="Direction de l'expérience client"
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
    data: list[Text] = described(
        [],
        fr="Fichiers de données exportés du reporting (CSV ou XLSX), relatifs au fichier : colonnes période, étape, point de contact (facultatif), mesure, valeur. La dernière période remplace les chiffres écrits ici ; toutes dessinent les tendances.",
        en="Data files exported from reporting (CSV or XLSX), relative to the file: columns period, stage, touchpoint (optional), measure, value. The latest period replaces the figures written here; all draw the trends.",
        example=["data/remboursement-2026.csv"],
    )
