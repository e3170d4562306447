"""A stage of a journey, in the customer's words, and what is said of it:
its emotion, its moment of truth, its promise, where its customers go next."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

from .fields import Count, Markdown, Number, Percent, PhaseRef, Slug, SourceModel, Text, described
from .indicators import Evidence, Kpi, evidence_field
from .listening import ListeningDevice
from .touchpoint import Touchpoint
from .vocabulary import ALL_PERSONAS, MAIN_PATH, PathName, Priority
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


class MomentOfTruth(SourceModel):
    """A stage where the relationship can tip either way."""

    why: Text = described(
        fr="Pourquoi cette étape est décisive pour le client.",
        en="Why this stage is decisive for the customer.",
        example="La première réponse prouve que l'entreprise tient parole.",
    )
    priority: Priority = described(
        "high", fr="Priorité.", en="Priority.", example="high"
    )


class Commitment(SourceModel):
    """A promise that can be measured."""

    indicator: Text = described(
        fr="Ce qui est mesuré.", en="What is measured.", example="Délai de réponse après réception du dossier"
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
    evidence: Evidence | None = evidence_field()


class Promise(SourceModel):
    """The experience promised at this stage."""

    text: Text = described(
        fr="La promesse, dite au client.", en="The promise, as said to the customer.", example="Une réponse en 48 h, sans rien renvoyer."
    )
    commitment: Commitment | None = described(
        None, fr="L'engagement mesurable qui tient la promesse.", en="The measurable commitment behind the promise."
    )


class Transition(SourceModel):
    """Where customers go after a stage: a later stage, or back to an earlier one (a retry)."""

    stage: Slug = described(
        fr="L'étape où ils vont (son identifiant, dans le même parcours, actuel ou cible).",
        en="The stage they go to (its identifier, in the same journey, current or target).",
        example="je-reprends-rendez-vous",
    )
    share: Percent | None = described(
        None,
        fr="Part des clients de l'étape qui prennent ce chemin, de 0 à 100.",
        en="Share of the stage's customers taking this way, 0 to 100.",
        example=15,
    )
    label: Text | None = described(
        None,
        fr="Pourquoi ils y vont, vu du client (« L'intervention échoue »).",
        en="Why they go there, seen by the customer (“The intervention fails”).",
        example="L'intervention échoue",
    )


class Stage(SourceModel):
    """A step of the journey, named in the customer's own words."""

    id: Slug = described(
        fr="Identifiant de l'étape (lettres minuscules, chiffres et tirets), utilisé dans les liens et les références.",
        en="The stage's identifier (lower-case letters, digits and hyphens), used in links and references.",
        example="j-envoie-mon-dossier",
    )
    name: Text = described(
        fr="L'étape à la première personne du client : « Je demande un devis », « On me propose un rendez-vous ».",
        en="The stage in the customer's first person: “I ask for a quote”.",
        example="J'envoie mon dossier",
    )
    phase: PhaseRef = described(
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
        [], fr="Ce que fait le client.", en="What the customer does.", example=["Il photographie son justificatif"]
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
        fr="Émotion du client, sur l'échelle du site (par défaut de -2 à +2) : un nombre pour tous, ou un nombre par persona (`camille: -1`).",
        en="The customer's emotion on the site's scale (default -2 to +2): one number for all, or one per persona (`camille: -1`).",
        example={"camille": -1, "marc": 1},
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
    listening: list[ListeningDevice] = described(
        [],
        fr="Le plan d'écoute de l'étape : comment on y interroge les clients (questionnaire à chaud, appel, entretien, veille des avis, visite mystère…). Un moment de vérité que personne n'écoute est signalé.",
        en="The stage's listening plan: how its customers are asked (hot survey, call, interview, review monitoring, mystery shopping…). A moment of truth nobody listens to is flagged.",
    )
    team: Text | None = described(
        None, fr="Équipe qui porte l'étape.", en="The team that owns the stage.", example="Centre de contact"
    )
    actor: Text | None = described(
        None,
        fr="Qui agit à cette étape, quand ce n'est ni le client ni l'entreprise elle-même : un partenaire, un sous-traitant, l'opérateur du réseau, un intermédiaire, un médiateur. La carte l'affiche sous le nom de l'étape.",
        en="Who acts at this stage, when it is neither the customer nor the company itself: a partner, a subcontractor, the network's owner, an intermediary, a mediator. The map shows it under the stage's name.",
        example="Opérateur du réseau",
    )
    path: PathName = described(
        MAIN_PATH,
        fr="Où l'étape se situe : sur la ligne principale du parcours, ou sur un chemin que prennent certains clients (une exception, un incident). Une étape hors de la ligne principale n'est jamais « là où les clients s'arrêtent ».",
        en="Where the stage sits: on the journey's main line, or on a path some customers take (an exception, an incident). A stage off the main line is never “where customers stop”.",
        example="exception",
    )
    next: list[Transition] = described(
        [],
        fr="Les étapes où vont les clients ensuite, avec la part de chacune, quand ce n'est pas simplement l'étape suivante : une bifurcation, ou un retour à une étape précédente (un nouvel essai).",
        en="The stages customers go to next, with the share of each, when it is not simply the following stage: a fork, or a return to an earlier stage (a retry).",
    )
    evidence: Evidence | None = evidence_field()


class TargetStage(Stage):
    """A stage of the target journey: what it replaces today, and what changes for the customer."""

    replaces: list[Slug] = described(
        [],
        fr="Les étapes du parcours actuel que cette étape remplace (leurs identifiants) : la carte les relie, et trace la courbe émotionnelle cible par-dessus l'actuelle.",
        en="The current journey's stages this stage replaces (their identifiers): the map links them, and draws the target emotion curve over the current one.",
        example=["j-envoie-mon-devis", "je-recois-la-reponse-a-mon-devis"],
    )
    changes: list[Text] = described(
        [],
        fr="Ce qui change pour le client à cette étape, par rapport à aujourd'hui, vu de son côté.",
        en="What changes for the customer at this stage compared with today, from their side.",
        example=["Je n'ai plus rien à poster"],
    )
