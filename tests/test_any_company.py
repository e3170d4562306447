"""A site for any company: its word for its customers, its channels, its phases,
third parties on its journeys, and nothing of the demo's insurer in the product."""

from __future__ import annotations

import json
import re
import subprocess
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from parcours.cli import main
from parcours.cli.scaffold import new_source
from parcours.model import Settings
from parcours.model.schema import json_schemas

JOURNEY = "journeys/remboursement.yml"
PLUGIN = "  - parcours\n"


def settings_of(site, block: str) -> None:
    """Write `block` (indented under `- parcours:`) in the site's mkdocs.yml."""
    site.replace("mkdocs.yml", PLUGIN, "  - parcours:\n" + block)


# --- the word for the people served ---------------------------------------------


def test_the_sites_word_for_its_customers_is_used_wherever_the_site_names_them(site):
    settings_of(site, "      customers: usagers\n")
    site.replace(JOURNEY, "owner: Direction de l'expérience client", "owner: Direction de l'expérience")
    site.replace(JOURNEY, "why: Le client doute d'être remboursé.", "why: On doute d'être remboursé.")
    site.replace("benchmarks/accuse-reception-instantane.md", "Le client sait", "On sait")
    build = site.build()
    assert build.ok, build.log
    journey = build.text("journeys/remboursement/")
    assert "Parcours usager" in journey
    assert "12 usagers l'ont dit" in journey
    assert "usagers par mois" in journey
    assert "Les mots de nos usagers" in build.text("verbatims/")
    # The fields' help, in the reference page and the editors' schemas, says it too.
    assert "Ce que fait l'usager." in build.text("reference/")
    # The sources no longer say « client » (below): every word left is the product's, and follows the setting.
    for page in ("journeys/remboursement/", "verbatims/", "journeys/", "personas/", "benchmarks/", "solutions/", "touchpoints/"):
        path = build.site_dir / page / "index.html"
        if path.exists():
            assert not re.search(r"\bclients?\b", build.text(page), re.I), (page, re.findall(r".{40}\bclients?\b.{20}", build.text(page), re.I)[:3])


def test_french_elides_before_a_word_that_starts_with_a_vowel(site):
    settings_of(site, "      customers: adhérents\n")
    site.replace(JOURNEY, "name: J'envoie ma facture", "name: Envoi de la facture")
    code, output = site.check()
    assert "n'est pas écrite à la première personne de l'adhérent. Nommez-la comme l'adhérent la vit" in output


def test_one_customer_is_singular_and_the_singular_can_be_given(site):
    settings_of(site, "      customers: gens du voyage\n      customer: voyageur\n")
    site.replace(JOURNEY, "        repeated: 12\n", "        repeated: 1\n")
    build = site.build()
    assert build.ok, build.log
    text = build.text("journeys/remboursement/")
    assert "1 voyageur l'a dit" in text and "l'ont dit" not in text


def test_a_word_that_is_not_a_word_is_refused_in_mkdocs_yml(site):
    settings_of(site, "      customers: '<b>clients</b>'\n")
    code, output = site.check()
    assert code == 1
    assert "mkdocs.yml" in output and "plugins.parcours.customers" in output and "Traceback" not in output


# --- nothing of the demo in the product ---------------------------------------------

#: Words of a health insurer: the demo's, never the product's.
INSURER_WORDS = re.compile(r"mutuelle|assur|rembours|sinistre|santé|soins|tiers payant|cotisation|ordonnance|médecin|fanny", re.I)


def test_the_products_own_strings_speak_no_insurers_words():
    package = resources.files("parcours")
    texts = {
        "locales/fr.yml": (package / "language/locales/fr.yml").read_text("utf-8"),
        "locales/en.yml": (package / "language/locales/en.yml").read_text("utf-8"),
        "schemas": json.dumps(json_schemas(Settings(), "fr"), ensure_ascii=False),
    }
    for scaffold in (package / "cli/scaffolds").iterdir():
        texts[scaffold.name] = scaffold.read_text("utf-8")
    for name, text in texts.items():
        found = sorted({match.group(0).lower() for match in INSURER_WORDS.finditer(text)})
        assert not found, (name, found)


def test_a_new_journey_reads_in_the_sites_word_and_names_the_sites_kinds(tmp_path):
    settings = Settings.model_validate({"customers": "abonnés", "phases": {"raccordement": ["Commande", "Installation", "Mise en service"]}})
    journey, _ = new_source("journey", "fibre", tmp_path, settings, __import__("datetime").date(2026, 11, 24), "fr")
    assert "raccordement (raccordement : commande, installation, mise en service)" in journey.text
    assert "customer (abonné)" in journey.text


# --- channels: added to the defaults, or removed ----------------------------------------


def test_a_channel_is_added_in_one_line_and_keeps_the_defaults(site):
    settings_of(site, "      channels:\n        - Technicien à domicile\n")
    site.replace(JOURNEY, "      - channel: conseiller\n", "      - channel: technicien-a-domicile\n")
    build = site.build()
    assert build.ok, build.log
    html = build.html("journeys/remboursement/")
    assert "Technicien à domicile" in html
    # The defaults are all still there: the fixture's other channels read as before.
    assert "Courrier" in html and "Application" in html


