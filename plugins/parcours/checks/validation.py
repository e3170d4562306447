"""Validating one source against the model, and explaining what is wrong.

Pydantic reports errors as types and locations; this module turns each into
a `Problem` at the line and column where the value was written, with a
message code from the translation table and a suggestion when one is close.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..language.names import closest
from ..language.translator import Translator
from ..model import Kind, Settings
from ..sources.document import SourceDocument
from ..sources.positions import Loc, format_loc
from ..sources.problems import Problem
from .model_types import fields_of, literal_values

# Pydantic's error types, grouped under our message codes.
_CODES: dict[str, str] = {
    "string_type": "expected_text",
    "int_type": "expected_integer",
    "int_parsing": "expected_integer",
    "int_from_float": "expected_integer",
    "float_type": "expected_number",
    "float_parsing": "expected_number",
    "finite_number": "expected_number",
    "bool_type": "expected_boolean",
    "bool_parsing": "expected_boolean",
    "list_type": "expected_list",
    "tuple_type": "expected_list",
    "dict_type": "expected_mapping",
    "model_type": "expected_mapping",
    "model_attributes_type": "expected_mapping",
    "date_type": "expected_date",
    "date_parsing": "expected_date",
    "date_from_datetime_parsing": "expected_date",
    "date_from_datetime_inexact": "expected_date",
    "greater_than_equal": "too_small",
    "greater_than": "too_small",
    "less_than_equal": "too_large",
    "less_than": "too_large",
    "too_short": "empty_list",
    "string_too_short": "empty_text",
    "string_pattern_mismatch": "bad_format",
    "too_long": "too_many_items",
}

_MAX_SHOWN = 60


def shown(value: Any) -> str:
    """A value as quoted in a message: short, on one line."""
    if isinstance(value, (dict, list)):
        text = "…" if value else ("{}" if isinstance(value, dict) else "[]")
    elif value is None:
        text = ""
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value).replace("\n", " ")
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"


def validate_source(
    doc: SourceDocument, kind: Kind, settings: Settings, translator: Translator
) -> tuple[BaseModel | None, list[Problem]]:
    """The source's model, or the problems that keep it from being one."""
    try:
        return kind.model.model_validate(doc.data, context={"settings": settings}), []
    except ValidationError as error:
        return None, [_problem(doc, kind.model, item, translator) for item in error.errors()]


def clean_loc(loc: Any) -> Loc:
    """Pydantic's path without the names it gives union members (`function-after[…]`)."""
    return tuple(part for part in loc if not (isinstance(part, str) and "[" in part and part.endswith("]")))


def _problem(doc: SourceDocument, model: type[BaseModel], error: Any, translator: Translator) -> Problem:
    loc: Loc = clean_loc(error["loc"])
    kind = error["type"]
    ctx = dict(error.get("ctx") or {})
    value = error.get("input")
    params: dict[str, Any] = {"value": shown(value)}

    if kind == "missing":
        field = str(loc[-1])
        return _missing(doc, loc, field)
    if kind == "extra_forbidden" and loc == ("priority",) and model.__name__ == "Solution":
        return doc.problem("priority_computed", loc, key=True)
    if kind == "extra_forbidden":
        field = str(loc[-1])
        known = list(fields_of(model, loc[:-1]))
        aliases = _field_aliases(known, translator)
        problem = doc.problem(
            "unknown_field", loc, key=True, field=field, suggestion=closest(field, known, aliases), known=known
        )
        return problem
    if kind in ("literal_error", "enum"):
        allowed = literal_values(model, loc)
        aliases = _value_aliases(allowed, translator)
        return doc.problem(
            "unknown_value",
            loc,
            value=shown(value),
            suggestion=closest(value, allowed, aliases),
            known=allowed,
        )
    if kind in _CODES and value is None:
        return doc.problem("empty_value", loc)
    if kind == "string_type" and isinstance(value, dict) and len(value) == 1:
        # `- Appelle le matin : avant 9 h` reads as a field named "Appelle le matin".
        (key, rest), = value.items()
        return doc.problem("text_with_colon", loc, value=shown(f"{key}: {rest}"))
    if kind in _CODES:
        code = _CODES[kind]
        params.update(ctx)
        if code in ("too_small", "too_large"):
            params["limit"] = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt"))))
        if code == "too_many_items":
            params["limit"] = ctx.get("max_length")
        return doc.problem(code, loc, **params)
    if translator.has_message(kind):
        params.update({key: (shown(val) if key == "value" else val) for key, val in ctx.items()})
        if "known" in ctx and not ctx.get("suggestion"):
            # A value from the site's own lists (channels, phases, kinds) written as its word: « client » means customer.
            params["suggestion"] = closest(value, ctx["known"], _value_aliases(list(ctx["known"]), translator))
        return doc.problem(kind, loc, **params)
    return doc.problem("invalid_value", loc, detail=error.get("msg", ""), **params)


def _missing(doc: SourceDocument, loc: Loc, field: str) -> Problem:
    # The field does not exist yet: name its full path, point at its parent.
    return replace(doc.problem("missing_field", loc[:-1], field=field), field_path=format_loc(loc))


def _field_aliases(fields: list[str], translator: Translator) -> dict[str, str]:
    """Other names an analyst may type for a field: its label in every language."""
    aliases: dict[str, str] = {}
    for language in ("fr", "en"):
        labels = Translator(language).labels().get("field", {})
        for name in fields:
            if name in labels:
                aliases[labels[name]] = name
    return aliases


def _value_aliases(values: list[str], translator: Translator) -> dict[str, str]:
    """Other names for allowed values: their labels (`enchantement` → `enchantment`)."""
    aliases: dict[str, str] = {}
    for language in ("fr", "en"):
        for group in Translator(language).labels().values():
            if not isinstance(group, dict):
                continue
            for value in values:
                label = group.get(value)
                if isinstance(label, str):
                    aliases.setdefault(label, value)
    return aliases


def validate_settings(raw: dict[str, Any] | None, translator: Translator, file: str = "mkdocs.yml") -> tuple[Settings | None, list[Problem]]:
    """The plugin's settings from `mkdocs.yml`, or the problems in them."""
    doc = SourceDocument(kind="settings", path=Path(file), rel=file, data=raw or {})
    try:
        return Settings.model_validate(raw or {}), []
    except ValidationError as error:
        problems = []
        for item in error.errors():
            problem = _problem(doc, Settings, item, translator)
            problems.append(replace(problem, field_path=f"plugins.parcours.{problem.field_path}".rstrip(".")))
        return None, problems
