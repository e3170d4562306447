"""JSON Schemas of the sources, exported from the model.

Editors use them to complete and check fields as the analyst types; the
reference page is written from them too, so the three never disagree.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from ..language.names import SLUG, slugify
from ..language.customers import with_customer_placeholders
from ..language.translator import Translator
from .kinds import KINDS, SINGLE_SOURCES
from .settings import Settings
from .site_words import site_value_labels

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: Where a site keeps its schemas, beside `mkdocs.yml`, for editors to read.
SCHEMAS_DIR = "schemas"


def json_schemas(settings: Settings, language: str = "fr") -> dict[str, dict[str, Any]]:
    """One schema per kind of source, in the site's language, with its channels."""
    return {name: json_schema(name, settings, language) for name in (*KINDS, *SINGLE_SOURCES)}


def localised_schema(model: type[BaseModel], settings: Settings, language: str) -> dict[str, Any]:
    """A model's schema in the site's language, with the site's channels."""
    schema = model.model_json_schema(mode="validation")
    translator = Translator(language, settings.customer_words())
    _fill_site_values(schema, settings)
    _localise(schema, language, settings, translator, site_value_labels(settings, translator))
    return schema


#: Each schema as text, by kind, settings and language: the preview asks again at each
#: save, and pydantic takes a quarter of a second for all of them.
_MADE: dict[tuple[str, str, str], str] = {}


def json_schema(kind: str, settings: Settings, language: str = "fr") -> dict[str, Any]:
    """A kind's schema (a copy of its own: callers may change it)."""
    key = (kind, settings.model_dump_json(), language)
    if key not in _MADE:
        if len(_MADE) > 64:
            _MADE.clear()
        _MADE[key] = json.dumps(_made(kind, settings, language))
    return json.loads(_MADE[key])


def _made(kind: str, settings: Settings, language: str) -> dict[str, Any]:
    schema = localised_schema({**KINDS, **SINGLE_SOURCES}[kind].model, settings, language)
    solution_scores = schema.get("properties", {}).get("scores")
    if kind == "solution" and solution_scores is not None:
        solution_scores["propertyNames"] = {"enum": settings.scored_criterion_ids()}
    return {"$schema": SCHEMA_DIALECT, "$id": f"{kind}.schema.json", **schema}


#: What a site sets itself, by schema mark: its channels, phases and kinds of journey.
SITE_VALUES = {"channel": "channel_ids", "phase": "phase_ids", "journey_kind": "journey_kinds"}


def _fill_site_values(node: Any, settings: Settings) -> None:
    """The values the site's settings allow, as an enum editors complete from, in place."""
    if isinstance(node, dict):
        mark = node.get("x-parcours")
        if mark in SITE_VALUES:
            node["enum"] = getattr(settings, SITE_VALUES[mark])()
            if mark != "channel":
                node["x-parcours-values"] = mark
        elif mark == "identifier":
            node["pattern"] = SLUG.pattern
        for value in node.values():
            _fill_site_values(value, settings)
    elif isinstance(node, list):
        for value in node:
            _fill_site_values(value, settings)


def _localise(node: Any, language: str, settings: Settings, translator: Translator, site_labels: dict[str, dict[str, str]]) -> None:
    """Pick each description's language, title fields with their labels, and
    name the values of enumerated fields, in place."""
    if isinstance(node, dict):
        english = node.pop("description_en", None)
        if language == "en" and english:
            node["description"] = english
        words = settings.customer_words()
        if words and isinstance(node.get("description"), str):
            node["description"] = words.put_in(with_customer_placeholders(node["description"], language), language)
        properties = node.get("properties")
        if isinstance(properties, dict):
            field_labels = translator.labels()["field"]
            for name, prop in properties.items():
                if not isinstance(prop, dict):
                    continue
                if name in field_labels:
                    prop["title"] = field_labels[name]
                group = value_group(prop)
                if group and prop.get("description"):
                    prop["description"] = _with_values(prop["description"], group, prop, translator, site_labels)
        for value in node.values():
            _localise(value, language, settings, translator, site_labels)
    elif isinstance(node, list):
        for value in node:
            _localise(value, language, settings, translator, site_labels)


def value_group(prop: dict[str, Any]) -> str | None:
    """The vocabulary an enumerated field's values come from (`model.vocabulary`)."""
    if "x-parcours-values" in prop:
        return str(prop["x-parcours-values"])
    for arm in (*prop.get("anyOf", ()), prop.get("items") or {}):
        if isinstance(arm, dict) and "x-parcours-values" in arm:
            return str(arm["x-parcours-values"])
    return None


def _values(prop: dict[str, Any]) -> list[str]:
    for arm in (prop, *prop.get("anyOf", ()), prop.get("items") or {}):
        if isinstance(arm, dict) and "enum" in arm:
            return [str(value) for value in arm["enum"]]
    return []


def _with_values(description: str, group: str, prop: dict[str, Any], translator: Translator, site_labels: dict[str, dict[str, str]]) -> str:
    """`Ce que vit le client.` → `Ce que vit le client : enchantment (enchantement), irritant, …`:
    each value as written in sources, with its word when that differs."""
    labels = site_labels.get(group) or translator.labels().get(group, {})
    shown = []
    for value in _values(prop):
        label = labels.get(value)
        if label and not label[:2].isupper():
            label = label[0].lower() + label[1:]  # "Avant-vente" reads "before (avant-vente)"; "NPS" stays
        shown.append(f"{value} ({label})" if label and slugify(label) != slugify(value) else value)
    return f"{description.rstrip('.')}{translator.label('site.colon')}{', '.join(shown)}."
