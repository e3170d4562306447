"""The CI templates shipped for GitHub Actions and GitLab CI: they parse, their
commands run on the demo as written, the publish script switches releases
whole, and CODEOWNERS routes each journey to its owner."""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO

GITHUB = REPO / ".github" / "workflows" / "parcours.yml"
GITLAB = REPO / ".gitlab-ci.yml"
VENV_BIN = Path(sys.executable).parent


def _github() -> dict:
    workflow = yaml.safe_load(GITHUB.read_text("utf-8"))
    # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on".
    workflow["on"] = workflow.pop(True, workflow.get("on"))
    return workflow


def _gitlab() -> dict:
    return yaml.safe_load(GITLAB.read_text("utf-8"))


@pytest.fixture
def clone(tmp_path) -> Path:
    """The demo as a CI runner checks it out (sources, config, scripts)."""
    root = tmp_path / "repo"
    for name in ("journeys", "personas", "benchmarks", "solutions", "docs", "theme_overrides", "scripts"):
        shutil.copytree(REPO / name, root / name)
    for name in ("mkdocs.yml", "onboarding.yml", "glossary.yml", "committees.yml"):
        shutil.copyfile(REPO / name, root / name)
    return root


def _run(command: str, cwd: Path, **variables: str) -> subprocess.CompletedProcess:
    """A template's command as the runner's shell runs it, with this venv as `.venv`
    and the CI's own variables given."""
    command = command.replace(".venv/bin/", f"{VENV_BIN}/")
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **variables}
    return subprocess.run(["sh", "-ec", command], cwd=cwd, capture_output=True, text=True, env=environment, timeout=600)


def _makefile_targets() -> set[str]:
    text = (REPO / "Makefile").read_text("utf-8")
    variables = dict(re.findall(r"^(\w+) :?= (.+)$", text, re.M))
    targets = set()
    for target in re.findall(r"^([^\s:#=]+):(?!=)", text, re.M):
        targets.add(re.sub(r"\$\((\w+)\)", lambda m: variables.get(m.group(1), m.group(0)), target))
    # Expand nested variables once more (STAMP := $(VENV)/.installed).
    return {re.sub(r"\$\((\w+)\)", lambda m: variables.get(m.group(1), m.group(0)), t) for t in targets}


