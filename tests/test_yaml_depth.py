"""The nesting measured before parsing is the nesting the parser builds.

`too_deep_at` reads the text alone, so that no parser ever sees a file nested
deep enough to crash it. It must count exactly what PyYAML composes: more
would refuse good files, fewer would let deep ones through. Checked on every
YAML text of the repository, on the constructs that fool a count of brackets
and indentation, and on the repository's files broken at random.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
import yaml
from yaml.nodes import ScalarNode, SequenceNode

from parcours.sources.front_matter import split_front_matter
from parcours.sources.yaml_depth import too_deep_at

REPO = Path(__file__).resolve().parent.parent


def _composed_depth(text: str) -> int | None:
    """Levels of collections PyYAML composes, the root's included; None if the text is not YAML."""
    try:
        root = yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError:
        return None
    deepest, stack = 0, [(root, 1)] if root is not None else []
    while stack:
        node, level = stack.pop()
        if isinstance(node, ScalarNode):
            continue
        deepest = max(deepest, level)
        children = node.value if isinstance(node, SequenceNode) else [part for pair in node.value for part in pair]
        stack.extend((child, level + 1) for child in children)
    return deepest


def _assert_measured(text: str) -> None:
    depth = _composed_depth(text)
    assert depth is not None, text
    assert too_deep_at(text, depth) is None, f"counted deeper than {depth}: {text!r}"
    if depth:
        assert too_deep_at(text, depth - 1) is not None, f"counted shallower than {depth}: {text!r}"


def _repository_texts() -> dict[str, str]:
    texts = {}
    for folder, dirs, files in os.walk(REPO):
        dirs[:] = [name for name in dirs if not name.startswith(".") and name not in ("site", "node_modules", "test-artifacts", "__pycache__")]
        for name in files:
            path = Path(folder, name)
            if path.suffix in (".yml", ".yaml"):
                text = path.read_text("utf-8")
            elif path.suffix == ".md" and path.read_text("utf-8").startswith("---\n"):
                text = split_front_matter(path.read_text("utf-8"), name)[0]
            else:
                continue
            if _composed_depth(text) is not None:  # the scaffolds are templates, `{{ id }}` and all
                texts[path.relative_to(REPO).as_posix()] = text
    return texts


REPOSITORY = _repository_texts()


@pytest.mark.parametrize("rel", sorted(REPOSITORY))
def test_every_yaml_text_of_the_repository_is_measured_as_parsed(rel: str) -> None:
    _assert_measured(REPOSITORY[rel])


TRICKY = {
    "brackets_in_block_plain_scalars": "titre: Bilan [2025\nautre: l'offre [premium] {x}\nurl: http://exemple.fr/[a]\n",
    "brackets_in_quotes": "a: 'c''est [ouvert'\nb: \"guillemet \\\" [ échappé\"\nc: [\"[\", '{', \"]\\\\\"]\n",
    "brackets_in_comments": "a: x # [ {\n# [[[[\nb: [1, # [ pas compté\n  2]\n",
    "apostrophes_in_plain_scalars": "l'avis: [l'avion, c'est, Je dis 'bonjour']\nb: Je dis 'bonjour [\n",
    "block_scalars": "a: |\n  - liste\n    - dans [\n  un bloc\nb: >-\n  plié {\n\n  encore\nc: |2\n    indenté\n  moins\nd: [x]\n",
    "block_scalar_in_a_list": "- |\n  texte [\n- >\n  autre {\n- x\n",
    "multi_line_plain_scalars": "a: texte qui\n  continue - avec [ crochet\n  et 'apostrophe\nb: 1\n",
    "list_at_its_keys_column": "liste:\n- a\n- b: [1, [2, {c: d}]]\n  e: f\nautre: x\n",
    "lists_in_lists_on_one_line": "- - - x\n    - y\n  - z\n- w\n",
    "key_value_pairs_inside_flow_lists": "a: [b: c, [d: [e]], ? f : g, {h: i}]\n",
    "collections_as_keys": "[a, [b]]: c\n? [d]\n: {e: [f]}\nliste: [[g]: h]\n",
    "explicit_and_empty_keys": "? clé\n: valeur\n&x : vide\n",
    "anchors_and_tags": "a: &a [1, [2]]\nb: !!seq [x]\nc: !!str x\n",
    "flow_over_several_lines": "{\"a\": [1,\n  2, {\"b\": [\n   3]}],\n # commentaire [\n \"c\":d, e: [f, g]}\n",
    "quoted_keys": "\"clé: [\": {x: [1]}\n'a''b': c\n",
    "documents_and_directives": "%YAML 1.1\n---\na: [1]\n...\n",
    "unicode_line_separators": "a:\u2028  b: [x]\n",
}


@pytest.mark.parametrize("name", TRICKY)
def test_constructs_that_fool_a_count_of_brackets_are_measured_as_parsed(name: str) -> None:
    _assert_measured(TRICKY[name])


TOKENS = ["[", "]", "{", "}", "'", '"', "#", " #", "- ", ": ", "? ", "|", ">-\n", "\n", "\n  ", "&a ", "*a", "!!str ", "l'", ", ", "[a, [b]]", "{c: [d]}", "\\", "---\n"]


def _broken(texts: list[str], seed: int) -> str:
    """One of the texts, with a few random insertions and deletions."""
    chance = random.Random(seed)
    text = chance.choice(texts)
    for _ in range(chance.randint(1, 6)):
        at = chance.randrange(len(text) + 1)
        if chance.random() < 0.2:
            text = text[:at] + text[at + chance.randint(1, 5) :]
        else:
            text = text[:at] + chance.choice(TOKENS) + text[at:]
    return text


def test_files_broken_at_random_are_measured_as_parsed() -> None:
    """Where the broken file is still YAML, exactly; where it is not, never
    fewer levels than a parser opens before its error, but for the one level
    a collection may open at the mistake itself, where the parser stops."""
    texts = [text for text in [*REPOSITORY.values(), *TRICKY.values()] if len(text) < 3_000]  # small, for speed
    still_yaml = 0
    for seed in range(400):
        text = _broken(texts, seed)
        if _composed_depth(text) is not None:
            still_yaml += 1
            _assert_measured(text)
            continue
        for loader in (yaml.BaseLoader, yaml.CBaseLoader):
            level = deepest = 0
            try:
                for event in yaml.parse(text, Loader=loader):
                    if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                        level += 1
                        deepest = max(deepest, level)
                    elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                        level -= 1
            except yaml.YAMLError:
                pass
            if deepest >= 2:
                assert too_deep_at(text, deepest - 2) is not None, (seed, text)
    assert still_yaml > 100  # the test did compare


@pytest.mark.parametrize(
    ("text", "limit", "at"),
    [
        ("a: [[[x]]]\n", 3, (1, 6)),  # the mapping, then `[` `[`: the third bracket is the fourth level
        ("a:\n  b:\n    - c: d\n", 3, (3, 7)),
        ("liste:\n- - x\n", 2, (2, 3)),  # the list at its key's column is the second level
        ("a: [[b]: c]\n", 3, (1, 5)),  # a key's brackets count once the pair around them is known
        ("[[x]]: y\n", 2, (1, 2)),
        ("a: 'x\n[[[[' \nb: [[y]]\n", 2, (3, 5)),
    ],
)
def test_the_place_where_the_limit_is_crossed(text: str, limit: int, at: tuple[int, int]) -> None:
    assert too_deep_at(text, limit) == at
    assert too_deep_at(text, limit + 1) is None
