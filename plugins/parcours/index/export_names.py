"""The stage and touchpoint an export's row names: by identifier, or by the
name the site shows.

Reporting tools know a stage by its title (« Je déclare mon sinistre »), not
by the identifier its YAML gives it; a touchpoint by its label. Either is
taken, compared as identifiers are compared (case, accents, spaces and
punctuation aside), so « je declare  mon sinistre » is the same stage. An
identifier written exactly wins over a name. A name two stages share is
refused, naming both, rather than guessed; as for identifiers, a stage of
the current journey is taken before one of the target journey.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..language.names import closest, slugify
from ..model import Journey, Stage

STATES = ("current", "target")
#: Typographic apostrophes (« J’envoie »), which `slugify` would drop rather than separate.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def _normal(text: str) -> str:
    """A name as compared: `J’envoie  ma Facture` and `j-envoie-ma-facture` alike."""
    return slugify(text.translate(_APOSTROPHES))


@dataclass(frozen=True)
class Refusal:
    """Why a cell names nothing: a message code and its parameters."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


class Named:
    """Identifiers and the names the site shows them by, in the order written."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names
        # Compared once per file, not once per row.
        self._normals = [(key, {_normal(key), _normal(name)}) for key, name in names.items()]

    def find(self, text: str) -> list[str] | str:
        """The identifier `text` names, or every one it could name (none, or several)."""
        if text in self.names:
            return text
        normal = _normal(text)
        found = [key for key, normals in self._normals if normal in normals]
        return found[0] if len(found) == 1 else found

    def suggestion(self, text: str) -> str | None:
        """The nearest name or identifier, whichever the cell looks like."""
        return closest(text, [*self.names.values(), *self.names])


class JourneyPlaces:
    """A journey's stages by state, for reading its exports' rows."""

    def __init__(self, journey: Journey) -> None:
        stages = {"current": journey.stages, "target": journey.target.stages if journey.target else []}
        self.stages = {state: {stage.id: stage for stage in stages[state]} for state in STATES}
        self.named = {state: Named({stage.id: str(stage.name) for stage in stages[state]}) for state in STATES}

    def known(self) -> list[str]:
        """Every stage identifier, the current journey's first, each once."""
        return list(dict.fromkeys(key for state in STATES for key in self.stages[state]))

    def every(self) -> Named:
        """Every stage of both states; an identifier in both is the current journey's."""
        names = {**self.named["target"].names, **self.named["current"].names}
        return Named({key: names[key] for key in self.known()})

    def stage(self, text: str) -> tuple[str, Stage] | Refusal:
        """The state and stage a cell names: `(state, stage)`, or why none."""
        for state in STATES:
            if text in self.stages[state]:
                return state, self.stages[state][text]
        for state in STATES:
            found = self.named[state].find(text)
            if isinstance(found, str):
                return state, self.stages[state][found]
            if found:
                return Refusal("data_stage_ambiguous", {"value": text, "known": found})
        return Refusal("data_stage", {"value": text, "suggestion": self.every().suggestion(text), "known": self.known()})


def touchpoint_of(stage: Stage, text: str) -> str | Refusal:
    """The key of the stage's touchpoint a cell names (its identifier, channel or label), or why none."""
    named = Named({touchpoint.key: str(touchpoint.label) for touchpoint in stage.touchpoints})
    found = named.find(text)
    if isinstance(found, str):
        return found
    if found:
        return Refusal("data_touchpoint_ambiguous", {"value": text, "known": found})
    return Refusal("data_touchpoint", {"value": text, "suggestion": named.suggestion(text), "known": list(named.names)})
