"""WebVTT captions: checked on reading, and their words used as a transcript."""

from __future__ import annotations

import re

_TAG = re.compile(r"<[^>]+>")


def is_webvtt(text: str) -> bool:
    """A WebVTT file starts with "WEBVTT" (after an optional byte-order mark)."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    return first == "WEBVTT" or first.startswith(("WEBVTT ", "WEBVTT\t"))


def transcript(text: str) -> str:
    """The words of every cue, in order, without timings, identifiers or tags."""
    words: list[str] = []
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").lstrip("\ufeff"))
    for block in blocks[1:]:
        lines = block.strip().split("\n")
        if not lines or lines[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        timing = next((i for i, line in enumerate(lines) if "-->" in line), None)
        if timing is None:
            continue
        for line in lines[timing + 1 :]:
            cleaned = _TAG.sub("", line).strip()
            if cleaned:
                words.append(cleaned)
    return " ".join(words)
