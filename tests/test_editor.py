"""Editor help, as VS Code gives it: the YAML language server that its YAML
extension runs, with the repository's `.vscode/settings.json`, completes the
fields of a source, shows each one's description, and underlines a misspelt
one, against the committed `schemas/`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from parcours.cli import main
from parcours.cli.setup import read_setup
from parcours.model.schema import json_schemas

from conftest import REPO
from lsp_client import LanguageServer

pytestmark = pytest.mark.editor

SERVER = REPO / "tests" / "editor" / "node_modules" / ".bin" / "yaml-language-server"
SOURCES = ("journeys", "personas", "benchmarks", "solutions")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """The demo's sources, schemas and editor settings, as a clone has them."""
    root = tmp_path_factory.mktemp("editor") / "parcours"
    for name in (*SOURCES, "schemas", ".vscode"):
        shutil.copytree(REPO / name, root / name)
    for name in ("onboarding.yml", "glossary.yml", "committees.yml", "mkdocs.yml"):
        shutil.copyfile(REPO / name, root / name)
    return root


@pytest.fixture(scope="module")
def editor(workspace):
    if not SERVER.exists():
        pytest.fail("The YAML language server is missing: run `make test`, which installs it.")
    vscode = json.loads((workspace / ".vscode" / "settings.json").read_text("utf-8"))
    yaml_settings = {key.removeprefix("yaml."): value for key, value in vscode.items() if key.startswith("yaml.")}
    server = LanguageServer([str(SERVER), "--stdio"], workspace, {"yaml": yaml_settings})
    yield server
    server.close()


def _demo_schemas() -> dict:
    """The schemas as `make schemas` writes them: from the demo's own settings
    (its customers are « adhérents », it lists one more channel)."""
    setup = read_setup(REPO, None)
    assert setup.settings is not None, setup.problems
    return json_schemas(setup.settings, setup.translator.language)


def _description(kind: str, field: str) -> str:
    return _demo_schemas()[kind]["properties"][field]["description"]


def _stage_description(field: str) -> str:
    return _demo_schemas()["journey"]["$defs"]["Stage"]["properties"][field]["description"]


def test_the_committed_schemas_are_those_of_the_model():
    for name, document in _demo_schemas().items():
        committed = json.loads((REPO / "schemas" / f"{name}.schema.json").read_text("utf-8"))
        assert committed == document, f"schemas/{name}.schema.json is out of date: run `make schemas`"


def test_every_demo_source_opens_without_a_false_alarm(editor, workspace):
    files = [path for folder in SOURCES for path in sorted((workspace / folder).glob("*.yml"))]
    files += [workspace / "onboarding.yml", workspace / "glossary.yml", workspace / "committees.yml"]
    assert len(files) > 20
    for path in files:
        assert editor.diagnostics(editor.open(path)) == [], path.relative_to(workspace)


def test_a_field_typed_in_a_new_journey_autocompletes_and_shows_its_description(editor, workspace):
    result = CliRunner().invoke(main, ["new", "journey", "je-resilie", "--site-dir", str(workspace)])
    assert result.exit_code == 0, result.output
    path = workspace / "journeys" / "je-resilie.yml"
    text = path.read_text("utf-8")
    typed = text + "pers"
    uri = editor.open(path, typed)
    offered = editor.complete(uri, len(typed.splitlines()) - 1, len("pers"))
    assert "personas" in offered
    assert _description("journey", "personas") in offered["personas"]
    lines = text.splitlines()
    owner = next(number for number, line in enumerate(lines) if line.startswith("owner:"))
    tooltip = editor.hover(uri, owner, 2)
    assert "Responsable" in tooltip and _description("journey", "owner") in tooltip


def test_inside_a_stage_the_stage_fields_are_offered(editor, workspace):
    path = workspace / "journeys" / "remboursement.yml"
    lines = path.read_text("utf-8").splitlines()
    name_line = next(number for number, line in enumerate(lines) if line.startswith("  - id: ") and number > 10)
    typed = lines[: name_line + 1] + ["    moment"] + lines[name_line + 1 :]
    uri = editor.open(path, "\n".join(typed) + "\n")
    offered = editor.complete(uri, name_line + 1, len("    moment"))
    assert "moment_of_truth" in offered
    assert _stage_description("moment_of_truth") in offered["moment_of_truth"]


def test_a_misspelt_field_is_underlined_on_its_line(editor, workspace):
    path = workspace / "personas" / "lea.yml"
    text = path.read_text("utf-8")
    line = next(number for number, content in enumerate(text.splitlines()) if content.startswith("quote:"))
    uri = editor.open(path, text.replace("\nquote:", "\nqoute:", 1))
    problems = editor.diagnostics(uri)
    assert any(p["range"]["start"]["line"] == line and "qoute" in p["message"] for p in problems), problems
    editor.open(path, text)


def test_the_folder_mapping_helps_a_file_without_the_schema_line(editor, workspace):
    path = workspace / "benchmarks" / "matmut-svi-visuel.yml"
    text = path.read_text("utf-8")
    assert text.startswith("# yaml-language-server:")
    bare = text.split("\n", 1)[1]
    uri = editor.open(path, bare)
    company = next(number for number, line in enumerate(bare.splitlines()) if line.startswith("company:"))
    assert _description("benchmark", "company") in editor.hover(uri, company, 2)
    editor.open(path, text)


def test_a_stage_offers_its_listening_plan_and_a_misspelt_committee_field_is_underlined(editor, workspace):
    path = workspace / "journeys" / "remboursement.yml"
    lines = path.read_text("utf-8").splitlines()
    name_line = next(number for number, line in enumerate(lines) if line.startswith("  - id: ") and number > 10)
    typed = lines[: name_line + 1] + ["    listen"] + lines[name_line + 1 :]
    uri = editor.open(path, "\n".join(typed) + "\n")
    offered = editor.complete(uri, name_line + 1, len("    listen"))
    assert "listening" in offered and _stage_description("listening") in offered["listening"]
    editor.open(path, "\n".join(lines) + "\n")
    committees = workspace / "committees.yml"
    text = committees.read_text("utf-8")
    line = next(number for number, content in enumerate(text.splitlines()) if content.strip().startswith("participants:"))
    uri = editor.open(committees, text.replace("participants:", "participant:", 1))
    problems = editor.diagnostics(uri)
    assert any(p["range"]["start"]["line"] == line and "participant" in p["message"] for p in problems), problems
    editor.open(committees, text)
