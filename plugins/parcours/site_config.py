"""What the CLI needs from `mkdocs.yml`, read without MkDocs.

The CLI must work where MkDocs does not run (another engine, a CI job that
only checks): it reads the `parcours` plugin's block, the theme's language
and the URL style with PyYAML, ignoring the tags MkDocs configs often carry
(`!ENV`, `!!python/name:`), which only MkDocs knows how to build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .load import SourceError, decode_source, yaml_problem
from .problems import Problem

PLUGIN_NAME = "parcours"


class _TolerantLoader(yaml.SafeLoader):
    """A safe loader that reads unknown tags as nothing instead of failing."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


@dataclass
class SiteConfig:
    """The parts of `mkdocs.yml` Parcours reads."""

    root: Path
    plugin: dict[str, Any] | None = field(default_factory=dict)
    theme_language: str | None = None
    use_directory_urls: bool = True
    docs_dir: str = "docs"
    repo_url: str | None = None
    has_file: bool = False


class SiteConfigError(Exception):
    """`mkdocs.yml` cannot be read (not UTF-8, broken YAML); carries its one problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def read_site_config(root: Path, config_file: Path | None = None) -> SiteConfig:
    """Raises `SiteConfigError` when the file exists but cannot be read."""
    path = config_file or root / "mkdocs.yml"
    if not path.is_file():
        return SiteConfig(root=root)
    try:
        text = decode_source(path, path.name)
        data = yaml.load(text, Loader=_TolerantLoader) or {}
    except SourceError as error:
        raise SiteConfigError(error.problem) from None
    except yaml.YAMLError as error:
        raise SiteConfigError(yaml_problem(error, path.name, 0, text)) from None
    if not isinstance(data, dict):
        raise SiteConfigError(Problem(file=path.name, code="config_not_mapping", line=1, column=1))
    theme = data.get("theme") or {}
    return SiteConfig(
        root=path.parent,
        plugin=_plugin_block(data.get("plugins") or []),
        theme_language=theme.get("language") if isinstance(theme, dict) else None,
        use_directory_urls=bool(data.get("use_directory_urls", True)),
        docs_dir=str(data.get("docs_dir", "docs")),
        repo_url=data.get("repo_url") if isinstance(data.get("repo_url"), str) else None,
        has_file=True,
    )


def _plugin_block(plugins: Any) -> dict[str, Any]:
    items = plugins.items() if isinstance(plugins, dict) else ((p, None) if isinstance(p, str) else next(iter(p.items())) for p in plugins)
    for name, options in items:
        if name == PLUGIN_NAME:
            return dict(options or {})
    return {}


def site_language(setting: str | None, theme_language: str | None) -> str:
    """The plugin's language, else the theme's (`fr-CA` counts as `fr`), else French."""
    for candidate in (setting, theme_language):
        if candidate:
            short = candidate.split("-")[0].split("_")[0].lower()
            if short in ("fr", "en"):
                return short
    return "fr"
