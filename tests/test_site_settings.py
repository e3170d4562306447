"""The plugin's settings, as both adapters read them: the MkDocs plugin from
MkDocs's own configuration, `parcours check` from `mkdocs.yml` read the same
way (`!ENV`, `INHERIT`), so that the check checks what the build builds."""

from __future__ import annotations

import re

import pytest
from conftest import mkdocs_build


def test_check_reads_env_values_as_mkdocs_does(site, monkeypatch):
    """A setting taken from the environment is the environment's value in the check too."""
    site.replace("mkdocs.yml", "  - parcours\n", "  - parcours:\n      verbatim_max_age_months: !ENV [PARCOURS_VERBATIM_AGE, 36]\n")
    monkeypatch.setenv("PARCOURS_VERBATIM_AGE", "1")
    code, output = site.check("--strict")
    assert code == 1
    assert "il a plus de 1 mois" in output
    monkeypatch.delenv("PARCOURS_VERBATIM_AGE")
    code, output = site.check("--strict")
    assert code == 0, output
    assert "il a plus de 1 mois" not in output


def test_check_reads_the_configuration_a_site_inherits(site):
    """`INHERIT: base.yml`: the plugin's settings written in the base count, as in a build."""
    base = site.read("mkdocs.yml").replace("  - parcours\n", "  - parcours:\n      channels_removed: [conseiller]\n")
    site.write("base.yml", base)
    site.write("mkdocs.yml", "INHERIT: base.yml\nsite_name: Héritier\n")
    code, output = site.check()
    assert code == 1
    assert "n'est pas un canal connu" in output and "« conseiller »" in output
    build = site.build()
    assert not build.ok
    assert any("n'est pas un canal connu" in line for line in build.log)


def test_a_missing_inherited_configuration_is_named(site):
    site.write("mkdocs.yml", "INHERIT: socle.yml\n" + site.read("mkdocs.yml"))
    code, output = site.check()
    assert code == 1
    assert "mkdocs.yml INHERIT : le fichier « socle.yml » que ce mkdocs.yml hérite (« INHERIT ») est introuvable" in output
    assert "Traceback" not in output


def test_enabled_false_builds_the_site_without_parcours(site):
    """`enabled: false` (for instance from `!ENV`) leaves the site as plain MkDocs builds it."""
    site.replace("mkdocs.yml", "  - parcours\n", "  - parcours:\n      enabled: false\n")
    site.write("docs/index.md", "# Accueil\n")
    result = site.build()
    assert result.ok, result.log
    assert not (result.site_dir / "journeys" / "remboursement" / "index.html").exists()
    assert "parcours.css" not in result.html("")


def test_parcours_stylesheets_come_before_the_authors_own(site):
    """An author's `extra_css` is loaded last, so that it can override Parcours's rules."""
    site.replace("mkdocs.yml", "plugins:", "extra_css: [css/maison.css]\nplugins:")
    site.write("docs/css/maison.css", ".parcours-tp { border-radius: 0; }\n")
    result = site.build()
    assert result.ok, result.log
    links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', result.html("journeys/remboursement/"))
    ours = [index for index, href in enumerate(links) if "assets/parcours/" in href]
    theirs = [index for index, href in enumerate(links) if "maison.css" in href]
    assert ours and theirs and max(ours) < min(theirs), links


@pytest.mark.parametrize("option", ["verbatim_max_age_months", "channels", "enabled", "media_hosts"])
def test_every_setting_is_on_the_reference_page(minimal_build, option):
    """The reference page documents the plugin's options from the same model MkDocs reads them through."""
    assert f'id="settings--{option}"' in minimal_build.html("reference/")
