"""Warnings about the method: they stop a build only in strict mode."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from conftest import SiteDir

JOURNEY = "journeys/remboursement.yml"


def test_stage_not_in_the_first_person_is_a_warning(site):
    site.replace(JOURNEY, "name: J'envoie ma facture", "name: Envoi de la facture")
    code, output = site.check()
    assert code == 0, output
    line = site.line_of(JOURNEY, "name: Envoi de la facture")
    assert (
        f"avertissement {JOURNEY}:{line}:11 stages[2].name : l'étape « Envoi de la facture » n'est pas écrite "
        "à la première personne du client."
    ) in output
    code, output = site.check("--strict")
    assert code == 1


@dataclass(frozen=True)
class Case:
    """One piece of one source replaced, and what `parcours check` must then say."""

    name: str
    file: str
    old: str
    new: str
    expected: tuple[str, ...] = ()
    args: tuple[str, ...] = ()  # `parcours check`'s options
    code: int = 0


def _first_person(name: str, words: str) -> Case:
    """The first stage now named `words`: not a warning, not even in strict mode."""
    return Case(name, JOURNEY, "name: Je consulte mon médecin", f"name: {words}", args=("--strict",))


CASES = [
    _first_person("first_person_on_me_rappelle", "On me rappelle"),
    _first_person("first_person_mon_dossier", "Mon dossier est complet"),
    _first_person("first_person_with_a_typographic_apostrophe", "J’envoie ma facture"),
    _first_person("first_person_nous", "Nous déménageons"),
    _first_person("first_person_in_french_quotes", "« Je signe »"),
    Case(
        "old_verbatim_is_a_warning_with_its_date",
        JOURNEY, "date: 2026-05-04", "date: 2021-05-04",
        expected=("stages[2].verbatims[1].date : ce verbatim date du 2021-05-04 : il a plus de 36 mois.",),
    ),
    Case(
        "verbatim_age_is_configurable",
        "mkdocs.yml", "  - parcours\n", "  - parcours:\n      verbatim_max_age_months: 1\n",
        expected=("il a plus de 1 mois",),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_the_method_asks_no_more_than_a_warning(site: SiteDir, case: Case) -> None:
    """Writing against the method is a warning, never an error; the first person, in any of its forms, is not even that."""
    site.replace(case.file, case.old, case.new)
    code, output = site.check(*case.args)
    assert code == case.code, output
    for expected in case.expected:
        assert expected in output


def test_verbatim_age_counts_whole_months():
    from parcours.checks.method import is_old

    today = date(2026, 11, 24)
    assert not is_old(date(2023, 11, 24), today, 36)
    assert is_old(date(2023, 11, 23), today, 36)
    assert not is_old(date(2024, 2, 29), date(2027, 2, 28), 36)


def test_warnings_fail_only_strict_builds(site):
    site.replace(JOURNEY, "name: J'envoie ma facture", "name: Envoi de la facture")
    relaxed = site.build(strict=False)
    assert relaxed.ok, relaxed.log
    assert any("n'est pas écrite à la première personne" in line for line in relaxed.log)
    strict = site.build(strict=True)
    assert not strict.ok
    assert any("strict mode" in line for line in strict.log)


def test_an_error_fails_every_build_before_any_page_is_written(site):
    site.replace(JOURNEY, "channel: courrier", "channel: telephon")
    result = site.build(strict=False)
    assert not result.ok
    assert any("« telephon » n'est pas un canal connu" in line for line in result.log)
    assert any("1 erreur et 0 avertissement dans 1 fichier" in line for line in result.log)
    assert not (result.site_dir / "journeys").exists()
    assert not (result.site_dir / "index.html").exists()


def test_first_person_check_can_be_turned_off(site):
    site.replace("mkdocs.yml", "  - parcours\n", "  - parcours:\n      first_person_check: false\n")
    site.replace(JOURNEY, "name: J'envoie ma facture", "name: Envoi de la facture")
    code, output = site.check("--strict")
    assert code == 0, output


def test_a_review_or_a_verbatim_dated_in_the_future_is_a_warning(site):
    site.replace("journeys/remboursement.yml", "last_review: 2026-09-15", "last_review: 2062-09-15")
    site.replace("journeys/remboursement.yml", "date: 2026-05-04", "date: 2062-05-04")
    code, output = site.check()
    assert code == 0
    assert "last_review : le 2062-09-15 n'est pas encore arrivé" in output
    assert "verbatims[1].date : le 2062-05-04 n'est pas encore arrivé" in output
