"""The lists a site adapts to its company: its contact channels and its journeys' phases.

A telecom operator adds « technicien à domicile » to the default channels
and an « installation » phase to the customer journey; neither copies the
defaults to change one line. An item is written as its identifier
(`installation`), its name (`Technicien à domicile`, whose identifier is
its slug) or both (`{id: ..., label: ...}`).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

from ..language.names import SLUG, slugify
from .fields import Slug, described
from .vocabulary import JOURNEY_KINDS

#: Channels offered to every site, which it adds to or removes from: id and
#: Material icon. Labels come from the translation table (`labels.channel.<id>`).
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
)


def _named(value: Any) -> Any:
    """`installation` is an identifier; `Technicien à domicile` a name, whose identifier is its slug."""
    if isinstance(value, str):
        text = value.strip()
        return {"id": text} if SLUG.match(text) else {"id": slugify(text), "label": text}
    return value


class _Named(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return _named(value)


class ChannelSetting(_Named):
    """One contact channel a touchpoint may use."""

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


class PhaseSetting(_Named):
    """One phase of a kind of journey."""

    id: Slug = described(fr="Identifiant de la phase, écrit dans `phase` des étapes.", en="The phase's identifier, as written in stages' `phase`.", example="installation")
    label: str | None = described(
        None, fr="Nom affiché (par défaut, celui de la table de traduction, ou l'identifiant).", en="Displayed name (default: the translation table's, or the identifier).",
        example="Installation",
    )


def merged_channels(added: list[ChannelSetting], removed: list[str], defaults: bool) -> list[ChannelSetting]:
    """The defaults (unless turned off), less those removed, with those added: a channel
    of a default's identifier changes its name or icon in place."""
    channels = [ChannelSetting(id=cid, icon=icon) for cid, icon in DEFAULT_CHANNELS] if defaults else []
    channels = [channel for channel in channels if channel.id not in removed]
    by_id = {channel.id: position for position, channel in enumerate(channels)}
    for channel in added:
        if channel.id in by_id:
            default = channels[by_id[channel.id]]
            given = channel.model_dump(exclude_unset=True)
            channels[by_id[channel.id]] = default.model_copy(update=given)
        else:
            by_id[channel.id] = len(channels)
            channels.append(channel)
    return channels


def preset_phases() -> dict[str, list[PhaseSetting]]:
    """The two classic sets: the customer journey's and the buyer journey's."""
    return {kind.id: [PhaseSetting(id=phase) for phase in kind.phases] for kind in JOURNEY_KINDS}


def preset_prospect_phases() -> dict[str, list[str]]:
    return {kind.id: list(kind.prospect_phases) for kind in JOURNEY_KINDS}


def humanised(identifier: str) -> str:
    """`mise-en-service` → « Mise en service »: a name for an identifier no table names."""
    text = identifier.replace("-", " ")
    return text[:1].upper() + text[1:]
