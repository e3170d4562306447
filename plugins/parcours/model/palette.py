"""The personas' palette: how each persona's curve is drawn, in every chart and
in the HTML beside it (a domain value like the others, kept apart for its length)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SeriesStyle:
    """How one persona's curve is drawn: told apart by dash, marker and glyph as well as colour."""

    colour: str
    dash: str
    symbol: str
    glyph: str


#: Okabe–Ito's colours, told apart by people with colour-vision deficiencies,
#: brought to one lightness that reads at 3:1 or more (WCAG's non-text contrast)
#: on both schemes' pages and on the moment-of-truth band the map's charts draw
#: under a stage: on white, #eef3fc, Material's slate #1e2129 and #2b303c. The
#: same colour then serves both schemes, in the charts and in the HTML beside
#: them. Blue (#0072B2, 2.6:1 on the dark band) is lightened to #0081CA
#: (3.1:1); reddish purple (#CC79A7, 2.8:1 on the light band), orange (#E69F00,
#: 2.0:1) and sky blue (#56B4E9, 2.1:1) become #C25E95, ochre #AA7600 and
#: violet #916ECB (3.3:1 or more everywhere); vermillion and bluish green pass
#: as they are (3.4:1 and 3.1:1 at worst). Dash, marker and glyph still tell
#: the series apart without colour.
PALETTE: tuple[SeriesStyle, ...] = (
    SeriesStyle("#0081CA", "solid", "circle", "●"),
    SeriesStyle("#D55E00", "dash", "square", "■"),
    SeriesStyle("#009E73", "dot", "diamond", "◆"),
    SeriesStyle("#C25E95", "dashdot", "triangle-up", "▲"),
    SeriesStyle("#AA7600", "longdash", "x", "✕"),
    SeriesStyle("#916ECB", "longdashdot", "star", "★"),
)
