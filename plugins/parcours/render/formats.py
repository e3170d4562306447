"""Numbers, shares and dates written the way the site's language writes them.

Babel (already required by Material for MkDocs) knows that French writes
`12 000`, `72 %` and `12 mars 2026`.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent, get_group_symbol, get_minus_sign_symbol


def number(value: float | int | None, language: str) -> str:
    if value is None:
        return ""
    whole = _whole(value)
    if whole is not None:
        return _grouped(whole, language)
    return _number(value, language)


def _whole(value: float | int) -> int | None:
    """A value written without decimals (most figures of a map), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    return int(value) if isinstance(value, float) and value.is_integer() and abs(value) < 1e15 else None


@lru_cache(maxsize=None)
def _symbols(language: str) -> tuple[str, bool]:
    """The language's thousands separator, and whether its minus is the ASCII one."""
    return get_group_symbol(language), get_minus_sign_symbol(language) == "-"


def _grouped(value: int, language: str) -> str:
    """An integer as Babel's `#,##0.##` writes it (`12 000`), without Babel's cost:
    a map formats thousands of them."""
    group, ascii_minus = _symbols(language)
    if value < 0 and not ascii_minus:
        return _number(value, language)
    return f"{value:,}".replace(",", group)


@lru_cache(maxsize=8192)
def _number(value: float | int, language: str) -> str:
    """Maps show the same few numbers many times: format each once."""
    return format_decimal(value, format="#,##0.##", locale=language)


#: How a share is written: French puts a narrow no-break space before the sign.
_PERCENT_FORMATS = {"fr": "#,##0.##\u202f%", "en": "#,##0.##%"}
_PERCENT_SIGNS = {"fr": "\u202f%", "en": "%"}


def percent(value: float | int | None, language: str) -> str:
    """A share written 0–100 in the sources, shown with its sign."""
    if value is None:
        return ""
    whole = _whole(value)
    if whole is not None and whole >= 0:
        return _grouped(whole, language) + _PERCENT_SIGNS.get(language, "%")
    return _percent(value, language)


@lru_cache(maxsize=8192)
def _percent(value: float | int, language: str) -> str:
    return format_percent(value / 100, format=_PERCENT_FORMATS.get(language, _PERCENT_FORMATS["en"]), locale=language)


def signed(value: float | int | None, language: str) -> str:
    """An emotion score, with its sign: `+1`, `−2`, `0`."""
    if value is None:
        return ""
    text = number(abs(value), language)
    if value > 0:
        return f"+{text}"
    if value < 0:
        return f"\u2212{text}"
    return text


def long_date(value: date | None, language: str) -> str:
    if value is None:
        return ""
    return _long_date(value, language)


@lru_cache(maxsize=8192)
def _long_date(value: date, language: str) -> str:
    """Pages show the same few dates many times (verbatims, reviews): format each once."""
    text = format_date(value, format="long", locale=language)
    # French writes the first of the month "1er" ("1er décembre 2026").
    return "1er" + text[1:] if language == "fr" and value.day == 1 else text


def month_year(value: date | None, language: str) -> str:
    if value is None:
        return ""
    return _month_year(value, language)


@lru_cache(maxsize=4096)
def _month_year(value: date, language: str) -> str:
    return format_date(value, format="MMMM y", locale=language)
