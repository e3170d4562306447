"""The names a site gives its channels, phases and kinds of journey.

Its own (from `mkdocs.yml`) first, else the translation table's, else the
identifier made readable: `mise-en-service` reads « Mise en service ». The
pages, the schemas and the scaffolds all name them through here.
"""

from __future__ import annotations

from ..language.translator import Translator
from .settings import Settings
from .site_lists import humanised


def channel_label(settings: Settings, translator: Translator, channel_id: str) -> str:
    channel = settings.channel(channel_id)
    if channel and channel.label:
        return channel.label
    return translator.labels()["channel"].get(channel_id) or humanised(channel_id)


def phase_label(settings: Settings, translator: Translator, phase_id: str) -> str:
    phase = settings.phase(phase_id)
    if phase and phase.label:
        return phase.label
    return translator.labels()["phase"].get(phase_id) or humanised(phase_id)


def kind_label(translator: Translator, kind: str) -> str:
    """A kind of journey's name (« Parcours client »)."""
    return translator.labels()["journey_kind"].get(kind) or humanised(kind)


def site_value_labels(settings: Settings, translator: Translator) -> dict[str, dict[str, str]]:
    """The words of the values a site sets itself, by vocabulary group (for schemas and the reference page)."""
    return {
        "phase": {phase: phase_label(settings, translator, phase) for phase in settings.phase_ids()},
        "journey_kind": {kind: kind_label(translator, kind) for kind in settings.journey_kinds()},
        "channel": {channel: channel_label(settings, translator, channel) for channel in settings.channel_ids()},
    }
