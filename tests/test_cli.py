"""The `parcours` command, and pages that build without the plugin."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from conftest import mkdocs_build
from parcours.cli import main


def test_build_pages_output_builds_with_plain_mkdocs(site, tmp_path):
    """The generated files are a complete site for an engine that does not run our plugin."""
    docs = tmp_path / "docs"
    shutil.copytree(site.root / "docs", docs)
    result = CliRunner().invoke(main, ["build-pages", str(site.root), "--out", str(docs)])
    assert result.exit_code == 0, result.output
    assert (docs / "journeys/remboursement.md").is_file()
    assert (docs / "personas/portraits/fanny.svg").is_file()
    assert (docs / "assets/parcours/parcours.css").is_file()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Sans plugin\n"
        "theme:\n  name: material\n  language: fr\n  font: false\n"
        "extra_css: [assets/parcours/parcours.css]\n"
        "plugins: [search]\n",
        "utf-8",
    )
    plain = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site", strict=True)
    assert plain.ok, plain.log
    with_plugin = site.build()
    assert with_plugin.ok, with_plugin.log
    for page in ("journeys/", "journeys/remboursement/", "personas/fanny/", "benchmarks/accuse-reception-instantane/",
                 "solutions/teletransmission/", "reference/"):
        assert plain.text(page) == with_plugin.text(page), page


def test_build_pages_refuses_broken_sources(site, tmp_path):
    site.replace("journeys/remboursement.yml", "kind: customer", "kind: client")
    result = CliRunner().invoke(main, ["build-pages", str(site.root), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "« client » n'est pas un type de parcours du site. Vouliez-vous dire « customer » ?" in result.output
    assert not (tmp_path / "out").exists()


def test_schema_exports_one_schema_per_kind_with_the_sites_channels(site, tmp_path):
    site.replace("mkdocs.yml", "  - parcours\n", "  - parcours:\n      channels:\n        - Guichet\n      channels_removed: [sites-avis]\n")
    result = CliRunner().invoke(main, ["schema", str(site.root), "--out", str(tmp_path / "schemas")])
    assert result.exit_code == 0, result.output
    names = sorted(path.name for path in (tmp_path / "schemas").iterdir())
    assert names == ["benchmark.schema.json", "committees.schema.json", "glossary.schema.json", "journey.schema.json", "onboarding.schema.json", "persona.schema.json", "solution.schema.json"]
    journey = json.loads((tmp_path / "schemas/journey.schema.json").read_text("utf-8"))
    channel = journey["$defs"]["Touchpoint"]["properties"]["channel"]
    # The defaults the site keeps, then its own; one removed is offered no more.
    assert channel["enum"][0] == "site-web" and channel["enum"][-1] == "guichet"
    assert "sites-avis" not in channel["enum"] and "conseiller" in channel["enum"]
    assert channel["description"].startswith("Canal du point de contact")
    assert journey["additionalProperties"] is False


def test_check_counts_problems_and_files(site):
    site.replace("journeys/remboursement.yml", "name: J'envoie ma facture", "name: Envoi de la facture")
    code, output = site.check()
    assert code == 0
    assert "1 avertissement dans 1 fichier : cette vérification ne s'arrête pas pour des avertissements ; avec --strict" in output


def test_a_strict_check_says_it_stops_for_warnings(site):
    """`make check` is strict: its last line says why it fails, never that warnings would not matter."""
    site.replace("journeys/remboursement.yml", "name: J'envoie ma facture", "name: Envoi de la facture")
    code, output = site.check("--strict")
    assert code == 1
    assert "1 avertissement dans 1 fichier : en mode strict, comme pour la publication du site, un avertissement bloque." in output
    assert "n'empêche" not in output and "ne s'arrête pas" not in output


def test_check_reads_the_site_language(site):
    site.replace("mkdocs.yml", "  language: fr", "  language: en")
    site.replace("journeys/remboursement.yml", "channel: courrier", "channel: telephon")
    code, output = site.check()
    assert code == 1
    assert "“telephon” is not a known channel. Did you mean “telephone”?" in output


# --- reviewers see each problem on its line ---------------------------------


def _break_a_channel(site) -> int:
    site.replace("journeys/remboursement.yml", "channel: courrier", "channel: couriel")
    return site.line_of("journeys/remboursement.yml", "channel: couriel")


def test_check_prints_github_annotations_on_each_problems_line(site, monkeypatch):
    line = _break_a_channel(site)
    # Run from the repository's root, the site in a subfolder: paths are the repository's.
    monkeypatch.chdir(site.root.parent)
    code, output = site.check("--format", "github")
    assert code == 1
    assert (
        f"::error file={site.root.name}/journeys/remboursement.yml,line={line},col=18,title=stages[2].touchpoints[1].channel::"
        "« couriel » n'est pas un canal connu. Vouliez-vous dire « courrier » ?"
    ) in output
    assert "erreur journeys/" not in output  # once per problem, as the annotation


def test_a_warning_is_a_warning_annotation_with_its_text_escaped(site, monkeypatch):
    site.replace("journeys/remboursement.yml", "name: Je consulte mon médecin", "name: Consultation, 100%")
    line = site.line_of("journeys/remboursement.yml", "name: Consultation")
    monkeypatch.chdir(site.root)
    code, output = site.check("--format", "github")
    assert code == 0
    (warning,) = [row for row in output.splitlines() if row.startswith("::")]
    # `%` is escaped as GitHub requires, or the message would be cut.
    assert warning.startswith(f"::warning file=journeys/remboursement.yml,line={line},col=11,title=stages[1].name::l'étape « Consultation, 100%25 »")


def test_check_writes_a_gitlab_code_quality_report(site, monkeypatch):
    line = _break_a_channel(site)
    monkeypatch.chdir(site.root)
    from parcours.cli import main

    result = CliRunner().invoke(main, ["check", str(site.root), "--format", "gitlab"])
    assert result.exit_code == 1
    (issue,) = json.loads(result.stdout)
    assert issue["location"] == {"path": "journeys/remboursement.yml", "lines": {"begin": line}}
    assert issue["severity"] == "critical" and issue["check_name"] == "parcours/unknown_channel"
    assert issue["description"].startswith("stages[2].touchpoints[1].channel : « couriel » n'est pas un canal connu.")
    assert len(issue["fingerprint"]) == 64
    # The job's log still reads as the terminal does.
    assert f"erreur journeys/remboursement.yml:{line}:18" in result.stderr


def test_a_clean_site_gives_an_empty_gitlab_report(site):
    from parcours.cli import main

    result = CliRunner().invoke(main, ["check", str(site.root), "--format", "gitlab"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_a_mkdocs_yml_that_is_not_yaml_is_located_not_a_traceback(site):
    site.write("mkdocs.yml", site.read("mkdocs.yml") + "extra: [ouvert\n")
    code, output = site.check()
    assert code == 1
    assert "mkdocs.yml:" in output and "n'est jamais refermé" in output
    assert "Traceback" not in output


def test_a_settings_problem_still_gives_a_gitlab_report_and_a_github_annotation(site):
    from parcours.cli import main

    site.replace("mkdocs.yml", "  - parcours\n", "  - parcours:\n      verbatim_max_age_months: trente-six\n")
    result = CliRunner().invoke(main, ["check", str(site.root), "--format", "gitlab"])
    assert result.exit_code == 1
    (issue,) = json.loads(result.stdout)
    assert "verbatim_max_age_months" in issue["description"]
    code, output = site.check("--format", "github")
    assert code == 1 and "::error " in output and "verbatim_max_age_months" in output


def test_a_gitlab_fingerprint_survives_a_line_added_above_the_problem(site):
    from parcours.cli import main

    _break_a_channel(site)
    before = json.loads(CliRunner().invoke(main, ["check", str(site.root), "--format", "gitlab"]).stdout)
    site.write("journeys/remboursement.yml", "# Revu en atelier le 12 mars.\n" + site.read("journeys/remboursement.yml"))
    after = json.loads(CliRunner().invoke(main, ["check", str(site.root), "--format", "gitlab"]).stdout)
    assert after[0]["location"]["lines"]["begin"] == before[0]["location"]["lines"]["begin"] + 1
    assert after[0]["fingerprint"] == before[0]["fingerprint"]


def test_checking_a_folder_that_is_not_a_site_is_an_error_not_a_clean_bill(tmp_path):
    from parcours.cli import main

    result = CliRunner().invoke(main, ["check", str(tmp_path / "absent")])
    assert result.exit_code == 1
    assert "ce n'est pas le dossier d'un site" in result.output


def test_check_from_a_source_folder_checks_the_whole_site(site, monkeypatch):
    from parcours.cli import main

    _break_a_channel(site)
    monkeypatch.chdir(site.root / "journeys")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "« couriel » n'est pas un canal connu" in result.output


def test_a_number_too_long_for_any_map_is_an_error_not_a_crash(site):
    site.replace("journeys/remboursement.yml", "volume: 6000", "volume: 1000000000000000000000000000000")
    code, output = site.check()
    assert code == 1
    assert "est trop grand : le maximum est 1000000000000" in output
