"""Names as people write them and as sources store them.

An identifier is a name's slug (`Je fais ma demande` →
`je-fais-ma-demande`); a misspelt name gets the closest known one
("Did you mean…?"), compared the same way, accents and case aside.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Iterable, Mapping

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slugify(text: str) -> str:
    """`Je fais ma demande` → `je-fais-ma-demande`."""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def closest(value: object, known: Iterable[str], aliases: Mapping[str, str] | None = None) -> str | None:
    """The known name nearest to `value`, or None when nothing is close.

    `aliases` maps other spellings (a French label, say) to known names, so
    that `canal` suggests `channel` and `enchantement` suggests `enchantment`.
    """
    text = str(value)
    names = list(known)
    if not names:
        return None
    normal = slugify(text)
    by_normal = {slugify(name): name for name in names}
    if normal in by_normal:
        return by_normal[normal]
    if aliases:
        by_alias = {slugify(alias): name for alias, name in aliases.items()}
        if normal in by_alias:
            return by_alias[normal]
        match = difflib.get_close_matches(normal, list(by_alias), n=1, cutoff=0.8)
        if match:
            return by_alias[match[0]]
    match = difflib.get_close_matches(text, names, n=1, cutoff=0.6) or difflib.get_close_matches(
        normal, list(by_normal), n=1, cutoff=0.6
    )
    if not match:
        return None
    return by_normal.get(match[0], match[0])
