"""Every file Parcours adds to a site: pages, assets, media, schemas.

Pages are Markdown files made of a front matter (title, description) and
one block of HTML: any MkDocs-compatible engine builds them as they are,
with or without the plugin (`parcours build-pages`).
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from ..figures import journey_figures, phase_groups
from ..history import HistoryIndex, commit_url_template
from ..i18n import Translator
from ..images import clean_image
from ..coverage import KINDS as COVERAGE_KINDS
from ..coverage import coverage
from ..domain import is_old
from ..index import AUDIO_FORMATS, VIDEO_FORMATS, Entry
from ..inventory import QUALIFICATIONS, touchpoint_inventory
from ..model.journey import ALL_PERSONAS, PHASES
from ..prioritisation import breakdown, priority
from ..verbatims import every_verbatim, ranked
from ..schema import json_schemas
from .glossary import Glossary
from ..insights import lowest_stage
from ..site import Site
from ..sitemap import PAGES, stage_anchor, team_page
from ..teams import team_names, teams
from ..slug import slugify
from . import reference
from .assets import ICONS_STYLESHEET, PLOTLY, SCRIPT, STYLESHEET, packaged, plotly_bundle
from .environment import make_environment
from . import formats
from .charts import SHARE_MEASURES, emotion_figure, measure_trend_figure, persona_positions, trend_figure
from .action_views import priorities_view, roadmap_view
from .changes import changes_view
from .journey_view import chart_json, journey_view
from .icons import INITIATOR_ICONS, MOMENT_OF_TRUTH_ICON, QUALIFICATION_ICONS, IconSet
from .urls import Urls, page_uri

KIND_ICONS = {
    "journeys": "material/map-marker-path",
    "personas": "material/account-circle-outline",
    "benchmarks": "material/lightbulb-on-outline",
    "solutions": "material/hammer-wrench",
}


#: Stands for a generated page's HTML in the Markdown MkDocs converts (see `body`).
BODY_PLACEHOLDER = "<!-- parcours:body -->"


@dataclass(frozen=True)
class GeneratedFile:
    """A file of the built site that no author wrote: from content or copied from `source`.

    A page's `content` is complete Markdown (front matter, then one HTML block)
    for any engine; `front_matter` and `body` let the MkDocs plugin give
    Markdown only a placeholder and put the HTML in afterwards: there is no
    Markdown in it to convert, and parsing it costs more than rendering it.
    """

    src_uri: str
    content: str | bytes | None = None
    source: Path | None = None
    edit_path: str | None = None
    front_matter: str | None = None
    body: str | None = None

    @property
    def is_page(self) -> bool:
        return self.src_uri.endswith(".md")


class PageContext:
    """What a template needs to link from its own page to any other."""

    def __init__(
        self, site: Site, urls: Urls, translator: Translator, src_uri: str, icons: IconSet,
        commit_url: str | None = None, history_index: HistoryIndex | None = None,
    ) -> None:
        self.site = site
        self.commit_url = commit_url
        self.history_index = history_index or HistoryIndex(site.history)
        self.index = site.index
        self.settings = site.settings
        self.urls = urls
        self.translator = translator
        self.src_uri = src_uri
        self.icons = icons
        self._badges: dict[str, Markup] = {}

    # Links ---------------------------------------------------------------
    def link(self, target_src_uri: str, anchor: str | None = None) -> str:
        return self.urls.relative(self.src_uri, target_src_uri, anchor)

    def kind_index(self, plural: str) -> str:
        return self.link(page_uri(plural))

    def journey(self, journey_id: str, stage: str | None = None, state: str = "current", touchpoint: str | None = None) -> str:
        anchor = stage_anchor(stage, state, touchpoint) if stage else None
        return self.link(page_uri("journeys", journey_id), anchor)

    def persona(self, persona_id: str) -> str:
        return self.link(page_uri("personas", persona_id))

    def benchmark(self, benchmark_id: str) -> str:
        return self.link(page_uri("benchmarks", benchmark_id))

    def solution(self, solution_id: str) -> str:
        return self.link(page_uri("solutions", solution_id))

    def media(self, entry: Entry, path: str | None) -> str | None:
        """The address of a file a source refers to, from this page (local or intranet host)."""
        media = self.index.media_file(entry, path)
        if media is None:
            return None
        return media.url or self.link(media.site_path)

    def clip(self, entry: Entry, clip: Any) -> ClipView | None:
        """What a player needs: sources, captions, transcript, audio or video."""
        if clip is None:
            return None
        media = self.index.media_file(entry, clip.file)
        captions = self.index.media_file(entry, clip.captions)
        if media is None or captions is None:
            return None
        video = media.suffix in VIDEO_FORMATS
        return ClipView(
            src=self.media(entry, clip.file),
            type=(VIDEO_FORMATS if video else AUDIO_FORMATS)[media.suffix],
            video=video,
            captions=self.media(entry, clip.captions),
            transcript=clip.transcript,
            captions_text=captions.text or "",
        )

    def trend(self, entry: Entry, state: str, stage: Any) -> dict[str, Any] | None:
        """A stage's measures over time, from its journey's data files: chart and table."""
        data = getattr(entry, "data", None)
        if data is None:
            return None
        series = data.for_stage(state, stage.id)
        if not series:
            return None
        labels = self.translator.labels()["trends"]
        language = self.translator.language
        periods = sorted({point.period for one in series for point in one.points})
        columns = []
        for one in sorted(series, key=lambda s: (s.touchpoint or "", s.measure)):
            label = labels.get(one.measure, one.measure)
            if one.touchpoint:
                touchpoint = next((t for t in stage.touchpoints if t.key == one.touchpoint), None)
                label = f"{label} — {touchpoint.label if touchpoint else one.touchpoint}"
            values = {point.period: point.value for point in one.points}
            share = one.measure in SHARE_MEASURES
            columns.append((label, [formats.percent(values[p], language) if share and p in values else formats.number(values.get(p), language) for p in periods]))
        charts = []
        if len(periods) > 1:
            own = [one for one in series if one.touchpoint is None]
            shares = [one for one in own if one.measure == "volume" or one.measure in SHARE_MEASURES]
            commitment = stage.promise.commitment if stage.promise and stage.promise.commitment else None
            if shares:
                charts.append(chart_json(trend_figure(shares, commitment.met_target if commitment else None, self.translator)))
            charts += [chart_json(measure_trend_figure(one, self.translator)) for one in own if one not in shares and len(one.points) > 1]
        return {
            "charts": charts,
            "measures": [{"label": label} for label, _ in columns],
            "rows": [(period, [values[i] for _, values in columns]) for i, period in enumerate(periods)],
        }

    def history(self, entry: Entry) -> list[dict[str, Any]]:
        """The changes to a sheet's source files, newest first, each with its diff's address."""
        folder = posixpath.dirname(entry.rel)
        data_files = {posixpath.normpath(posixpath.join(folder, name)) for name in getattr(entry.model, "data", [])}
        return [
            {"change": change, "url": self.commit_url.format(commit=change.commit) if self.commit_url else None}
            for change in self.history_index.of_source(entry.rel, data_files)
        ]

    def team(self, name: str) -> str:
        return self.link(team_page(name))

    def page_title(self, src_uri: str) -> str:
        """A page's title, for a link to it: a source's own title, an author's page's,
        a team's name, a site page's; else its path."""
        if src_uri in self.site.authored:
            return self.site.authored[src_uri]
        teams_by_page = {team_page(name): name for name in team_names(self.index)}
        if src_uri in teams_by_page:
            return teams_by_page[src_uri]
        for name, page in PAGES.items():
            if page == src_uri:
                labels = self.translator.labels()
                if name == "onboarding" and self.index.onboarding:
                    return self.index.onboarding.model.title
                return labels.get(name, {}).get("title") or labels["kinds"].get(name) or name
        parts = src_uri.removesuffix(".md").split("/")
        if len(parts) == 2:
            plural, stem = parts
            entries = {"journeys": self.index.journeys, "personas": self.index.personas, "benchmarks": self.index.benchmarks, "solutions": self.index.solutions}.get(plural, {})
            if stem in entries:
                model = entries[stem].model
                return getattr(model, "title", None) or getattr(model, "name", stem)
            if stem == "index":
                labels = self.translator.labels()
                return labels["kinds"].get(plural) or labels.get(plural, {}).get("title") or plural
        return src_uri.removesuffix(".md")

    def visit_title(self, target: str) -> str:
        """A link's words for a page and its anchor: a stage's name after its journey's title."""
        path, _, anchor = target.partition("#")
        path = path.lstrip("/")
        title = self.page_title(path)
        parts = path.removesuffix(".md").split("/")
        if anchor and len(parts) == 2 and parts[0] == "journeys" and parts[1] in self.index.journeys:
            state = "target" if anchor.startswith("target-") else "current"
            stage_id = anchor.split("-", 1)[1].split("--", 1)[0] if "-" in anchor else ""
            for place in self.index.stages(parts[1], state):
                if place.stage.id == stage_id:
                    return f"{title} — {place.stage.name}"
        return title

    def review_due(self, reviewed: date) -> bool:
        return is_old(reviewed, self.site.today, self.settings.review_max_age_months)

    def is_old(self, collected: date) -> bool:
        """Whether customer words are older than the site's verbatim age."""
        return is_old(collected, self.site.today, self.settings.verbatim_max_age_months)

    def reference(self, anchor: str | None = None) -> str:
        return self.link("reference/index.md", anchor)

    # Names ---------------------------------------------------------------
    def persona_name(self, persona_id: str) -> str:
        entry = self.index.personas.get(persona_id)
        return entry.model.name if entry else persona_id

    def channel_label(self, channel_id: str) -> str:
        channel = self.settings.channel(channel_id)
        if channel and channel.label:
            return channel.label
        labels = self.translator.labels()["channel"]
        return labels.get(channel_id, channel_id)

    def qualification(self, value: str) -> Markup:
        """A qualification's badge: its icon and its word, never its colour alone."""
        if value not in self._badges:
            word = self.translator.labels()["qualification"][value]
            self._badges[value] = Markup(
                f'<span class="parcours-qualification parcours-q-{value}">{self.icons(QUALIFICATION_ICONS[value])}<span>{escape(word)}</span></span>'
            )
        return self._badges[value]

    def channel(self, channel_id: str) -> Markup:
        """A channel's icon and name."""
        key = f"channel:{channel_id}"
        if key not in self._badges:
            self._badges[key] = Markup(
                f'<span class="parcours-channel">{self.channel_icon(channel_id)}<span>{escape(self.channel_label(channel_id))}</span></span>'
            )
        return self._badges[key]

    def channel_icon(self, channel_id: str) -> Markup:
        channel = self.settings.channel(channel_id)
        return self.icons(channel.icon if channel else "material/message-outline")

    def criterion_label(self, criterion_id: str) -> str:
        criterion = next((c for c in self.settings.criteria if c.id == criterion_id), None)
        if criterion and criterion.label:
            return criterion.label
        return self.translator.labels()["criterion"].get(criterion_id, criterion_id)

    def stage_name(self, journey_id: str, stage_id: str, state: str = "current") -> str:
        for place in self.index.stages(journey_id, state):
            if place.stage.id == stage_id:
                return place.stage.name
        return stage_id

    def touchpoint_label(self, journey_id: str, stage_id: str, touchpoint_key: str) -> str:
        for place in self.index.stages(journey_id):
            if place.stage.id == stage_id:
                for touchpoint in place.stage.touchpoints:
                    if touchpoint.key == touchpoint_key:
                        return touchpoint.label
        return touchpoint_key

    def journey_title(self, journey_id: str) -> str:
        entry = self.index.journeys.get(journey_id)
        return entry.model.title if entry else journey_id

    def emotion_label(self, key: str) -> str:
        return self.translator.label("site.all_personas") if key == ALL_PERSONAS else self.persona_name(key)