def test_the_github_workflow_checks_builds_and_previews_pull_requests_and_publishes_main():
    workflow = _github()
    assert "pull_request" in workflow["on"] and workflow["on"]["push"]["branches"] == ["main"]
    check, publish = workflow["jobs"]["check"], workflow["jobs"]["publish"]
    assert "pull_request" in check["if"] and "refs/heads/main" in publish["if"]
    runs = [step.get("run", "") for step in check["steps"]]
    assert ".venv/bin/parcours check --format github" in runs
    # The preview opens from disk: pages as .html files, search without a server.
    assert "PARCOURS_PREVIEW=true .venv/bin/mkdocs build --strict" in runs
    preview = next(step for step in check["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert preview["with"] == {"name": "site-preview", "path": "site/", "retention-days": 14}
    assert any("scripts/publish.sh site" in step.get("run", "") for step in publish["steps"])
    for job in (check, publish):
        checkout = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout@"))
        assert checkout["with"]["fetch-depth"] == 0  # the pages' history needs the commits


def test_the_gitlab_pipeline_reports_code_quality_keeps_a_preview_and_publishes_the_default_branch():
    pipeline = _gitlab()
    check, preview, publish = pipeline["check"], pipeline["preview"], pipeline["publish"]
    assert check["script"] == [".venv/bin/parcours check --format gitlab > gl-code-quality-report.json"]
    assert check["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert check["artifacts"]["when"] == "always"
    assert preview["artifacts"]["paths"] == ["site/"] and preview["artifacts"]["expose_as"] == "site-preview"
    assert preview["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    # The default branch's report is the base the merge request's widget compares with.
    assert check["rules"] == [
        {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'},
        {"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"},
    ]
    assert publish["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert publish["script"][-1] == 'sh scripts/publish.sh site "$PARCOURS_PUBLISH_DIR"'
    assert pipeline["variables"]["GIT_DEPTH"] == "0"


def test_the_install_step_of_both_templates_is_a_real_make_target():
    targets = _makefile_targets()
    installs = [step["run"] for job in _github()["jobs"].values() for step in job["steps"] if step.get("name") == "Install"]
    installs += _gitlab()["default"]["before_script"]
    assert installs
    for command in installs:
        assert command.startswith("make ") and command.split()[1] in targets, command


def test_the_pull_request_commands_run_on_the_demo_as_written(clone):
    commands = [step["run"] for step in _github()["jobs"]["check"]["steps"] if step.get("run", "").startswith(".venv/")]
    commands += _gitlab()["check"]["script"] + _gitlab()["preview"]["script"]
    for command in commands:
        result = _run(command, clone)
        assert result.returncode == 0, (command, result.stdout, result.stderr)
    assert json.loads((clone / "gl-code-quality-report.json").read_text("utf-8")) == []
    # Built to open from disk: each page is a file, and links name files, never folders.
    page = clone / "site" / "journeys" / "remboursement.html"
    assert page.is_file()
    assert 'href="../personas/lea.html"' in page.read_text("utf-8")
    # Material's offline plugin names a remote file-worker shim; the site serves its own.
    home = (clone / "site" / "index.html").read_text("utf-8")
    assert "/iframe-worker/shim" not in home
    assert "assets/parcours/iframe-worker-shim.js" in home


def test_a_broken_source_fails_the_check_step_with_its_annotation(clone):
    path = clone / "journeys" / "remboursement.yml"
    path.write_text(path.read_text("utf-8").replace("phase: after", "phase: apres", 1), "utf-8")
    line = next(n for n, text in enumerate(path.read_text("utf-8").splitlines(), 1) if "phase: apres" in text)
    result = _run(".venv/bin/parcours check --format github", clone)
    assert result.returncode == 1
    assert f"::error file=journeys/remboursement.yml,line={line}," in result.stdout


# --- what a pull request changes -------------------------------------------------------


def _proposed(clone: Path) -> str:
    """The demo in git on `main`, and a branch on which the third quarter's export
    moves one stage's satisfaction; returns the base commit."""
    git = ["git", "-C", str(clone), "-c", "user.name=Claire Analyste", "-c", "user.email=cx@intranet.example"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Les parcours au T3"], check=True)
    base = subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
    # As actions/checkout leaves it: the base branch as a remote-tracking branch.
    subprocess.run([*git, "update-ref", "refs/remotes/origin/main", base], check=True)
    subprocess.run([*git, "checkout", "-q", "-b", "export-corrige"], check=True)
    export = clone / "journeys" / "data" / "remboursement-2026.csv"
    export.write_text(export.read_text("utf-8").replace("2026-T3;j-envoie-mon-devis;;satisfaction;60", "2026-T3;j-envoie-mon-devis;;satisfaction;64"), "utf-8")
    subprocess.run([*git, "commit", "-q", "-am", "Export du T3 corrigé"], check=True)
    return base


def test_both_templates_summarise_what_a_pull_request_changes_and_post_it(clone):
    workflow = _github()
    check = workflow["jobs"]["check"]
    assert check["permissions"]["pull-requests"] == "write"
    steps = {step.get("name"): step for step in check["steps"]}
    summarise = steps["Summarise what the pull request changes"]["run"]
    post = steps["Post the summary on the pull request"]
    assert post["continue-on-error"] is True  # a fork's pull request gets a read-only token
    assert "gh pr comment \"$PULL_REQUEST\" --body-file parcours-changes.md --edit-last --create-if-none" in post["run"]
    assert '>> "$GITHUB_STEP_SUMMARY"' in post["run"] and "[ -s parcours-changes.md ]" in post["run"]
    job = _gitlab()["changes"]
    assert job["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert job["artifacts"]["paths"] == ["parcours-changes.md"] and job["artifacts"]["when"] == "always"
    assert "$CI_API_V4_URL/projects/$CI_PROJECT_ID/merge_requests/$CI_MERGE_REQUEST_IID/notes" in job["script"][1]
    base = _proposed(clone)
    runs = [(summarise, {"GITHUB_BASE_REF": "main"})] + [(command, {"CI_MERGE_REQUEST_DIFF_BASE_SHA": base}) for command in job["script"]]
    for command, variables in runs:
        (clone / "parcours-changes.md").unlink(missing_ok=True)
        result = _run(command, clone, **variables)
        assert result.returncode == 0, (command, result.stdout, result.stderr)
        if "parcours changes" not in command:
            continue  # GitLab's comment, posted only with its token
        summary = (clone / "parcours-changes.md").read_text("utf-8").replace("\u202f", " ")
        assert summary.startswith("### Ce que ces modifications changent dans les parcours")
        assert "| Je me fais rembourser mes soins | J'envoie mon devis à la mutuelle | Satisfaction | 60 % | 64 % (+4 points) |" in summary
        assert "Irritants" not in summary  # only the figure moved


def test_publishing_switches_the_served_folder_to_the_new_release_whole(tmp_path):
    served = tmp_path / "www" / "parcours"
    script = REPO / "scripts" / "publish.sh"
    first, second = tmp_path / "build-1", tmp_path / "build-2"
    for build, text in ((first, "première"), (second, "seconde")):
        build.mkdir()
        (build / "index.html").write_text(text, "utf-8")
    assert subprocess.run(["sh", str(script), str(first), str(served)], capture_output=True).returncode == 0
    assert (served / "index.html").read_text("utf-8") == "première"
    result = subprocess.run(["sh", str(script), str(second), str(served)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert served.is_symlink() and (served / "index.html").read_text("utf-8") == "seconde"
    assert len(list((tmp_path / "www" / "parcours.releases").iterdir())) == 2  # the first kept, to roll back
    missing = subprocess.run(["sh", str(script), str(tmp_path / "nothing"), str(served)], capture_output=True, text=True)
    assert missing.returncode == 1 and "build the site first" in missing.stderr


def test_publishing_to_a_relative_folder_keeps_only_the_newest_releases(tmp_path):
    script = REPO / "scripts" / "publish.sh"
    build = tmp_path / "build"
    build.mkdir()
    (build / "index.html").write_text("site", "utf-8")
    (tmp_path / "www").mkdir()
    env = {**os.environ, "PARCOURS_KEEP_RELEASES": "2"}
    for _ in range(3):
        result = subprocess.run(["sh", str(script), "build", "www/parcours"], cwd=tmp_path, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    served = tmp_path / "www" / "parcours"
    assert (served / "index.html").read_text("utf-8") == "site"  # the link resolves
    assert len(list((tmp_path / "www" / "parcours.releases").iterdir())) == 2
    refused = subprocess.run(["sh", str(script), "build", "www/parcours"], cwd=tmp_path, env={**env, "PARCOURS_KEEP_RELEASES": "0"}, capture_output=True, text=True)
    assert refused.returncode == 1 and (served / "index.html").is_file()


def _owners(path: str) -> list[str]:
    """The owners GitHub and GitLab give a file: the last matching line wins."""
    owners: list[str] = []
    for line in (REPO / "CODEOWNERS").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *handles = line.split()
        anchored = pattern.startswith("/")
        pattern = pattern.lstrip("/")
        if pattern.endswith("/"):
            matched = path.startswith(pattern)
        elif anchored:
            matched = fnmatch.fnmatchcase(path, pattern)
        else:
            matched = fnmatch.fnmatchcase(Path(path).name, pattern)
        if matched:
            owners = handles
    return owners


def test_codeowners_routes_each_journey_and_its_data_to_its_owner():
    default = _owners("README.md")
    assert default
    sources = sorted(REPO.glob("journeys/*.yml")) + sorted(REPO.glob("journeys/data/*"))
    for path in sources:
        rel = path.relative_to(REPO).as_posix()
        owners = _owners(rel)
        assert owners and owners != default, f"{rel} has no owner of its own in CODEOWNERS"
    assert _owners("journeys/remboursement.yml") == _owners("journeys/remboursement.md") == _owners("journeys/data/remboursement-2026.csv")
