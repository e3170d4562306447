"""Customers' voices, safely: pseudonymised speakers, no personal data, media
that play on the intranet, images without their metadata."""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from html import unescape

import pytest
from PIL import Image

from conftest import SiteDir

JOURNEY = "journeys/remboursement.yml"
PERSONA = "personas/fanny.md"
SPEAKER = "        speaker: Fanny A.\n"
TEXT = "      - text: J'ai posté ma facture il y a trois semaines et je n'ai aucune nouvelle.\n"


def _clip(site, lines: str) -> None:
    site.replace(JOURNEY, SPEAKER, SPEAKER + lines)


def _vtt(site, rel: str, text: str = "WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\nJ'ai posté ma facture.\n") -> None:
    site.write(rel, text)


# --- privacy ------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One piece of the journey replaced, and what `parcours check` must then say."""

    name: str
    file: str
    old: str
    new: str
    expected: tuple[str, ...] = ()
    code: int = 1
    needle: str = ""  # the changed line, found in `file` once changed...
    at_line: str = ""  # ...and a message naming it, `{line}` being its number


def _said(name: str, words: str, message: str) -> Case:
    """The verbatim now says `words`: an error at its line, the text containing `message`."""
    return Case(
        name, JOURNEY, TEXT, f"      - text: {words}\n",
        needle=f"- text: {words}",
        at_line=f"{JOURNEY}:{{line}}:15 stages[2].verbatims[1].text : le texte contient {message}",
    )


PRIVACY_CASES = [
    Case(
        "a_speakers_full_name_is_an_error_with_the_pseudonym_to_write",
        JOURNEY, "speaker: Fanny A.", "speaker: Fanny Arnaud",
        needle="speaker: Fanny Arnaud",
        at_line=f"{JOURNEY}:{{line}}:18 stages[2].verbatims[1].speaker : le texte contient un nom de famille (« Fanny Arnaud »)",
        expected=("Vouliez-vous dire « Fanny A. » ?",),
    ),
    Case(
        "a_speaker_must_be_a_first_name_and_an_initial",
        JOURNEY, "speaker: Fanny A.", "speaker: La cliente du 12",
        expected=("speaker : « La cliente du 12 » n'est pas pseudonymisé : écrivez le prénom et l'initiale du nom",),
    ),
    _said("an_email_address_in_a_verbatim", "écrivez-moi à fanny.arnaud@exemple.fr", "une adresse e-mail (« fanny.arnaud@exemple.fr »)"),
    _said("a_phone_number_in_a_verbatim", "rappelez-moi au 06 12 34 56 78", "un numéro de téléphone (« 06 12 34 56 78 »)"),
    _said("a_title_and_a_surname_in_a_verbatim", "Mme Durand ne m'a jamais rappelée", "un nom de famille (« Mme Durand »)"),
    _said("a_first_name_and_a_surname_in_a_verbatim", "Julie Martin du centre m'a aidée", "un nom de famille (« Julie Martin »)"),
    Case(
        "a_name_after_another_capitalised_word_is_found",
        JOURNEY, TEXT, "      - text: Merci Sophie Martin pour votre aide\n",
        expected=("stages[2].verbatims[1].text : le texte contient un nom de famille (« Sophie Martin »)",),
    ),
    Case(
        "a_name_in_capitals_is_found",
        JOURNEY, TEXT, "      - text: Mme GARNIER ne m'a jamais rappelée\n",
        expected=("stages[2].verbatims[1].text : le texte contient un nom de famille (« Mme GARNIER »)",),
    ),
    Case(
        "a_street_named_after_someone_is_not_a_customers_name",
        JOURNEY, TEXT, "      - text: L'agence de la rue Victor Hugo était fermée\n",
        code=0,
    ),
    Case(
        "every_piece_of_personal_data_in_a_verbatim_is_reported_at_once",
        JOURNEY, TEXT, "      - text: Mail fanny.a@exemple.fr tel 06 12 34 56 78, merci\n",
        expected=("le texte contient plusieurs données personnelles (« fanny.a@exemple.fr » et « 06 12 34 56 78 »)",),
    ),
]


@pytest.mark.parametrize("case", PRIVACY_CASES, ids=lambda case: case.name)
def test_a_verbatim_and_its_speaker_are_checked_for_personal_data(site: SiteDir, case: Case) -> None:
    """Nothing that names a customer reaches the intranet, and the analyst is told where it is."""
    site.replace(case.file, case.old, case.new)
    code, output = site.check()
    assert code == case.code, output
    if case.needle:
        assert case.at_line.format(line=site.line_of(case.file, case.needle)) in output
    for expected in case.expected:
        assert expected in output


