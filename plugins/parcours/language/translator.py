"""The translation table: every word the site and the error messages show.

French is the default language of the site and of the messages; English is
the second table. Both live in `locales/<lang>.yml` so that a translator
edits data, not code. A test keeps the two tables' keys identical.
"""

from __future__ import annotations

import string
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

import yaml
from babel import Locale
from babel.lists import format_list

from .customers import CustomerWords

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"


@lru_cache(maxsize=None)
def catalogue(language: str) -> dict[str, Any]:
    """The whole table of one language (read once per process)."""
    text = resources.files(__package__).joinpath(f"locales/{language}.yml").read_text("utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml when there: the same tables, faster


@lru_cache(maxsize=None)
def worded(language: str, customers: CustomerWords | None) -> dict[str, Any]:
    """The table with the site's word for its customers in every sentence (default: the table's own)."""
    table = catalogue(language)
    one, many = table["customers"]
    return (customers or CustomerWords(one, many)).put_in_tree(table, language)


class _MessageFormatter(string.Formatter):
    """`str.format` with two conversions for quoting user values.

    `{value!q}` quotes one value the way the language does (« x » or “x”);
    `{values!l}` quotes each item of a list and joins them as the language
    does (« a », « b » et « c »).
    """

    def __init__(self, quote: str, nothing: str, language: str) -> None:
        super().__init__()
        self.quote = quote
        self.nothing = nothing
        self.language = language

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if conversion == "q":
            return self.quote.format(value)
        if conversion == "l":
            items: Iterable[Any] = value if isinstance(value, (list, tuple, set)) else [value]
            quoted = [self.quote.format(item) for item in items]
            return format_list(quoted, locale=self.language) if quoted else self.nothing
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> Any:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return super().format_field(value, format_spec)


class Translator:
    """Labels and messages of one language, naming customers with the site's word."""

    def __init__(self, language: str = DEFAULT_LANGUAGE, customers: CustomerWords | None = None) -> None:
        if language not in LANGUAGES:
            language = DEFAULT_LANGUAGE
        self.language = language
        self.customers = customers
        self._table = worded(language, customers)
        self._formatter = _MessageFormatter(self._table["quote"], self._table["labels"]["site"]["nothing"], language)
        #: CLDR's plural category of a number; a page asks for the same few numbers thousands of times.
        self._plural = lru_cache(maxsize=4096)(Locale.parse(language).plural_form)

    def label(self, key: str) -> str:
        """A word of the interface, by dotted key (`phase.before`)."""
        node: Any = self._table["labels"]
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise KeyError(f"no label {key!r} in locale {self.language!r}")
            node = node[part]
        return str(node)

    def labels(self) -> dict[str, Any]:
        """The whole label tree, for templates (`t.phase.before`)."""
        return self._table["labels"]

    def message(self, code: str, **params: Any) -> str:
        """A problem's explanation, with its suggestion when there is one.

        A message places the suggestion with `{did_you_mean}`; one that does
        not gets it at its end.
        """
        template = self._table["messages"][code]
        suggestion = params.get("suggestion")
        hint = ""
        if suggestion:
            hint = " " + self._formatter.format(
                self._table["messages"]["did_you_mean"], suggestion=suggestion
            )
        text = self._formatter.format(template, **{**params, "did_you_mean": hint})
        if hint and "{did_you_mean}" not in template:
            text += hint
        return text

    def has_message(self, code: str) -> bool:
        """Whether `code` names a message (our own pydantic error types do)."""
        return code in self._table["messages"]

    def count(self, number: int, word: str) -> str:
        """`2 erreurs`, `1 erreur`: a number with its word (`labels.counts.<word>`)."""
        return f"{number} {self.word(number, word)}"

    def word(self, number: float, word: str | list[str]) -> str:
        """The word that goes with a number: singular or plural, by the language's
        plural rules (CLDR: « 0 erreur », "0 errors"). `word` names an entry of
        `labels.counts`, or is itself the pair (`[« {count} l'a dit », « {count} l'ont dit »]`)."""
        one, many = self._table["labels"]["counts"][word] if isinstance(word, str) else word
        return one if self._plural(abs(number)) == "one" else many

    def summary(self, report: Any, strict: bool = False) -> str:
        """The closing line of a check: how many errors, warnings, files, and
        whether the warnings stop it (they do under `--strict`, as publication does)."""
        files = {problem.file for problem in report.problems if problem.severity != "info"}
        return self.message(
            "build_failed" if report.has_errors() else "build_warnings_strict" if strict else "build_warnings",
            errors=self.count(len(report.errors), "error"),
            warnings=self.count(len(report.warnings), "warning"),
            files=self.count(len(files), "file"),
        )

    def quote(self, value: Any) -> str:
        return self._table["quote"].format(value)
