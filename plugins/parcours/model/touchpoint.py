"""A touchpoint: a contact between the customer and the company, at a stage, on a channel."""

from __future__ import annotations

from .fields import Amount, ChannelRef, Count, Date, Percent, Slug, SourceModel, Text, described
from .indicators import Evidence, evidence_field
from .vocabulary import Horizon, ImpactLevel, Initiator, PeriodName, Qualification


class TouchpointValue(SourceModel):
    """What a touchpoint brings: the data it captures, its effect on conversion and loyalty, its cost."""

    data: list[Text] = described(
        [],
        fr="Les données que le contact recueille.",
        en="The data the contact captures.",
        example=["Numéro de téléphone portable", "Motif de la demande"],
    )
    content: Text | None = described(
        None,
        fr="Ce que le contact apporte au client : une information, un conseil, un document utile.",
        en="What the contact gives the customer: information, advice, a useful document.",
        example="L'état de la demande et sa prochaine étape",
    )
    conversion: ImpactLevel | None = described(
        None, fr="Son effet sur la conversion (le passage à l'étape suivante, l'achat).", en="Its effect on conversion (going on to the next stage, buying).", example="high"
    )
    loyalty: ImpactLevel | None = described(None, fr="Son effet sur la fidélité.", en="Its effect on loyalty.", example="medium")
    horizon: Horizon | None = described(
        None, fr="Quand cet effet se fait sentir : à court, moyen ou long terme.", en="When that effect is felt: short, medium or long term.", example="short"
    )
    cost: Amount | None = described(
        None,
        fr="Ce que coûte un contact, dans la devise du site (réglage `currency`) : avec le volume, le coût par période.",
        en="What one contact costs, in the site's currency (`currency` setting): with the volume, the cost per period.",
        example=4.5,
    )


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
        example="Appel au centre de contact",
    )
    initiator: Initiator = described(
        fr="Qui prend l'initiative : le client, l'entreprise, ou un partenaire (un sous-traitant, l'opérateur du réseau, un intermédiaire, un médiateur).",
        en="Who starts it: the customer, the company, or a partner (a subcontractor, the network's owner, an intermediary, a mediator).",
        example="customer",
    )
    actor: Text | None = described(
        None,
        fr="Qui agit, quand ce n'est ni le client ni l'entreprise elle-même : « Technicien du sous-traitant », « Médiateur ». La carte l'affiche.",
        en="Who acts, when it is neither the customer nor the company itself: “Subcontractor's technician”, “Mediator”. The map shows it.",
        example="Technicien du sous-traitant",
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
        example="Il faut rappeler deux fois avant d'obtenir une réponse.",
    )
    since: Date | None = described(
        None,
        fr="Date à laquelle la qualification actuelle a été constatée (AAAA-MM-JJ) : un irritant constaté après la date choisie par le lecteur compte parmi les nouveaux irritants de « Ce qui a changé ».",
        en="Date the current qualification was found (YYYY-MM-DD): an irritant found after the date the reader picks counts among the new irritants of “What changed”.",
        example="2026-06-04",
    )
    previously: Qualification | None = described(
        None,
        fr="La qualification d'avant, quand elle a changé le jour de `since` : un irritant résolu s'écrit `previously: irritant`, avec sa nouvelle qualification (ou aucune).",
        en="The qualification before, when it changed on the `since` day: a solved irritant is written `previously: irritant`, with its new qualification (or none).",
        example="irritant",
    )
    value: TouchpointValue | None = described(
        None,
        fr="Ce que le point de contact apporte : données recueillies, effet sur la conversion et la fidélité, coût. La priorisation des chantiers s'en sert.",
        en="What the touchpoint brings: data captured, effect on conversion and loyalty, cost. The prioritisation of solutions uses it.",
    )
    team: Text | None = described(
        None, fr="Équipe qui porte ce point de contact.", en="The team that owns this touchpoint.", example="Centre de contact"
    )
    personas: list[Slug] = described(
        [],
        fr="Personas concernés, si ce point de contact ne vaut que pour certains.",
        en="Personas concerned, when the touchpoint applies to some only.",
        example=["marc"],
    )
    part_of: Slug | None = described(
        None,
        fr="Le point de contact de la même étape dont celui-ci est une partie (ses interventions échouées parmi toutes les interventions) : son volume n'est pas compté deux fois.",
        en="The touchpoint of the same stage this one is part of (the failed interventions among all interventions): its volume is not counted twice.",
        example="intervention",
    )
    evidence: Evidence | None = evidence_field()

    @property
    def key(self) -> str:
        """Its identifier within the stage: `id`, or else its channel."""
        return self.id or self.channel
