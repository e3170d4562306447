"""The shape promised to contributors: a core free of MkDocs, two thin adapters."""

from __future__ import annotations

import ast
import re
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


#: The folders of the package, in the order the data flows through them: each
#: may import only from its own step and those before it. The adapters come last.
STEPS = ("language", "sources", "model", "media", "checks", "index", "analyses", "site", "render", "cli", "mkdocs_plugin")
ADAPTERS = {"cli", "mkdocs_plugin"}


def _modules() -> dict[str, Path]:
    """Every module of the package by its dotted name (`parcours.index.entries`)."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(("parcours", *parts))
        found[name.removesuffix(".__init__")] = path
    return found


def _imports(name: str, path: Path) -> set[str]:
    """The package's modules a module imports, relative imports resolved."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("parcours"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module.startswith("parcours"):
                found.add(module)
                found.update(f"{module}.{alias.name}" for alias in node.names)
    modules = _modules()
    return {module for module in found if module in modules}


def _step(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_each_step_imports_only_the_steps_before_it():
    modules = _modules()
    wrong = []
    for name, path in modules.items():
        own = _step(name)
        if own == "__init__":
            continue
        for imported in _imports(name, path):
            other = _step(imported)
            if other == "__init__":
                continue
            if STEPS.index(other) > STEPS.index(own) or (own in ADAPTERS and other in ADAPTERS and other != own):
                wrong.append(f"{name} imports {imported}")
    assert not wrong, "\n".join(wrong)


def test_no_module_imports_itself_back():
    modules = _modules()
    graph = {name: _imports(name, path) - {name} for name, path in modules.items()}
    state: dict[str, int] = {}
    cycles = []

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for other in sorted(graph[name]):
            # `from . import formats` names the package only to reach its module.
            if other == name.rsplit(".", 1)[0]:
                continue
            if state.get(other) == 1:
                cycles.append(" -> ".join([*trail, name, other]))
            elif other not in state:
                visit(other, [*trail, name])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [])
    assert not cycles, "\n".join(cycles)


def test_only_the_entry_points_sit_at_the_package_root():
    loose = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "site.py"], loose
    assert sorted(path.name for path in PACKAGE.iterdir() if path.is_dir() and path.name != "__pycache__") == sorted(STEPS[:7] + STEPS[8:])


def test_modules_stay_small_enough_to_read():
    long_python = {path.relative_to(PACKAGE).as_posix(): n for path in PACKAGE.rglob("*.py") if (n := len(path.read_text("utf-8").splitlines())) > 350}
    assert not long_python, long_python
    scripts = PACKAGE / "render" / "assets" / "js"
    long_scripts = {path.name: n for path in scripts.glob("*.js") if (n := len(path.read_text("utf-8").splitlines())) > 250}
    assert list(scripts.glob("*.js")) and not long_scripts, long_scripts


def test_a_qualification_is_named_only_by_the_model_and_the_stylesheet():
    """Adding a qualification is the model, the locales, the stylesheet: no
    analysis, template or script names one (`irritant`, `rupture`…) itself."""
    from parcours.model.vocabulary import QUALIFICATIONS

    values = set(QUALIFICATIONS.ids) - {"missing"}  # "missing" is also pydantic's name for a missing field
    named = []
    for path in PACKAGE.rglob("*.py"):
        if path.relative_to(PACKAGE).parts[0] == "model":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and node.value in values:
                named.append(f"{path.relative_to(PACKAGE)}: {node.value}")
    quoted = re.compile(r"""["'](%s)["']""" % "|".join(values))
    for path in [*PACKAGE.rglob("*.html"), *PACKAGE.rglob("*.js")]:
        text = re.sub(r"plural\([^)]*\)", "", path.read_text("utf-8"))  # `plural(n, 'irritant')` names a word of the counts table
        named.extend(f"{path.relative_to(PACKAGE)}: {match}" for match in quoted.findall(text))
    assert not named, named
