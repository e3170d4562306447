"""What the site's search reads of a generated page: each text once, under the
heading that leads to it.

Why: Material's search parses each page's HTML with Python's `HTMLParser`,
whose cost grows with the number of tags, and generated pages are mostly
tags: a journey map is a grid of 60 touchpoint cards above the same stages'
details, a team's page hundreds of cards. Parsing them was most of a build.
The page keeps its markup; search is handed this lean copy instead (the
MkDocs adapter swaps it in around search's own event):

- the same headings, with their ids, each followed by the text under it as
  one paragraph;
- nothing a reader does not read as text: scripts, chart data, icons, the
  page's controls, the "suggest a correction" links, what is marked
  `data-search-exclude`;
- nothing twice: the site-wide pages' lists (the inventory's rows, the
  verbatims, the coverage's findings, a team's stages, touchpoints and
  irritants, a briefing's) repeat what the maps say and are marked
  `data-search-exclude`: search leads to each stage, touchpoint and verbatim
  on its map, and to those pages by their titles and headings;
- on a journey map, one entry per stage and one per touchpoint, under the
  anchor that opens it on the map (`#stage-…`, `#stage-…--channel`); a
  stage's entry holds what the map's lanes say of it (actions,
  expectations…), which the details below the map do not repeat, so the
  grid itself is not read twice.

Everything here is regular expressions on HTML that Parcours's own templates
wrote (attribute values escaped, no raw `<` in text), run in C.
"""

from __future__ import annotations

import re

from ..analyses.sitemap import stage_anchor

#: What search never reads: comments, scripts, chart data, icons' drawings, the
#: map's controls and panel buttons, and each "suggest a correction" link.
_DROPPED = re.compile(r'<!--.*?-->|<(script|style|template|svg|form|button)\b.*?</\1>|<a class="parcours-suggest"[^>]*>.*?</a>', re.S)
_EXCLUDED = "data-search-exclude"
_TAG_NAME = re.compile(r"<([a-zA-Z][\w-]*)")
#: Elements without content: marked or not, they hold no text to leave out.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
#: A journey map's grid, in its section: the lanes are read from it, then it is left out.
_GRID = re.compile(r'<section class="parcours-map" data-state="(\w+)".*?</table>\s*</div>\s*</section>', re.S)
_COLUMN = re.compile(r'<col data-stage="([^"]+)"')
#: A stage's details and a touchpoint's: their anchor goes on their heading, for search to lead there.
_STAGE = re.compile(r'<article class="parcours-stage[^"]*" id="([^"]+)"[^>]*>\s*<h3 id="[^"]*">(.*?)</h3>(.*?)</article>', re.S)
_TOUCHPOINT = re.compile(r'<section class="parcours-tp-detail" id="([^"]+)"[^>]*>\s*<h4>(.*?)</section>', re.S)
_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S)
_ID = re.compile(r'\sid="([^"]*)"')
_TAG = re.compile(r"<[^>]*>")
#: Stands for a heading while the other tags are taken out (never in HTML text).
_MARK = re.compile(r"\x00(\d)\x01([^\x02]*)\x02([^\x03]*)\x03")


def searchable(html: str) -> str:
    """The page's headings and text, as lean HTML for the search index."""
    html = _DROPPED.sub("", _without_excluded(html))  # the long lists out first: the rest reads less
    lanes: dict[str, list[str]] = {}
    html = _GRID.sub(lambda grid: _read_lanes(grid, lanes), html)
    places: set[str] = set()
    html = _STAGE.sub(lambda stage: _stage_entries(stage, lanes, places), html)
    html = _HEADING.sub(lambda heading: _mark(heading, places), html)
    # A tag parts words, as the page's blocks and its spaced inline pieces do.
    text = _TAG.sub(" ", html)
    parts, at = [], 0
    for heading in _MARK.finditer(text):
        parts.append(_paragraph(text[at : heading.start()]))
        level, anchor, title = heading.groups()
        parts.append(f'<h{level} id="{anchor}">{_words(title)}</h{level}>')
        at = heading.end()
    parts.append(_paragraph(text[at:]))
    return "\n".join(part for part in parts if part)


