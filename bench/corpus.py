"""A large, plausible corpus for the benchmark: 100 journeys of 12 stages and
60 touchpoints, 50 personas, 200 benchmark sheets, 100 solution sheets.

Sources are written like the demo's (same fields, similar amounts of text),
with deterministic pseudo-random figures so every run measures the same site.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

CHANNELS = ["site-web", "espace-client", "application", "email", "telephone", "chat", "sms", "agence", "courrier", "professionnel-sante"]
QUALIFICATIONS = [None, None, "irritant", "enchantment", "rupture", "missing", "redundant"]
SOURCES = ["interview", "survey", "review", "call", "chat", "email"]
VERBS = [
    "Je cherche", "Je compare", "Je demande", "J'envoie", "Je reçois", "J'attends", "Je vérifie", "Je signe",
    "On me rappelle", "Je consulte", "Je modifie", "Je comprends",
]
OBJECTS = [
    "une information sur mes garanties", "mon devis dentaire", "ma facture d'optique", "mon attestation", "le remboursement",
    "la réponse du conseiller", "mon décompte", "ma carte de tiers payant", "mon changement d'adresse", "le nouveau contrat",
    "la prise en charge hospitalière", "mon espace adhérent",
]
WORDS = (
    "le conseiller explique clairement délai réponse remboursement attente dossier courrier application "
    "message relance appel garantie devis facture montant reste charge suivi notification simple rapide "
    "confiance compréhension écoute erreur oubli retard clair précis utile"
).split()


def _sentence(rng: random.Random, words: int = 14) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _journey(rng: random.Random, number: int, personas: list[str], benchmarks: list[str]) -> dict:
    travellers = rng.sample(personas, 3)
    volume = rng.randint(8000, 30000)
    stages = []
    for position in range(12):
        phase = "before" if position < 3 else ("purchase" if position < 6 else "after")
        conversion = rng.randint(70, 98)
        touchpoints = []
        for channel in rng.sample(CHANNELS, 5):
            touchpoints.append(
                {
                    "channel": channel,
                    "label": f"{_sentence(rng, 5)[:-1]}",
                    "initiator": rng.choice(["customer", "company"]),
                    "volume": rng.randint(100, max(200, volume // 3)),
                    "satisfaction": rng.randint(20, 95),
                    **({"qualification": q} if (q := rng.choice(QUALIFICATIONS)) else {}),
                    "comment": _sentence(rng, 12),
                    "team": rng.choice(["Centre de gestion", "Relation adhérents", "Équipe digitale", "Agences"]),
                }
            )
        stage = {
            "id": f"etape-{position + 1}",
            "name": f"{VERBS[position]} {OBJECTS[(position + number) % len(OBJECTS)]}",
            "phase": phase,
            "description": _sentence(rng, 25),
            "actions": [_sentence(rng, 8) for _ in range(2)],
            "touchpoints": touchpoints,
            "volume": volume,
            "satisfaction": rng.randint(35, 90),
            "conversion": conversion,
            "emotion": {persona: rng.randint(-2, 2) for persona in travellers},
            "expectations": [_sentence(rng, 7) for _ in range(2)],
            "verbatims": [
                {
                    "text": _sentence(rng, 18),
                    "speaker": f"{rng.choice(['Anne', 'Marc', 'Sophie', 'Karim', 'Lucie'])} {rng.choice('ABCDEFGH')}.",
                    "date": f"2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                    "source": rng.choice(SOURCES),
                    "touchpoint": touchpoints[0]["channel"] if i == 0 else None,
                    "repeated": rng.randint(1, 20),
                }
                for i in range(2)
            ],
            "best_practices": rng.sample(benchmarks, 1),
            "employee_experience": [_sentence(rng, 10)],
            "team": "Centre de gestion",
        }
        for verbatim in stage["verbatims"]:
            if verbatim["touchpoint"] is None:
                del verbatim["touchpoint"]
        if position % 4 == 1:
            stage["moment_of_truth"] = {"why": _sentence(rng, 12), "priority": "high"}
        stages.append(stage)
        volume = int(volume * conversion / 100)
    return {
        "title": f"Parcours {number + 1} : {OBJECTS[number % len(OBJECTS)]}",
        "kind": "customer",
        "summary": _sentence(rng, 30),
        "personas": travellers,
        "owner": "Direction de l'expérience adhérent",
        "last_review": "2026-10-01",
        "kpis": [{"name": "Satisfaction globale", "type": "csat", "value": rng.randint(50, 85), "unit": "%"}],
        "stages": stages,
    }


def _front_matter(fields: dict, body: str) -> str:
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n" + body + "\n"


def write_corpus(target: Path, demo: Path, journeys: int = 100, personas: int = 50, benchmarks: int = 200, solutions: int = 100) -> Path:
    """Write the corpus as a site (mkdocs.yml copied from the demo) and return its folder."""
    rng = random.Random(2026)
    if target.exists():
        shutil.rmtree(target)
    for folder in ("journeys", "personas", "benchmarks", "solutions"):
        (target / folder).mkdir(parents=True)
    shutil.copytree(demo / "docs", target / "docs")
    shutil.copytree(demo / "theme_overrides", target / "theme_overrides")
    config = (demo / "mkdocs.yml").read_text("utf-8")
    (target / "mkdocs.yml").write_text(config, "utf-8")
    persona_ids = [f"persona-{n + 1}" for n in range(personas)]
    for persona_id in persona_ids:
        fields = {
            "name": f"{persona_id.title()}, {_sentence(rng, 4)[:-1].lower()}",
            "quote": _sentence(rng, 10),
            "context": [_sentence(rng, 8) for _ in range(3)],
            "goals": [_sentence(rng, 8) for _ in range(3)],
            "frustrations": [_sentence(rng, 8) for _ in range(3)],
            "expectations": [_sentence(rng, 8) for _ in range(3)],
            "channels": rng.sample(CHANNELS, 3),
            "digital_maturity": rng.choice(["low", "medium", "high"]),
            "recognise": [_sentence(rng, 8) for _ in range(2)],
            "posture": {"wording": [_sentence(rng, 6)], "script": _sentence(rng, 14), "do": [_sentence(rng, 6)], "dont": [_sentence(rng, 6)]},
        }
        (target / "personas" / f"{persona_id}.md").write_text(_front_matter(fields, _sentence(rng, 60)), "utf-8")
    benchmark_ids = [f"pratique-{n + 1}" for n in range(benchmarks)]
    for benchmark_id in benchmark_ids:
        fields = {
            "title": _sentence(rng, 6)[:-1],
            "company": rng.choice(["Assureur A", "Banque B", "Opérateur C", "Distributeur D"]),
            "sector": rng.choice(["Assurance", "Banque", "Télécoms", "Distribution"]),
            "phase": rng.choice(["before", "purchase", "after"]),
            "stage": f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}",
            "channels": rng.sample(CHANNELS, 2),
            "practice": _sentence(rng, 40),
            "why_it_works": _sentence(rng, 30),
            "source": "Observation",
            "observed": "2026-05-01",
        }
        (target / "benchmarks" / f"{benchmark_id}.md").write_text(_front_matter(fields, _sentence(rng, 50)), "utf-8")
    for number in range(journeys):
        data = _journey(rng, number, persona_ids, benchmark_ids)
        (target / "journeys" / f"parcours-{number + 1}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    for number in range(solutions):
        journey = rng.randint(1, journeys)
        fields = {
            "title": _sentence(rng, 6)[:-1],
            "summary": _sentence(rng, 20),
            "addresses": [f"parcours-{journey}/etape-{rng.randint(1, 12)}"],
            "target_experience": [_sentence(rng, 10) for _ in range(3)],
            "owner": "Direction des opérations",
            "timeline": {"start": "2027-T1", "end": "2027-T4"},
            "prerequisites": [_sentence(rng, 8)],
            "status": rng.choice(["idea", "planned", "in_progress", "done"]),
            "scores": {"customer_expectations": rng.randint(1, 5), "resources": rng.randint(1, 5)},
        }
        (target / "solutions" / f"chantier-{number + 1}.md").write_text(_front_matter(fields, _sentence(rng, 60)), "utf-8")
    return target
