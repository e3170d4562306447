"""The translation tables: same keys in every language, every message usable."""

from __future__ import annotations

import re
import string
from pathlib import Path

from parcours.language.translator import LANGUAGES, Translator, catalogue
from parcours.model.vocabulary import MEASURES, VOCABULARIES

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "parcours"


def _keys(node, prefix=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _keys(value, f"{prefix}.{key}" if prefix else str(key))
    else:
        yield prefix


def test_every_language_has_the_same_keys():
    french = set(_keys(catalogue("fr")))
    for language in LANGUAGES:
        assert set(_keys(catalogue(language))) == french, language


def test_every_message_formats_with_its_parameters():
    for language in LANGUAGES:
        translator = Translator(language)
        for code, template in catalogue(language)["messages"].items():
            fields = {name.split("!")[0] for _, name, _, _ in string.Formatter().parse(template) if name}
            params = {name: ["a", "b"] if name in ("known", "expected") else "x" for name in fields}
            text = translator.message(code, **params)
            assert "{" not in text.replace("{{", "") or code == "yaml_unclosed_bracket", (language, code, text)


def test_every_message_the_code_raises_exists():
    pattern = re.compile(
        r'(?:problem\(\s*|code=|PydanticCustomError\(\s*|message\(\s*|refusal=\(|_at\([^,]+,\s*)"([a-z_]+)"'
    )
    used = set()
    for path in PACKAGE.rglob("*.py"):
        used.update(pattern.findall(path.read_text("utf-8")))
    messages = set(catalogue("fr")["messages"])
    assert used, "no message code found: the pattern is stale"
    assert used <= messages, used - messages


def test_every_value_of_the_model_has_its_words_in_every_language():
    """A value added to the model's vocabulary (a qualification, a status…) must
    say what it is on the site, in every language, under its vocabulary's group."""
    for language in LANGUAGES:
        labels = catalogue(language)["labels"]
        for vocabulary in (*VOCABULARIES, MEASURES):
            group = labels.get(vocabulary.group, {})
            missing = [value for value in vocabulary.ids if not group.get(value)]
            assert not missing, (language, vocabulary.group, missing)
            # …and the tables name no value the model has not.
            assert set(group) <= set(vocabulary.ids), (language, vocabulary.group, set(group) - set(vocabulary.ids))
