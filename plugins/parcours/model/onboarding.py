"""The onboarding path: what a new hire reads, in which order, and checks."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .fields import Markdown, Slug, SourceModel, Text, described


class Visit(SourceModel):
    """A page to read during a step, and what to look for on it."""

    page: Text = described(
        fr="La page à lire : le chemin de sa source dans le site, comme dans la navigation de mkdocs.yml (`journeys/demande.md`, `methode.md`), éventuellement suivi d'une ancre (`#stage-…`).",
        en="The page to read: its source path in the site, as in mkdocs.yml's navigation (`journeys/demande.md`, `methode.md`), possibly with an anchor (`#stage-…`).",
        example="journeys/demande.md",
    )
    look_for: Text = described(
        fr="Ce qu'il faut y regarder.",
        en="What to look for there.",
        example="Le point de blocage, et les verbatims de l'étape « J'attends la réponse ».",
    )


class Question(SourceModel):
    """A self-check question; its answer opens on demand."""

    question: Text = described(fr="La question.", en="The question.", example="Quelle étape fait le plus appeler nos clients ?")
    answer: Markdown = described(fr="La réponse, montrée à la demande.", en="The answer, shown on demand.", example="L'attente de la réponse.")


class Step(SourceModel):
    """One step of the path."""

    id: Slug = described(
        fr="Identifiant de l'étape (il garde la progression des lecteurs : ne le changez pas une fois publié).",
        en="The step's identifier (it keeps readers' progress: do not change it once published).",
        example="comprendre-un-parcours",
    )
    title: Text = described(fr="Titre de l'étape.", en="The step's title.", example="Lire une cartographie")
    minutes: Annotated[int, Field(ge=1, le=240)] = described(fr="Durée estimée, en minutes.", en="Estimated time, in minutes.", example=15)
    description: Markdown | None = described(None, fr="Ce que l'étape apporte (Markdown).", en="What the step brings (Markdown).")
    visits: list[Visit] = described(fr="Les pages à lire, dans l'ordre.", en="The pages to read, in order.", min_length=1)
    check: list[Question] = described([], fr="Les questions pour vérifier ce qu'on a retenu.", en="Questions to check what was learnt.")


class Onboarding(SourceModel):
    """The onboarding path of new hires (one file, `onboarding.yml`)."""

    title: Text = described(fr="Titre du parcours d'intégration.", en="The path's title.", example="Bienvenue : vos premiers pas avec nos clients")
    intro: Markdown | None = described(None, fr="Quelques lignes d'accueil (Markdown).", en="A few welcoming lines (Markdown).")
    steps: list[Step] = described(fr="Les étapes, dans l'ordre.", en="The steps, in order.", min_length=1)
