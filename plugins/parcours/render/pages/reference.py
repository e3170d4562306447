"""The reference page's content, read from the JSON Schemas.

The schemas are exported from the model; writing the reference from them
means the page, the editor's completion and the validation cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from ...analyses.sitemap import PAGES
from ...language.translator import Translator
from ...model import KINDS, SINGLE_SOURCES, Settings
from ...model.schema import json_schema, localised_schema, value_group
from ...model.site_words import channel_label, site_value_labels
from ...site import Site
from ..files import PageSpec
from ..urls import Urls

FILE_PATTERNS = {
    "journey": "{dir}/<id>.yml",
    "persona": "{dir}/<id>.md",
    "benchmark": "{dir}/<id>.md",
    "solution": "{dir}/<id>.md",
    "onboarding": "{dir}",
    "glossary": "{dir}",
    "committees": "{dir}",
}


@dataclass
class ReferenceField:
    name: str
    type_text: str
    required: bool
    description: str
    example: str | None
    link: str | None = None
    values: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class ReferenceSection:
    anchor: str
    title: str
    fields: list[ReferenceField]
    file: str | None = None


@dataclass
class ReferenceKind:
    name: str
    title: str
    schema_file: str
    sections: list[ReferenceSection]


@dataclass
class Reference:
    kinds: list[ReferenceKind]
    channels: list[tuple[str, str, str]]
    criteria: list[tuple[str, str, float, bool]]
    settings: ReferenceSection


def pages(site: Site, translator: Translator, urls: Urls) -> list[PageSpec]:
    labels = translator.labels()
    return [PageSpec(PAGES["reference"], "reference.html", labels["kinds"]["reference"], labels["reference"]["intro"],
                     context={"reference": build(site.settings, translator)})]


def build(settings: Settings, translator: Translator) -> Reference:
    labels = translator.labels()
    site_labels = site_value_labels(settings, translator)
    kinds = []
    for name, kind in {**KINDS, **SINGLE_SOURCES}.items():
        schema = json_schema(name, settings, translator.language)
        folder = getattr(settings, kind.folder_setting)
        sections = _sections(name, schema, translator, site_labels)
        sections[0].file = FILE_PATTERNS[name].format(dir=folder)
        kinds.append(ReferenceKind(name, labels["kinds"][kind.plural], f"{name}.schema.json", sections))
    channels = [(channel.id, channel_label(settings, translator, channel.id), channel.icon) for channel in settings.site_channels()]
    criteria = [
        (criterion.id, criterion.label or labels["criterion"].get(criterion.id, criterion.id), criterion.weight, criterion.against)
        for criterion in settings.criteria
    ]
    settings_schema = localised_schema(Settings, settings, translator.language)
    settings_section = _section("settings", labels["reference"]["settings_title"], settings_schema, translator, {}, site_labels)
    return Reference(kinds=kinds, channels=channels, criteria=criteria, settings=settings_section)


def _sections(kind: str, schema: dict[str, Any], translator: Translator, site_labels: dict[str, dict[str, str]]) -> list[ReferenceSection]:
    """The kind's own fields first, then each nested block in order of appearance."""
    definitions = schema.get("$defs", {})
    model_labels = translator.labels()["model"]
    top = {**KINDS, **SINGLE_SOURCES}[kind].model.__name__
    order = [top]
    queue = [schema]
    while queue:
        node = queue.pop(0)
        for ref in _refs(node):
            if ref not in order:
                order.append(ref)
                queue.append(definitions[ref])
    sections = []
    for name in order:
        node = schema if name == top else definitions[name]
        sections.append(_section(f"{kind}-{name.lower()}", model_labels.get(name, name), node, translator, {n: f"{kind}-{n.lower()}" for n in order}, site_labels))
    return sections


def _refs(node: Any) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            found.append(ref.rsplit("/", 1)[-1])
        for key, value in node.items():
            if key != "$defs":
                found.extend(_refs(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_refs(value))
    return found


def _section(
    anchor: str, title: str, node: dict[str, Any], translator: Translator, anchors: dict[str, str], site_labels: dict[str, dict[str, str]]
) -> ReferenceSection:
    required = set(node.get("required", []))
    fields = []
    for name, prop in node.get("properties", {}).items():
        type_text, link, values = _type_text(prop, translator, anchors)
        group_name = value_group(prop) or ""
        group = site_labels.get(group_name) or translator.labels().get(group_name, {})
        values = [(value, group.get(value, "")) for value, _ in values]
        examples = prop.get("examples")
        example = None
        if examples:
            example = yaml.safe_dump({name: examples[0]}, allow_unicode=True, default_flow_style=False, sort_keys=False).strip()
        fields.append(ReferenceField(name, type_text, name in required, prop.get("description", ""), example, link, values))
    return ReferenceSection(anchor=anchor, title=title, fields=fields)


def _type_text(prop: dict[str, Any], translator: Translator, anchors: dict[str, str]) -> tuple[str, str | None, list[tuple[str, str]]]:
    words = translator.labels()["reference"]
    if "anyOf" in prop:
        arms = [arm for arm in prop["anyOf"] if arm.get("type") != "null"]
        if len(arms) == 1:
            return _type_text({**arms[0], **{k: v for k, v in prop.items() if k != "anyOf"}}, translator, anchors)
    if "oneOf" in prop:
        return words["emotion"], None, []
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return translator.labels()["model"].get(name, name), anchors.get(name), []
    if "enum" in prop and prop.get("x-parcours") != "channel":
        values = [(str(value), "") for value in prop["enum"]]
        return words["one_of"], None, values
    kind = prop.get("type")
    if kind == "array":
        inner, link, values = _type_text(prop.get("items", {}), translator, anchors)
        return f"{words['list_of']} {inner}", link, values
    if kind == "object":
        inner, link, values = _type_text(prop.get("additionalProperties", {}), translator, anchors)
        return f"{words['mapping_of']} {inner}", link, values
    mark = prop.get("x-parcours")
    if mark == "channel":
        return words["channel_ref"], "channels", []
    if mark == "identifier":
        return words["identifier"], None, []
    if mark == "markdown":
        return words["markdown"], None, []
    if kind == "string" and prop.get("format") == "date":
        return words["date"], None, []
    if kind == "string" and "pattern" in prop and "Q" in prop["pattern"]:
        return words["timeline_date"], None, []
    if kind in ("number", "integer"):
        text = words["integer" if kind == "integer" else "number"]
        low, high = prop.get("minimum"), prop.get("maximum")
        if low is not None and high is not None:
            text += " " + words["range"].format(min=_n(low), max=_n(high))
        elif low is not None:
            text += " (" + words["at_least"].format(min=_n(low)) + ")"
        return text, None, []
    if kind == "boolean":
        return words["boolean"], None, []
    if kind == "array" or "prefixItems" in prop:
        return words["list_of"], None, []
    return words["text"], None, []


def _n(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
