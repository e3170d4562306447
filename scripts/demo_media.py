"""Make the demo's media from text: customers' clips and persona videos.

No recording of a real person: each voice is synthesised by espeak-ng from
the words already written in the demo's sources, encoded small by ffmpeg
(under 300 KB a clip), with WebVTT captions timed sentence by sentence.
Persona videos show the persona's drawn portrait over the narration.

Run `make demo-media` (it installs espeak-ng and ffmpeg from Debian when
missing); the results are committed with the sources that cite them.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
GAP = 0.35  # seconds of silence between two sentences
RATE = 22050


@dataclass(frozen=True)
class Clip:
    """A verbatim to voice: where it is written, and the voice to use."""

    journey: str
    stage: str
    speaker: str
    output: str
    voice: str
    video: bool = False


#: Verbatims of the demo that have a clip, by journey, stage and speaker.
CLIPS = [
    Clip("remboursement", "j-attends-mon-remboursement", "Marcel D.", "marcel-attente-remboursement.mp3", "fr+m3"),
    Clip("remboursement", "j-apprends-ce-que-mes-soins-vont-couter", "Camille D.", "camille-reste-a-charge.mp3", "fr+f3"),
    Clip("reclamation", "je-recois-la-reponse", "Pierre-Yves A.", "pierre-yves-reponse-reclamation.ogg", "fr+m1"),
    Clip("adhesion", "je-compare-les-offres", "Sandrine P.", "sandrine-comparaison.webm", "fr+f2", video=True),
]
#: Personas that have a one-minute video.
PERSONA_VIDEOS = {"gerard": "fr+m4", "lea": "fr+f4"}


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?…])\s+", " ".join(text.split()))
    return [part for part in parts if part.strip()]


def speak(text: str, voice: str, folder: Path) -> tuple[Path, list[tuple[float, float, str]]]:
    """A WAV of the text, and each sentence's start and end in seconds."""
    cues = []
    frames = b""
    position = 0.0
    for number, sentence in enumerate(sentences(text)):
        part = folder / f"part-{number}.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", "150", "-w", str(part), sentence], check=True)
        with wave.open(str(part)) as source:
            rate, width, channels = source.getframerate(), source.getsampwidth(), source.getnchannels()
            data = source.readframes(source.getnframes())
        duration = len(data) / (rate * width * channels)
        cues.append((position, position + duration, sentence))
        frames += data + b"\0" * int(GAP * rate) * width * channels
        position += duration + GAP
    result = folder / "speech.wav"
    with wave.open(str(result), "wb") as target:
        target.setnchannels(channels)
        target.setsampwidth(width)
        target.setframerate(rate)
        target.writeframes(frames)
    return result, cues


def timestamp(seconds: float) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, rest = divmod(rest, 60)
    return f"{int(hours):02d}:{int(minutes):02d}:{rest:06.3f}"


def write_captions(cues: list[tuple[float, float, str]], path: Path) -> None:
    blocks = ["WEBVTT", ""]
    for number, (start, end, text) in enumerate(cues, start=1):
        blocks += [str(number), f"{timestamp(start)} --> {timestamp(end)}", text, ""]
    path.write_text("\n".join(blocks), "utf-8")


def encode_audio(speech: Path, output: Path) -> None:
    codec = {".mp3": ["-c:a", "libmp3lame", "-b:a", "32k"], ".ogg": ["-c:a", "libopus", "-b:a", "24k"], ".m4a": ["-c:a", "aac", "-b:a", "32k"]}
    subprocess.run(
        ["ffmpeg", "-y", "-loglevel", "error", "-i", str(speech), "-ac", "1", "-map_metadata", "-1", *codec[output.suffix], str(output)],
        check=True,
    )


