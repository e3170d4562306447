"""Numbers as people type them in French: `12 000`, `4,5`, `72 %`.

Babel's CLDR data knows the group and decimal separators; a point is
accepted as the decimal separator too (exports from English tools).
"""

from __future__ import annotations

import re

from babel.numbers import NumberFormatError, parse_decimal

_SPACES = re.compile(r"[\s\u202f\u00a0]")
#: What a typed number may look like once its spaces are gone: digits and one separator.
_NUMBER = re.compile(r"^[-+]?\d+(?:[.,]\d+)?$")


def read_number(text: str) -> float | None:
    """The number a person wrote (`12 000`, `4,5`, `-3.5`, `72 %`), or None when it is not one."""
    cleaned = _SPACES.sub("", str(text)).rstrip("%")
    if not _NUMBER.match(cleaned):
        return None
    try:
        return float(parse_decimal(cleaned.lstrip("+"), locale="fr", strict=True))
    except NumberFormatError:
        return None
