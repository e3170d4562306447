"""The shape promised to contributors: a core free of MkDocs, two thin adapters."""

from __future__ import annotations

import ast
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "parcours"


def test_mkdocs_is_imported_only_in_files_named_for_it():
    for path in PACKAGE.rglob("*.py"):
        if "mkdocs" in path.relative_to(PACKAGE).as_posix():
            continue
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            assert not any(name.split(".")[0] in ("mkdocs", "material") for name in names), path


def test_the_core_and_the_cli_run_without_loading_mkdocs():
    code = (
        "import sys, parcours.site, parcours.render.renderer, parcours.cli, parcours.model.schema;"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')];"
        "assert not loaded, loaded"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_plugin_options_are_exactly_the_core_settings():
    from parcours.mkdocs_plugin.config import ParcoursConfig
    from parcours.model import Settings

    assert {name for name, _ in ParcoursConfig._schema} == set(Settings.model_fields)


def test_plugin_is_registered_for_mkdocs():
    (plugin,) = [ep for ep in entry_points(group="mkdocs.plugins") if ep.name == "parcours"]
    assert plugin.value == "parcours.mkdocs_plugin:ParcoursPlugin"
