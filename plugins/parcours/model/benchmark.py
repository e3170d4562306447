"""A best-practice sheet: what another company does well at a given stage."""

from __future__ import annotations

from .fields import ChannelRef, Date, PhaseRef, Markdown, Slug, SourceModel, Text, described, source_id


class Screenshot(SourceModel):
    """A picture of the practice, with the words that say what it shows."""

    file: Text = described(
        fr="L'image (png, jpg, webp, svg), relative au fichier ; publiée redimensionnée, sans ses métadonnées.",
        en="The image (png, jpg, webp, svg), relative to the file; published resized, without its metadata.",
        example="captures/svi-visuel.png",
    )
    caption: Text = described(
        fr="Ce que montre l'image : sa légende, et son texte pour ceux qui ne la voient pas.",
        en="What the picture shows: its caption, and its text for those who cannot see it.",
        example="Le menu visuel qui s'ouvre pendant l'appel",
    )


class Benchmark(SourceModel):
    """Front matter of a `benchmarks/<id>.md` sheet; the body gives the details."""

    id: Slug | None = source_id("uber-notation-instantanee")
    title: Text = described(fr="La pratique en une ligne.", en="The practice in one line.", example="Noter chaque course dès l'arrivée")
    company: Text = described(fr="Entreprise observée.", en="The company observed.", example="Uber")
    sector: Text = described(fr="Secteur de l'entreprise.", en="The company's sector.", example="Mobilité")
    phase: PhaseRef | None = described(
        None,
        fr="Phase servie, parmi celles des types de parcours du site.",
        en="Phase served, among those of the site's kinds of journey.",
        example="after",
    )
    stage: Text = described(
        fr="Le type d'étape servie, dit comme le client le vit.", en="The kind of stage served, as the customer lives it.", example="Je donne mon avis"
    )
    channels: list[ChannelRef] = described([], fr="Canaux concernés.", en="Channels concerned.", example=["application"])
    practice: Markdown = described(fr="Ce que fait l'entreprise.", en="What the company does.")
    why_it_works: Markdown = described(fr="Pourquoi ça marche.", en="Why it works.")
    source: Text = described(
        fr="D'où vient l'observation (article, visite, test client mystère…).",
        en="Where the observation comes from (article, visit, mystery shopping…).",
        example="Test en conditions réelles, application iOS",
    )
    observed: Date = described(fr="Date de l'observation (AAAA-MM-JJ).", en="Date observed (YYYY-MM-DD).", example="2026-05-20")
    screenshots: list[Screenshot] = described([], fr="Captures d'écran de la pratique.", en="Screenshots of the practice.")
