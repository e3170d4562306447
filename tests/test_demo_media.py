"""The script that makes the demo's clips reads the demo as it is written now."""

from __future__ import annotations

import importlib.util
import sys

from conftest import REPO


def _script():
    spec = importlib.util.spec_from_file_location("demo_media", REPO / "scripts" / "demo_media.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_every_persona_video_and_verbatim_clip_has_its_text():
    script = _script()
    for persona_id in script.PERSONA_VIDEOS:
        narration = script.persona_narration(persona_id)
        assert narration.startswith("Voici ") and len(narration) > 200, persona_id
    for clip in script.CLIPS:
        assert script.verbatim_text(clip), clip


def test_each_clips_captions_are_the_words_it_says():
    """The committed captions came from the current text: a changed quote means `make demo-media`."""
    script = _script()
    for persona_id in script.PERSONA_VIDEOS:
        captions = (REPO / "personas" / "media" / f"{persona_id}.vtt").read_text("utf-8")
        for sentence in script.sentences(script.persona_narration(persona_id)):
            assert sentence in captions, (persona_id, sentence)
