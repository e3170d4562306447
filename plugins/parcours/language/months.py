"""Month names as reporting tools write them, in French and in English.

Exports come from French spreadsheets (« oct. 2025 », « octobre 2025 ») and
from English BI tools ("Oct 2025", "October 2025"). The names are CLDR's,
through babel, full and abbreviated, compared as identifiers are: case,
accents and the abbreviation's dot aside, so that « fevr », « Févr. » and
« FÉVRIER » are all February.
"""

from __future__ import annotations

from functools import lru_cache

from babel.dates import get_month_names

from .names import closest, slugify

#: The languages whose month names an export may use.
MONTH_LANGUAGES = ("fr", "en")


@lru_cache(maxsize=1)
def month_words() -> dict[str, int]:
    """Every month word, as its slug, to its number (`oct` → 10, `fevrier` → 2)."""
    words: dict[str, int] = {}
    for language in MONTH_LANGUAGES:
        for width in ("wide", "abbreviated"):
            # No word names two months: « mars » and "Mar" agree, as do « mai » and "May" (a test holds it).
            words.update((slugify(name), number) for number, name in get_month_names(width, locale=language).items())
    return words


def month_of(word: str) -> int | None:
    """The month a word names (« oct. », « Octobre », "Oct", "october"), or None."""
    return month_words().get(slugify(word))


def closest_month(word: str) -> str | None:
    """The month word nearest to a misspelt one (« octobr » → « octobre »), or None."""
    names = [name for language in MONTH_LANGUAGES for name in get_month_names("wide", locale=language).values()]
    return closest(word, names)
