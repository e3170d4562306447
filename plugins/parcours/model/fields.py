"""How fields are declared: each described once, in French and English, with
the types every kind of source shares.

The JSON Schemas, the reference page and the suggestions for misspelt fields
all read these descriptions.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo
from pydantic_core import PydanticCustomError, PydanticUndefined

from ..language.names import SLUG, closest, slugify
from ..language.numbers import read_number
from .markdown import findings
from .shares import read_share, written

def described(
    default: Any = PydanticUndefined,
    *,
    fr: str,
    en: str,
    example: Any = None,
    **kwargs: Any,
) -> Any:
    """A pydantic `Field` carrying its description in both languages."""
    extra: dict[str, Any] = {"description_en": en}
    if example is not None:
        extra["examples"] = [example]
    return Field(default, description=fr, json_schema_extra=extra, **kwargs)


class SourceModel(BaseModel):
    """Base of every model read from a source: unknown fields are errors."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        coerce_numbers_to_str=True,
        validate_default=False,
    )


class SchemaMark:
    """Tags a type in the JSON Schema (`x-parcours`), for what JSON Schema cannot say.

    `schema.py` turns the tags into enums from the site's settings (channels),
    values into their words (`x-parcours-values`: a vocabulary's label group),
    and the reference page into words (identifier, reference).
    """

    def __init__(self, mark: str, key: str = "x-parcours") -> None:
        self.mark = mark
        self.key = key

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        schema = handler(core_schema)
        schema[self.key] = self.mark
        return schema


def _check_slug(value: str) -> str:
    if not SLUG.match(value):
        raise PydanticCustomError("slug", "not an identifier", {"value": value, "suggestion": slugify(value)})
    return value


Slug = Annotated[str, Field(min_length=1), AfterValidator(_check_slug), SchemaMark("identifier")]
"""An identifier: lower-case letters, digits and hyphens (`je-fais-ma-demande`)."""

Text = Annotated[str, Field(min_length=1)]
"""Plain text, shown escaped."""

def _safe_markdown(value: str, info: ValidationInfo) -> str:
    """Nothing that would run, or load from another host, reaches a page: it is named, with the fix."""
    settings = (info.context or {}).get("settings")
    found = findings(value, settings.media_hosts if settings else ())
    if found:
        first = found[0]
        raise PydanticCustomError(first.code, "markdown", {"value": first.value, "known": getattr(settings, "media_hosts", [])})
    return value


Markdown = Annotated[str, Field(min_length=1), AfterValidator(_safe_markdown), SchemaMark("markdown")]
"""Text rendered as Markdown, then sanitised (`model.markdown`)."""




def _number(value: Any) -> Any:
    """Catch the two ways a French analyst writes a number that YAML reads as text."""
    if isinstance(value, str):
        number = read_number(value)
        if number is not None and value.strip().endswith("%"):
            raise PydanticCustomError("percent_sign", "percent sign", {"value": value, "suggestion": written(number)})
        if number is not None and "," in value:
            raise PydanticCustomError("decimal_comma", "decimal comma", {"value": value, "suggestion": written(number)})
    return value


#: No customer figure reaches a thousand billion; a longer number is a typing slip
#: (and too long to be written on a map).
LARGEST = 10**12
Number = Annotated[float, Field(ge=-LARGEST, le=LARGEST), BeforeValidator(_number)]
Percent = Annotated[float, Field(ge=0, le=100), BeforeValidator(read_share)]
"""A share of customers, from 0 to 100; never a fraction (`model.shares`)."""
Count = Annotated[int, Field(ge=0, le=LARGEST), BeforeValidator(_number)]
Amount = Annotated[float, Field(ge=0, le=LARGEST), BeforeValidator(_number)]
"""An amount of money, never negative (a contact's cost)."""
Score = Annotated[float, Field(ge=0, le=5), BeforeValidator(_number)]
"""A score on a prioritisation criterion, from 0 to 5."""

_FRENCH_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def _date(value: Any) -> Any:
    """`12/03/2025` is how a French analyst writes a date: suggest ISO."""
    if isinstance(value, str):
        match = _FRENCH_DATE.match(value)
        if match:
            day, month, year = (int(part) for part in match.groups())
            try:
                suggestion = date(year, month, day).isoformat()
            except ValueError:
                suggestion = None
            raise PydanticCustomError("date_format", "date format", {"value": value, "suggestion": suggestion})
    return value


Date = Annotated[date, BeforeValidator(_date)]
"""A date written `AAAA-MM-JJ` (2025-03-12)."""


def _known_channel(value: str, info: ValidationInfo) -> str:
    settings = (info.context or {}).get("settings")
    if settings is None:
        return value
    if settings.channel(value) is None:
        known = settings.channel_ids()
        raise PydanticCustomError(
            "unknown_channel", "unknown channel", {"value": value, "suggestion": closest(value, known), "known": known}
        )
    return value


ChannelRef = Annotated[Slug, AfterValidator(_known_channel), SchemaMark("channel")]
"""The identifier of a channel from the site's channel list."""


def _known_phase(value: str, info: ValidationInfo) -> str:
    settings = (info.context or {}).get("settings")
    if settings is None:
        return value
    known = settings.phase_ids()
    if value not in known:
        raise PydanticCustomError("unknown_phase", "unknown phase", {"value": value, "suggestion": closest(value, known), "known": known})
    return value


PhaseRef = Annotated[Slug, AfterValidator(_known_phase), SchemaMark("phase")]
"""A phase of one of the site's kinds of journey (which one is checked with the journey's kind)."""


def _known_kind(value: str, info: ValidationInfo) -> str:
    settings = (info.context or {}).get("settings")
    if settings is None:
        return value
    known = settings.journey_kinds()
    if value not in known:
        raise PydanticCustomError("unknown_journey_kind", "unknown kind", {"value": value, "suggestion": closest(value, known), "known": known})
    return value


JourneyKindRef = Annotated[Slug, AfterValidator(_known_kind), SchemaMark("journey_kind")]
"""A kind of journey the site knows: `customer`, `buyer`, or one its settings add."""

def _web_address(value: str) -> str:
    """An address a page links to, from a setting: a web page, never a script (`javascript:`)."""
    if not is_web_address(value):
        raise PydanticCustomError("web_address", "web address", {"value": value})
    return value


def is_web_address(value: str) -> bool:
    """`https://…` or `http://…` with a host, and nothing a browser would read otherwise."""
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not re.search(r"[\x00-\x20\\]", value)


WebAddress = Annotated[str, AfterValidator(_web_address)]
"""A web address (`https://…`) a setting gives."""


def source_id(example: str) -> Any:
    """The optional `id` of a sheet: its file name, which it must match when written."""
    return described(
        None,
        fr="Identifiant : le nom du fichier sans extension. Facultatif ; s'il est écrit, il doit être égal au nom du fichier.",
        en="Identifier: the file name without extension. Optional; when written, it must equal the file name.",
        example=example,
    )
