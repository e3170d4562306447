"""Parcours' benchmark: every figure beside its yardstick, measured in the same run.

Run with `make bench`. It writes a generated corpus (100 journeys of 12
stages and 60 touchpoints, 50 personas, 200 benchmark sheets, 100 solution
sheets; `corpus.py`) and its plain Material twin, the same pages with the
same text (`twin.py`), then prints:

- the corpus's build time against its twin's, built in turn (`builds.py`),
  with Parcours drawing its pages on every core, then on one;
- "charts drawn" on a first and a repeat visit of a journey map, against
  the twin's page of the same journey drawn as a Mermaid `journey` diagram,
  in headless chromium (`browser.py`);
- the preview's rebuild after one journey is saved, as `make serve` runs it
  (`mkdocs serve --dirty`) and under plain `mkdocs serve`, against the
  twin's after one page is saved, under both (`preview.py`);
- a corpus ten times larger (1,000 journeys): its build time and peak
  memory, and the cost per page at 100 and at 1,000 journeys, each against
  its twin;
- the overview (`overview.py`): for the demo's journeys and a 12-stage corpus
  journey, at 1440×900 and 1920×1080, how many stage names are on screen at
  once and how far down it starts, its height, when it is drawn; at 390 px,
  whether the page scrolls sideways.

Figures go in the README; nothing here is asserted (the browser tests assert
what issue 15 asks of the overview, with the same measure).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import CHROMIUM, serve, visit  # noqa: E402
from builds import Pair, build, paired  # noqa: E402
from corpus import write_corpus  # noqa: E402
from overview import overview_figures, table  # noqa: E402
from twin import MERMAID, MERMAID_JOURNEY, plain_twin  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
#: The chart each page draws first: the overview's emotion curve, Mermaid's diagram (Material puts it in a `div.mermaid`).
PARCOURS_CHART = ".parcours-overview:not([hidden]) .parcours-ov-svg"
MERMAID_CHART = "div.mermaid"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def sites(journeys: int) -> tuple[Path, Path]:
    """The corpus of `journeys` journeys and its plain twin (other kinds in proportion)."""
    scale = journeys / 100
    corpus = write_corpus(
        OUT / f"corpus-{journeys}", ROOT, journeys=journeys,
        personas=round(50 * scale), benchmarks=round(200 * scale), solutions=round(100 * scale),
    )
    return corpus, plain_twin(corpus, OUT / f"plain-{journeys}")


def pages(site_dir: Path) -> int:
    return sum(1 for _ in site_dir.rglob("index.html"))


def cited_journey(corpus: Path) -> Path:
    """A journey whose second stage a solution sheet cites: renaming it changes that sheet too."""
    for sheet in sorted((corpus / "solutions").glob("*.md")):
        fields = yaml.safe_load(sheet.read_text("utf-8").split("---", 2)[1])
        for address in fields.get("addresses", []):
            journey, _, stage = address.partition("/")
            if stage == "etape-2":
                return corpus / "journeys" / f"{journey}.yml"
    return corpus / "journeys" / "parcours-1.yml"


def preview(config: Path, changed: Path, kind: str, saves: int, dirty: bool = False) -> dict[str, float]:
    """A preview's first build and its median rebuild after a save, in a process of its own."""
    script = Path(__file__).resolve().parent / "preview.py"
    command = [sys.executable, str(script), str(config), str(changed), kind, str(saves)] + (["dirty"] if dirty else [])
    output = subprocess.run(command, check=True, capture_output=True, text=True)
    figures = json.loads(output.stdout.strip().splitlines()[-1])
    return {"first": figures["first"], "save": statistics.median(figures["saves"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--journeys", type=int, default=100)
    parser.add_argument("--large", type=int, default=1000, help="journeys of the large corpus (0: skip it)")
    parser.add_argument("--builds", type=int, default=3, help="pairs of builds of the corpus and its twin (median)")
    parser.add_argument("--saves", type=int, default=3, help="saves in the preview (median)")
    parser.add_argument("--runs", type=int, default=5, help="browser visits per page (median)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if not MERMAID.is_file():
        sys.exit("bench/node_modules/mermaid is missing: run `make bench`, which installs it.")

    corpus, twin = sites(args.journeys)
    site, twin_site = OUT / "corpus-site", OUT / "plain-site"
    builds = paired((corpus / "mkdocs.yml", site), (twin / "mkdocs.yml", twin_site), args.builds)
    counted, twin_counted = pages(site), pages(twin_site)
    # Parcours draws its pages on every core (`render/parallel.py`); on one, for a machine that has one.
    one_process = paired((corpus / "mkdocs.yml", site), (twin / "mkdocs.yml", twin_site), args.builds, env_a={"PARCOURS_JOBS": "1"})

    journey = cited_journey(corpus)
    # As `make serve` runs it (`--dirty`), against plain Material under `mkdocs serve`, and
    # under `mkdocs serve --dirty` (which writes the saved page alone, leaving the others' navigation as it was).
    saved = preview(corpus / "mkdocs.yml", journey, "journey", args.saves, dirty=True)
    whole_saved = preview(corpus / "mkdocs.yml", journey, "journey", args.saves)
    twin_page = twin / "docs" / "journeys" / f"{journey.stem}.md"
    twin_saved = preview(twin / "mkdocs.yml", twin_page, "page", args.saves)
    twin_dirty = preview(twin / "mkdocs.yml", twin_page, "page", args.saves, dirty=True)

    page = f"journeys/{MERMAID_JOURNEY}/"
    drawn = visit(site, page, PARCOURS_CHART, args.runs, OUT / "chromium-profile")
    mermaid = visit(twin_site, page, MERMAID_CHART, args.runs, OUT / "chromium-profile")

    build(ROOT / "mkdocs.yml", OUT / "demo-site")
    glance = at_a_glance(OUT / "demo-site", ["journeys/remboursement/", "journeys/adhesion/", "journeys/reclamation/", "journeys/remboursement/?state=target"])
    glance.update(at_a_glance(site, [page]))

    large = None
    if args.large:
        large_corpus, large_twin = sites(args.large)
        large = paired((large_corpus / "mkdocs.yml", OUT / "large-site"), (large_twin / "mkdocs.yml", OUT / "large-plain-site"), 1)
        large_pages, large_twin_pages = pages(OUT / "large-site"), pages(OUT / "large-plain-site")

    print(f"\n## Parcours benchmark ({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores)\n")
    print("| What | Parcours | Yardstick, same run | Ratio |")
    print("| --- | ---: | ---: | ---: |")
    print(
        f"| Corpus build, {args.journeys} journeys ({counted} pages; median of {args.builds}) | {Pair.median(builds.a):.1f} s "
        f"| plain Material, same pages and text ({twin_counted}): {Pair.median(builds.b):.1f} s | **{builds.ratio:.2f}** |"
    )
    print(
        f"| Corpus build on one process (`PARCOURS_JOBS=1`) | {Pair.median(one_process.a):.1f} s "
        f"| plain Material: {Pair.median(one_process.b):.1f} s | {one_process.ratio:.2f} |"
    )
    print(f"| Charts drawn, first visit | {drawn.charts_ms:.0f} ms | Mermaid `journey` page: {mermaid.charts_ms:.0f} ms | **{drawn.charts_ms / mermaid.charts_ms:.2f}** |")
    print(f"| Charts drawn, repeat visit | {drawn.repeat_charts_ms:.0f} ms | Mermaid `journey` page: {mermaid.repeat_charts_ms:.0f} ms | **{drawn.repeat_charts_ms / mermaid.repeat_charts_ms:.2f}** |")
    print(
        f"| Preview, one journey saved ({args.journeys} journeys; median of {args.saves}; `make serve`) | {saved['save']:.2f} s "
        f"| plain Material, one page saved, `mkdocs serve`: {twin_saved['save']:.2f} s | **{saved['save'] / twin_saved['save']:.2f}** |"
    )
    print(
        f"| Preview, one journey saved, every page written (`mkdocs serve`) | {whole_saved['save']:.2f} s "
        f"| plain Material, one page saved, `mkdocs serve --dirty`: {twin_dirty['save']:.2f} s | {saved['save'] / twin_dirty['save']:.2f} (`make serve`) |"
    )
    print(f"| Preview, first build | {saved['first']:.1f} s | plain Material: {twin_saved['first']:.1f} s | {saved['first'] / twin_saved['first']:.2f} |")
    if large is not None:
        small_cost, small_twin_cost = Pair.median(builds.a) / counted * 1000, Pair.median(builds.b) / twin_counted * 1000
        large_cost, large_twin_cost = large.a[0].seconds / large_pages * 1000, large.b[0].seconds / large_twin_pages * 1000
        print(
            f"| Corpus build, {args.large} journeys ({large_pages} pages) | {large.a[0].seconds:.1f} s | plain Material ({large_twin_pages}): "
            f"{large.b[0].seconds:.1f} s | **{large.ratio:.2f}** |"
        )
        print(f"| Peak memory, {args.large} journeys | {large.a[0].peak_mb:.0f} MB | plain Material: {large.b[0].peak_mb:.0f} MB | {large.a[0].peak_mb / large.b[0].peak_mb:.2f} |")
        print(f"| Peak memory, {args.journeys} journeys | {statistics.median(r.peak_mb for r in builds.a):.0f} MB | plain Material: {statistics.median(r.peak_mb for r in builds.b):.0f} MB | {statistics.median(r.peak_mb for r in builds.a) / statistics.median(r.peak_mb for r in builds.b):.2f} |")
        print(
            f"| Cost per page, {args.journeys} → {args.large} journeys | {small_cost:.1f} → {large_cost:.1f} ms | plain Material: "
            f"{small_twin_cost:.1f} → {large_twin_cost:.1f} ms | **{large_cost / small_cost:.2f}** (plain: {large_twin_cost / small_twin_cost:.2f}) |"
        )
    print("\n| Page | Own HTML | HTML gzip | First visit (gzip, search index aside) | of which scripts | Repeat visit | First paint | Charts drawn (first / repeat) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, figures in ((f"Journey map, {MERMAID_JOURNEY} (12 stages, 60 touchpoints)", drawn), (f"Plain Material + Mermaid, {MERMAID_JOURNEY}", mermaid)):
        print(
            f"| {name} | {figures.html_kb:.1f} KB | {figures.html_gzip_kb:.0f} KB | {figures.first_visit_kb:.0f} KB | {figures.scripts_kb:.0f} KB "
            f"| {figures.repeat_visit_kb:.0f} KB | {figures.first_paint_ms:.0f} ms | {figures.charts_ms:.0f} / {figures.repeat_charts_ms:.0f} ms |"
        )
    print("\n" + table(glance))
    print("\n| Journey, 1440×900, first visit | Overview drawn (first paint) | Its controls ready (script) |")
    print("| --- | ---: | ---: |")
    for path, sizes in glance.items():
        print(f"| `{path}` | {sizes['1440×900']['first_paint_ms']} ms | {sizes['1440×900']['script_ready_ms']} ms |")


def at_a_glance(site_dir: Path, pages: list[str]) -> dict:
    """The overview's figures on a first visit of each page, at each viewport."""
    from playwright.sync_api import sync_playwright

    base, server = serve(site_dir)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            try:
                return overview_figures(browser, base, pages)
            finally:
                browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
