"""The persona: a composite portrait of a customer type, and how to serve them."""

from __future__ import annotations

from .fields import ChannelRef, Slug, SourceModel, Text, described, source_id
from .vocabulary import DigitalMaturity
from .voices import Clip


class Posture(SourceModel):
    """How front-line staff should behave with this persona."""

    wording: list[Text] = described(
        [],
        fr="Les mots à employer (ton, vocabulaire, formules).",
        en="The words to use (tone, vocabulary, phrases).",
        example=["Vouvoyer, phrases courtes, sans sigle"],
    )
    script: Text | None = described(
        None,
        fr="Un court exemple de ce qu'on peut dire.",
        en="A short example of what to say.",
        example="Je reste avec vous le temps de vérifier que tout est bien reçu.",
    )
    do: list[Text] = described([], fr="À faire.", en="Do.", example=["Annoncer un délai précis"])
    dont: list[Text] = described([], fr="À éviter.", en="Don't.", example=["Renvoyer vers l'application sans accompagner"])


class Persona(SourceModel):
    """Front matter of a `personas/<id>.md` sheet; the Markdown body tells their story."""

    id: Slug | None = source_id("camille")
    name: Text = described(fr="Prénom et court descriptif.", en="First name and a short description.", example="Camille, la jeune active pressée")
    portrait: str | None = described(
        None,
        fr="Image du persona (chemin relatif au fichier), une illustration plutôt qu'une photo.",
        en="The persona's picture (path relative to the file), an illustration rather than a photo.",
        example="portraits/camille.svg",
    )
    quote: Text = described(
        fr="Une phrase qui résume le persona, à sa façon.", en="A sentence that sums the persona up, in their words.", example="Je veux que ça marche du premier coup."
    )
    context: list[Text] = described(
        [],
        fr="Contexte et caractéristiques (âge, situation, contrat…).",
        en="Context and characteristics (age, situation, contract…).",
        example=["31 ans, cadre, célibataire"],
    )
    goals: list[Text] = described([], fr="Ce que le persona cherche à obtenir.", en="What the persona wants to achieve.")
    frustrations: list[Text] = described([], fr="Ce qui l'agace ou le bloque.", en="What annoys or blocks them.")
    expectations: list[Text] = described([], fr="Ce qu'il attend de nous.", en="What they expect from us.")
    channels: list[ChannelRef] = described(
        [], fr="Canaux préférés, du plus au moins utilisé.", en="Preferred channels, most used first.", example=["application", "chat"]
    )
    digital_maturity: DigitalMaturity = described(
        fr="Maturité numérique.", en="Digital maturity.", example="high"
    )
    recognise: list[Text] = described(
        [],
        fr="Comment le reconnaître au téléphone, en agence ou par écrit.",
        en="How to recognise them on the phone, in an agency or in writing.",
        example=["Appelle entre midi et deux, depuis son mobile"],
    )
    posture: Posture | None = described(None, fr="La posture à adopter.", en="The posture to adopt.")
    video: Clip | None = described(
        None,
        fr="La vidéo d'une minute qui présente le persona, avec ses sous-titres.",
        en="The one-minute video presenting the persona, with its captions.",
    )
