"""Customer committees: panels of customers met regularly, and what each session tested or decided.

One file for the site (`committees.yml`): its topics link stages and
solutions of any journey, whose pages then show the sessions about them.
"""

from __future__ import annotations

from .fields import Count, Date, Markdown, Slug, SourceModel, Text, described
from .solution import StageReference
from .vocabulary import BuyerRole, FrequencyName


class Topic(SourceModel):
    """One subject of a session: what it was about, and what came of it."""

    subject: Text = described(fr="Le sujet, dit simplement.", en="The subject, said simply.", example="Suivre sa demande en direct")
    stages: list[StageReference] = described(
        [],
        fr="Les étapes dont il a été question : `parcours/étape` (actuelle ou cible), ou `parcours/étape/point-de-contact`.",
        en="The stages discussed: `journey/stage` (current or target), or `journey/stage/touchpoint`.",
        example=["demande/j-attends-une-reponse"],
    )
    solutions: list[Slug] = described(
        [], fr="Les fiches chantier présentées ou testées (identifiants de `solutions/`).", en="The solution sheets presented or tested (identifiers in `solutions/`).",
        example=["suivi-en-direct"],
    )
    tested: Text | None = described(
        None, fr="Ce qui a été montré ou testé avec les clients.", en="What was shown or tested with the customers.",
        example="La maquette de la frise de suivi en quatre étapes",
    )
    heard: Text | None = described(
        None, fr="Ce que les clients en ont dit.", en="What the customers said about it.",
        example="Neuf participants sur onze veulent un seul message, le jour de la réponse.",
    )
    decided: Text | None = described(
        None, fr="Ce qui a été décidé ensuite.", en="What was decided afterwards.",
        example="Le message part le jour de la réponse, avec ce qu'elle dit.",
    )


class Session(SourceModel):
    """A meeting of the committee."""

    date: Date = described(fr="Date de la séance (AAAA-MM-JJ).", en="Date of the session (YYYY-MM-DD).", example="2026-09-17")
    participants: Count = described(fr="Nombre de clients présents.", en="Number of customers present.", example=11)
    topics: list[Topic] = described(fr="Les sujets de la séance.", en="The session's topics.", min_length=1)


class Committee(SourceModel):
    """A panel of representative customers, met regularly."""

    id: Slug = described(
        fr="Identifiant du comité (lettres minuscules, chiffres et tirets), pour les liens.",
        en="The committee's identifier (lower-case letters, digits and hyphens), for links.",
        example="panel-clients",
    )
    name: Text = described(fr="Nom du comité.", en="The committee's name.", example="Le panel des clients")
    description: Markdown | None = described(
        None, fr="Qui le compose et comment il travaille (Markdown).", en="Who sits on it and how it works (Markdown)."
    )
    audience: Text | None = described(
        None, fr="Les clients qui le composent.", en="The customers sitting on it.", example="Seize clients de tous âges, recrutés chaque année"
    )
    roles: list[BuyerRole] = described(
        [], fr="En B2B, le rôle des clients qui y siègent.", en="In B2B, the role of the customers sitting on it.", example=["buyer"]
    )
    frequency: FrequencyName | None = described(None, fr="Tous les combien il se réunit.", en="How often it meets.", example="quarterly")
    sessions: list[Session] = described([], fr="Ses séances, dans n'importe quel ordre.", en="Its sessions, in any order.")


class Committees(SourceModel):
    """The site's customer committees (`committees.yml`)."""

    committees: list[Committee] = described(fr="Les comités clients.", en="The customer committees.", min_length=1)
