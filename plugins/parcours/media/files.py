"""Files a source names: portraits, screenshots, clips and their captions.

Each is checked where the source names it, before anything is published: a
local file must sit inside its source's folder (symbolic links resolved),
exist, be in an accepted format and under the size limit; a remote one must
be on an intranet host the site allows. Captions are read, and hold the
customer's words: the same privacy rule as a verbatim's text applies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from ..model.personal_data import line_findings
from ..model.settings import Settings
from ..sources.paths import contained
from ..sources.problems import Problem
from .captions import is_webvtt, transcript
from .images import ImageError, check_image

IMAGE_FORMATS = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif")
AUDIO_FORMATS = {".mp3": "audio/mpeg", ".ogg": "audio/ogg", ".m4a": "audio/mp4"}
VIDEO_FORMATS = {".mp4": "video/mp4", ".webm": "video/webm"}
CAPTION_FORMATS = (".vtt",)
#: What makes a name an address rather than a path: a scheme (`https:`, `ftp:`…)
#: or a leading `//`. A path's `#`, `?` or space are letters of the file's name.
_ADDRESS = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)")
#: What each kind of media file may be.
FORMATS: dict[str, tuple[str, ...]] = {
    "image": IMAGE_FORMATS,
    "clip": (*AUDIO_FORMATS, *VIDEO_FORMATS),
    "captions": CAPTION_FORMATS,
}


@dataclass(frozen=True)
class MediaFile:
    """A file a source refers to: copied (or, for images, cleaned) into the site
    beside its pages, or played from an allowed intranet host (`url`)."""

    site_path: str | None
    source: Path | None = None
    url: str | None = None
    kind: str = "file"
    text: str | None = None

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.url or self.site_path or "").suffix.lower()


@dataclass
class MediaCheck:
    """What checking one named file found: the file to publish, or why not.

    `refusal` is a message code and its parameters, located by the caller
    where the source names the file; `problems` are located in the file
    itself (a line of captions holding a surname).
    """

    file: MediaFile | None = None
    refusal: tuple[str, dict[str, Any]] | None = None
    problems: list[Problem] = field(default_factory=list)


def check_media(path: str, source_folder: Path, shown_folder: str, published_folder: str, kind: str, settings: Settings) -> MediaCheck:
    """Check a file that a source in `source_folder` names as `path`.

    `shown_folder` is that folder as the analyst knows it (relative to the
    site); `published_folder` where the site publishes its files (`personas`).
    """
    formats = FORMATS[kind]
    if _ADDRESS.match(path):
        parts = urlsplit(path)
        wrong_format = PurePosixPath(parts.path).suffix.lower() not in formats
        if kind == "image" or parts.scheme not in ("http", "https") or parts.hostname not in settings.media_hosts:
            return MediaCheck(refusal=("media_host", {"value": path, "known": settings.media_hosts}))
        if wrong_format:
            return MediaCheck(refusal=("media_format", {"value": path, "expected": list(formats)}))
        return MediaCheck(file=MediaFile(site_path=None, url=path, kind=kind))
    wrong_format = PurePosixPath(path).suffix.lower() not in formats
    target = contained(path, source_folder)
    if target is None:
        return MediaCheck(refusal=("media_outside", {"value": path, "folder": shown_folder}))
    relative = target.relative_to(source_folder.resolve())
    if wrong_format:
        return MediaCheck(refusal=("media_format", {"value": path, "expected": list(formats)}))
    if not target.is_file():
        return MediaCheck(refusal=("missing_media", {"value": path, "folder": shown_folder}))
    size = target.stat().st_size
    if kind == "clip" and size > settings.media_max_mb * 1024 * 1024:
        return MediaCheck(refusal=("media_too_large", {"value": path, "size": round(size / 1024 / 1024, 1), "max": settings.media_max_mb}))
    text = None
    if kind == "image":
        try:
            check_image(target)
        except ImageError as error:  # unreadable, truncated, too large…: `error.code` says which
            return MediaCheck(refusal=(error.code, {"value": path, **error.params}))
    if kind == "captions":
        try:
            content = target.read_text("utf-8")
        except (UnicodeDecodeError, OSError):
            content = ""
        if not is_webvtt(content):
            return MediaCheck(refusal=("captions_invalid", {"value": path}))
        text = transcript(content)
        if not text:
            return MediaCheck(refusal=("captions_empty", {"value": path}))
        captions_rel = str(PurePosixPath(shown_folder) / relative.as_posix())
        leaks = [
            Problem(file=captions_rel, line=line, column=column, code=finding.code, params={"value": finding.value, "suggestion": finding.suggestion})
            for line, column, finding in line_findings(content)
        ]
        if leaks:
            return MediaCheck(problems=leaks)
    site_path = f"{published_folder}/{relative.as_posix()}"
    return MediaCheck(file=MediaFile(site_path=site_path, source=target, kind=kind, text=text))