@dataclass(frozen=True)
class ClipView:
    src: str
    type: str
    video: bool
    captions: str
    transcript: str | None
    captions_text: str


def benchmark_filters(index: Any, settings: Any) -> dict[str, Any]:
    """The values each filter of the benchmark library offers, from the sheets themselves."""
    sheets = [entry.model for entry in index.benchmarks.values()]

    def distinct(values: Any) -> list[tuple[str, str]]:
        return sorted({slugify(value): value for value in values}.items(), key=lambda item: item[1].casefold())

    order = [phase for phases in PHASES.values() for phase in phases]
    used_channels = {channel for sheet in sheets for channel in sheet.channels}
    return {
        "phases": [phase for phase in order if any(sheet.phase == phase for sheet in sheets)],
        "stages": distinct(sheet.stage for sheet in sheets),
        "channels": [channel for channel in settings.channel_ids() if channel in used_channels],
        "sectors": distinct(sheet.sector for sheet in sheets),
        "companies": distinct(sheet.company for sheet in sheets),
    }


def _front_matter(title: str, description: str | None = None, **extra: Any) -> str:
    """YAML front matter; JSON strings are valid YAML, so any title is safe."""
    lines = ["---", f"title: {json.dumps(_theme_text(title), ensure_ascii=False)}"]
    if description:
        lines.append(f"description: {json.dumps(_theme_text(' '.join(description.split())), ensure_ascii=False)}")
    for key, value in extra.items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines)


