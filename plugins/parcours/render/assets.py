"""Parcours' static files in the site: stylesheets, script, and plotly.js.

plotly.js is served by the site itself, once, in a shared file that only
pages with a chart load: never inlined, never from a CDN. The partial
"basic" bundle (bar and scatter traces, 0.4 MB compressed) is used when it
has been fetched (`parcours fetch-assets`, which `make` runs); otherwise the
full bundle that ships inside plotly.py (1.5 MB compressed). Both are the
plotly.js version plotly.py was built for, so figures and drawing agree.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

ASSETS_DIR = "assets/parcours"
STYLESHEET = f"{ASSETS_DIR}/parcours.css"
ICONS_STYLESHEET = f"{ASSETS_DIR}/icons.css"
SCRIPT = f"{ASSETS_DIR}/parcours.js"
PLOTLY = f"{ASSETS_DIR}/plotly.min.js"
#: The iframe-worker shim that Material's offline plugin would fetch from a public
#: package host for a site opened from disk, served by the site itself.
FILE_WORKER_SHIM = f"{ASSETS_DIR}/iframe-worker-shim.js"
#: How that remote shim's address ends, whatever host Material names.
FILE_WORKER_SHIM_REMOTE = "/iframe-worker/shim"
STYLESHEETS = (STYLESHEET, ICONS_STYLESHEET)
SCRIPTS = (SCRIPT,)


def packaged(name: str) -> str:
    """A file of the renderer's `assets/` folder."""
    return resources.files(__package__).joinpath(f"assets/{name}").read_text("utf-8")


#: The script's components, in the order they are joined (each uses those before it).
SCRIPT_MODULES = (
    "material", "url_state", "charts", "map", "overview", "zoom", "phone", "panel", "print", "presentation",
    "filters", "compare", "roadmap", "onboarding", "changes", "briefing", "start",
)


def script() -> str:
    """The script the pages load: its components joined into one file (one request),
    in one closure, so that they share their functions and leak nothing."""
    parts = [f"/* ---- {name}.js */\n{packaged(f'js/{name}.js')}" for name in SCRIPT_MODULES]
    return (
        "/* Parcours: the journey map's controls, overview, zoom, phone reading, side panel, charts,\n"
        "   print layout and presentation mode, the lists' filters, the personas' comparison, the\n"
        "   road map's grouping, the onboarding path's progress, what changed since a date and the\n"
        "   team briefings' print layout. Pages are plain HTML and readable before it runs. */\n"
        "(function () {\n\"use strict\";\n\n" + "\n".join(parts) + "})();\n"
    )


def plotlyjs_version() -> str:
    """The plotly.js version plotly.py draws its figures for."""
    from plotly.offline._plotlyjs_version import __plotlyjs_version__

    return __plotlyjs_version__


def basic_bundle_path(prefix: Path | None = None) -> Path:
    """Where `parcours fetch-assets` keeps the partial bundle: inside the virtualenv."""
    return (prefix or Path(sys.prefix)) / "share" / "parcours" / f"plotly-basic-{plotlyjs_version()}.min.js"


def plotly_bundle() -> tuple[Path, bool]:
    """The plotly.js file to publish, and whether it is the light partial bundle."""
    basic = basic_bundle_path()
    if basic.is_file():
        return basic, True
    full = resources.files("plotly").joinpath("package_data/plotly.min.js")
    return Path(str(full)), False
