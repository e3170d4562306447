"""How customers are listened to at a stage: the listening devices of the plan.

A device is a way of asking (a hot survey, a reassurance call, an interview,
review monitoring, mystery shopping…) on a channel, to someone (in B2B, the
requester, the buyer or the user), at a frequency; its last result carries
its date, so that a result older than its frequency is seen as late.
"""

from __future__ import annotations

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from .fields import ChannelRef, Count, Date, Number, Percent, SourceModel, Text, described
from .vocabulary import BuyerRole, FrequencyName, KpiType, ListeningMethod


class LastResult(SourceModel):
    """What a listening device gave the last time, and when."""

    date: Date = described(
        fr="Date du dernier résultat (AAAA-MM-JJ) : un résultat plus ancien que la fréquence du dispositif est signalé comme en retard.",
        en="Date of the last result (YYYY-MM-DD): a result older than the device's frequency is flagged as late.",
        example="2026-10-31",
    )
    value: Number | None = described(
        None, fr="La valeur mesurée, quand le résultat est un chiffre.", en="The measured value, when the result is a figure.", example=46
    )
    unit: str | None = described(None, fr="Unité de la valeur (%, /10…).", en="Unit of the value (%, /10…).", example="%")
    answers: Count | None = described(
        None, fr="Nombre de réponses ou de personnes entendues.", en="Number of answers or of people heard.", example=1240
    )
    comment: Text | None = described(
        None,
        fr="Ce que dit le résultat, en une phrase (pour un entretien, ce qui en ressort).",
        en="What the result says, in a sentence (for an interview, what came out of it).",
        example="Le délai de réponse reste la première cause d'insatisfaction.",
    )

    @model_validator(mode="after")
    def _says_something(self) -> "LastResult":
        if self.value is None and not self.comment:
            raise PydanticCustomError("result_empty", "result empty", {})
        return self


class ListeningDevice(SourceModel):
    """One way the customers of a stage are listened to."""

    name: Text = described(
        fr="Le nom du dispositif, tel que les équipes le connaissent.",
        en="The device's name, as the teams know it.",
        example="Questionnaire SMS après la réponse",
    )
    method: ListeningMethod = described(fr="La façon d'écouter.", en="The way of listening.", example="hot_survey")
    channel: ChannelRef = described(
        fr="Le canal par lequel on interroge, pris dans la liste des canaux du site.",
        en="The channel customers are asked through, from the site's channel list.",
        example="sms",
    )
    question: Text = described(
        fr="La question posée, ou l'indicateur suivi.",
        en="The question asked, or the indicator followed.",
        example="Êtes-vous satisfait du délai de réponse à votre demande ?",
    )
    measure: KpiType | None = described(
        None, fr="Ce que mesure son résultat.", en="What its result measures.", example="csat"
    )
    audience: Text | None = described(
        None,
        fr="Qui est interrogé, et quand.",
        en="Who is asked, and when.",
        example="Les clients qui ont reçu leur réponse dans la semaine",
    )
    roles: list[BuyerRole] = described(
        [],
        fr="En B2B, le rôle des personnes interrogées chez le client : la personne change avec le moment du parcours.",
        en="In B2B, the role of the people asked at the customer's: the person changes with the moment of the journey.",
        example=["buyer", "user"],
    )
    frequency: FrequencyName = described(fr="Tous les combien le dispositif donne un résultat.", en="How often the device gives a result.", example="monthly")
    response_rate: Percent | None = described(
        None, fr="Taux de réponse, de 0 à 100.", en="Response rate, 0 to 100.", example=18
    )
    last_result: LastResult | None = described(
        None, fr="Le dernier résultat et sa date.", en="The last result and its date."
    )
    team: Text | None = described(
        None, fr="L'équipe qui mène l'écoute.", en="The team that runs the listening.", example="Direction de l'expérience client"
    )
