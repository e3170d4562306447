"""`parcours new`: a commented template per kind of source that passes the
checks once its « À COMPLÉTER » are filled, never overwrites, and points
editors at its JSON Schema."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from parcours.cli import main

KINDS = ("journey", "persona", "benchmark", "solution")
# What an analyst would write in place of each « À COMPLÉTER », by field.
ANSWERS = {
    "phase": "after",
    "channel": "courrier",
    "channels": "courrier",
    "digital_maturity": "medium",
    "addresses": "remboursement/j-envoie-ma-facture/courrier",
    "name": "J'envoie un document",
}


def new(site, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["new", *args, "--site-dir", str(site.root)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def fill(path: Path) -> None:
    """Replace each placeholder as an analyst would, by the field it stands in."""
    lines, parent = [], None
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if heading := re.match(r"^\s*(\w+):\s*$", line):
            parent = heading.group(1)
        if "À COMPLÉTER" in line and not line.lstrip().startswith("#"):
            key = re.match(r"^\s*(?:- )?(\w+):", line)
            if path.suffix == ".md":
                answer = f"Ce que l'équipe a observé ({number})."
            elif parent == "scores" and key:
                answer = "4"
            else:
                answer = ANSWERS.get(key.group(1) if key else parent, f"Texte de la ligne {number}")
            line = line.replace("À COMPLÉTER", answer)
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", "utf-8")


@pytest.mark.parametrize("kind", KINDS)
def test_a_new_source_names_each_placeholder_then_passes_once_they_are_filled(site, kind):
    folder = {"journey": "journeys", "persona": "personas", "benchmark": "benchmarks", "solution": "solutions"}[kind]
    code, output = new(site, kind, "nouvelle-fiche")
    assert code == 0, output
    fields, prose = site.root / folder / "nouvelle-fiche.yml", site.root / folder / "nouvelle-fiche.md"
    assert f"créé : {folder}/nouvelle-fiche.yml" in output and f"créé : {folder}/nouvelle-fiche.md" in output
    text = fields.read_text("utf-8")
    # Comments in French say what to write; every placeholder is an error on its line.
    assert "# Remplacez chaque « À COMPLÉTER »" in text
    code, output = site.check()
    assert code == 1
    placeholders = [n for n, line in enumerate(text.splitlines(), 1) if "À COMPLÉTER" in line and not line.lstrip().startswith("#")]
    assert placeholders
    for line in placeholders:
        assert re.search(rf"{folder}/nouvelle-fiche\.yml:{line}:\d+ [\w.\[\]]+ : « À COMPLÉTER » reste à remplacer par votre texte", output), line
    # One thing to do per line: « À COMPLÉTER » is not also called a bad phase or channel.
    assert "n'est pas une valeur possible" not in output and "première personne" not in output
    fill(fields)
    fill(prose)
    code, output = site.check("--strict")
    assert code == 0, output
    result = site.build()
    assert result.ok, result.log
    page = result.html(f"{folder}/nouvelle-fiche/")
    assert "Ce que l&#39;équipe a observé" in page or "Ce que l'équipe a observé" in page


@pytest.mark.parametrize("kind", KINDS)
def test_a_new_source_points_editors_at_its_schema(site, kind):
    folder = {"journey": "journeys", "persona": "personas", "benchmark": "benchmarks", "solution": "solutions"}[kind]
    new(site, kind, "nouvelle-fiche")
    first = (site.root / folder / "nouvelle-fiche.yml").read_text("utf-8").splitlines()[0]
    header = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert header, first
    schema = json.loads((site.root / folder / header.group(1)).resolve().read_text("utf-8"))
    assert schema["$id"] == f"{kind}.schema.json" and schema["properties"]["title" if kind != "persona" else "name"]["description"]


def test_a_new_source_never_overwrites_one_that_exists(site):
    before = site.read("personas/fanny.md")
    code, output = new(site, "persona", "fanny")
    assert code == 1
    assert "« personas/fanny.md » existe déjà : rien n'a été écrit" in output
    assert site.read("personas/fanny.md") == before
    assert not (site.root / "personas/fanny.yml").exists()


def test_a_name_that_cannot_be_a_file_gets_the_one_to_type(site):
    code, output = new(site, "journey", "Ma Réclamation")
    assert code == 1
    assert "« Ma Réclamation » ne peut pas nommer un fichier" in output and "Vouliez-vous dire « ma-reclamation » ?" in output
    assert not list((site.root / "journeys").glob("ma*"))


def test_a_file_name_typed_for_an_id_gets_the_id_to_type(site):
    code, output = new(site, "journey", "resiliation.yml")
    assert code == 1
    assert "Vouliez-vous dire « resiliation » ?" in output


def test_index_cannot_be_a_source_it_is_the_page_listing_its_kind(site):
    code, output = new(site, "journey", "index")
    assert code == 1
    assert "« index » est réservé à la page qui liste tout le dossier « journeys » : rien n'a été écrit" in output
    assert not (site.root / "journeys/index.yml").exists()
    # Written by hand, it is refused too, and the list of journeys keeps its page.
    site.write("journeys/index.yml", site.read("journeys/remboursement.yml"))
    code, output = site.check()
    assert code == 1
    assert "journeys/index.yml : le nom « index.yml » est réservé à la page qui liste tout le dossier « journeys »" in output


def test_a_new_source_asked_for_from_a_source_folder_lands_in_the_site(site, monkeypatch):
    monkeypatch.chdir(site.root / "journeys")
    result = CliRunner().invoke(main, ["new", "journey", "resiliation"])
    assert result.exit_code == 0, result.output
    assert (site.root / "journeys/resiliation.yml").is_file()
    assert not (site.root / "journeys/journeys").exists()


def test_a_new_source_outside_any_site_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["new", "journey", "resiliation"])
    assert result.exit_code == 1
    assert "ce n'est pas le dossier d'un site" in result.output
    assert list(tmp_path.iterdir()) == []


def test_fields_in_both_the_yml_and_its_prose_are_refused(site):
    new(site, "persona", "lea")
    site.write("personas/lea.md", "---\nname: Léa\n---\nLéa vit avec son téléphone.\n")
    code, output = site.check()
    assert code == 1
    assert "personas/lea.md:1:1 : ce fichier commence par des champs (« --- ») alors que « personas/lea.yml » porte déjà ceux de la fiche" in output


def _field_names(schema: dict) -> set[str]:
    """Every field name a kind's schema knows, at any depth."""
    names: set[str] = set()
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            names.update(node.get("properties", {}))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return names


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_a_scaffolds_comments_suggest_is_a_real_field(site, kind):
    """An analyst uncomments an example as written: `alt:` where the field is `caption` was refused."""
    from parcours.model import Settings
    from parcours.model.schema import json_schemas

    known = _field_names(json_schemas(Settings(), "fr")[kind])
    code, output = new(site, kind, "exemple")
    assert code == 0, output
    folder = {"journey": "journeys", "persona": "personas", "benchmark": "benchmarks", "solution": "solutions"}[kind]
    suggested = set()
    for line in (site.root / folder / "exemple.yml").read_text("utf-8").splitlines():
        # `# field: value` or `#   - field: value`: a field written out, ready to uncomment.
        if match := re.match(r"^\s*#\s*(?:- )?([a-z_]+):(?:\s|$)", line):
            suggested.add(match.group(1))
        # `field: value   # other: …` — an example beside a field.
        if match := re.match(r"^\s*(?:- )?[a-z_]+:.*#\s*([a-z_]+):\s", line):
            suggested.add(match.group(1))
    assert suggested, "the pattern is stale: the scaffold suggests fields in its comments"
    assert suggested <= known, suggested - known