def _theme_text(text: str) -> str:
    """A title or description from a source, safe where the theme writes it as HTML.

    Themes take a page's title and description as HTML: Material puts them
    unescaped in the navigation, the header and `<meta content="…">`, and
    in `<title>` through `striptags`, which unescapes `&lt;` back into `<`.
    Angle brackets therefore become their typographic look-alikes (‹ ›), and
    `&` and double quotes are escaped (apostrophes, frequent in French, stay
    as typed): what the analyst wrote shows as text, and no tag can run.
    """
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "‹").replace(">", "›")


def _compact(html: str) -> str:
    """One raw HTML block for Markdown: no blank line, no indented line."""
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


#: Markers an author writes in a page of `docs/` to place a block of the site's
#: data there (the demo's home page uses them).
BLOCK_MARKER = re.compile(r"<!--\s*parcours:([a-z-]+)\s*-->")
BLOCKS = {"journeys": "home_journeys.html", "personas": "home_personas.html", "changes": "home_changes.html"}
CHANGES_SHOWN = 8


class Renderer:
    """Renders every page of a site's sources, and the blocks authors place in theirs."""

    def __init__(self, site: Site, urls: Urls | None = None, repo_url: str | None = None) -> None:
        self.site = site
        self.commit_url = commit_url_template(site.settings.commit_url, repo_url)
        self.history_index = HistoryIndex(site.history)
        self.index = site.index
        self.urls = urls or Urls()
        self.translator = Translator(site.language)
        self.env = make_environment(self.translator)
        self.icons = IconSet()
        self.glossary = Glossary(site.index.glossary.model) if site.index.glossary else None
        self.labels = self.translator.labels()
        self.common = dict(
            slug=slugify,
            ranked=ranked,
            phase_groups=phase_groups,
            PHASES=PHASES,
            ALL_PERSONAS=ALL_PERSONAS,
            QUALIFICATION_ICONS=QUALIFICATION_ICONS,
            INITIATOR_ICONS=INITIATOR_ICONS,
            MOMENT_OF_TRUTH_ICON=MOMENT_OF_TRUTH_ICON,
            KIND_ICONS=KIND_ICONS,
            stage_anchor=stage_anchor,
        )

    # Rendering ----------------------------------------------------------------
    def render(self, template: str, src_uri: str, **context: Any) -> str:
        ctx = PageContext(self.site, self.urls, self.translator, src_uri, self.icons, self.commit_url, self.history_index)
        html = self.env.get_template(template).render(
            page=ctx, index=self.index, settings=self.site.settings, icon=self.icons, **self.common, **context
        )
        html = _compact(html)
        if self.glossary and src_uri != PAGES["glossary"]:
            html = self.glossary.annotate(html)
        return html

    def page(
        self, src_uri: str, template: str, title: str, description: str | None = None, edit_path: str | None = None,
        meta: dict[str, Any] | None = None, **context: Any,
    ) -> GeneratedFile:
        front_matter = _front_matter(title, description, **(meta or {}))
        body = self.render(template, src_uri, **context)
        return GeneratedFile(src_uri=src_uri, content=f"{front_matter}\n\n{body}\n", edit_path=edit_path, front_matter=front_matter, body=body)

    def blocks(self, src_uri: str) -> dict[str, str]:
        """The blocks an author may place in a page of theirs, rendered for that page."""
        changes = changes_view(self.site, CHANGES_SHOWN)
        figures = {jid: journey_figures(entry.model) for jid, entry in self.index.journeys.items()}
        context = dict(
            journeys=sorted(self.index.journeys.values(), key=lambda e: e.model.title), figures=figures,
            worst={jid: lowest_stage(entry.model.stages) for jid, entry in self.index.journeys.items()},
            personas=sorted(self.index.personas.values(), key=lambda e: e.model.name), changes=changes,
        )
        return {name: self.render(template, src_uri, **context) for name, template in BLOCKS.items()}

    def fill(self, src_uri: str, html: str) -> str:
        """An author's page with its block markers replaced by the blocks."""
        if not BLOCK_MARKER.search(html):
            return html
        blocks = self.blocks(src_uri)
        return BLOCK_MARKER.sub(lambda match: blocks.get(match.group(1), match.group(0)), html)

    # Every page -----------------------------------------------------------------
    def files(self) -> list[GeneratedFile]:
        """Every generated file. Call only when the site's report has no error."""
        files = [*self._kind_pages(), *self._site_pages()]
        self.blocks("index.md")  # the blocks' icons belong in the stylesheet too
        files.extend(self._assets())
        return files

    def _kind_pages(self) -> list[GeneratedFile]:
        index, settings, labels = self.index, self.site.settings, self.labels
        pages = []
        figures = {jid: journey_figures(entry.model) for jid, entry in index.journeys.items()}
        pages.append(self.page(
            page_uri("journeys"), "journeys_index.html", labels["kinds"]["journeys"], labels["index"]["journeys_intro"],
            journeys=sorted(index.journeys.values(), key=lambda e: e.model.title), figures=figures,
        ))
        for entry in index.journeys.values():
            pages.append(self.page(
                page_uri("journeys", entry.id), "journey.html", entry.model.title, entry.model.summary,
                edit_path=entry.rel, meta={"hide": ["navigation", "toc"]}, entry=entry, journey=entry.model, figures=figures[entry.id],
                review_due=is_old(entry.model.last_review, self.site.today, settings.review_max_age_months),
                **journey_view(entry, index, settings, self.translator),
            ))
        pages.append(self.page(
            page_uri("personas"), "personas_index.html", labels["kinds"]["personas"], labels["index"]["personas_intro"],
            personas=sorted(index.personas.values(), key=lambda e: e.model.name),
        ))
        for entry in index.personas.values():
            pages.append(self.page(
                page_uri("personas", entry.id), "persona.html", entry.model.name, entry.model.quote,
                edit_path=entry.rel, entry=entry, persona=entry.model,
                journeys=[self._travel(index.journeys[jid], entry) for jid in index.journeys_of_persona.get(entry.id, [])],
            ))
        pages.append(self.page(
            page_uri("benchmarks"), "benchmarks_index.html", labels["kinds"]["benchmarks"], labels["index"]["benchmarks_intro"],
            benchmarks=sorted(index.benchmarks.values(), key=lambda e: (e.model.company, e.model.title)),
            filters=benchmark_filters(index, settings),
        ))
        for entry in index.benchmarks.values():
            pages.append(self.page(
                page_uri("benchmarks", entry.id), "benchmark.html", entry.model.title, f"{entry.model.company} — {entry.model.title}",
                edit_path=entry.rel, entry=entry, benchmark=entry.model, citing=index.stages_citing.get(entry.id, []),
            ))
        priorities = {sid: priority(entry.model, settings) for sid, entry in index.solutions.items()}
        ranked = sorted(index.solutions.values(), key=lambda e: (-(priorities[e.id] or -1), e.model.title))
        pages.append(self.page(
            page_uri("solutions"), "solutions_index.html", labels["kinds"]["solutions"], labels["index"]["solutions_intro"],
            solutions=ranked, priorities=priorities,
        ))
        for entry in index.solutions.values():
            pages.append(self.page(
                page_uri("solutions", entry.id), "solution.html", entry.model.title, entry.model.summary,
                edit_path=entry.rel, entry=entry, solution=entry.model, priority=priorities[entry.id],
                breakdown=breakdown(entry.model, settings),
            ))
        return pages

    def _site_pages(self) -> list[GeneratedFile]:
        index, settings, labels = self.index, self.site.settings, self.labels
        journeys = sorted(index.journeys.items(), key=lambda item: item[1].model.title)
        used_channels = {t.channel for e in index.journeys.values() for stage in e.model.stages for t in stage.touchpoints}
        pages = [
            self.page(
                PAGES["touchpoints"], "touchpoints.html", labels["inventory"]["title"], labels["inventory"]["intro"],
                meta={"hide": ["navigation", "toc"]}, inventory=touchpoint_inventory(index), journeys=journeys, QUALIFICATIONS=QUALIFICATIONS,
            ),
            self.page(
                PAGES["verbatims"], "verbatims.html", labels["verbatims"]["title"], labels["verbatims"]["intro"],
                meta={"hide": ["toc"]}, places=every_verbatim(index), journeys=journeys,
                personas=sorted(index.personas.items(), key=lambda item: item[1].model.name),
                channels=[channel for channel in settings.channel_ids() if channel in used_channels], QUALIFICATIONS=QUALIFICATIONS,
            ),
            self.page(
                PAGES["priorities"], "priorities.html", labels["priorities"]["title"], labels["priorities"]["intro"],
                meta={"hide": ["toc"]}, **priorities_view(index, settings, self.translator, self.urls),
            ),
            self.page(
                PAGES["roadmap"], "roadmap.html", labels["roadmap"]["title"], labels["roadmap"]["title"],
                meta={"hide": ["toc"]}, **roadmap_view(index, self.translator, self.urls, self.site.today),
            ),
            self.page(
                PAGES["coverage"], "coverage.html", labels["coverage"]["title"], labels["coverage"]["intro"],
                meta={"hide": ["toc"]}, findings=coverage(index), KINDS=COVERAGE_KINDS,
            ),
            self.page(
                PAGES["reference"], "reference.html", labels["kinds"]["reference"], labels["reference"]["intro"],
                reference=reference.build(settings, self.translator),
            ),
        ]
        all_teams = teams(index)
        pages.append(self.page(PAGES["teams"], "teams_index.html", labels["teams"]["title"], labels["teams"]["intro"], teams=all_teams))
        for work in all_teams.values():
            pages.append(self.page(team_page(work.name), "team.html", work.name, labels["teams"]["page_intro"].format(team=work.name), team=work))
        if index.glossary:
            pages.append(self.page(
                PAGES["glossary"], "glossary.html", labels["glossary"]["title"], index.glossary.model.intro,
                edit_path=index.glossary.rel, glossary=index.glossary.model,
            ))
        if index.onboarding:
            onboarding = index.onboarding.model
            pages.append(self.page(
                PAGES["onboarding"], "onboarding.html", onboarding.title, onboarding.intro,
                edit_path=index.onboarding.rel, meta={"hide": ["toc"]}, onboarding=onboarding,
                minutes=sum(step.minutes for step in onboarding.steps),
            ))
        return pages

    def _travel(self, journey: Entry, persona: Entry) -> dict[str, Any]:
        """A journey as one persona lives it: the stages that concern them, their emotion."""
        stages = [stage for stage in journey.model.stages if not stage.personas or persona.id in stage.personas]
        scores = [(stage, (stage.emotion or {}).get(persona.id, (stage.emotion or {}).get(ALL_PERSONAS))) for stage in stages]
        chart = None
        if any(score is not None for _, score in scores):
            figure = emotion_figure(
                stages, [(persona.id, persona.model.name.split(",")[0])], self.site.settings.emotion_scale, self.translator, standalone=True,
                positions=persona_positions([persona.id], list(self.index.personas)),
            )
            chart = chart_json(figure)
        return {"entry": journey, "scores": scores, "chart": chart}

    def _assets(self) -> list[GeneratedFile]:
        site, index = self.site, self.index
        files = [
            GeneratedFile(src_uri=f"schemas/{name}.schema.json", content=json.dumps(schema, ensure_ascii=False, indent=2))
            for name, schema in json_schemas(site.settings, site.language).items()
        ]
        files.append(GeneratedFile(src_uri=STYLESHEET, content=packaged("parcours.css")))
        files.append(GeneratedFile(src_uri=SCRIPT, content=packaged("parcours.js")))
        if index.journeys:
            bundle, _ = plotly_bundle()
            files.append(GeneratedFile(src_uri=PLOTLY, source=bundle))
        # After every page and block: the icons they used.
        files.append(GeneratedFile(src_uri=ICONS_STYLESHEET, content=self.icons.stylesheet()))
        # Several sources may show the same file (two personas, one portrait): publish it once.
        published = {media.site_path: media for media in index.media.values() if media.site_path and media.source}
        for site_path, media in sorted(published.items()):
            if media.kind == "image":
                files.append(GeneratedFile(src_uri=site_path, content=clean_image(media.source, site.settings.image_max_width)))
            else:
                files.append(GeneratedFile(src_uri=site_path, source=media.source))
        return files


def generate_files(site: Site, urls: Urls | None = None) -> list[GeneratedFile]:
    """Render every page of the site's sources. Call only when the report has no error."""
    return Renderer(site, urls).files()
