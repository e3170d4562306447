"""`parcours init`: a clean site of one's own, in the product's words, that
passes its own checks and grows by one line a channel or a phase."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, mkdocs_build
from parcours.cli import main

#: The demo's own names and words: none of them belongs in a new site.
DEMO = re.compile(r"alizé|mutuelle|adhérent|rembours|sinistre|santé|soins|tiers payant|léa|gérard|nadia|karim|fanny", re.I)


def init(target: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["init", str(target), *options])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def check(root: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--strict", str(root)])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("init") / "fibre"
    code, output = init(root, "--name", "Parcours abonnés — Fibre Ouest", "--customers", "abonnés")
    assert code == 0, output
    assert "site créé dans" in output
    return root


def test_a_new_site_holds_one_example_of_each_kind_and_its_tooling(started):
    for rel in (
        "mkdocs.yml", "Makefile", "README.md", "requirements.lock", "CODEOWNERS", ".gitignore", ".gitlab-ci.yml",
        ".github/workflows/parcours.yml", ".vscode/settings.json", ".vscode/extensions.json", "scripts/publish.sh",
        "onboarding.yml", "glossary.yml", "docs/index.md", "docs/contribuer.md", "schemas/journey.schema.json",
    ):
        assert (started / rel).is_file(), rel
    for folder in ("journeys", "personas", "benchmarks", "solutions"):
        assert len(list((started / folder).glob("*.yml"))) == 1, folder
    assert (started / "requirements.lock").read_text("utf-8") == (REPO / "requirements.lock").read_text("utf-8")


@pytest.mark.parametrize("rel", [".github/workflows/parcours.yml", ".gitlab-ci.yml", ".vscode/settings.json"])
def test_a_new_site_gets_the_projects_own_pipelines_and_editor_settings(started, rel):
    """A fix to the project's CI or editor settings reaches the sites started after it."""
    assert (started / rel).read_text("utf-8") == (REPO / rel).read_text("utf-8")


def test_a_new_site_has_its_own_history(started):
    log = subprocess.run(["git", "-C", str(started), "log", "--format=%s"], capture_output=True, text=True, check=True).stdout.splitlines()
    assert log == ["Site de cartographies créé par parcours init"]


def test_a_new_site_speaks_no_demo_word_and_names_its_customers_its_way(started):
    for path in started.rglob("*"):
        if path.is_file() and ".git" not in path.parts and path.name != "requirements.lock":
            found = {match.group(0).lower() for match in DEMO.finditer(path.read_text("utf-8"))}
            assert not found, (path, found)
    assert 'customers: "abonnés"' in (started / "mkdocs.yml").read_text("utf-8")
    assert 'site_name: "Parcours abonnés — Fibre Ouest"' in (started / "mkdocs.yml").read_text("utf-8")


def test_a_new_site_passes_a_strict_check_and_a_strict_build(started, tmp_path):
    code, output = check(started)
    assert code == 0, output
    build = mkdocs_build(started / "mkdocs.yml", tmp_path / "site")
    assert build.ok, build.log
    home = build.text("")
    assert "Les cartographies des parcours de nos abonnés" in home
    assert "Site de cartographies créé par parcours init" in home  # its own history, on its home page
    journey = build.text("journeys/premiere-demande/")
    assert "Parcours abonné" in journey and "Acteur : Centre de contact partenaire" in journey


def test_a_channel_and_a_phase_are_one_line_each(started, tmp_path):
    root = tmp_path / "site"
    subprocess.run(["cp", "-r", str(started), str(root)], check=True)
    config = (root / "mkdocs.yml").read_text("utf-8")
    config = config.replace("        # - Technicien à domicile\n", "        - Technicien à domicile\n", 1)
    config = config.replace("          - purchase\n", "          - purchase\n          - Installation\n", 1)
    (root / "mkdocs.yml").write_text(config, "utf-8")
    journey = (root / "journeys/premiere-demande.yml").read_text("utf-8")
    journey = journey.replace("    name: J'obtiens une réponse\n    phase: after\n", "    name: J'obtiens une réponse\n    phase: installation\n")
    journey = journey.replace("      - channel: telephone\n", "      - channel: technicien-a-domicile\n")
    (root / "journeys/premiere-demande.yml").write_text(journey, "utf-8")
    code, output = check(root)
    assert code == 1 and "make schemas" in output  # VS Code's schemas would flag the new channel
    CliRunner().invoke(main, ["schema", str(root), "--out", str(root / "schemas")])
    code, output = check(root)
    assert code == 0, output
    build = mkdocs_build(root / "mkdocs.yml", tmp_path / "out")
    assert build.ok, build.log
    html = build.html("journeys/premiere-demande/")
    assert "Technicien à domicile" in html and ">Installation</span></th>" in html


def test_init_never_writes_into_a_folder_that_holds_anything(tmp_path):
    (tmp_path / "journeys").mkdir()
    (tmp_path / "journeys" / "precieux.yml").write_text("title: x\n", "utf-8")
    code, output = init(tmp_path, "--customers", "usagers", "--name", "X")
    assert code == 1
    assert "existe déjà et n'est pas vide : rien n'a été écrit" in output
    assert sorted(path.name for path in tmp_path.rglob("*")) == ["journeys", "precieux.yml"]
