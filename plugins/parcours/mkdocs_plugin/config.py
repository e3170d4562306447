"""The plugin's options as MkDocs reads them, under `plugins: - parcours:`.

They are derived from the core's settings model (`parcours.model.settings.Settings`),
which holds each option's default, its checks and its description, for
this adapter, for the CLI and for the site's reference page alike: MkDocs
accepts every option the model names, and hands the block, as written, to
the model, whose messages say what is wrong in the site's language.

```yaml
plugins:
  - parcours:
      verbatim_max_age_months: 24
      channels:
        - id: telephone
          label: Téléphone
          icon: material/phone-outline
```
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..model.settings import Settings


def _settings_input(self: base.Config) -> dict[str, Any]:
    """The options actually written in `mkdocs.yml`, for `Settings`."""
    return {key: value for key, value in self.items() if value is not None}


#: One MkDocs option per field of `Settings`, each passed through as written.
ParcoursConfig: type[base.Config] = type(
    "ParcoursConfig",
    (base.Config,),
    {
        "__doc__": "Options of the `parcours` plugin: the fields of `Settings`, documented on the site's reference page.",
        **{name: c.Optional(c.Type(object)) for name in Settings.model_fields},
        "settings_input": _settings_input,
    },
)
