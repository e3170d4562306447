"""The overview's figures, as a reader meets them: how many stage names are on
screen at once, how far down the overview starts, its height, and when it is
drawn; at 390 px, whether the page scrolls sideways.

One definition of each figure for the benchmark (`run.py` prints them for
the README) and for the browser tests, which check what issue 15 asks of
them (every stage name on one screen, reached within one screen of the
top, no sideways scroll) and save the figures they measured.
"""

from __future__ import annotations

from typing import Any

#: Viewports the README reports: a laptop, a wide screen, a phone.
VIEWPORTS = {"1440×900": (1440, 900), "1920×1080": (1920, 1080), "390×844": (390, 844)}

#: Run in the page: figures at load, then with the overview's top brought under the site's header.
MEASURE = """() => {
  const go = top => window.scrollTo({ top, behavior: "instant" });
  const section = document.querySelector(".parcours-overview:not([hidden])");
  const header = document.querySelector(".md-header");
  const under = header ? header.getBoundingClientRect().bottom : 0;
  const names = [...section.querySelectorAll(".parcours-stage-name")];
  const seen = () => names.filter(name => {
    const box = name.getBoundingClientRect();
    return box.width > 0 && box.top >= under && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth;
  }).length;
  go(0);
  const top = section.getBoundingClientRect().top + scrollY;
  const atLoad = seen();
  go(Math.max(0, top - under));
  const box = section.getBoundingClientRect();
  const figures = {
    stages: names.length,
    names_at_load: atLoad,
    names_reached: seen(),
    top: Math.round(top),
    height: Math.round(box.height),
    whole_in_view: box.top >= under - 1 && box.bottom <= innerHeight + 1,
    sideways: document.documentElement.scrollWidth - innerWidth,
  };
  go(0);
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const drawn = performance.getEntriesByName("parcours:overview-drawn")[0];
  figures.first_paint_ms = paint ? Math.round(paint.startTime) : null;
  figures.script_ready_ms = drawn ? Math.round(drawn.startTime) : null;
  return figures;
}"""


def measure(page: Any) -> dict[str, Any]:
    """The figures of the overview shown on a loaded page (a Playwright page)."""
    page.wait_for_selector(".parcours-journey[data-overview-drawn=true]")
    return page.evaluate(MEASURE)


def overview_figures(browser: Any, base_url: str, pages: list[str]) -> dict[str, dict[str, dict[str, Any]]]:
    """For each page and viewport, the overview's figures on a first visit."""
    found: dict[str, dict[str, dict[str, Any]]] = {}
    for path in pages:
        for name, (width, height) in VIEWPORTS.items():
            context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
            tab = context.new_page()
            tab.goto(base_url + path, wait_until="load")
            found.setdefault(path, {})[name] = measure(tab)
            context.close()
    return found


def table(found: dict[str, dict[str, dict[str, Any]]]) -> str:
    """The README's table: names on one screen and where the overview starts, at each size."""
    lines = [
        "| Journey | Stages | 1440×900: names on screen, at load / reached · starts at · height | 1920×1080: same | 390 px: sideways scroll |",
        "| --- | ---: | --- | --- | ---: |",
    ]
    for path, sizes in found.items():
        cells = []
        for name in ("1440×900", "1920×1080"):
            f = sizes[name]
            cells.append(f"{f['names_at_load']} / {f['names_reached']} · y = {f['top']} · {f['height']} px")
        phone = sizes["390×844"]
        lines.append(f"| `{path}` | {sizes['1440×900']['stages']} | {cells[0]} | {cells[1]} | {phone['sideways']} px |")
    return "\n".join(lines)
