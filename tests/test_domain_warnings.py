"""Warnings about the method: they stop a build only in strict mode."""

from __future__ import annotations

from datetime import date

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


def test_first_person_forms_are_accepted(site):
    for name in ("On me rappelle", "Mon dossier est complet", "J’envoie ma facture", "Nous déménageons", "« Je signe »"):
        site.replace(JOURNEY, "name: Je consulte mon médecin", f"name: {name}")
        code, output = site.check("--strict")
        assert code == 0, (name, output)
        site.replace(JOURNEY, f"name: {name}", "name: Je consulte mon médecin")


def test_old_verbatim_is_a_warning_with_its_date(site):
    site.replace(JOURNEY, "date: 2026-05-04", "date: 2021-05-04")
    code, output = site.check()
    assert code == 0
    assert "stages[2].verbatims[1].date : ce verbatim date du 2021-05-04 : il a plus de 36 mois." in output


def test_verbatim_age_is_configurable(site):
    site.replace("mkdocs.yml", "  - parcours\n", "  - parcours:\n      verbatim_max_age_months: 1\n")
    code, output = site.check()
    assert "il a plus de 1 mois" in output


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
