"""What a template needs to link from its own page to any other, and to name things."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import quote

from ..analyses.sitemap import PAGES, briefing_page, source_page, stage_anchor, team_page
from ..checks.method import is_old
from ..index.entries import Entry
from ..language.translator import Translator
from ..media.files import AUDIO_FORMATS, VIDEO_FORMATS
from ..model import KINDS, Settings
from ..model.fields import is_web_address
from ..model.site_words import channel_label
from ..model.vocabulary import ALL_PERSONAS
from ..sources.history import HistoryIndex
from ..site import Site
from .suggest import Suggestion
from .urls import Urls


@dataclass(frozen=True)
class ClipView:
    """What a player needs: sources, captions, transcript, audio or video."""

    src: str
    type: str
    video: bool
    captions: str
    transcript: str | None
    captions_text: str


def commit_url_template(commit_url: str | None, repo_url: str | None) -> str | None:
    """Where a commit's diff is shown: the setting, else GitHub's or GitLab's
    address under `repo_url` (another host's scheme is not guessed), and
    only ever a web address: a history link never runs a script."""
    if commit_url:
        return commit_url if is_web_address(commit_url) else None
    if not repo_url or not is_web_address(repo_url):
        return None
    base = repo_url.rstrip("/").removesuffix(".git")
    if "github" in base:
        return base + "/commit/{commit}"
    if "gitlab" in base:
        return base + "/-/commit/{commit}"
    return None


def channel_icon(settings: Settings, channel_id: str) -> str:
    channel = settings.channel(channel_id)
    return channel.icon if channel else "material/message-outline"


class PageContext:
    """Links and names, from one page (`src_uri`) to the rest of the site."""

    def __init__(
        self, site: Site, urls: Urls, translator: Translator, src_uri: str,
        commit_url: str | None = None, history_index: HistoryIndex | None = None,
        issue_form: str | None = None, site_url: str | None = None,
    ) -> None:
        self.site = site
        self.issue_form = issue_form
        self.site_url = site_url
        self.commit_url = commit_url
        self.history_index = history_index or HistoryIndex(site.history)
        self.index = site.index
        self.settings = site.settings
        self.urls = urls
        self.translator = translator
        self.src_uri = src_uri

    # Links ---------------------------------------------------------------
    def link(self, target_src_uri: str, anchor: str | None = None) -> str:
        return self.urls.relative(self.src_uri, target_src_uri, anchor)

    def kind_index(self, plural: str) -> str:
        return self.link(source_page(plural))

    def journey(self, journey_id: str, stage: str | None = None, state: str = "current", touchpoint: str | None = None) -> str:
        anchor = stage_anchor(stage, state, touchpoint) if stage else None
        return self.link(source_page("journeys", journey_id), anchor)

    def persona(self, persona_id: str) -> str:
        return self.link(source_page("personas", persona_id))

    def benchmark(self, benchmark_id: str) -> str:
        return self.link(source_page("benchmarks", benchmark_id))

    def solution(self, solution_id: str) -> str:
        return self.link(source_page("solutions", solution_id))

    def team(self, name: str) -> str:
        return self.link(team_page(name))

    def reference(self, anchor: str | None = None) -> str:
        return self.link(PAGES["reference"], anchor)

    def media(self, entry: Entry, path: str | None) -> str | None:
        """The address of a file a source refers to, from this page (local or intranet host).

        A local file's name is a path: its spaces, `#` and `?` are escaped in
        the address, or the browser would read `portrait #2.svg` as `portrait `.
        """
        media = self.index.media_file(entry, path)
        if media is None:
            return None
        return media.url or quote(self.link(media.site_path), safe="/")

    def clip(self, entry: Entry, clip: Any) -> ClipView | None:
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

    def history(self, entry: Entry) -> list[dict[str, Any]]:
        """The changes to a sheet's source files, newest first, each with its diff's address."""
        folder = posixpath.dirname(entry.rel)
        data_files = {posixpath.normpath(posixpath.join(folder, data_file.file)) for data_file in getattr(entry.model, "data", [])}
        return [
            {"change": change, "url": self.commit_url.format(commit=change.commit) if self.commit_url else None}
            for change in self.history_index.of_source(entry.rel, data_files)
        ]

    def page_title(self, src_uri: str) -> str:
        """A page's title, for a link to it: a source's own title, an author's page's,
        a team's name, a site page's; else its path."""
        if src_uri in self.site.authored:
            return self.site.authored[src_uri]
        teams_by_page = {team_page(name): name for name in self.site.analyses.team_names}
        if src_uri in teams_by_page:
            return teams_by_page[src_uri]
        briefings = {briefing_page(name): name for name in self.site.analyses.team_names}
        if src_uri in briefings:
            return self.translator.labels()["briefing"]["title"].format(team=briefings[src_uri])
        labels = self.translator.labels()
        for name, page in PAGES.items():
            if page == src_uri:
                if name == "onboarding" and self.index.onboarding:
                    return self.index.onboarding.model.title
                return labels.get(name, {}).get("title") or labels["kinds"].get(name) or name
        parts = src_uri.removesuffix(".md").split("/")
        if len(parts) == 2:
            plural, stem = parts
            kind = next((kind for kind in KINDS.values() if kind.plural == plural), None)
            entries = self.index.entries(kind.name) if kind else {}
            if stem in entries:
                model = entries[stem].model
                return getattr(model, "title", None) or getattr(model, "name", stem)
            if stem == "index":
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

    def stage_link(self, reference: str) -> dict[str, str]:
        """A link to a stage (current or target) or a touchpoint named `journey/stage[/touchpoint]`, and its words."""
        journey_id, stage_id, *rest = reference.split("/")
        for state in ("current", "target"):
            for place in self.index.stages(journey_id, state) if journey_id in self.index.journeys else []:
                if place.stage.id == stage_id:
                    touchpoint = next((t for t in place.stage.touchpoints if rest and t.key == rest[0]), None)
                    name = f"{place.stage.name} — {touchpoint.label}" if touchpoint else place.stage.name
                    return {"url": self.journey(journey_id, stage_id, state, touchpoint.key if touchpoint else None), "name": name}
        return {"url": self.journey(journey_id), "name": reference}

    def suggest(self, entry: Entry, state: str, stage: Any, touchpoint: Any = None, verbatim: Any = None) -> str | None:
        """The address of a new issue suggesting a correction to a stage, a touchpoint or a verbatim (None without `repo_url`)."""
        if self.issue_form is None:
            return None
        words = self.translator.labels()["suggest"]
        place = next(p for p in self.index.stages(entry.id, state) if p.stage is stage)
        loc: tuple[Any, ...] = place.loc
        anchor = stage_anchor(stage.id, state, touchpoint.key if touchpoint else None)
        what = stage.name
        if touchpoint is not None:
            loc, what = (*loc, "touchpoints", next(n for n, t in enumerate(stage.touchpoints) if t is touchpoint)), touchpoint.label
        if verbatim is not None:
            loc, what = (*loc, "verbatims", next(n for n, v in enumerate(stage.verbatims) if v is verbatim)), self.translator.quote(verbatim.text)
        position = entry.doc.position(loc)
        address = f"{(self.site_url or '').rstrip('/')}/{self.urls.url(self.src_uri)}#{anchor}"
        lines = [
            words["intro"], "",
            f"{words['page']}{address}",
            f"{words['journey']}{entry.model.title}",
            f"{words['stage']}{stage.name}",
        ]
        if touchpoint is not None:
            lines.append(f"{words['touchpoint']}{touchpoint.label}")
        if verbatim is not None:
            lines.append(f"{words['verbatim']}{self.translator.quote(verbatim.text)} — {verbatim.speaker}")
        lines.append(words["file"].format(file=self.site.prefix + entry.rel, line=position.line if position else 1))
        lines += ["", words["wrong"], "", "", words["right"], ""]
        return Suggestion(words["title"].format(what=what if len(what) <= 80 else what[:79] + "…"), tuple(lines)).url(self.issue_form)

    def review_due(self, reviewed: date) -> bool:
        return is_old(reviewed, self.site.today, self.settings.review_max_age_months)

    def is_old(self, collected: date) -> bool:
        """Whether customer words are older than the site's verbatim age."""
        return is_old(collected, self.site.today, self.settings.verbatim_max_age_months)

    # Names ---------------------------------------------------------------
    def persona_name(self, persona_id: str) -> str:
        entry = self.index.personas.get(persona_id)
        return entry.model.name if entry else persona_id

    def channel_label(self, channel_id: str) -> str:
        return channel_label(self.settings, self.translator, channel_id)

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
