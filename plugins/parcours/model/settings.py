"""The site's settings for Parcours: one definition for every adapter.

The MkDocs plugin reads them from `plugins: - parcours:` in `mkdocs.yml`; the
CLI reads the same block from the same file. Both hand the raw mapping to
`Settings`, which holds every default and every check.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .fields import Slug, WebAddress, described
from .vocabulary import TOUCHPOINT_VALUE

#: Channels offered when a site lists none: id and Material icon. Labels come
#: from the translation table (`labels.channel.<id>`).
DEFAULT_CHANNELS: tuple[tuple[str, str], ...] = (
    ("site-web", "material/web"),
    ("espace-client", "material/account-lock-outline"),
    ("application", "material/cellphone"),
    ("email", "material/email-outline"),
    ("telephone", "material/phone-outline"),
    ("chat", "material/chat-outline"),
    ("messagerie", "material/message-text-outline"),
    ("sms", "material/message-processing-outline"),
    ("agence", "material/storefront-outline"),
    ("courrier", "material/email-newsletter"),
    ("conseiller", "material/account-tie-outline"),
    ("reseaux-sociaux", "material/account-group-outline"),
    ("sites-avis", "material/star-half-full"),
    ("professionnel-sante", "material/stethoscope"),
)

#: Prioritisation criteria offered when a site lists none (labels from the table):
#: id, weight, counted against, computed from the touchpoints addressed.
DEFAULT_CRITERIA: tuple[tuple[str, float, bool, bool], ...] = (
    ("customer_expectations", 3.0, False, False),
    ("business_development", 2.0, False, False),
    ("technical_feasibility", 2.0, False, False),
    ("employee_expectations", 1.0, False, False),
    ("resources", 2.0, True, False),
    (TOUCHPOINT_VALUE, 2.0, False, True),
)


class ChannelSetting(BaseModel):
    """One contact channel a touchpoint may use."""

    model_config = ConfigDict(extra="forbid")

    id: Slug = described(fr="Identifiant du canal, écrit dans les sources.", en="The channel's identifier, as written in sources.", example="telephone")
    label: str | None = described(
        None, fr="Nom affiché (par défaut, celui de la table de traduction).", en="Displayed name (default: the translation table's).", example="Téléphone"
    )
    icon: str = described(
        "material/message-outline",
        fr="Icône Material for MkDocs (`material/phone`).",
        en="A Material for MkDocs icon (`material/phone`).",
        example="material/phone-outline",
    )


class CriterionSetting(BaseModel):
    """One criterion on which solutions are scored."""

    model_config = ConfigDict(extra="forbid")

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*$")] = described(
        fr="Identifiant du critère, écrit dans `scores` des fiches chantier.", en="The criterion's identifier, as written in `scores`.", example="customer_expectations"
    )
    label: str | None = described(None, fr="Nom affiché.", en="Displayed name.", example="Attentes clients")
    weight: float = described(1.0, fr="Poids du critère dans la priorité.", en="The criterion's weight in the priority.", ge=0, example=3)
    against: bool = described(
        False,
        fr="Vrai si une note haute fait baisser la priorité (les ressources nécessaires, par exemple).",
        en="True when a high score lowers the priority (resources needed, for instance).",
    )
    from_touchpoints: bool = described(
        False,
        fr="Vrai si la note ne s'écrit pas dans les fiches : elle se calcule à partir de la valeur (`value`) des points de contact que le chantier traite (un effet fort sur la conversion ou la fidélité vaut 5, moyen 3, faible 1).",
        en="True when the score is not written in the sheets: it is computed from the value (`value`) of the touchpoints the solution addresses (a high effect on conversion or loyalty is 5, medium 3, low 1).",
    )


def _ordered_scale(value: tuple[int, int]) -> tuple[int, int]:
    if value[0] >= value[1]:
        raise PydanticCustomError("scale_order", "scale order", {"low": value[0], "high": value[1]})
    return value


class Settings(BaseModel):
    """Everything a site may set under `plugins: - parcours:` in `mkdocs.yml`."""

    model_config = ConfigDict(extra="forbid")

    enabled: bool = described(
        True,
        fr="Active Parcours pour cette construction du site ; `false` le laisse de côté (par exemple `enabled: !ENV [PARCOURS, true]`). La commande `parcours check` vérifie les sources dans tous les cas.",
        en="Turns Parcours on for this build of the site; `false` leaves it out (for instance `enabled: !ENV [PARCOURS, true]`). The `parcours check` command checks the sources either way.",
    )
    language: Literal["fr", "en"] | None = described(
        None,
        fr="Langue des pages et des messages. Par défaut, celle du thème (`theme.language`), sinon le français.",
        en="Language of the pages and messages. Defaults to the theme's (`theme.language`), else French.",
        example="fr",
    )
    journeys_dir: str = described("journeys", fr="Dossier des parcours.", en="Folder of the journeys.")
    personas_dir: str = described("personas", fr="Dossier des personas.", en="Folder of the personas.")
    benchmarks_dir: str = described("benchmarks", fr="Dossier des fiches benchmark.", en="Folder of the benchmark sheets.")
    solutions_dir: str = described("solutions", fr="Dossier des fiches chantier.", en="Folder of the solution sheets.")
    channels: list[ChannelSetting] = described(
        [ChannelSetting(id=cid, icon=icon) for cid, icon in DEFAULT_CHANNELS],
        fr="Les canaux de contact. Remplace la liste par défaut.",
        en="The contact channels. Replaces the default list.",
    )
    emotion_scale: Annotated[tuple[int, int], AfterValidator(_ordered_scale)] = described(
        (-2, 2),
        fr="Échelle des émotions, [minimum, maximum].",
        en="The emotion scale, [minimum, maximum].",
        example=[-2, 2],
    )
    review_max_age_months: int = described(
        12,
        fr="Âge, en mois, au-delà duquel un parcours doit être revu : sa page l'annonce et « parcours check » avertit.",
        en="Age, in months, after which a journey is due for review: its page says so and “parcours check” warns.",
        ge=1,
    )
    onboarding_file: str = described(
        "onboarding.yml", fr="Le fichier du parcours d'intégration des nouveaux arrivants.", en="The file of the new hires' onboarding path."
    )
    glossary_file: str = described("glossary.yml", fr="Le fichier du glossaire.", en="The glossary's file.")
    committees_file: str = described(
        "committees.yml", fr="Le fichier des comités clients et de leurs séances.", en="The file of the customer committees and their sessions."
    )
    verbatim_max_age_months: int = described(
        36,
        fr="Âge au-delà duquel un verbatim est signalé comme ancien (en mois).",
        en="Age after which a verbatim is flagged as old (months).",
        ge=1,
    )
    media_hosts: list[str] = described(
        [],
        fr="Serveurs de l'intranet d'où les clips peuvent être lus et les images des textes Markdown affichées (par exemple `videos.intranet.example`). Aucune plateforme publique : toute autre adresse est une erreur.",
        en="Intranet hosts clips may be played from and the images of Markdown texts shown (e.g. `videos.intranet.example`). No public platform: any other address is an error.",
        example=["videos.intranet.example"],
    )
    media_max_mb: float = described(
        25,
        fr="Taille maximale d'un fichier audio ou vidéo, en mégaoctets.",
        en="Largest audio or video file allowed, in megabytes.",
        gt=0,
    )
    image_max_width: int = described(
        640,
        fr="Largeur maximale, en pixels, des portraits et images publiés (redimensionnés, sans leurs métadonnées).",
        en="Largest width, in pixels, of published portraits and images (resized, without their metadata).",
        ge=32,
    )
    first_person_check: bool = described(
        True,
        fr="Avertir quand le nom d'une étape n'est pas écrit à la première personne du client.",
        en="Warn when a stage's name is not in the customer's first person.",
    )
    coverage_warnings: bool = described(
        True,
        fr="Avertir des irritants, ruptures, points de contact manquants ou redondants qu'aucun chantier ne traite, des moments de vérité sans indicateur ou que personne n'écoute, des dispositifs d'écoute dont le dernier résultat est plus ancien que leur fréquence, des chantiers qui ne traitent rien et des promesses cibles qu'aucun chantier ne tient.",
        en="Warn about irritants, ruptures, missing or redundant touchpoints no solution addresses, moments of truth with no indicator or that nobody listens to, listening devices whose last result is older than their frequency, solutions that address nothing and target promises no solution delivers.",
    )
    nav_max_pages: int = described(
        30,
        fr="Nombre de fiches d'un même type au-delà duquel la navigation ne les liste plus une à une (leur page d'index les présente toutes).",
        en="Number of sheets of one kind beyond which the navigation stops listing them one by one (their index page shows them all).",
        ge=0,
    )
    commit_url: WebAddress | None = described(
        None,
        fr="Adresse d'un changement dans l'outil git, « {commit} » remplacé par son identifiant. Par défaut, déduite de `repo_url` pour GitHub et GitLab.",
        en="Address of a change in the git tool, with “{commit}” replaced by its identifier. By default, derived from `repo_url` for GitHub and GitLab.",
        pattern=r"\{commit\}",
        example="https://gitlab.intranet.example/cx/parcours/-/commit/{commit}",
    )
    currency: str = described(
        "€", fr="La devise des coûts des points de contact, écrite après le montant.", en="The currency of the touchpoints' costs, written after the amount.", example="€"
    )
    criteria: list[CriterionSetting] = described(
        [CriterionSetting(id=cid, weight=weight, against=against, from_touchpoints=computed) for cid, weight, against, computed in DEFAULT_CRITERIA],
        fr="Critères de priorisation des chantiers et leurs poids.",
        en="Criteria used to prioritise solutions, and their weights.",
    )

    @model_validator(mode="after")
    def _unique_ids(self) -> "Settings":
        for name, items in (("channels", self.channels), ("criteria", self.criteria)):
            seen: set[str] = set()
            for item in items:
                if item.id in seen:
                    raise PydanticCustomError("duplicate_setting", "duplicate", {"list": name, "value": item.id})
                seen.add(item.id)
        return self

    def channel_ids(self) -> list[str]:
        return [channel.id for channel in self.channels]

    def criterion_ids(self) -> list[str]:
        return [criterion.id for criterion in self.criteria]

    def scored_criterion_ids(self) -> list[str]:
        """The criteria a solution sheet scores (the others are computed)."""
        return [criterion.id for criterion in self.criteria if not criterion.from_touchpoints]

    def channel(self, channel_id: str) -> ChannelSetting | None:
        return next((c for c in self.channels if c.id == channel_id), None)
