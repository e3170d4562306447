"""Each journey, persona and solution page shows its history from git: date,
author and message of each change to its source, newest first, with a link
to the diff when the site knows its repository."""

from __future__ import annotations

import re
import subprocess
from html import unescape

JOURNEY = "journeys/remboursement.yml"


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _history(html: str) -> list[str]:
    section = re.search(r'<section class="parcours-block parcours-history".*?</section>', html, re.S)
    assert section, "no history section"
    return re.findall(r"<li>.*?</li>", section.group(0), re.S)


def _commit(site, message: str, author: str, date: str) -> str:
    git = ["git", "-C", str(site.root), "-c", f"user.name={author}", "-c", "user.email=cx@intranet.example"]
    environment = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "PATH": "/usr/bin:/bin"}
    if not (site.root / ".git").exists():
        subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", message], check=True, env=environment)
    return subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()


def _three_changes(site) -> dict[str, str]:
    commits = {"first": _commit(site, "Premier état des parcours", "Claire Analyste", "2026-03-02T10:00:00+01:00")}
    site.replace(JOURNEY, "satisfaction: 81", "satisfaction: 83")
    commits["journey"] = _commit(site, "Satisfaction du T3 pour la consultation", "Malik Data", "2026-10-06T09:30:00+02:00")
    site.write("solutions/teletransmission.md", site.read("solutions/teletransmission.md") + "\nUne phrase de plus.\n")
    commits["solution"] = _commit(site, "Chantier télétransmission : point d'étape", "Claire Analyste", "2026-11-02T14:00:00+01:00")
    return commits


def test_a_journey_page_lists_its_changes_newest_first_with_a_link_to_each_diff(site):
    commits = _three_changes(site)
    site.replace("mkdocs.yml", "site_name:", "repo_url: https://github.com/alize/parcours\nsite_name:")
    result = site.build()
    assert result.ok, result.log
    changes = _history(result.html("journeys/remboursement/"))
    # The solution's change is not the journey's.
    assert [_text(change) for change in changes] == [
        f"6 octobre 2026 : Satisfaction du T3 pour la consultation — Malik Data · voir les modifications {commits['journey'][:8]}",
        f"2 mars 2026 : Premier état des parcours — Claire Analyste · voir les modifications {commits['first'][:8]}",
    ]
    assert f'href="https://github.com/alize/parcours/commit/{commits["journey"]}"' in changes[0]
    solution = [_text(change) for change in _history(result.html("solutions/teletransmission/"))]
    assert solution[0].startswith("2 novembre 2026 : Chantier télétransmission : point d'étape — Claire Analyste")
    persona = [_text(change) for change in _history(result.html("personas/fanny/"))]
    assert len(persona) == 1 and "Premier état des parcours" in persona[0]


def test_gitlab_and_any_other_tool_get_their_own_diff_addresses(site):
    commits = _three_changes(site)
    site.replace("mkdocs.yml", "site_name:", "repo_url: https://gitlab.intranet.example/cx/parcours\nsite_name:")
    result = site.build()
    assert f'href="https://gitlab.intranet.example/cx/parcours/-/commit/{commits["journey"]}"' in result.html("journeys/remboursement/")
    # A tool Parcours cannot guess is named in `commit_url`.
    site.replace("mkdocs.yml", "  - parcours\n", "  - parcours:\n      commit_url: https://forge.intranet.example/parcours/changes/{commit}\n")
    result = site.build()
    assert result.ok, result.log
    assert f'href="https://forge.intranet.example/parcours/changes/{commits["journey"]}"' in result.html("journeys/remboursement/")


def test_without_a_repository_address_the_history_has_no_links(site):
    _three_changes(site)
    html = site.build().html("journeys/remboursement/")
    assert len(_history(html)) == 2
    assert "voir les modifications" not in _text(re.search(r'<section class="parcours-block parcours-history".*?</section>', html, re.S).group(0))


def test_a_data_file_change_is_part_of_its_journeys_history(site):
    # An accented file name: git would quote it ("donn\303\251es") unless told not to.
    _commit(site, "Premier état des parcours", "Claire Analyste", "2026-03-02T10:00:00+01:00")
    site.write("journeys/data/données.csv", "période;étape;mesure;valeur\n2026-T3;je-consulte;volume;9800\n")
    site.replace(JOURNEY, "period: month\n", "period: month\ndata: [data/données.csv]\n")
    _commit(site, "Chiffres du T3", "Malik Data", "2026-10-06T09:30:00+02:00")
    site.write("journeys/data/données.csv", "période;étape;mesure;valeur\n2026-T3;je-consulte;volume;9900\n")
    _commit(site, "Correction de l'export du T3", "Malik Data", "2026-10-08T09:30:00+02:00")
    changes = [_text(change) for change in _history(site.build().html("journeys/remboursement/"))]
    assert [change.split(" — ")[0] for change in changes] == [
        "8 octobre 2026 : Correction de l'export du T3",
        "6 octobre 2026 : Chiffres du T3",
        "2 mars 2026 : Premier état des parcours",
    ]


def test_a_sheet_keeps_its_history_when_its_fields_move_to_a_yml(site):
    _commit(site, "Premier portrait de Fanny", "Claire Analyste", "2026-03-02T10:00:00+01:00")
    text = site.read("personas/fanny.md")
    _, fields, prose = text.split("---\n", 2)
    site.write("personas/fanny.yml", fields)
    site.write("personas/fanny.md", prose)
    _commit(site, "Fanny : champs dans fanny.yml", "Claire Analyste", "2026-04-02T10:00:00+01:00")
    result = site.build()
    assert result.ok, result.log
    changes = [_text(change) for change in _history(result.html("personas/fanny/"))]
    assert [change.split(" — ")[0] for change in changes] == ["2 avril 2026 : Fanny : champs dans fanny.yml", "2 mars 2026 : Premier portrait de Fanny"]


def test_more_than_five_changes_fold_the_older_ones(site):
    _commit(site, "Premier état des parcours", "Claire Analyste", "2026-01-05T10:00:00+01:00")
    for month in range(2, 9):
        site.replace(JOURNEY, "summary: ", f"summary: ({month}) ")
        _commit(site, f"Satisfaction de 2026-{month:02d}", "Malik Data", f"2026-{month:02d}-05T10:00:00+01:00")
    html = site.build().html("journeys/remboursement/")
    folded = re.search(r'<details class="parcours-history-older"><summary>(.*?)</summary>(.*?)</details>', html, re.S)
    assert folded and folded.group(1) == "3 modifications plus anciennes"
    assert "Premier état des parcours" in _text(folded.group(2))
    assert len(_history(html)) == 8


def test_built_outside_git_a_page_has_no_history_section(site):
    result = site.build()
    assert result.ok, result.log
    for page in ("journeys/remboursement/", "personas/fanny/", "solutions/teletransmission/"):
        html = result.html(page)
        assert "parcours-history" not in html and "Historique" not in _text(html)
        assert "Page générée depuis" in _text(html)
