"""The yardstick: the corpus's pages as a plain Material site.

The same pages with the same text, written as plain Markdown (paragraphs of
the text each generated page shows), built by Material without Parcours. One
of its pages, the bench's journey, also draws that journey as a Mermaid
`journey` diagram, as a plain Material site would (a `mermaid` fence that
Material renders), with the `mermaid` package pinned in `bench/package.json`
and served from the built site: nothing comes from another host.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
MERMAID = BENCH / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
#: The page that holds the Mermaid diagram, and the journey it draws.
MERMAID_JOURNEY = "parcours-1"
#: Material's own way of drawing a `mermaid` fence (its documentation's snippet).
SUPERFENCES = """
markdown_extensions:
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
"""


def plain_twin(parcours_src: Path, target: Path) -> Path:
    """Write the plain Material site beside the corpus; return its folder."""
    from click.testing import CliRunner
    from mkdocs.utils.yaml import yaml_load

    from parcours.cli import main

    shutil.rmtree(target, ignore_errors=True)
    generated = target / "generated"
    result = CliRunner().invoke(main, ["build-pages", str(parcours_src), "--out", str(generated)])
    assert result.exit_code == 0, result.output
    docs = target / "docs"
    shutil.copytree(parcours_src / "docs", docs)
    for page in generated.rglob("*.md"):
        raw = page.read_text("utf-8")
        title = re.search(r'^title: "(.*)"$', raw, re.M).group(1)
        body = re.sub(r"<[^>]+>", " ", raw.split("---", 2)[2])
        text = " ".join(html.unescape(body).split())
        out = docs / page.relative_to(generated)
        out.parent.mkdir(parents=True, exist_ok=True)
        # Paragraphs of the same text, so Markdown has the same amount to render.
        paragraphs = [text[i : i + 600] for i in range(0, len(text), 600)]
        out.write_text(f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n", "utf-8")
    shutil.rmtree(generated)
    with open(parcours_src / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml_load(handle)
    config["plugins"] = [p for p in config["plugins"] if p != "parcours" and not (isinstance(p, dict) and "parcours" in p)]
    config.pop("nav", None)
    config.pop("markdown_extensions", None)
    config["theme"]["custom_dir"] = "overrides"
    (target / "overrides").mkdir(exist_ok=True)
    journey = parcours_src / "journeys" / f"{MERMAID_JOURNEY}.yml"
    if MERMAID.is_file() and journey.is_file():
        _copy(MERMAID, docs / "javascripts" / "mermaid.min.js")
        config["extra_javascript"] = [*config.get("extra_javascript", []), "javascripts/mermaid.min.js"]
        page = docs / "journeys" / MERMAID_JOURNEY / "index.md"
        if not page.is_file():
            page = docs / "journeys" / f"{MERMAID_JOURNEY}.md"
        title, _, rest = page.read_text("utf-8").partition("\n\n")
        page.write_text(f"{title}\n\n```mermaid\n{mermaid_journey(journey, parcours_src)}```\n\n{rest}", "utf-8")
    extensions = yaml.safe_dump(_extensions(parcours_src), allow_unicode=True, sort_keys=False)
    written = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (target / "mkdocs.yml").write_text(written + SUPERFENCES + "".join(f"  {line}\n" for line in extensions.splitlines()), "utf-8")
    return target


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def _extensions(parcours_src: Path) -> list:
    """The corpus's Markdown extensions, kept for the twin (superfences is added)."""
    from mkdocs.utils.yaml import yaml_load

    with open(parcours_src / "mkdocs.yml", encoding="utf-8") as handle:
        return list(yaml_load(handle).get("markdown_extensions") or [])


def mermaid_journey(journey_file: Path, site: Path) -> str:
    """The journey as Mermaid's `journey` diagram: a section per phase, a task per
    stage scored 1 to 5 from its emotion (-2 to +2), its personas as actors."""
    journey = yaml.safe_load(journey_file.read_text("utf-8"))
    names = {}
    for persona in journey.get("personas", []):
        path = site / "personas" / f"{persona}.md"
        front = yaml.safe_load(path.read_text("utf-8").split("---", 2)[1]) if path.is_file() else {}
        names[persona] = _clean(front.get("name", persona).split(",")[0])
    lines = ["journey", f"  title {_clean(journey['title'])}"]
    phase = None
    for stage in journey["stages"]:
        if stage.get("phase") != phase:
            phase = stage.get("phase")
            lines.append(f"  section {_clean(str(phase))}")
        emotion = stage.get("emotion") or {}
        score = round(sum(emotion.values()) / len(emotion)) + 3 if emotion else 3
        actors = ", ".join(names.get(persona, persona) for persona in emotion) or "Client"
        lines.append(f"    {_clean(stage['name'])}: {score}: {actors}")
    return "\n".join(lines) + "\n"


def _clean(text: str) -> str:
    """Mermaid's journey syntax reads `:`, `;` and `#` as its own."""
    return re.sub(r"[:;#]", " ", text).strip()