def test_a_default_channel_can_be_renamed_or_removed(site):
    settings_of(site, "      channels:\n        - {id: courrier, label: Lettre}\n      channels_removed: [application]\n")
    code, output = site.check()
    assert code == 1
    assert "« application » n'est pas un canal connu" in output
    assert "« courrier »" not in output.split("Canaux connus")[0]
    site.replace("mkdocs.yml", "      channels_removed: [application]\n", "")
    build = site.build()
    assert build.ok, build.log
    assert "Lettre" in build.html("journeys/remboursement/")


def test_removing_a_channel_that_is_not_a_default_is_explained(site):
    settings_of(site, "      channels_removed: [pigeon]\n")
    code, output = site.check()
    assert code == 1
    assert "« pigeon » n'est pas un canal par défaut" in output and "Traceback" not in output


# --- phases: configurable, the classic sets as presets ------------------------------------


def test_a_phase_is_added_in_one_line_and_named_on_the_map(site):
    settings_of(site, "      phases:\n        customer: [before, purchase, Installation, after]\n")
    site.replace(JOURNEY, "    phase: after\n", "    phase: installation\n")
    build = site.build()
    assert build.ok, build.log
    html = build.html("journeys/remboursement/")
    assert re.search(r'<th scope="colgroup"[^>]*class="parcours-phase-installation"><span>Installation</span></th>', html)


def test_a_new_kind_of_journey_brings_its_own_phases(site):
    settings_of(site, "      phases:\n        raccordement: [commande, installation, mise-en-service]\n")
    text = site.read(JOURNEY).replace("kind: customer", "kind: raccordement")
    site.write(JOURNEY, re.sub(r"phase: (after|before|purchase)", "phase: installation", text))
    build = site.build()
    assert build.ok, build.log
    assert "Mise en service" not in build.text("journeys/remboursement/")  # not used
    assert "Installation" in build.text("journeys/remboursement/")


def test_a_phase_of_another_kind_names_where_to_add_it(site):
    site.replace(JOURNEY, "    phase: after\n", "    phase: decision\n")
    code, output = site.check()
    assert code == 1
    assert "la phase « decision » n'existe pas dans un parcours de type « customer »" in output
    assert "dans mkdocs.yml" in output


def test_an_unknown_phase_says_how_to_add_one(site):
    site.replace(JOURNEY, "    phase: after\n", "    phase: installation\n")
    code, output = site.check()
    assert code == 1
    assert "« installation » n'est pas une phase du site" in output and "sous « phases » dans mkdocs.yml" in output


# --- third parties on the journey --------------------------------------------------


def test_a_partner_and_a_named_actor_are_shown_on_the_map(site):
    site.replace(JOURNEY, "        initiator: customer\n        actor: Professionnel de santé\n",
                 "        initiator: partner\n        actor: Opérateur du réseau\n")
    site.replace(JOURNEY, "    phase: after\n", "    phase: after\n    actor: Sous-traitant de pose\n")
    build = site.build()
    assert build.ok, build.log
    text = build.text("journeys/remboursement/")
    assert "partenaire" in text
    assert "Acteur : Opérateur du réseau" in text and "Acteur : Sous-traitant de pose" in text


# --- the editors' schemas follow the settings -----------------------------------------


def test_a_stale_schema_is_an_error_naming_make_schemas(site, tmp_path):
    result = CliRunner().invoke(main, ["schema", str(site.root), "--out", str(site.root / "schemas")])
    assert result.exit_code == 0, result.output
    assert site.check()[0] == 0
    settings_of(site, "      channels:\n        - Technicien à domicile\n")
    code, output = site.check()
    assert code == 1
    assert "« schemas/journey.schema.json » ne suit plus les réglages du site" in output and "make schemas" in output
    build = site.build()
    assert not build.ok
    CliRunner().invoke(main, ["schema", str(site.root), "--out", str(site.root / "schemas")])
    assert site.check()[0] == 0
    journey = json.loads(site.read("schemas/journey.schema.json"))
    assert "technicien-a-domicile" in journey["$defs"]["Touchpoint"]["properties"]["channel"]["enum"]


# --- the home page's changes are the sources' ----------------------------------------------


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "Léa", "GIT_AUTHOR_EMAIL": "l@x", "GIT_COMMITTER_NAME": "Léa", "GIT_COMMITTER_EMAIL": "l@x", "PATH": "/usr/bin:/bin"})


def test_the_home_page_lists_changes_to_the_sources_not_to_the_tool(site):
    site.write("docs/index.md", "# Accueil\n\n<!-- parcours:changes -->\n")
    _git(site.root, "init", "-q")
    _git(site.root, "add", "-A")
    _git(site.root, "commit", "-qm", "Premier jet des parcours")
    site.replace(JOURNEY, "volume: 10000", "volume: 11000")
    _git(site.root, "commit", "-qam", "Volumes de septembre")
    site.write("plugins/outil/charts.py", "X = 1\n")
    site.replace(JOURNEY, "volume: 11000", "volume: 12000")
    _git(site.root, "add", "-A")
    _git(site.root, "commit", "-qm", "Refactor the chart module")
    build = site.build()
    assert build.ok, build.log
    home = build.text("")
    assert "Volumes de septembre" in home and "Premier jet des parcours" in home
    assert "Refactor the chart module" not in home
