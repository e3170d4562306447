"""`parcours fetch-assets`: the partial plotly.js bundle, fetched once at set-up.

`make` runs it after installing the packages. The file is fetched from the
npm registry, checked against the registry's published integrity hash and
kept in the virtualenv; builds never touch the network.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import sys
import tarfile
import urllib.request
from pathlib import Path

import click

from ..render.assets import basic_bundle_path, plotlyjs_version

REGISTRY = "https://registry.npmjs.org"
PACKAGE = "plotly.js-basic-dist-min"
MEMBER = "package/plotly-basic.min.js"


class FetchError(Exception):
    """The bundle could not be fetched or did not match its published hash."""


def fetch_plotly_basic(target: Path | None = None, timeout: float = 60) -> Path:
    """Download, verify and store the basic bundle matching plotly.py's plotly.js."""
    target = target or basic_bundle_path()
    if target.is_file():
        return target
    version = plotlyjs_version()
    try:
        with urllib.request.urlopen(f"{REGISTRY}/{PACKAGE}/{version}", timeout=timeout) as response:
            metadata = json.load(response)
        dist = metadata["dist"]
        with urllib.request.urlopen(dist["tarball"], timeout=timeout) as response:
            archive = response.read()
    except (OSError, KeyError, ValueError) as error:
        raise FetchError(f"{PACKAGE}@{version}: {error}") from error
    algorithm, _, expected = dist.get("integrity", "").partition("-")
    if algorithm not in ("sha512", "sha384", "sha256") or base64.b64encode(hashlib.new(algorithm, archive).digest()).decode() != expected:
        raise FetchError(f"{PACKAGE}@{version}: the archive does not match the registry's integrity hash")
    with tarfile.open(fileobj=io.BytesIO(archive), mode="r:gz") as tar:
        member = tar.extractfile(MEMBER)
        if member is None:
            raise FetchError(f"{PACKAGE}@{version}: {MEMBER} is missing from the archive")
        bundle = member.read()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    partial.write_bytes(bundle)
    partial.replace(target)
    return target


@click.command("fetch-assets")
def fetch_assets() -> None:
    """Fetch the partial plotly.js bundle (once) so that chart pages stay light."""
    try:
        path = fetch_plotly_basic()
    except FetchError as error:
        click.echo(f"parcours fetch-assets: {error}", err=True)
        sys.exit(1)
    click.echo(str(path))
