"""The site's settings for Parcours: one definition for every adapter.

The MkDocs plugin reads them from `plugins: - parcours:` in `mkdocs.yml`; the
CLI reads the same block from the same file. Both hand the raw mapping to
`Settings`, which holds every default and every check.
"""

from __future__ import annotations

from functools import cached_property

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..language.customers import CustomerWords, singular_of
from .fields import Slug, WebAddress, described
from .site_lists import (
    DEFAULT_CHANNELS,
    ChannelSetting,
    PhaseSetting,
    merged_channels,
    preset_phases,
    preset_prospect_phases,
)
from .vocabulary import TOUCHPOINT_VALUE

__all__ = ["DEFAULT_CHANNELS", "ChannelSetting", "CriterionSetting", "PhaseSetting", "Settings"]

#: A word for the people served: letters, spaces, hyphens and apostrophes (« usagers du service »).
CustomerWord = Annotated[str, Field(min_length=2, max_length=40, pattern=r"^[^\W\d_]+(?:[ '’-][^\W\d_]+)*$")]

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
    customers: CustomerWord | None = described(
        None,
        fr="Le mot de l'organisation pour les personnes qu'elle sert, au pluriel (« adhérents », « usagers », « abonnés »…) : le site l'écrit partout où il les nomme. Par défaut « clients ».",
        en="The organisation's word for the people it serves, in the plural (“members”, “users”, “subscribers”…): the site writes it wherever it names them. Default “customers”.",
        example="adhérents",
    )
    customer: CustomerWord | None = described(
        None,
        fr="Le même mot au singulier, quand ce n'est pas le pluriel sans son « s » final (« adhérent » pour « adhérents » se déduit seul).",
        en="The same word in the singular, when it is not the plural without its final “s” (“member” for “members” goes without saying).",
        example="adhérent",
    )
    channels: list[ChannelSetting] = described(
        [],
        fr="Canaux ajoutés aux canaux par défaut, un par ligne : son nom (« Technicien à domicile »), son identifiant, ou `{id, label, icon}`. Un canal de l'identifiant d'un canal par défaut en change le nom ou l'icône.",
        en="Channels added to the default ones, one per line: its name (“Home technician”), its identifier, or `{id, label, icon}`. A channel with a default channel's identifier changes its name or icon.",
        example=["Technicien à domicile"],
    )
    channels_removed: list[Slug] = described(
        [], fr="Canaux par défaut que le site n'utilise pas, par identifiant.", en="Default channels the site does not use, by identifier.", example=["agence"]
    )
    default_channels: bool = described(
        True,
        fr="`false` : les seuls canaux du site sont ceux de `channels`, sans les canaux par défaut.",
        en="`false`: the site's only channels are those of `channels`, without the default ones.",
    )
    phases: dict[Slug, list[PhaseSetting]] = described(
        {},
        fr="Les phases de chaque type de parcours (`kind`), dans l'ordre, une par ligne. Deux types existent d'office, `customer` (before, purchase, after) et `buyer` (awareness, consideration, decision) ; en écrire un remplace ses phases, en nommer un nouveau crée un type de parcours.",
        en="The phases of each kind of journey (`kind`), in order, one per line. Two kinds exist from the start, `customer` (before, purchase, after) and `buyer` (awareness, consideration, decision); writing one replaces its phases, naming a new one creates a kind of journey.",
        example={"customer": ["before", "purchase", "installation", "after"]},
    )
    prospect_phases: dict[Slug, list[Slug]] = described(
        {},
        fr="Pour un type de parcours, les phases vécues par des personnes qui ne sont pas encore clientes, laissées hors de la satisfaction du parcours (par défaut, `before` pour `customer`).",
        en="For a kind of journey, the phases lived by people who are not customers yet, left out of the journey's satisfaction (default: `before` for `customer`).",
        example={"customer": ["before"]},
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

    @field_validator("channels", "channels_removed", "phases", "prospect_phases", "media_hosts", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object, info: ValidationInfo) -> object:
        """`channels:` with only commented lines under it is an empty list, not a mistake."""
        if value is None:
            return {} if info.field_name in ("phases", "prospect_phases") else []
        return value

    _channels: list[ChannelSetting] = PrivateAttr(default_factory=list)
    _phases: dict[str, list[PhaseSetting]] = PrivateAttr(default_factory=dict)
    _prospects: dict[str, list[str]] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _site_lists(self) -> "Settings":
        """Each list unique, each removal naming a default, each prospect phase one of its kind's."""
        lists = [("channels", self.channels), ("criteria", self.criteria)]
        lists += [(f"phases.{kind}", phases) for kind, phases in self.phases.items()]
        for name, items in lists:
            seen: set[str] = set()
            for item in items:
                if item.id in seen:
                    raise PydanticCustomError("duplicate_setting", "duplicate", {"list": name, "value": item.id})
                seen.add(item.id)
        defaults = [cid for cid, _ in DEFAULT_CHANNELS]
        for removed in self.channels_removed:
            if removed not in defaults:
                raise PydanticCustomError("unknown_default_channel", "unknown default channel", {"value": removed, "known": defaults})
        self._channels = merged_channels(self.channels, self.channels_removed, self.default_channels)
        self._phases = {**preset_phases(), **self.phases}
        self._prospects = {**preset_prospect_phases(), **self.prospect_phases}
        for kind, prospects in self.prospect_phases.items():
            if kind not in self._phases:
                raise PydanticCustomError("unknown_kind_setting", "unknown kind", {"value": kind, "known": list(self._phases)})
            known = [phase.id for phase in self._phases[kind]]
            for phase in prospects:
                if phase not in known:
                    raise PydanticCustomError("phase_for_kind", "unknown phase", {"value": phase, "kind": kind, "known": known})
        return self

    def customer_words(self) -> CustomerWords | None:
        """The site's word for its customers, when it names them its own way."""
        if self.customers is None:
            return None
        return CustomerWords(self.customer or singular_of(self.customers), self.customers)

    def site_channels(self) -> list[ChannelSetting]:
        """The site's channels: the defaults it keeps, then those it adds."""
        return self._channels

    def channel_ids(self) -> list[str]:
        return [channel.id for channel in self._channels]

    def journey_kinds(self) -> list[str]:
        return list(self._phases)

    def kind_phases(self, kind: str) -> list[str]:
        """A kind of journey's phases, in order (none for an unknown kind)."""
        return [phase.id for phase in self._phases.get(kind, [])]

    def prospect_phases_of(self, kind: str) -> list[str]:
        return list(self._prospects.get(kind, []))

    def phase_ids(self) -> list[str]:
        """Every phase of every kind, each once, in the kinds' order."""
        return list(dict.fromkeys(phase.id for phases in self._phases.values() for phase in phases))

    def phase(self, phase_id: str) -> PhaseSetting | None:
        return next((phase for phases in self._phases.values() for phase in phases if phase.id == phase_id), None)

    def criterion_ids(self) -> list[str]:
        return [criterion.id for criterion in self.criteria]

    def scored_criterion_ids(self) -> list[str]:
        """The criteria a solution sheet scores (the others are computed)."""
        return [criterion.id for criterion in self.criteria if not criterion.from_touchpoints]

    @cached_property
    def channels_by_id(self) -> dict[str, ChannelSetting]:
        """The site's channels by id (the first of a name wins): every touchpoint of every
        page looks its channel up. A plain attribute once computed, unlike a private one."""
        return {channel.id: channel for channel in reversed(self._channels)}

    def channel(self, channel_id: str) -> ChannelSetting | None:
        return self.channels_by_id.get(channel_id)
