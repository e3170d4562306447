"""“Suggest a correction”: each stage, touchpoint and verbatim opens a new issue
in the site's GitHub or GitLab, filled in with the page, the stage and the
source file's line; without `repo_url`, there is no such link."""

from __future__ import annotations

import re
import subprocess
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

JOURNEY = "journeys/remboursement.yml"


def _suggestions(html: str) -> list[tuple[str, str]]:
    """Each suggestion link: its address, and what it says to a screen reader."""
    return [(unescape(href), " ".join(unescape(re.sub(r"<[^>]+>", " ", inner)).split())) for href, inner in re.findall(r'<a class="parcours-suggest" href="([^"]+)">(.*?)</a>', html, re.S)]


def _with_repository(site, repo_url: str) -> None:
    site.replace("mkdocs.yml", "site_name:", f"repo_url: {repo_url}\nsite_name:")


@pytest.mark.parametrize(
    "repo_url, form, title, body",
    [
        ("https://github.com/alize/parcours", "https://github.com/alize/parcours/issues/new", "title", "body"),
        ("https://gitlab.intranet.example/cx/parcours.git", "https://gitlab.intranet.example/cx/parcours/-/issues/new", "issue[title]", "issue[description]"),
    ],
    ids=["github", "gitlab"],
)
def test_each_stage_touchpoint_and_verbatim_opens_a_prefilled_issue(site, repo_url, form, title, body):
    _with_repository(site, repo_url)
    site.replace("mkdocs.yml", "site_name:", "site_url: https://parcours.intranet.example/\nsite_name:")
    result = site.build()
    assert result.ok, result.log
    links = _suggestions(result.html("journeys/remboursement/"))
    # Three stages (two current, one target), three touchpoints, one verbatim.
    assert len(links) == 7
    found = {}
    for href, words in links:
        parts = urlsplit(href)
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == form
        query = parse_qs(parts.query)
        found[query[title][0]] = (query[body][0], words)
    stage, words = found["Correction : J'envoie ma facture"]
    assert words == "Suggérer une correction à l'étape « J'envoie ma facture »"
    assert stage.splitlines()[:6] == [
        "Une correction suggérée depuis le site des parcours.",
        "",
        "Page : https://parcours.intranet.example/journeys/remboursement/#stage-j-envoie-ma-facture",
        "Parcours : Je me fais rembourser mes soins",
        "Étape : J'envoie ma facture",
        f"Fichier source : {JOURNEY}, ligne {site.line_of(JOURNEY, '- id: j-envoie-ma-facture')}",
    ]
    touchpoint, words = found["Correction : Envoi de la facture par la poste"]
    assert words == "Suggérer une correction au point de contact « Envoi de la facture par la poste »"
    assert "Page : https://parcours.intranet.example/journeys/remboursement/#stage-j-envoie-ma-facture--courrier" in touchpoint
    assert f"Fichier source : {JOURNEY}, ligne {site.line_of(JOURNEY, '- channel: courrier')}" in touchpoint
    verbatim, words = found["Correction : « J'ai posté ma facture il y a trois semaines et je n'ai aucune nouvelle. »"]
    assert words == "Suggérer une correction au verbatim de Fanny A."
    assert "Verbatim : « J'ai posté ma facture il y a trois semaines et je n'ai aucune nouvelle. » — Fanny A." in verbatim
    assert f"ligne {site.line_of(JOURNEY, '- text: J')}" in verbatim
    assert verbatim.rstrip().endswith("Ce qu'il faudrait écrire à la place :")


@pytest.mark.parametrize("repo_url", [None, "https://git.intranet.example/cx/parcours"], ids=["no_repo_url", "another_tool"])
def test_without_github_or_gitlab_there_is_no_suggestion_link(site, repo_url):
    if repo_url:
        _with_repository(site, repo_url)
    html = site.build().html("journeys/remboursement/")
    assert _suggestions(html) == [] and "Suggérer une correction" not in html


def test_a_site_in_a_folder_of_its_repository_names_the_file_from_the_repositorys_root(site):
    repository = site.root.parent
    subprocess.run(["git", "-C", str(repository), "init", "-q"], check=True)
    _with_repository(site, "https://github.com/alize/parcours")
    html = site.build().html("journeys/remboursement/")
    href = _suggestions(html)[0][0]
    body = parse_qs(urlsplit(href).query)["body"][0]
    assert f"Fichier source : {site.root.name}/{JOURNEY}, ligne" in body
    # Without `site_url`, the page is named by its address on the site.
    assert "Page : /journeys/remboursement/#stage-je-consulte" in body