def test_personal_data_in_a_clips_captions_or_transcript_is_an_error(site):
    site.write("journeys/media/fanny.mp3", b"ID3")
    _vtt(site, "journeys/media/fanny.vtt", "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nRappelez-moi au 06 12 34 56 78.\n")
    _clip(site, "        clip:\n          file: media/fanny.mp3\n          captions: media/fanny.vtt\n")
    code, output = site.check()
    assert code == 1
    assert "journeys/media/fanny.vtt:4:17 : le texte contient un numéro de téléphone (« 06 12 34 56 78 »)" in output
    _vtt(site, "journeys/media/fanny.vtt")
    site.replace(JOURNEY, "captions: media/fanny.vtt\n", "captions: media/fanny.vtt\n          transcript: Écrivez à fanny.arnaud@exemple.fr\n")
    code, output = site.check()
    assert code == 1
    assert "clip.transcript : le texte contient une adresse e-mail (« fanny.arnaud@exemple.fr »)" in output


def test_captions_without_a_single_cue_are_an_error(site):
    site.write("journeys/media/fanny.mp3", b"ID3")
    _vtt(site, "journeys/media/fanny.vtt", "WEBVTT\n\n")
    _clip(site, "        clip:\n          file: media/fanny.mp3\n          captions: media/fanny.vtt\n")
    code, output = site.check()
    assert code == 1
    assert "clip.captions : « media/fanny.vtt » ne contient aucun sous-titre" in output


# --- media ----------------------------------------------------------------------


def test_a_clip_plays_in_a_player_with_captions_and_a_transcript(site):
    site.write("journeys/media/fanny.mp3", b"ID3" + b"\0" * 2048)
    _vtt(site, "journeys/media/fanny.vtt")
    _clip(site, "        clip:\n          file: media/fanny.mp3\n          captions: media/fanny.vtt\n")
    result = site.build()
    assert result.ok, result.log
    html = result.html("journeys/remboursement/")
    assert '<audio controls preload="metadata">' in html
    assert '<source src="../media/fanny.mp3" type="audio/mpeg">' in html
    assert '<track kind="captions" src="../media/fanny.vtt" srclang="fr" label="Sous-titres" default>' in html
    transcript = re.search(r'<details class="parcours-transcript">(.*?)</details>', html, re.S).group(1)
    assert "J&#39;ai posté ma facture." in transcript
    assert (result.site_dir / "journeys/media/fanny.mp3").is_file()
    assert (result.site_dir / "journeys/media/fanny.vtt").is_file()


def test_a_clip_without_captions_is_an_error(site):
    site.write("journeys/media/fanny.mp3", b"ID3")
    _clip(site, "        clip:\n          file: media/fanny.mp3\n")
    code, output = site.check()
    assert code == 1
    assert "stages[2].verbatims[1].clip.captions : le champ « captions » est obligatoire : ajoutez-le." in output


def test_captions_must_be_webvtt(site):
    site.write("journeys/media/fanny.mp3", b"ID3")
    _vtt(site, "journeys/media/fanny.vtt", "1\n00:00:00,000 --> 00:00:02,000\nSRT, pas WebVTT\n")
    _clip(site, "        clip:\n          file: media/fanny.mp3\n          captions: media/fanny.vtt\n")
    code, output = site.check()
    assert code == 1
    assert "clip.captions : « media/fanny.vtt » n'est pas un fichier de sous-titres WebVTT" in output


def test_missing_unsupported_and_too_large_media_name_file_and_line(site):
    _vtt(site, "journeys/media/fanny.vtt")
    _clip(site, "        clip:\n          file: media/absente.mp3\n          captions: media/fanny.vtt\n")
    code, output = site.check()
    line = site.line_of(JOURNEY, "file: media/absente.mp3")
    assert code == 1
    assert f"{JOURNEY}:{line}:17 stages[2].verbatims[1].clip.file : le fichier « media/absente.mp3 » est introuvable" in output

    site.write("journeys/media/fanny.wav", b"RIFF")
    site.replace(JOURNEY, "file: media/absente.mp3", "file: media/fanny.wav")
    code, output = site.check()
    assert code == 1
    assert "clip.file : « media/fanny.wav » n'est pas un format accepté : « .mp3 », « .ogg », « .m4a », « .mp4 » et « .webm »." in output

    site.write("journeys/media/fanny.mp3", b"\0" * 300_000)
    site.replace(JOURNEY, "file: media/fanny.wav", "file: media/fanny.mp3")
    site.replace("mkdocs.yml", "  - parcours\n", "  - parcours:\n      media_max_mb: 0.1\n")
    code, output = site.check()
    assert code == 1
    assert "clip.file : « media/fanny.mp3 » pèse 0.3 Mo, au-delà de la limite de 0.1 Mo" in output