def _without_excluded(html: str) -> str:
    """Each element marked `data-search-exclude` left out with its content (nested ones too)."""
    if _EXCLUDED not in html:
        return html
    pieces, at = [], 0
    while (mark := html.find(_EXCLUDED, at)) >= 0:
        opening = html.rfind("<", at, mark)
        tag = _TAG_NAME.match(html, opening) if opening >= 0 and html.find(">", opening, mark) < 0 else None
        if tag is None or tag.group(1).lower() in _VOID:  # words of a text, or an element without content
            pieces.append(html[at : mark + len(_EXCLUDED)])
            at = mark + len(_EXCLUDED)
            continue
        pieces.append(html[at:opening])
        depth, cursor = 1, html.index(">", mark) + 1
        tag = tag.group(1)
        inside = re.compile(rf"<(/?){tag}\b[^>]*>")
        while depth and (found := inside.search(html, cursor)) is not None:
            depth += -1 if found.group(1) else 1
            cursor = found.end()
        at = cursor if not depth else len(html)
    pieces.append(html[at:])
    return "".join(pieces)


def _read_lanes(grid: re.Match[str], lanes: dict[str, list[str]]) -> str:
    """Each stage's cells of the map's lanes (touchpoints and charts aside: their
    text is in the details), by the stage's anchor; the grid itself is dropped."""
    state, table = grid.group(1), grid.group(0)
    anchors = [stage_anchor(stage, state) for stage in _COLUMN.findall(table)]
    for row in table.split('<tr class="parcours-lane')[1:]:
        head, _, rest = row.partition("</th>")
        if head.startswith((" parcours-lane-touchpoints", " parcours-chart-row")):
            continue
        label = _words(_TAG.sub(" ", head.partition('<th scope="row">')[2]))
        cells = [cell.partition("</td>")[0] for cell in rest.partition("</tr>")[0].split("<td>")[1:]]
        if len(cells) != len(anchors):
            continue
        for anchor, cell in zip(anchors, cells):
            words = _words(_TAG.sub(" ", cell))
            if words:
                lanes.setdefault(anchor, []).append(f"{label} {words}")
    return ""


def _stage_entries(stage: re.Match[str], lanes: dict[str, list[str]], places: set[str]) -> str:
    """A stage's entry (its lanes, then its own details: description, verbatims not
    about a touchpoint, listening…), then one entry per touchpoint."""
    anchor, title, details = stage.groups()
    places.add(anchor)
    touchpoints: list[str] = []

    def entry(touchpoint: re.Match[str]) -> str:
        places.add(touchpoint.group(1))
        touchpoints.append(f'<h4 id="{touchpoint.group(1)}">{touchpoint.group(2)}')
        return ""

    own = _TOUCHPOINT.sub(entry, details)
    said = "".join(f" <p>{lane}</p>" for lane in lanes.get(anchor, []))
    return f'<h3 id="{anchor}">{title}</h3>{said}{own}{"".join(touchpoints)}'


def _mark(heading: re.Match[str], places: set[str]) -> str:
    """A heading with an id starts an entry: marked, to survive the tags' removal.
    One without is text of the entry it sits in, as search reads it; so is a part
    of a stage's details (its listening, its trends): the stage's entry, which
    opens on the map, holds it."""
    anchor = _ID.search(heading.group(2))
    if anchor is None or (places and anchor.group(1) not in places and anchor.group(1).startswith(("stage-", "target-"))):
        return f" {heading.group(3)} "
    title = _TAG.sub("", heading.group(3)).replace("\x00", "")
    return f"\x00{heading.group(1)}\x01{anchor.group(1)}\x02{title}\x03"


def _words(text: str) -> str:
    return " ".join(text.split())


def _paragraph(text: str) -> str:
    words = _words(text)
    return f"<p>{words}</p>" if words else ""
