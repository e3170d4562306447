"""JSON Schemas of the sources, exported from the model.

Editors use them to complete and check fields as the analyst types; the
reference page is written from them too, so the three never disagree.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .i18n import Translator
from .model import KINDS, SINGLE_SOURCES
from .settings import Settings
from .slug import SLUG

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schemas(settings: Settings, language: str = "fr") -> dict[str, dict[str, Any]]:
    """One schema per kind of source, in the site's language, with its channels."""
    return {name: json_schema(name, settings, language) for name in (*KINDS, *SINGLE_SOURCES)}


def localised_schema(model: type[BaseModel], settings: Settings, language: str) -> dict[str, Any]:
    """A model's schema in the site's language, with the site's channels."""
    schema = model.model_json_schema(mode="validation")
    _localise(schema, language, settings, Translator(language).labels()["field"])
    return schema


def json_schema(kind: str, settings: Settings, language: str = "fr") -> dict[str, Any]:
    schema = localised_schema({**KINDS, **SINGLE_SOURCES}[kind].model, settings, language)
    solution_scores = schema.get("properties", {}).get("scores")
    if kind == "solution" and solution_scores is not None:
        solution_scores["propertyNames"] = {"enum": settings.criterion_ids()}
    return {"$schema": SCHEMA_DIALECT, "$id": f"{kind}.schema.json", **schema}


def _localise(node: Any, language: str, settings: Settings, field_labels: dict[str, str]) -> None:
    """Pick each description's language, title fields with their labels and
    fill what depends on the site (channel lists, identifier pattern), in place."""
    if isinstance(node, dict):
        english = node.pop("description_en", None)
        if language == "en" and english:
            node["description"] = english
        mark = node.get("x-parcours")
        if mark == "channel":
            node["enum"] = settings.channel_ids()
        elif mark == "identifier":
            node["pattern"] = SLUG.pattern
        properties = node.get("properties")
        if isinstance(properties, dict):
            for name, prop in properties.items():
                if isinstance(prop, dict) and name in field_labels:
                    prop["title"] = field_labels[name]
        for value in node.values():
            _localise(value, language, settings, field_labels)
    elif isinstance(node, list):
        for value in node:
            _localise(value, language, settings, field_labels)