def test_public_video_platforms_are_refused_and_intranet_hosts_allowed(site):
    _vtt(site, "journeys/media/fanny.vtt")
    _clip(site, "        clip:\n          file: https://www.youtube.com/embed/abc.mp4\n          captions: media/fanny.vtt\n")
    code, output = site.check()
    assert code == 1
    assert "« https://www.youtube.com/embed/abc.mp4 » n'est pas sur un serveur de l'intranet autorisé" in output
    site.replace(JOURNEY, "https://www.youtube.com/embed/abc.mp4", "https://videos.intranet.example/fanny.mp4")
    site.replace("mkdocs.yml", "  - parcours\n", "  - parcours:\n      media_hosts: [videos.intranet.example]\n")
    result = site.build()
    assert result.ok, result.log
    assert '<source src="https://videos.intranet.example/fanny.mp4" type="video/mp4">' in result.html("journeys/remboursement/")


def test_a_persona_video_has_its_player_captions_and_transcript(site):
    site.write("personas/media/fanny.webm", b"\x1a\x45\xdf\xa3")
    _vtt(site, "personas/media/fanny.vtt", "WEBVTT\n\nNOTE demo\n\n00:00:00.000 --> 00:00:03.000\n<v Fanny>Voici Fanny.</v>\n\n00:00:03.000 --> 00:00:05.000\nElle gère tout depuis son téléphone.\n")
    site.replace(PERSONA, "digital_maturity: high", "video:\n  file: media/fanny.webm\n  captions: media/fanny.vtt\ndigital_maturity: high")
    result = site.build()
    assert result.ok, result.log
    html = result.html("personas/fanny/")
    assert '<video controls preload="metadata" playsinline>' in html and 'type="video/webm"' in html
    assert "<p>Voici Fanny. Elle gère tout depuis son téléphone.</p>" in html


# --- images ---------------------------------------------------------------------


def _photo_with_metadata() -> bytes:
    image = Image.new("RGB", (2000, 1500), (200, 120, 90))
    exif = Image.Exif()
    exif[0x010F] = "Camera Maker"  # Make
    exif[0x0110] = "Camera Model"  # Model
    exif[0x0132] = "2026:03:12 10:00:00"  # DateTime
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (48.0, 51.0, 24.0)  # GPSLatitudeRef, GPSLatitude
    output = io.BytesIO()
    image.save(output, "JPEG", exif=exif)
    return output.getvalue()


def test_portraits_are_published_resized_without_metadata_and_sources_stay_untouched(site):
    photo = _photo_with_metadata()
    site.write("personas/portraits/fanny.jpg", photo)
    site.replace(PERSONA, "portrait: portraits/fanny.svg", "portrait: portraits/fanny.jpg")
    result = site.build()
    assert result.ok, result.log
    published = Image.open(result.site_dir / "personas/portraits/fanny.jpg")
    assert published.width <= 640
    assert not published.getexif(), dict(published.getexif())
    assert "exif" not in published.info and "GPS" not in str(published.info)
    assert hashlib.sha256((site.root / "personas/portraits/fanny.jpg").read_bytes()).digest() == hashlib.sha256(photo).digest()
    assert Image.open(io.BytesIO(photo)).getexif()  # the source keeps its metadata


def test_a_jpeg_comment_is_not_published_either(site):
    image = Image.new("RGB", (800, 600), (200, 120, 90))
    output = io.BytesIO()
    image.save(output, "JPEG", comment=b"Photo de Jean Dupont, 12 rue X, Nantes")
    site.write("personas/portraits/fanny.jpg", output.getvalue())
    site.replace(PERSONA, "portrait: portraits/fanny.svg", "portrait: portraits/fanny.jpg")
    result = site.build()
    assert result.ok, result.log
    published = (result.site_dir / "personas/portraits/fanny.jpg").read_bytes()
    assert b"Jean Dupont" not in published and "comment" not in Image.open(io.BytesIO(published)).info