def encode_video(speech: Path, picture: Path, output: Path) -> None:
    """A still drawing over the voice: VP9 at one frame a second, Opus audio.

    The looped picture is cut at the speech's length (`-t`): `-shortest` does
    not end a looped input that goes through `-filter_complex`, and the video
    ran on in silence for half a minute.
    """
    with wave.open(str(speech)) as source:
        seconds = source.getnframes() / source.getframerate()
    subprocess.run(
        [
            "ffmpeg", "-y", "-loglevel", "error",
            "-loop", "1", "-framerate", "1", "-t", f"{seconds:.3f}", "-i", str(picture),
            "-i", str(speech),
            "-filter_complex",
            "color=c=white:s=480x360:r=1[paper];[0:v]scale=340:340:force_original_aspect_ratio=decrease[drawing];"
            "[paper][drawing]overlay=(W-w)/2:(H-h)/2:shortest=1,format=yuv420p[v]",
            "-map", "[v]", "-map", "1:a",
            "-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "50", "-row-mt", "1", "-deadline", "good",
            "-c:a", "libopus", "-b:a", "24k", "-ac", "1",
            "-shortest", "-map_metadata", "-1", str(output),
        ],
        check=True,
    )


def verbatim_text(clip: Clip) -> str:
    journey = yaml.safe_load((ROOT / "journeys" / f"{clip.journey}.yml").read_text("utf-8"))
    stage = next(stage for stage in journey["stages"] if stage["id"] == clip.stage)
    verbatims = stage.get("verbatims", [])
    chosen = next((v for v in verbatims if v["speaker"] == clip.speaker), verbatims[0])
    return chosen["text"]


def persona_fields(persona_id: str) -> dict:
    """A persona's fields: `<id>.yml` (what `parcours new` writes), else the `.md`'s front matter."""
    fields = ROOT / "personas" / f"{persona_id}.yml"
    if fields.is_file():
        return yaml.safe_load(fields.read_text("utf-8"))
    return yaml.safe_load((ROOT / "personas" / f"{persona_id}.md").read_text("utf-8").split("---")[1])


def persona_narration(persona_id: str) -> str:
    persona = persona_fields(persona_id)
    first = persona["name"].split(",")[0]
    posture = persona.get("posture") or {}
    parts = [
        f"Voici {persona['name']}.",
        f"{first} le dit ainsi : {persona['quote']}",
        *(f"{line}." for line in persona.get("context", [])[:2]),
        f"Ce que {first} cherche : {persona['goals'][0].rstrip('.')}.",
        f"Ce qui l'agace : {persona['frustrations'][0].rstrip('.')}.",
        f"Pour la reconnaître, ou le reconnaître : {persona['recognise'][0].rstrip('.')}.",
        *(f"Avec {first}, pensez à ceci : {item.rstrip('.')}." for item in posture.get("do", [])[:1]),
    ]
    return " ".join(parts)


def main() -> None:
    for clip in CLIPS:
        folder = ROOT / "journeys" / "media"
        folder.mkdir(exist_ok=True)
        output = folder / clip.output
        with tempfile.TemporaryDirectory() as scratch:
            speech, cues = speak(verbatim_text(clip), clip.voice, Path(scratch))
            if clip.video:
                encode_video(speech, ROOT / "personas" / "portraits" / "nadia.svg", output)
            else:
                encode_audio(speech, output)
        write_captions(cues, output.with_suffix(".vtt"))
        print(f"{output.relative_to(ROOT)}: {output.stat().st_size // 1024} KB")
    for persona_id, voice in PERSONA_VIDEOS.items():
        folder = ROOT / "personas" / "media"
        folder.mkdir(exist_ok=True)
        output = folder / f"{persona_id}.webm"
        with tempfile.TemporaryDirectory() as scratch:
            speech, cues = speak(persona_narration(persona_id), voice, Path(scratch))
            encode_video(speech, ROOT / "personas" / "portraits" / f"{persona_id}.svg", output)
        write_captions(cues, output.with_suffix(".vtt"))
        print(f"{output.relative_to(ROOT)}: {output.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
