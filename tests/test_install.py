"""The lock installs on the oldest Python the README names: Debian 12's own 3.11.2.

A package pinned to a release that needs a later 3.11 (pymdown-extensions
13.1 needs 3.11.5) breaks `make serve` on a fresh Debian machine, while a
machine with a newer Python first on its PATH never sees it. The test asks
pip, run by that very interpreter, to resolve the whole lock for it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

#: The oldest interpreter supported: Debian 12's.
OLDEST = Path("/usr/bin/python3.11")


def test_the_readme_names_the_pythons_supported():
    readme = (REPO / "README.md").read_text("utf-8")
    assert re.search(r"Python 3\.11\.2.{0,200}3\.12.{0,20}3\.13", readme, re.S), "the README says which Pythons are supported"
    project = (REPO / "pyproject.toml").read_text("utf-8")
    assert 'requires-python = ">=3.11"' in project


@pytest.mark.skipif(not OLDEST.exists(), reason="Debian 12's python3.11 is not on this machine")
def test_the_lock_installs_with_debians_own_python(tmp_path):
    version = subprocess.run([str(OLDEST), "-c", "import sys; print(sys.version_info[:3])"], capture_output=True, text=True, check=True).stdout
    venv = tmp_path / "venv"
    made = subprocess.run([str(OLDEST), "-m", "venv", str(venv)], capture_output=True, text=True)
    if made.returncode != 0:
        # Debian ships venv in python3.11-venv; `make` installs it on a fresh machine.
        pytest.fail(f"{OLDEST} cannot make a virtualenv ({made.stderr.strip()}): install python3.11-venv")
    result = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--dry-run", "--quiet", "--disable-pip-version-check",
         "--ignore-installed", "-r", str(REPO / "requirements.lock")],
        capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, f"the lock does not install on Python {version.strip()}:\n{result.stderr[-3000:]}"
