"""The demo is the example a new user copies: complete, consistent, strict-clean."""

from __future__ import annotations

from datetime import date

from conftest import REPO
from parcours.language.translator import Translator
from parcours.model import Settings
from parcours.site import load_site
from parcours.sources.site_config import read_site_config


def demo_settings() -> Settings:
    """The demo's own settings, read from its mkdocs.yml as a build reads them."""
    return Settings.model_validate(read_site_config(REPO, REPO / "mkdocs.yml").plugin or {})


def _demo():
    return load_site(REPO, demo_settings(), "fr", today=date(2026, 11, 24))


def test_demo_sources_have_no_problem():
    site = _demo()
    assert not site.report.problems, [problem.format(Translator("fr")) for problem in site.report.problems]


def test_demo_has_every_kind_of_source():
    index = _demo().index
    assert len(index.journeys) >= 3
    assert len(index.personas) >= 4
    assert len(index.benchmarks) >= 8
    assert len(index.solutions) >= 5
    kinds = {entry.model.kind for entry in index.journeys.values()}
    assert kinds == {"customer", "buyer"}
    assert any(entry.model.target for entry in index.journeys.values())


def test_what_leaves_one_stage_arrives_at_the_next():
    checked = 0
    for journey in _demo().index.journeys.values():
        stages = journey.model.stages
        for stage, following in zip(stages, stages[1:]):
            assert stage.volume and following.volume, (journey.id, stage.id)
            if stage.conversion is None:
                continue  # an escalation (réclamation → médiateur) is not a funnel step
            checked += 1
            expected = stage.volume * stage.conversion / 100
            assert abs(expected - following.volume) <= 0.05 * following.volume, (journey.id, stage.id, expected, following.volume)
    assert checked >= 16


def test_every_benchmark_is_cited_and_every_persona_travels():
    index = _demo().index
    assert set(index.stages_citing) == set(index.benchmarks)
    assert set(index.journeys_of_persona) == set(index.personas)


def test_demo_pages_are_built(demo):
    index = _demo().index
    for kind, entries in (("journeys", index.journeys), ("personas", index.personas), ("benchmarks", index.benchmarks), ("solutions", index.solutions)):
        for key in entries:
            assert (demo.site_dir / kind / key / "index.html").is_file(), (kind, key)
    assert "Made with" not in demo.html("")
