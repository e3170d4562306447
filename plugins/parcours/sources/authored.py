"""The authors' own pages (`docs/`): their paths in the site and their titles."""

from __future__ import annotations

import re
from pathlib import Path

_TITLE = re.compile(r"^(?:title:\s*[\"']?(?P<meta>.+?)[\"']?\s*$|#\s+(?P<heading>.+?)\s*#*\s*$)", re.M)


def authored_pages(docs_dir: Path) -> dict[str, str]:
    """The Markdown pages authors wrote, by their path in the site, with their titles
    (the front matter's `title`, else the first `# heading`, else the path)."""
    if not docs_dir.is_dir():
        return {}
    pages = {}
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        match = _TITLE.search(text)
        pages[rel] = (match.group("meta") or match.group("heading")) if match else rel.removesuffix(".md")
    return pages