def test_photos_in_the_authors_pages_lose_their_metadata_and_keep_their_size(site):
    photo = _photo_with_metadata()
    site.write("docs/atelier.jpg", photo)
    site.write("docs/index.md", "# Accueil\n\n![L'atelier du 12 mars](atelier.jpg)\n")
    result = site.build()
    assert result.ok, result.log
    published = Image.open(result.site_dir / "atelier.jpg")
    assert published.width == 2000
    assert not published.getexif(), dict(published.getexif())
    assert (site.root / "docs/atelier.jpg").read_bytes() == photo
    assert 'src="atelier.jpg"' in result.html("")


def test_svg_portraits_lose_editor_metadata_and_anything_that_runs(site):
    site.write(
        "personas/portraits/fanny.svg",
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)" inkscape:version="1.3">'
        "<title>Fanny</title><metadata><rdf>Auteur : Jean Dupont</rdf></metadata><!-- exported by me -->"
        '<script>alert(2)</script><circle r="4" cx="5" cy="5" fill="red"/>'
        '<image xlink:href="https://tracker.example/pixel.png"/></svg>',
    )
    result = site.build()
    assert result.ok, result.log
    svg = (result.site_dir / "personas/portraits/fanny.svg").read_text("utf-8")
    for gone in ("alert", "Jean Dupont", "inkscape", "exported by me", "tracker.example", "metadata"):
        assert gone not in svg, gone
    assert "<title>Fanny</title>" in svg and "<circle" in svg


def test_an_unreadable_image_is_an_error(site):
    site.write("personas/portraits/fanny.png", b"not a png")
    site.replace(PERSONA, "portrait: portraits/fanny.svg", "portrait: portraits/fanny.png")
    code, output = site.check()
    assert code == 1
    assert "personas/fanny.md:3:11 portrait : « portraits/fanny.png » n'est pas une image lisible" in output


# --- recency, pages -------------------------------------------------------------


def test_an_old_verbatim_is_dimmed_with_its_date(site):
    site.replace(JOURNEY, "date: 2026-05-04", "date: 2021-05-04")
    result = site.build(strict=False)
    assert result.ok, result.log
    html = result.html("journeys/remboursement/")
    figure = re.search(r'<figure class="parcours-verbatim parcours-old">.*?</figure>', html, re.S).group(0)
    assert "4 mai 2021" in figure and "(ancien)" in figure
    assert re.search(r'<blockquote class="parcours-quote-short parcours-old">.*?mai 2021.*?\(ancien\)', html, re.S)


def test_the_verbatims_page_lists_every_verbatim_with_its_place(minimal_build):
    html = minimal_build.html("verbatims/")
    items = re.findall(r"<li data-filter-item ([^>]*)>(.*?)</li>\n", html, re.S)
    assert len(items) == 1
    attributes, item = items[0]
    assert 'data-journey="remboursement"' in attributes and 'data-stage="remboursement/j-envoie-ma-facture"' in attributes
    assert 'data-persona="fanny"' in attributes and 'data-qualification="irritant"' in attributes and 'data-channel="courrier"' in attributes
    assert 'href="../journeys/remboursement/#stage-j-envoie-ma-facture--courrier"' in item
    assert "J&#39;ai posté ma facture" in item and "12 clients l&#39;ont dit" in item
    for name in ("journey", "stage", "persona", "qualification", "channel"):
        assert f'<select data-filter="{name}">' in html


def test_persona_page_shows_each_journey_with_its_emotion_curve(minimal_build):
    html = minimal_build.html("personas/fanny/")
    travel = re.search(r'<section class="parcours-travel" data-chart-group>.*?</section>', html, re.S).group(0)
    assert 'href="../../journeys/remboursement/?persona=fanny"' in travel
    assert '<div class="parcours-chart parcours-chart-standalone" data-chart="emotion"' in travel
    rows = re.findall(r'<th scope="row" data-stage="([a-z-]+)">.*?</th><td>(.*?)</td>', travel, re.S)
    assert rows == [("je-consulte", "+1"), ("j-envoie-ma-facture", "\u22122")]


def test_two_personas_can_be_compared_side_by_side(site):
    site.write("personas/marc.md", site.read(PERSONA).replace("name: Fanny, la jeune active pressée", "name: Marc, le retraité").replace("portrait: portraits/fanny.svg\n", ""))
    html = site.build().html("personas/")
    table = re.search(r'<section class="parcours-compare" data-parcours-compare.*?</section>', html, re.S).group(0)
    assert re.findall(r'<th scope="col" data-persona="([a-z]+)">', table) == ["fanny", "marc"]
    assert table.count('<td data-persona="marc">') == 10
    assert "Je veux que ça marche du premier coup." in unescape(table)
