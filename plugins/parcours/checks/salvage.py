"""The valid rest of an invalid source, so that its references are checked in the same run."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from ..model import Kind, Settings
from ..sources.document import PrunedDocument, SourceDocument
from ..sources.positions import Loc, format_loc
from .validation import clean_loc


#: Rounds of pruning before giving up on checking the rest of an invalid file.
_SALVAGE_ROUNDS = 3


def salvage(doc: SourceDocument, kind: Kind, settings: Settings) -> tuple[BaseModel, PrunedDocument] | None:
    """The valid rest of an invalid source, to check its references in the same run.

    Each error's list item (a stage, a touchpoint, a verbatim…) is left out,
    and each unknown field; an error outside any list (a missing title) leaves
    nothing to check. The problems found in what is kept name the file's own
    lines and positions: an analyst gets every problem at once, not one round
    of errors per fix.
    """
    removed: set[Loc] = set()
    dropped: set[Loc] = set()
    pruned = PrunedDocument(kind=doc.kind, path=doc.path, rel=doc.rel, data=doc.data, body=doc.body, body_line=doc.body_line,
                            value_positions=doc.value_positions, key_positions=doc.key_positions)
    for _ in range(_SALVAGE_ROUNDS):
        data, kept = _pruned(doc.data, (), removed, dropped)
        pruned.data, pruned.kept = data, kept
        pruned.left_out = {str(name) for loc in removed for name in _names(doc.data, loc)}
        pruned.left_out_scopes = {format_loc(loc[:-2]) for loc in removed if len(loc) > 2}
        try:
            return kind.model.model_validate(data, context={"settings": settings}), pruned
        except ValidationError as error:
            for item in error.errors():
                loc = pruned.original(clean_loc(item["loc"]))
                if item["type"] == "extra_forbidden":
                    dropped.add(loc)
                    continue
                indexes = [position for position, part in enumerate(loc) if isinstance(part, int)]
                if not indexes:
                    return None
                removed.add(loc[: indexes[-1] + 1])
    return None


def _names(data: Any, loc: Loc) -> list[Any]:
    """What other parts of the file may call the item at `loc` by: its id, key or channel."""
    item = data
    for part in loc:
        try:
            item = item[part]
        except (KeyError, IndexError, TypeError):
            return []
    return [item[name] for name in ("id", "key", "channel") if isinstance(item, dict) and name in item]


def _pruned(value: Any, loc: Loc, removed: set[Loc], dropped: set[Loc]) -> tuple[Any, dict[Loc, list[int]]]:
    """`value` without the items and keys named; `kept`: the file positions of each list's items kept."""
    kept: dict[Loc, list[int]] = {}
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if (*loc, key) in dropped:
                continue
            out[key], inner = _pruned(item, (*loc, key), removed, dropped)
            kept.update(inner)
        return out, kept
    if isinstance(value, list):
        out_list, positions = [], []
        for position, item in enumerate(value):
            if (*loc, position) in removed:
                continue
            pruned_item, inner = _pruned(item, (*loc, position), removed, dropped)
            out_list.append(pruned_item)
            positions.append(position)
            kept.update(inner)
        kept[loc] = positions
        return out_list, kept
    return value, kept
