"""The glossary of customer-experience terms, shown as a page and on hover."""

from __future__ import annotations

from .fields import SourceModel, Text, described


class Term(SourceModel):
    """A term and what it means, as the team says it."""

    term: Text = described(fr="Le terme, tel qu'il s'écrit dans le site.", en="The term, as the site writes it.", example="moment de vérité")
    definition: Text = described(
        fr="Sa définition, en une ou deux phrases (elle s'affiche au survol du terme).",
        en="Its definition, in a sentence or two (shown when hovering the term).",
        example="Étape décisive où la relation peut basculer, dans un sens ou dans l'autre.",
    )
    forms: list[Text] = described(
        [],
        fr="Autres formes du terme à reconnaître dans le texte (pluriel, majuscule…).",
        en="Other forms of the term to recognise in the text (plural, capitalised…).",
        example=["moments de vérité"],
    )


class Glossary(SourceModel):
    """The site's glossary (one file, `glossary.yml`)."""

    intro: Text | None = described(None, fr="Une phrase d'introduction.", en="An introductory sentence.")
    terms: list[Term] = described(fr="Les termes, dans l'ordre voulu.", en="The terms, in the order wanted.", min_length=1)
