"""What Parcours needs from `mkdocs.yml`, read as MkDocs reads it, without MkDocs.

The CLI must work where MkDocs does not run (another engine, a CI job that
only checks), and check the same configuration `mkdocs build` builds:
`!ENV` values are read from the environment (with their defaults), a file
named by `INHERIT` is read first and deep-merged under this one, as MkDocs
does. Tags only MkDocs's plugins can build (`!!python/name:` for an emoji
function, `!relative`) read as nothing: Parcours never needs them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import mergedeep
import yaml
import yaml_env_tag

from .problems import Problem
from .text import SourceError, decode_source
from .yaml_depth import MAX_DEPTH, too_deep_at
from .yaml_errors import yaml_problem

PLUGIN_NAME = "parcours"
#: A chain of `INHERIT` longer than this is taken for a loop.
MAX_INHERIT = 10


class _MkDocsLoader(yaml.SafeLoader):
    """A safe loader with MkDocs's `!ENV`, reading other tags as nothing instead of failing."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_MkDocsLoader.add_constructor("!ENV", yaml_env_tag.construct_env_tag)
_MkDocsLoader.add_multi_constructor("!", _ignore_tag)
_MkDocsLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


@dataclass
class SiteConfig:
    """The parts of `mkdocs.yml` Parcours reads."""

    root: Path
    plugin: dict[str, Any] | None = field(default_factory=dict)
    theme_language: str | None = None
    use_directory_urls: bool = True
    docs_dir: str = "docs"
    repo_url: str | None = None
    site_url: str | None = None
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
    data = _load(path, path.name, 0)
    theme = data.get("theme") or {}
    return SiteConfig(
        root=path.parent,
        plugin=_plugin_block(data.get("plugins") or []),
        theme_language=theme.get("language") if isinstance(theme, dict) else None,
        use_directory_urls=bool(data.get("use_directory_urls", True)),
        docs_dir=str(data.get("docs_dir", "docs")),
        repo_url=data.get("repo_url") if isinstance(data.get("repo_url"), str) else None,
        site_url=data.get("site_url") if isinstance(data.get("site_url"), str) else None,
        has_file=True,
    )


def _load(path: Path, shown: str, depth: int) -> dict[str, Any]:
    """One configuration file, merged over the file it inherits from, as MkDocs merges them."""
    try:
        text = decode_source(path, shown)
        deep = too_deep_at(text, MAX_DEPTH)  # PyYAML would hit Python's recursion limit, with a traceback
        if deep is not None:
            raise SourceError(Problem(file=shown, code="too_deep", params={"max": MAX_DEPTH}, line=deep[0], column=deep[1]))
        data = yaml.load(text, Loader=_MkDocsLoader) or {}
    except SourceError as error:
        raise SiteConfigError(error.problem) from None
    except yaml.YAMLError as error:
        raise SiteConfigError(yaml_problem(error, shown, 0, text)) from None
    if not isinstance(data, dict):
        raise SiteConfigError(Problem(file=shown, code="config_not_mapping", line=1, column=1))
    inherit = data.pop("INHERIT", None)
    if inherit is None:
        return data
    parent = path.parent / str(inherit)
    if depth >= MAX_INHERIT or not parent.is_file():
        raise SiteConfigError(Problem(file=shown, code="config_inherit_missing", field_path="INHERIT", params={"value": str(inherit)}))
    return mergedeep.merge(_load(parent, str(inherit), depth + 1), data)


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
