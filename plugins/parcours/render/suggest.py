"""“Suggest a correction”: a link that opens a new issue in the site's GitLab or
GitHub, already filled in with what it is about, so that anyone can point at
a mistake without knowing git.

The issue names the page (its address, at the stage or touchpoint), the
journey, the stage, the touchpoint or the verbatim, and the source file with
its line, as Material's edit button names a page's file. The form's address
comes from `repo_url` (GitHub's `/issues/new`, GitLab's `/-/issues/new`);
without it, or for another tool, there is no link.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from ..model.fields import is_web_address


def issue_form(repo_url: str | None) -> str | None:
    """The address of a new issue's form, `{title}` and `{body}` to fill, from `repo_url`."""
    if not repo_url or not is_web_address(repo_url):
        return None
    base = repo_url.rstrip("/").removesuffix(".git")
    host = urlsplit(base).netloc.lower()
    if "github" in host:
        return base + "/issues/new?title={title}&body={body}"
    if "gitlab" in host:
        return base + "/-/issues/new?issue%5Btitle%5D={title}&issue%5Bdescription%5D={body}"
    return None


@dataclass(frozen=True)
class Suggestion:
    """What an issue is about: the words of its title, and its body's lines."""

    title: str
    lines: tuple[str, ...]

    def url(self, form: str) -> str:
        return form.format(title=_quoted(self.title), body="%0A".join(_quoted(line) for line in self.lines))


#: `quote(…, safe="")` byte by byte, as one table: each byte's escape (`%C3`), or itself.
_ESCAPES = {byte: chr(byte) if chr(byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~" else f"%{byte:02X}" for byte in range(256)}


@lru_cache(maxsize=16384)
def _quoted(text: str) -> str:
    """A line of a suggestion, escaped for an address, as `quote(text, safe="")` does.
    A map holds a hundred suggestions: the table does it in C, and most lines repeat
    from one to the next (the intro, the journey, the stage), escaped once."""
    return text.encode("utf-8").decode("latin-1").translate(_ESCAPES)
