"""The plugin's options as MkDocs sees them, under `plugins: - parcours:`.

Every option is declared here so that MkDocs accepts it and `self.config`
is typed; none has a default here. Defaults and checks live once, in
`parcours.settings.Settings`, which the CLI uses as well. A test keeps the
two lists of names identical.

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


class ParcoursConfig(base.Config):
    """Options of the `parcours` plugin; see the reference page of the site."""

    language = c.Optional(c.Type(str))
    """Language of pages and messages (`fr` or `en`); defaults to `theme.language`."""
    journeys_dir = c.Optional(c.Type(str))
    """Folder of the journeys, relative to `mkdocs.yml` (default `journeys`)."""
    personas_dir = c.Optional(c.Type(str))
    """Folder of the personas (default `personas`)."""
    benchmarks_dir = c.Optional(c.Type(str))
    """Folder of the benchmark sheets (default `benchmarks`)."""
    solutions_dir = c.Optional(c.Type(str))
    """Folder of the solution sheets (default `solutions`)."""
    channels = c.Optional(c.Type(list))
    """The contact channels: `id`, `label`, `icon`."""
    review_max_age_months = c.Optional(c.Type(int))
    """Age in months after which a journey is due for review (default 12)."""
    onboarding_file = c.Optional(c.Type(str))
    """The onboarding path's file, relative to `mkdocs.yml` (default `onboarding.yml`)."""
    glossary_file = c.Optional(c.Type(str))
    """The glossary's file (default `glossary.yml`)."""
    emotion_scale = c.Optional(c.Type(list))
    """Emotion scale as `[min, max]` (default `[-2, 2]`)."""
    verbatim_max_age_months = c.Optional(c.Type(int))
    """Age in months after which a verbatim is flagged as old (default 36)."""
    media_hosts = c.Optional(c.Type(list))
    """Intranet hosts clips may be played from; any other address is an error."""
    media_max_mb = c.Optional(c.Type((int, float)))
    """Largest audio or video file, in MB (default 25)."""
    image_max_width = c.Optional(c.Type(int))
    """Largest width of published images, in pixels (default 640)."""
    first_person_check = c.Optional(c.Type(bool))
    """Warn when a stage is not named in the customer's first person (default true)."""
    coverage_warnings = c.Optional(c.Type(bool))
    """Warn about coverage gaps (unaddressed irritants…) (default true)."""
    nav_max_pages = c.Optional(c.Type(int))
    """Beyond this many sheets of a kind, the navigation lists only their index page (default 30)."""
    commit_url = c.Optional(c.Type(str))
    """Address of a commit, `{commit}` replaced by its id (default: from `repo_url`)."""
    criteria = c.Optional(c.Type(list))
    """Prioritisation criteria: `id`, `label`, `weight`, `against`."""

    def settings_input(self) -> dict[str, Any]:
        """The options actually written in `mkdocs.yml`, for `Settings`."""
        return {key: value for key, value in self.items() if value is not None}
