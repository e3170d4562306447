"""What a pull request changes, as a Markdown comment for its review: the
same changes as the pages' "what changed", before and after.

The words come from the site's translation table; the text from sources is
escaped, so that a stage named `*Je paie*` shows its asterisks, and a
label holds no link or image the comment would load.
"""

from __future__ import annotations

import re

from ..analyses.changes import KINDS, Change, Changes
from ..language.translator import Translator
from ..site import Site
from . import formats
from .environment import make_environment

#: What Markdown (GitHub's and GitLab's) reads as markup, escaped with a backslash.
_MARKUP = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def plain(text: object) -> str:
    """A source's text as it is, in a Markdown comment: on one line, markup escaped."""
    return _MARKUP.sub(r"\\\1", " ".join(str(text).split()))


def changes_markdown(changes: Changes, site: Site, base: str) -> str:
    """The summary of `changes` between `base` and the site's sources, for a pull request."""
    translator = Translator(site.language)
    env = make_environment(translator, site.settings.media_hosts)
    env.filters["plain"] = plain
    env.globals["points"] = lambda change: points(change, translator)
    journeys = {journey_id: entry.model.title for journey_id, entry in site.index.journeys.items()}
    text = env.get_template("changes_summary.md").render(changes=changes, KINDS=KINDS, base=base, journeys=journeys)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def points(change: Change, translator: Translator) -> str:
    """A figure's move, in points: `+6 points`, `−1 point`."""
    difference = change.after.value - change.before.value  # type: ignore[union-attr]
    return translator.labels()["changes"]["points"].format(
        value=formats.signed(difference, translator.language), word=translator.word(round(abs(difference)), "point"),
    )